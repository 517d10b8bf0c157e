package org.lianxin.node.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.spec.LX;

/**
 * This node's part of the service statistic (spec 18.8): the requests sent to an organization of
 * the subtrees of {@code roots} held here — never their copies, which are counted where the request
 * was sent — with the time of their first answer by an organization; one query.
 */
final class LocalServiceStatistics {

    private LocalServiceStatistics() {}

    static ServiceStatistics of(LogicalNode node, List<Node> roots, Duration answerWithin) {
        String query = """
                PREFIX lx: <%s>
                SELECT ?r ?sentAt ?state ?rating (MIN(?answeredAt) AS ?first) WHERE {
                  VALUES ?q { %s }
                  GRAPH <urn:x-arq:UnionGraph> { ?o <http://www.w3.org/ns/org#subOrganizationOf>* ?q }
                  GRAPH ?r {
                    ?r a lx:ServiceRequest ; lx:sentTo ?o ; lx:sentAt ?sentAt ; lx:feedbackState ?state .
                    OPTIONAL { ?r lx:rating ?rating }
                    OPTIONAL { ?r lx:reply ?b . ?b lx:repliedBy ?by ; lx:sentAt ?answeredAt }
                    FILTER NOT EXISTS { ?r lx:escalatedFrom ?below }
                  }
                } GROUP BY ?r ?sentAt ?state ?rating""".formatted(LX.NS, roots.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" ")));
        return node.store().read(tx -> {
            ServiceStatistics sum = ServiceStatistics.NONE;
            for (var row : tx.select(QueryFactory.create(query))) {
                Instant sent = Instant.parse(row.get(Var.alloc("sentAt")).getLiteralLexicalForm());
                Node first = row.get(Var.alloc("first"));
                boolean answered = first != null;
                boolean inTime = answered && !Instant.parse(first.getLiteralLexicalForm()).isAfter(sent.plus(answerWithin)); // LX-SERVICE-15
                Node state = row.get(Var.alloc("state"));
                long[] ratings = new long[5];
                Node rating = row.get(Var.alloc("rating"));
                if (rating != null) {
                    ratings[((Number) rating.getLiteralValue()).intValue() - 1] = 1;
                }
                sum = sum.plus(new ServiceStatistics(1, answered ? 1 : 0, inTime ? 1 : 0, state.equals(LX.Closed.asNode()) ? 0 : 1,
                        state.equals(LX.Closed.asNode()) ? 1 : 0, ratings));
            }
            return sum;
        });
    }
}
