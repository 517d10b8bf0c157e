package org.lianxin.node.dues;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.store.RecordTransaction;

/** Dues accounts read from the store: of one member, or of every party member under organizations (for arrears). */
public final class DuesAccounts {

    private static final String PREFIXES = "PREFIX lx: <https://w3id.org/lianxin/ns#>\n";

    private DuesAccounts() {}

    /** The account of the member {@code iri}, whose record is {@code record}. */
    public static DuesAccount of(RecordTransaction tx, Node iri, Graph record, YearMonth to, DuesRates rates) {
        MemberDues member = MemberDues.of(record, iri);
        String sparql = PREFIXES + "SELECT ?month ?amount WHERE { GRAPH ?p { ?p lx:payer " + NodeFmtLib.strNT(iri)
                + " ; lx:month ?month ; lx:amount ?amount } " + window(to) + " }";
        Map<YearMonth, BigDecimal> paid = new TreeMap<>();
        for (Binding row : tx.select(QueryFactory.create(sparql))) {
            paid.merge(YearMonth.parse(row.get(Var.alloc("month")).getLiteralLexicalForm()), Money.of(row.get(Var.alloc("amount"))), BigDecimal::add);
        }
        return new DuesAccount(member, member.assessment(rates), to, paid);
    }

    /**
     * The accounts of the probationary and full members under {@code organizations} on this node, in
     * the order of their IRIs: two queries for them all, however many members.
     */
    public static List<DuesAccount> under(LogicalNode node, List<Node> organizations, YearMonth to, DuesRates rates) {
        String values = organizations.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        String members = PREFIXES + """
                SELECT DISTINCT ?m WHERE {
                  VALUES ?q { %s }
                  GRAPH <urn:x-arq:UnionGraph> { ?b <http://www.w3.org/ns/org#subOrganizationOf>* ?q }
                  GRAPH ?m { ?m a lx:Member ; lx:branch ?b ; lx:stage ?stage }
                  FILTER (?stage IN (lx:ProbationaryMember, lx:FullMember))
                  FILTER NOT EXISTS { GRAPH ?m { ?m a lx:Tombstone } }
                } ORDER BY ?m""".formatted(values);
        String payments = PREFIXES + """
                SELECT DISTINCT ?p ?m ?month ?amount WHERE {
                  VALUES ?q { %s }
                  GRAPH <urn:x-arq:UnionGraph> { ?b <http://www.w3.org/ns/org#subOrganizationOf>* ?q }
                  GRAPH ?m { ?m a lx:Member ; lx:branch ?b }
                  GRAPH ?p { ?p lx:payer ?m ; lx:month ?month ; lx:amount ?amount }
                  %s
                }""".formatted(values, window(to));
        return node.store().read(tx -> {
            Map<Node, Map<YearMonth, BigDecimal>> paid = new HashMap<>();
            for (Binding row : tx.select(QueryFactory.create(payments))) {
                paid.computeIfAbsent(row.get(Var.alloc("m")), m -> new TreeMap<>())
                        .merge(YearMonth.parse(row.get(Var.alloc("month")).getLiteralLexicalForm()), Money.of(row.get(Var.alloc("amount"))), BigDecimal::add);
            }
            return tx.select(QueryFactory.create(members)).stream().map(b -> b.get(Var.alloc("m")))
                    .map(m -> tx.get(m).map(g -> {
                        MemberDues member = MemberDues.of(g, m);
                        return new DuesAccount(member, member.assessment(rates), to, paid.getOrDefault(m, Map.of()));
                    }).orElseThrow())
                    .toList();
        });
    }

    /** The twelve months up to {@code to}, compared as text: "2025-11" ≤ ?month ≤ "2026-10". */
    private static String window(YearMonth to) {
        return "FILTER (STR(?month) >= \"" + to.minusMonths(11) + "\" && STR(?month) <= \"" + to + "\")";
    }
}
