package org.lianxin.node.federation;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.nodes.LogicalNode;

/** Which registered children hold part of the subtree of some organizations of this node, and which of their roots. */
public final class SubtreeScope {

    private SubtreeScope() {}

    /** The local organizations at or below any of {@code organizations}; kept until the node's next write. */
    public static Set<String> localSubtree(LogicalNode node, List<Node> organizations) {
        String values = organizations.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        String sparql = "SELECT DISTINCT ?o WHERE { VALUES ?q { " + values + " } "
                + "GRAPH <urn:x-arq:UnionGraph> { ?o <http://www.w3.org/ns/org#subOrganizationOf>* ?q } }";
        return node.store().derived("subtree " + values, tx -> {
            Set<String> subtree = new HashSet<>();
            tx.select(QueryFactory.create(sparql)).forEach(b -> subtree.add(b.get(Var.alloc("o")).getURI()));
            return Set.copyOf(subtree);
        });
    }

    /** For each child with roots in the subtree: those roots (child base → roots, in registration order). */
    public static Map<Child, List<Node>> childrenIn(List<Child> children, Set<String> subtree) {
        Map<Child, List<Node>> scope = new LinkedHashMap<>();
        for (Child child : children) {
            List<Node> roots = child.roots().entrySet().stream()
                    .filter(e -> subtree.contains(e.getValue()))
                    .map(e -> NodeFactory.createURI(e.getKey()))
                    .toList();
            if (!roots.isEmpty()) {
                scope.put(child, roots);
            }
        }
        return scope;
    }
}
