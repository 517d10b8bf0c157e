package org.lianxin.node.dues;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.lianxin.node.store.RecordTransaction;

/**
 * The paid totals per collecting organization and month, kept in the store's bookkeeping graph
 * {@code urn:lianxin:dues} and updated in the transaction that stores a payment (spec 9.9): the
 * collection statistic reads one row per branch and month, never the payments themselves, so its
 * cost does not grow with the months of payments a node holds.
 */
public final class DuesTotals {

    /** The graph of the totals; never part of a record. */
    public static final Node GRAPH = NodeFactory.createURI("urn:lianxin:dues");
    private static final String NS = "urn:lianxin:dues#";
    static final Node COLLECTED_BY = NodeFactory.createURI(NS + "collectedBy");
    static final Node MONTH = NodeFactory.createURI(NS + "month");
    static final Node PAID = NodeFactory.createURI(NS + "paid");
    static final Node PAYERS = NodeFactory.createURI(NS + "payers");
    static final Node PAYMENTS = NodeFactory.createURI(NS + "payments");

    /** Paid sums over some organizations for one month. */
    public record Paid(long payers, BigDecimal amount) {}

    private DuesTotals() {}

    /** Adds one payment to the totals of its organization and month; {@code newPayer}: the payer's first for the month there. */
    static void add(RecordTransaction tx, Node collectedBy, YearMonth month, BigDecimal amount, boolean newPayer) {
        Node total = NodeFactory.createURI("urn:lianxin:dues:" + month + ":" + URLEncoder.encode(collectedBy.getURI(), StandardCharsets.UTF_8));
        long paid = current(tx, total, PAID);
        long payers = current(tx, total, PAYERS);
        long payments = current(tx, total, PAYMENTS);
        tx.remove(GRAPH, total, Node.ANY, Node.ANY);
        tx.add(GRAPH, total, COLLECTED_BY, collectedBy);
        tx.add(GRAPH, total, MONTH, NodeFactory.createLiteralString(month.toString()));
        // In fen, as a whole number: TDB2 keeps decimals by value and a later delete misses them.
        tx.add(GRAPH, total, PAID, count(paid + amount.movePointRight(2).longValueExact()));
        tx.add(GRAPH, total, PAYERS, count(payers + (newPayer ? 1 : 0)));
        tx.add(GRAPH, total, PAYMENTS, count(payments + 1));
    }

    /**
     * The sums for {@code month} over the organizations at or below {@code organizations} on this node
     * (LX-DUES-21): one row per collecting organization, whatever the number of payments.
     */
    public static Paid paid(RecordTransaction tx, List<Node> organizations, YearMonth month) {
        String values = organizations.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        String sparql = "SELECT ?t ?paid ?payers WHERE { VALUES ?q { " + values + " } "
                + "GRAPH <urn:x-arq:UnionGraph> { ?b <http://www.w3.org/ns/org#subOrganizationOf>* ?q } "
                + "GRAPH " + NodeFmtLib.strNT(GRAPH) + " { ?t " + NodeFmtLib.strNT(COLLECTED_BY) + " ?b ; "
                + NodeFmtLib.strNT(MONTH) + " " + NodeFmtLib.strNT(NodeFactory.createLiteralString(month.toString())) + " ; "
                + NodeFmtLib.strNT(PAID) + " ?paid ; " + NodeFmtLib.strNT(PAYERS) + " ?payers } }";
        BigDecimal amount = BigDecimal.ZERO;
        long payers = 0;
        java.util.Set<Node> seen = new java.util.HashSet<>(); // an organization under two given ones counts once
        for (Binding row : tx.select(QueryFactory.create(sparql))) {
            if (seen.add(row.get(Var.alloc("t")))) {
                amount = amount.add(BigDecimal.valueOf(number(row, "paid"), 2));
                payers += number(row, "payers");
            }
        }
        return new Paid(payers, amount);
    }

    private static long current(RecordTransaction tx, Node total, Node property) {
        return tx.find(GRAPH, total, property, Node.ANY).stream().findFirst()
                .map(q -> ((Number) q.getObject().getLiteralValue()).longValue()).orElse(0L);
    }

    private static long number(Binding row, String var) {
        return ((Number) row.get(Var.alloc(var)).getLiteralValue()).longValue();
    }

    private static Node count(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDlong);
    }
}
