package org.lianxin.node.statistics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.ContextTerms;

/**
 * Member counts computed where the members are: over the live members whose branch is one of the
 * given organizations of this node or lies below one. Only numbers leave this class.
 */
public final class LocalMemberCounts {

    private static final String PREFIXES = """
            PREFIX lx: <https://w3id.org/lianxin/ns#>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX schema: <http://schema.org/>
            """;

    private LocalMemberCounts() {}

    /**
     * Counts per key of {@code grouping}; members without a value count under "". Kept until the
     * node's next write (issue 6: a statistic is asked for far more often than members change).
     */
    public static Map<String, Long> count(LogicalNode node, List<Node> organizations, Grouping grouping, LocalDate today) {
        String key = "member-counts " + grouping + " " + (grouping == Grouping.AGE_BAND ? today + " " : "")
                + organizations.stream().map(Node::getURI).collect(Collectors.joining(" "));
        return node.store().derived(key, tx -> Map.copyOf(switch (grouping) {
            case ORG_TYPE, CHILD_ORGANIZATION -> byBranch(tx, organizations, grouping);
            default -> query(tx, organizations, keyPattern(grouping, today));
        }));
    }

    private static String keyPattern(Grouping grouping, LocalDate today) {
        return switch (grouping) {
            case NONE -> "BIND(\"\" AS ?key)";
            case STAGE -> optional("lx:stage");
            case GENDER -> optional("schema:gender");
            case ETHNICITY -> optional("lx:ethnicity");
            case EDUCATION -> optional("lx:education");
            case AGE_BAND -> """
                    OPTIONAL { GRAPH ?m { ?m schema:birthDate ?birth } }
                    BIND(%d - YEAR(?birth) - IF(SUBSTR(STR(?birth), 6) > "%s", 1, 0) AS ?age)
                    BIND(IF(!BOUND(?age), "", IF(?age <= 30, "0-30", IF(?age <= 40, "31-40", IF(?age <= 50, "41-50",
                         IF(?age <= 60, "51-60", IF(?age <= 70, "61-70", "71+")))))) AS ?key)
                    """.formatted(today.getYear(), today.toString().substring(5));
            default -> throw new IllegalArgumentException(grouping.toString());
        };
    }

    private static String optional(String property) {
        return "OPTIONAL { GRAPH ?m { ?m " + property + " ?value } } BIND(COALESCE(?value, \"\") AS ?key)";
    }

    private static Map<String, Long> query(RecordTransaction tx, List<Node> organizations, String keyPattern) {
        String sparql = PREFIXES + "SELECT ?key (COUNT(DISTINCT ?m) AS ?n) WHERE {\n" + members(organizations)
                + keyPattern + "\n} GROUP BY ?key";
        Map<String, Long> counts = new TreeMap<>();
        for (Binding row : tx.select(QueryFactory.create(sparql))) {
            counts.merge(key(row.get(Var.alloc("key"))), number(row), Long::sum);
        }
        return counts;
    }

    /** Counts per branch, then mapped in Java to the branch's type or to the sub-organization it lies under. */
    private static Map<String, Long> byBranch(RecordTransaction tx, List<Node> organizations, Grouping grouping) {
        String sparql = PREFIXES + "SELECT ?b (COUNT(DISTINCT ?m) AS ?n) WHERE {\n" + members(organizations) + "} GROUP BY ?b";
        Map<Node, Node> parents = new HashMap<>();
        Map<Node, Node> types = new HashMap<>();
        for (Binding row : tx.select(QueryFactory.create(PREFIXES + """
                SELECT ?o ?p ?t WHERE { GRAPH ?o { ?o a lx:PartyOrganization
                  OPTIONAL { ?o org:subOrganizationOf ?p } OPTIONAL { ?o lx:organizationType ?t } } }"""))) {
            Node o = row.get(Var.alloc("o"));
            if (row.get(Var.alloc("p")) != null) {
                parents.put(o, row.get(Var.alloc("p")));
            }
            if (row.get(Var.alloc("t")) != null) {
                types.put(o, row.get(Var.alloc("t")));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (Binding row : tx.select(QueryFactory.create(sparql))) {
            Node branch = row.get(Var.alloc("b"));
            String key = grouping == Grouping.ORG_TYPE
                    ? key(types.get(branch))
                    : directlyUnder(branch, organizations, parents);
            counts.merge(key, number(row), Long::sum);
        }
        return counts;
    }

    /** The organization just below one of {@code roots} on the way up from {@code branch}, or the root itself. */
    private static String directlyUnder(Node branch, List<Node> roots, Map<Node, Node> parents) {
        Node current = branch;
        for (int depth = 0; current != null && depth < 64; depth++) {
            if (roots.contains(current)) {
                return current.getURI();
            }
            Node parent = parents.get(current);
            if (parent != null && roots.contains(parent)) {
                return current.getURI();
            }
            current = parent;
        }
        return "";
    }

    private static String members(List<Node> organizations) {
        String values = organizations.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        return """
                VALUES ?q { %s }
                GRAPH <urn:x-arq:UnionGraph> { ?b org:subOrganizationOf* ?q }
                GRAPH ?m { ?m a lx:Member ; lx:branch ?b }
                FILTER NOT EXISTS { GRAPH ?m { ?m a lx:Tombstone } }
                """.formatted(values);
    }

    private static String key(Node value) {
        if (value == null) {
            return "";
        }
        return value.isURI() ? ContextTerms.lianxin().compact(value.getURI()) : value.getLiteralLexicalForm();
    }

    private static long number(Binding row) {
        return ((Number) row.get(Var.alloc("n")).getLiteralValue()).longValue();
    }
}
