package org.lianxin.node.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.ORG;
import org.lianxin.node.federation.Superiors;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.store.RecordTransaction;

/**
 * What the caller of this request may read and write (spec 8.6, Table 8.7): a secretary or
 * organization admin the subtree of the organization they act for, on this node and, through the
 * ancestors the parent node gives, below an organization of an ancestor node (LX-SEC-23); a member
 * their own record; a node operator the organization records.
 */
@RequestScoped
public class Access implements RecordGuard {

    private static final String SUB_ORGANIZATION_OF = NodeFmtLib.strNT(ORG.subOrganizationOf.asNode());

    @Inject
    CurrentCaller current;

    @Inject
    Superiors superiors;

    /** Per node: the organizations whose subtrees the caller may read there. */
    private final Map<String, List<Node>> scopes = new HashMap<>();

    private Caller caller() {
        return current.get().orElseThrow(() -> new IllegalStateException("a guarded route was reached without a verified caller"));
    }

    @Override
    public boolean readable(LogicalNode node, RecordTransaction tx, RecordKind kind, Node iri, Graph record) {
        Caller caller = caller();
        if (kind.directory() && caller.has(Caller.NODE_OPERATOR)) {
            return true;
        }
        if (caller.has(Caller.MEMBER) && caller.member().isPresent()
                && kind.about(record, iri, NodeFactory.createURI(caller.member().get()))) {
            return true;
        }
        return writable(node, tx, kind, iri, record);
    }

    @Override
    public boolean writable(LogicalNode node, RecordTransaction tx, RecordKind kind, Node iri, Graph record) {
        return caller().managesSubtree()
                && kind.organizationOf(record, iri).map(o -> inSubtree(node, o, iri, record)).orElse(false);
    }

    @Override
    public void writing(RecordKind kind, Node iri, Optional<Graph> before, Optional<Graph> after) {
        List<String> organizations = new ArrayList<>();
        before.flatMap(g -> kind.organizationOf(g, iri)).ifPresent(o -> organizations.add(o.getURI()));
        after.flatMap(g -> kind.organizationOf(g, iri)).filter(Node::isURI).ifPresent(o -> organizations.add(o.getURI()));
        current.placed(organizations);
    }

    @Override
    public boolean writes(RecordKind kind) {
        return caller().managesSubtree();
    }

    /**
     * The records the caller manages, as a guard: statistics, searches and the audit log are for
     * secretaries and organization admins over their subtree, not for members or operators
     * (LX-SEC-26, LX-SEC-48).
     */
    public RecordGuard managed() {
        return new RecordGuard() {
            @Override
            public boolean readable(LogicalNode node, RecordTransaction tx, RecordKind kind, Node iri, Graph record) {
                return writable(node, tx, kind, iri, record);
            }

            @Override
            public boolean writable(LogicalNode node, RecordTransaction tx, RecordKind kind, Node iri, Graph record) {
                return Access.this.writable(node, tx, kind, iri, record);
            }

            @Override
            public boolean writes(RecordKind kind) {
                return Access.this.writes(kind);
            }

            @Override
            public String listFilter(LogicalNode node, RecordKind kind) {
                return caller().managesSubtree() ? Access.this.listFilter(node, kind) : "FILTER(false)";
            }
        };
    }

    /**
     * Walks up from {@code organization} through subOrganizationOf among the node's organizations
     * (reading {@code pending} for {@code pendingIri}, a record being written) until it meets the
     * caller's organization, or leaves the node: then the parent node's ancestors decide (LX-SEC-23).
     */
    private boolean inSubtree(LogicalNode node, Node organization, Node pendingIri, Graph pending) {
        Node actingFor = NodeFactory.createURI(caller().actingFor().orElseThrow());
        Set<Node> seen = new HashSet<>();
        Node current = organization;
        while (current != null && seen.add(current)) {
            if (current.equals(actingFor)) {
                return true;
            }
            if (!node.holdsOrganization(current)) {
                return !node.holdsOrganization(actingFor) && above(node, current).contains(actingFor.getURI());
            }
            current = current.equals(pendingIri)
                    ? Lifecycle.value(pending, current, ORG.subOrganizationOf.asNode()).orElse(null)
                    : superior(node, current).orElse(null);
        }
        return false;
    }

    /**
     * The superior an organization of this node names, kept until the node's next write: every
     * guarded read walks these (issue 6, W4), and organizations move far less often than they are read.
     */
    private static Optional<Node> superior(LogicalNode node, Node organization) {
        return node.store().derived("superior " + organization.getURI(), tx -> tx.find(organization, organization,
                ORG.subOrganizationOf.asNode(), Node.ANY).stream().findFirst().map(Quad::getObject));
    }

    private Set<String> above(LogicalNode node, Node superior) {
        return superiors.above(node, superior, caller());
    }

    @Override
    public String listFilter(LogicalNode node, RecordKind kind) {
        Caller caller = caller();
        if (kind.directory() && caller.has(Caller.NODE_OPERATOR)) {
            return "";
        }
        List<String> readable = new ArrayList<>();
        List<Node> scope = caller.managesSubtree() ? scope(node) : List.of();
        if (!scope.isEmpty()) {
            String roots = scope.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
            readable.add("{ VALUES ?scopeRoot { " + roots + " } " + kind.organizationPattern()
                    + " GRAPH <urn:x-arq:UnionGraph> { ?scopeOrg " + SUB_ORGANIZATION_OF + "* ?scopeRoot } }");
        }
        if (caller.has(Caller.MEMBER) && caller.member().isPresent()) {
            kind.aboutMember(NodeFactory.createURI(caller.member().get())).ifPresent(readable::add);
        }
        return readable.isEmpty() ? "FILTER(false)" : String.join(" UNION ", readable);
    }

    /**
     * The organizations of this node whose subtrees the caller may read: its own organization when
     * this node holds it; else the node's top organizations whose superior lies in its subtree.
     */
    private List<Node> scope(LogicalNode node) {
        return scopes.computeIfAbsent(node.base(), b -> {
            Node actingFor = NodeFactory.createURI(caller().actingFor().orElseThrow());
            if (node.holdsOrganization(actingFor)) {
                return node.store().read(tx -> tx.exists(actingFor)) ? List.of(actingFor) : List.of();
            }
            String tops = "SELECT ?o ?superior WHERE { GRAPH ?o { ?o " + SUB_ORGANIZATION_OF + " ?superior } "
                    + "FILTER(!STRSTARTS(STR(?superior), \"" + node.organizationsUrl() + "/\")) } ORDER BY ?o";
            List<Node> roots = new ArrayList<>();
            for (var row : node.store().derived("tops-with-superiors", tx -> tx.select(QueryFactory.create(tops)))) {
                Node superior = row.get(Var.alloc("superior"));
                if (superior.equals(actingFor) || superior.isURI() && above(node, superior).contains(actingFor.getURI())) {
                    roots.add(row.get(Var.alloc("o")));
                }
            }
            return List.copyOf(roots);
        });
    }
}
