package org.lianxin.node.learning;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.OrganizationLine;
import org.lianxin.node.publications.FromAbove;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * A member's courses (spec 16.7): those the member is assigned today (LX-LEARN-8), from this node
 * and every node above, each with what the member did of it.
 */
@ApplicationScoped
public class CourseList {

    @Inject
    Courses courses;

    /** One course of the list, and the member's study record of it when there is one. */
    public record Entry(CourseSummary course, Optional<Node> record, int minutesStudied, Optional<String> completedAt) {

        public String status() {
            return completedAt.isPresent() ? "Completed" : record.isPresent() ? "Started" : "NotStarted";
        }

        boolean overdue(LocalDate today) {
            return completedAt.isEmpty() && course.dueDate().isBefore(today);
        }
    }

    /** The list and the completeness of the view it was taken from. */
    public record Listed(List<Entry> entries, FromAbove.Seen<CourseSummary> seen) {}

    /** The courses assigned to {@code member} (its record {@code record}) today. */
    public Listed of(LogicalNode node, Node member, Graph record) {
        LocalDate today = LocalDate.now(Lifecycle.CHINA);
        FromAbove.Seen<CourseSummary> seen = courses.seen(node, today.minusDays(366), LocalDate.of(9999, 12, 31));
        List<Entry> entries = node.store().read(tx -> {
            List<Node> line = Lifecycle.value(record, member, LX.branch.asNode()).map(b -> OrganizationLine.of(node, tx, b)).orElse(List.of());
            Map<Node, Graph> studied = studied(tx, member);
            return seen.items().stream()
                    .filter(c -> c.reaches(line) && Audience.includes(c.audience(), record, member, today))
                    .sorted(Comparator.comparing(CourseSummary::dueDate).thenComparing(c -> c.id().getURI()))
                    .map(c -> entry(c, studied)).toList();
        });
        return new Listed(entries, seen);
    }

    /** The member's live study records, by course. */
    static Map<Node, Graph> studied(RecordTransaction tx, Node member) {
        Map<Node, Graph> byCourse = new HashMap<>();
        for (Quad q : tx.find(Node.ANY, Node.ANY, LX.learner.asNode(), member)) {
            Node r = q.getGraph();
            tx.get(r).filter(g -> !Lifecycle.isTombstone(g, r) && g.contains(r, org.apache.jena.vocabulary.RDF.type.asNode(), LX.StudyRecord.asNode()))
                    .ifPresent(g -> Lifecycle.value(g, r, LX.course.asNode()).ifPresent(c -> byCourse.put(c, g)));
        }
        return byCourse;
    }

    private static Entry entry(CourseSummary course, Map<Node, Graph> studied) {
        Graph g = studied.get(course.id());
        if (g == null) {
            return new Entry(course, Optional.empty(), 0, Optional.empty());
        }
        Node r = g.find(Node.ANY, LX.course.asNode(), course.id()).next().getSubject();
        return new Entry(course, Optional.of(r),
                Lifecycle.value(g, r, LX.minutesStudied.asNode()).map(m -> Integer.parseInt(m.getLiteralLexicalForm())).orElse(0),
                Lifecycle.value(g, r, LX.completedAt.asNode()).map(Node::getLiteralLexicalForm));
    }

    /** Table 16.10. */
    public static JsonObject toJson(Node member, List<Entry> entries, org.lianxin.node.federation.Completeness completeness) {
        LocalDate today = LocalDate.now(Lifecycle.CHINA);
        var list = JSON.createArrayBuilder();
        for (Entry e : entries) {
            var json = e.course().listed().add("studyStatus", e.status());
            e.record().ifPresent(r -> json.add("studyRecord", r.getURI()));
            json.add("minutesStudied", e.minutesStudied());
            e.completedAt().ifPresent(c -> json.add("completedAt", c));
            list.add(json.add("overdue", e.overdue(today)));
        }
        return JSON.createObjectBuilder().add("member", member.getURI()).add("courses", list)
                .add("toStudy", entries.stream().filter(e -> e.completedAt().isEmpty()).count())
                .add("completeness", completeness.toJson()).build();
    }
}
