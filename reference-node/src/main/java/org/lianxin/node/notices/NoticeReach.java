package org.lianxin.node.notices;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.lianxin.node.nodes.LogicalNode;

/**
 * How far a notice reached (spec 17.8, LX-NOTICE-12): the party members of a subtree and how many
 * of them read it, counted where the members and their receipts are and added up the tree. Only
 * numbers leave this class (LX-NOTICE-15).
 */
record NoticeReach(long intended, long read) {

    NoticeReach plus(NoticeReach other) {
        return new NoticeReach(intended + other.intended, read + other.read);
    }

    /** read / intended, rounded half up to four places; 0 when nobody is intended (Table 17.9). */
    BigDecimal ratio() {
        return intended == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(read).divide(BigDecimal.valueOf(intended), 4, RoundingMode.HALF_UP);
    }

    /**
     * This node's part: its live probationary and full members whose branch is or lies below one of
     * {@code roots}, and those of them with a receipt for {@code notice}.
     */
    static NoticeReach local(LogicalNode node, List<Node> roots, Node notice) {
        String values = roots.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        String sparql = """
                PREFIX lx: <https://w3id.org/lianxin/ns#>
                PREFIX org: <http://www.w3.org/ns/org#>
                SELECT (COUNT(DISTINCT ?m) AS ?n) (COUNT(DISTINCT ?r) AS ?k) WHERE {
                  VALUES ?q { %s }
                  GRAPH <urn:x-arq:UnionGraph> { ?b org:subOrganizationOf* ?q }
                  GRAPH ?m { ?m a lx:Member ; lx:branch ?b ; lx:stage ?stage }
                  FILTER (?stage IN (lx:ProbationaryMember, lx:FullMember))
                  FILTER NOT EXISTS { GRAPH ?m { ?m a lx:Tombstone } }
                  OPTIONAL { GRAPH ?g { ?g a lx:ReadReceipt ; lx:reader ?m ; lx:notice %s } BIND (?m AS ?r) }
                }""".formatted(values, NodeFmtLib.strNT(notice));
        return node.store().read(tx -> {
            Binding row = tx.select(QueryFactory.create(sparql)).get(0);
            return new NoticeReach(number(row, "n"), number(row, "k"));
        });
    }

    private static long number(Binding row, String name) {
        Node n = row.get(Var.alloc(name));
        return n == null ? 0 : ((Number) n.getLiteralValue()).longValue();
    }

    JsonObjectBuilder toJson() {
        return JSON.createObjectBuilder().add("intended", intended).add("read", read).add("ratio", ratio());
    }

    /** The numbers of a child's answer, or null when it is not a reach answer (17.8). */
    static NoticeReach fromJson(JsonObject answer) {
        try {
            long intended = ((JsonNumber) answer.get("intended")).longValueExact();
            long read = ((JsonNumber) answer.get("read")).longValueExact();
            return intended < 0 || read < 0 || read > intended ? null : new NoticeReach(intended, read);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
