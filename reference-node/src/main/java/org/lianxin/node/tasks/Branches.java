package org.lianxin.node.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.OrganizationKind;
import org.lianxin.spec.LX;

/** The branches of this node in the subtrees of some organizations: the ones that act on tasks (LX-TASK-8). */
final class Branches {

    /** A branch and its name, as a progress report lists the missing ones. */
    record Branch(Node iri, String name) {}

    private Branches() {}

    static List<Branch> under(LogicalNode node, List<Node> roots) {
        String values = roots.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        String types = OrganizationKind.BRANCH_TYPES.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        String query = "SELECT DISTINCT ?o ?name WHERE { VALUES ?q { " + values + " } VALUES ?type { " + types + " } "
                + "GRAPH <urn:x-arq:UnionGraph> { ?o <http://www.w3.org/ns/org#subOrganizationOf>* ?q } "
                + "GRAPH ?o { ?o <" + LX.organizationType.getURI() + "> ?type ; <http://schema.org/name> ?name } "
                + "FILTER NOT EXISTS { GRAPH ?o { ?o a <" + LX.Tombstone.getURI() + "> } } } ORDER BY ?o";
        return node.store().derived("branches " + values, tx -> {
            List<Branch> branches = new ArrayList<>();
            tx.select(QueryFactory.create(query)).forEach(r -> branches.add(
                    new Branch(r.get(Var.alloc("o")), r.get(Var.alloc("name")).getLiteralLexicalForm())));
            return List.copyOf(branches);
        });
    }
}
