package org.lianxin.node.learning;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.OrganizationLine;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.spec.LX;

/**
 * The completion statistic (spec 16.8): over the members of a subtree and the courses considered,
 * how many assignments there are and how many were completed, started, not started and are late.
 * Numbers only: no person leaves the node (LX-LEARN-20).
 */
public record Completion(long members, long assigned, long completed, long started, long overdue) {

    public long notStarted() {
        return assigned - completed - started;
    }

    public Completion plus(Completion other) {
        return new Completion(members + other.members, assigned + other.assigned, completed + other.completed,
                started + other.started, overdue + other.overdue);
    }

    /**
     * LX-LEARN-16: this node's part — the live member records whose branch is or lies below one of
     * {@code organizations}, each once, against {@code courses}, the courses considered that the node sees.
     */
    public static Completion local(LogicalNode node, List<Node> organizations, List<CourseSummary> courses) {
        LocalDate today = LocalDate.now(Lifecycle.CHINA);
        String values = organizations.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        String sparql = """
                PREFIX lx: <https://w3id.org/lianxin/ns#>
                SELECT DISTINCT ?m ?b WHERE {
                  VALUES ?q { %s }
                  GRAPH <urn:x-arq:UnionGraph> { ?b <http://www.w3.org/ns/org#subOrganizationOf>* ?q }
                  GRAPH ?m { ?m a lx:Member ; lx:branch ?b }
                  FILTER NOT EXISTS { GRAPH ?m { ?m a lx:Tombstone } }
                }""".formatted(values);
        return node.store().read(tx -> {
            Map<Node, List<Node>> lines = new HashMap<>();
            long members = 0;
            long assigned = 0;
            long completed = 0;
            long started = 0;
            long overdue = 0;
            for (var row : tx.select(QueryFactory.create(sparql))) {
                Node m = row.get(Var.alloc("m"));
                Graph member = tx.get(m).orElseThrow();
                List<Node> line = lines.computeIfAbsent(row.get(Var.alloc("b")), b -> OrganizationLine.of(node, tx, b));
                Map<Node, Graph> studied = CourseList.studied(tx, m);
                members++;
                for (CourseSummary course : courses) {
                    if (!course.reaches(line) || !Audience.includes(course.audience(), member, m, today)) { // LX-LEARN-8
                        continue;
                    }
                    assigned++;
                    Graph record = studied.get(course.id());
                    boolean done = record != null && record.find(Node.ANY, LX.completedAt.asNode(), Node.ANY).hasNext();
                    completed += done ? 1 : 0;
                    started += record != null && !done ? 1 : 0;
                    overdue += !done && course.dueDate().isBefore(today) ? 1 : 0;
                }
            }
            return new Completion(members, assigned, completed, started, overdue);
        });
    }

    /** completed ÷ assigned, half up to four decimals; 0 when nothing is assigned. */
    public BigDecimal rate() {
        return assigned == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(completed).divide(BigDecimal.valueOf(assigned), 4, RoundingMode.HALF_UP);
    }

    /** The counts of Table 16.12. */
    public JsonObjectBuilder toJson() {
        return JSON.createObjectBuilder().add("members", members).add("assigned", assigned).add("completed", completed)
                .add("started", started).add("notStarted", notStarted()).add("overdue", overdue).add("completionRate", rate());
    }

    /** A child's counts, or null when they are absent, negative or do not add up (16.8). */
    public static Completion fromJson(JsonObject answer) {
        try {
            Completion c = new Completion(count(answer, "members"), count(answer, "assigned"), count(answer, "completed"),
                    count(answer, "started"), count(answer, "overdue"));
            boolean adds = c.notStarted() >= 0 && c.notStarted() == count(answer, "notStarted") && c.overdue <= c.assigned - c.completed;
            return adds ? c : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long count(JsonObject answer, String key) {
        long n = ((JsonNumber) answer.get(key)).longValueExact();
        if (n < 0) {
            throw new IllegalArgumentException(key + " is negative");
        }
        return n;
    }
}
