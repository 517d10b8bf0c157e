package org.lianxin.node.organizations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.ORG;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.records.References;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/** Organizations: party committees, branches and groups, linked by org:subOrganizationOf. */
public final class OrganizationKind implements RecordKind {

    /** The organization types of a branch (党支部): the organizations that hold branch life and act on tasks (chapters 12, 13). */
    public static final List<Node> BRANCH_TYPES = List.of(LX.Branch.asNode(), LX.JointBranch.asNode(), LX.TemporaryBranch.asNode());


    @Override
    public String segment() {
        return "organizations";
    }

    @Override
    public Node recordClass() {
        return LX.PartyOrganization.asNode();
    }

    /** LX-CORE-40: organizations are served as both org:Organization and lx:PartyOrganization. */
    @Override
    public List<Node> impliedClasses() {
        return List.of(ORG.Organization.asNode());
    }

    @Override
    public List<Node> keptInTombstone() {
        return List.of(ORG.subOrganizationOf.asNode());
    }

    @Override
    public Optional<Node> organizationOf(Graph record, Node iri) {
        return Optional.of(iri);
    }

    @Override
    public Node placement() {
        return ORG.subOrganizationOf.asNode();
    }

    @Override
    public String organizationPattern() {
        // ?r is bound inside the group first: a BIND alone would see it unbound (SPARQL evaluates groups bottom-up).
        return "GRAPH ?r { ?r a <" + LX.PartyOrganization.getURI() + "> } BIND(?r AS ?scopeOrg)";
    }

    @Override
    public boolean directory() {
        return true;
    }

    @Override
    public List<FieldError> check(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Node> parent = Lifecycle.value(record, iri, ORG.subOrganizationOf.asNode());
        if (parent.isEmpty()) {
            return errors;
        }
        if (parent.get().equals(iri)) {
            errors.add(cycle());
            return errors;
        }
        References.checkLocalOrganization(node, tx, parent.get(), "subOrganizationOf").ifPresentOrElse(errors::add, () -> {
            // LX-CORE-43: the hierarchy is a tree. Walk up from the new parent; meeting this record is a cycle.
            Set<Node> seen = new HashSet<>();
            Optional<Node> ancestor = parent;
            while (ancestor.isPresent() && node.holdsOrganization(ancestor.get()) && seen.add(ancestor.get())) {
                if (ancestor.get().equals(iri)) {
                    errors.add(cycle());
                    return;
                }
                Node current = ancestor.get();
                ancestor = tx.get(current).flatMap(g -> Lifecycle.value(g, current, ORG.subOrganizationOf.asNode()));
            }
        });
        return errors;
    }

    /** LX-CORE-44: an organization with live sub-organizations or members stays. */
    @Override
    public void checkDelete(LogicalNode node, RecordTransaction tx, Node iri) {
        String o = NodeFmtLib.strNT(iri);
        String tombstone = NodeFmtLib.strNT(LX.Tombstone.asNode());
        String query = "SELECT ?r WHERE { { GRAPH ?r { ?r <" + ORG.subOrganizationOf.getURI() + "> " + o + " } }"
                + " UNION { GRAPH ?r { ?r <" + LX.branch.getURI() + "> " + o + " } }"
                + " FILTER NOT EXISTS { GRAPH ?r { ?r a " + tombstone + " } } } LIMIT 1";
        if (!tx.select(QueryFactory.create(query)).isEmpty()) {
            throw ProblemException.conflict("The organization still has sub-organizations or members; move or delete them first.",
                    List.of(new FieldError("", "organization-in-use", "The organization is still in use.", "LX-CORE-44")));
        }
    }

    private static FieldError cycle() {
        return new FieldError("subOrganizationOf", "organization-cycle", "The organization would become its own ancestor.", "LX-CORE-43");
    }
}
