package org.lianxin.node.rosters;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * The organizations of the node whose members the caller may write, taken when the import starts
 * (spec 8.6: the subtree of the organization the caller acts for): the import runs after the request
 * has been answered, with the rights the caller had when it was made.
 */
public final class SubtreeBranches implements RosterCells.Branches {

    private final Map<String, List<Node>> byName = new HashMap<>();
    private final Set<Node> writable = new HashSet<>();

    public SubtreeBranches(LogicalNode node, RecordKind organizations, RecordGuard guard) {
        String query = "SELECT ?o ?name WHERE { GRAPH ?o { ?o a " + NodeFmtLib.strNT(LX.PartyOrganization.asNode()) + " ; "
                + NodeFmtLib.strNT(SchemaOrg.name.asNode()) + " ?name } "
                + "FILTER NOT EXISTS { GRAPH ?o { ?o a " + NodeFmtLib.strNT(LX.Tombstone.asNode()) + " } } }";
        node.store().read(tx -> {
            for (var row : tx.select(QueryFactory.create(query))) {
                Node o = row.get(Var.alloc("o"));
                tx.get(o).filter(g -> !Lifecycle.isTombstone(g, o) && guard.writable(node, tx, organizations, o, g)).ifPresent(g -> {
                    writable.add(o);
                    byName.computeIfAbsent(row.get(Var.alloc("name")).getLiteralLexicalForm(), n -> new java.util.ArrayList<>()).add(o);
                });
            }
            return null;
        });
    }

    @Override
    public List<Node> named(String name) {
        return byName.getOrDefault(name, List.of());
    }

    @Override
    public boolean writable(Node organization) {
        return writable.contains(organization);
    }
}
