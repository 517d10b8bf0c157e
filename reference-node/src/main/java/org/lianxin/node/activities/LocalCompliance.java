package org.lianxin.node.activities;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.spec.LX;

/**
 * This node's part of the compliance statistic (spec 12.5): the organizations under the roots, what
 * each owes by Table 12.4, and the activities each held in the year — three queries, whatever the
 * number of organizations.
 */
public final class LocalCompliance {

    private static final String PREFIXES = "PREFIX lx: <" + LX.NS + ">\nPREFIX org: <http://www.w3.org/ns/org#>\n"
            + "PREFIX schema: <http://schema.org/>\n";

    private LocalCompliance() {}

    public static Compliance of(LogicalNode node, List<Node> roots, int year, YearMonth through, OrgLifeSettings settings) {
        String values = roots.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        String organizations = PREFIXES + """
                SELECT DISTINCT ?o ?type ?name WHERE {
                  VALUES ?q { %s }
                  GRAPH <urn:x-arq:UnionGraph> { ?o org:subOrganizationOf* ?q }
                  GRAPH ?o { ?o lx:organizationType ?type ; schema:name ?name }
                  FILTER NOT EXISTS { GRAPH ?o { ?o a lx:Tombstone } }
                } ORDER BY ?o""".formatted(values);
        String fullMembers = PREFIXES + """
                SELECT ?b (COUNT(DISTINCT ?m) AS ?n) WHERE {
                  VALUES ?q { %s }
                  GRAPH <urn:x-arq:UnionGraph> { ?b org:subOrganizationOf* ?q }
                  GRAPH ?m { ?m lx:branch ?b ; lx:stage lx:FullMember }
                  FILTER NOT EXISTS { GRAPH ?m { ?m a lx:Tombstone } }
                } GROUP BY ?b""".formatted(values);
        String activities = PREFIXES + """
                SELECT ?o ?type ?day WHERE {
                  VALUES ?q { %s }
                  GRAPH <urn:x-arq:UnionGraph> { ?o org:subOrganizationOf* ?q }
                  GRAPH ?a { ?a lx:heldBy ?o ; lx:activityType ?type ; schema:startDate ?day }
                  FILTER NOT EXISTS { GRAPH ?a { ?a a lx:Tombstone } }
                  FILTER (STRSTARTS(STR(?day), "%d-"))
                }""".formatted(values, year);
        return node.store().read(tx -> {
            Map<Node, Long> full = new HashMap<>();
            tx.select(QueryFactory.create(fullMembers)).forEach(r -> full.put(r.get(Var.alloc("b")),
                    ((Number) r.get(Var.alloc("n")).getLiteralValue()).longValue()));
            Map<Node, Set<String>> held = new HashMap<>(); // organization → "type period" of each activity
            for (var r : tx.select(QueryFactory.create(activities))) {
                YearMonth month = YearMonth.from(LocalDate.parse(r.get(Var.alloc("day")).getLiteralLexicalForm()));
                Node type = r.get(Var.alloc("type"));
                for (Frequency f : Frequency.values()) {
                    held.computeIfAbsent(r.get(Var.alloc("o")), o -> new HashSet<>()).add(type.getLocalName() + " " + f.period(month));
                }
            }
            Map<String, Compliance.Totals> totals = new LinkedHashMap<>();
            settings.all().forEach(r -> totals.put(r.json(), new Compliance.Totals(r.frequency().json(), 0, 0, 0)));
            List<Compliance.Missing> missing = new ArrayList<>();
            long checked = 0, compliant = 0;
            for (var row : tx.select(QueryFactory.create(organizations))) {
                Node o = row.get(Var.alloc("o"));
                List<OrgLifeSettings.Requirement> owed = settings.of(row.get(Var.alloc("type")), full.getOrDefault(o, 0L));
                if (owed.isEmpty()) {
                    continue;
                }
                checked++;
                boolean missedAny = false;
                for (OrgLifeSettings.Requirement r : owed) {
                    List<String> periods = r.frequency().endedPeriods(year, through);
                    List<String> missed = periods.stream().filter(p -> !held.getOrDefault(o, Set.of()).contains(r.json() + " " + p)).toList();
                    totals.merge(r.json(), new Compliance.Totals(r.frequency().json(), periods.size(), periods.size() - missed.size(),
                            missed.isEmpty() ? 0 : 1), Compliance.Totals::plus);
                    if (!missed.isEmpty()) {
                        missedAny = true;
                        missing.add(new Compliance.Missing(o.getURI(), row.get(Var.alloc("name")).getLiteralLexicalForm(), r.json(), missed));
                    }
                }
                compliant += missedAny ? 0 : 1;
            }
            return new Compliance(checked, compliant, totals, missing);
        });
    }
}
