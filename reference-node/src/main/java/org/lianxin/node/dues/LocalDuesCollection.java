package org.lianxin.node.dues;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.spec.LX;

/**
 * The collection statistic of one month over organizations of this node (LX-DUES-21), computed
 * where the members are: the expected sum from the member records, grouped by category and base so
 * that each assessment is computed once; the paid sum from the totals kept with the payments.
 */
public final class LocalDuesCollection {

    private LocalDuesCollection() {}

    public static DuesCollection of(LogicalNode node, List<Node> organizations, YearMonth month, DuesRates rates) {
        String values = organizations.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        // LX-DUES-6: liable when probationary or full, admitted in the month or before; xsd:date text orders like the dates.
        String sparql = """
                PREFIX lx: <https://w3id.org/lianxin/ns#>
                SELECT ?category ?base (COUNT(DISTINCT ?m) AS ?n) WHERE {
                  VALUES ?q { %s }
                  GRAPH <urn:x-arq:UnionGraph> { ?b <http://www.w3.org/ns/org#subOrganizationOf>* ?q }
                  GRAPH ?m { ?m a lx:Member ; lx:branch ?b ; lx:stage ?stage ; lx:admissionDate ?admission
                             OPTIONAL { ?m lx:duesCategory ?category } OPTIONAL { ?m lx:duesBase ?base } }
                  FILTER (?stage IN (lx:ProbationaryMember, lx:FullMember))
                  FILTER (SUBSTR(STR(?admission), 1, 7) <= "%s")
                  FILTER NOT EXISTS { GRAPH ?m { ?m a lx:Tombstone } }
                } GROUP BY ?category ?base""".formatted(values, month);
        // Kept until the node's next write: asked for far more often than members and payments change (issue 6).
        return node.store().derived("dues-collection " + month + " " + values, tx -> {
            long members = 0;
            long unassessed = 0;
            BigDecimal expected = BigDecimal.ZERO;
            for (Binding row : tx.select(QueryFactory.create(sparql))) {
                long n = ((Number) row.get(Var.alloc("n")).getLiteralValue()).longValue();
                Node category = row.get(Var.alloc("category"));
                Node base = row.get(Var.alloc("base"));
                Optional<BigDecimal> assessment = category == null || !category.isURI() ? Optional.empty()
                        : rates.assess(category.getURI().substring(LX.NS.length()), Optional.ofNullable(base).map(Money::of));
                members += n;
                if (assessment.isPresent()) {
                    expected = expected.add(assessment.get().multiply(BigDecimal.valueOf(n)));
                } else {
                    unassessed += n;
                }
            }
            DuesTotals.Paid paid = DuesTotals.paid(tx, organizations, month);
            return new DuesCollection(members, unassessed, expected, paid.payers(), paid.amount());
        });
    }
}
