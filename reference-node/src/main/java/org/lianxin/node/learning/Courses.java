package org.lianxin.node.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.publications.FromAbove;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.RecordInput;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.Records;
import org.lianxin.node.store.Record;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * Publishing and withdrawing courses (spec 16.4), and the courses of this node as summaries
 * (16.5). Rights are those of issuing a task: a secretary or organization admin over the publisher.
 */
@ApplicationScoped
public class Courses {

    /** What a client states of a course; everything else is the node's to set (Table 16.3). */
    private static final List<Node> STATED = List.of(RDF.type.asNode(), LX.publishedBy.asNode(), LX.target.asNode(),
            SchemaOrg.name.asNode(), SchemaOrg.description.asNode(), LX.material.asNode(), LX.expectedMinutes.asNode(),
            LX.audience.asNode(), LX.dueDate.asNode());

    @Inject
    Records records;

    @Inject
    FromAbove fromAbove;

    /** LX-LEARN-2..5: a new course, as stored. */
    public Record publish(LogicalNode node, Record input, RecordGuard guard) {
        RecordCollection courses = records.courses();
        Node iri = input.iri();
        Graph course = RecordInput.stated(input, STATED);
        RecordValidator.reject(courses.validate(new Record(iri, course)));
        Node publisher = Lifecycle.value(course, iri, LX.publishedBy.asNode()).orElseThrow();
        if (!course.contains(iri, LX.target.asNode(), Node.ANY)) {
            course.add(iri, LX.target.asNode(), publisher); // LX-LEARN-4: no targets is the publisher's subtree
        }
        course.add(iri, LX.courseState.asNode(), LX.Published.asNode());
        course.add(iri, LX.publishedAt.asNode(), Lifecycle.dateTime(Instant.now()));
        Graph stored = node.store().write(tx -> {
            guard.writing(courses.kind(), iri, Optional.empty(), Optional.of(course));
            if (!guard.writes(courses.kind())) {
                throw ProblemException.forbidden("Only a secretary or organization admin publishes courses."); // LX-LEARN-3, checked first
            }
            RecordValidator.reject(courses.kind().check(node, tx, iri, course));
            if (!guard.writable(node, tx, courses.kind(), iri, course)) {
                throw ProblemException.forbidden("Only a secretary or organization admin over the publishing organization publishes its courses."); // LX-LEARN-3
            }
            return courses.writeIn(node, tx, new Record(iri, course));
        });
        return Records.asStored(node, iri, stored);
    }

    /** LX-LEARN-7: the publisher withdraws the course; it leaves every course list and statistic. */
    public Record withdraw(LogicalNode node, Record seen, RecordGuard guard) {
        Node iri = seen.iri();
        RecordCollection courses = records.courses();
        Graph stored = node.store().write(tx -> {
            Graph before = tx.get(iri).orElseThrow();
            if (!guard.writable(node, tx, courses.kind(), iri, before)) {
                throw ProblemException.forbidden("Only a secretary or organization admin over the publishing organization withdraws its courses.");
            }
            if (before.contains(iri, LX.courseState.asNode(), LX.Withdrawn.asNode())) {
                throw ProblemException.conflict("The course is Withdrawn already.",
                        List.of(new FieldError("courseState", "course-state", "A Withdrawn course cannot be withdrawn again.", "LX-LEARN-7")));
            }
            Graph after = Lifecycle.withoutDates(before, iri);
            Lifecycle.set(after, iri, LX.courseState.asNode(), LX.Withdrawn.asNode());
            Graph g = Lifecycle.stamped(after, iri, Optional.of(before), Lifecycle.writeTime(Optional.of(before), iri));
            tx.put(iri, g);
            return g;
        });
        return Records.asStored(node, iri, stored);
    }

    /** The Published courses due between {@code from} and {@code to}, of this node and from above (16.5), as FromAbove sees them. */
    public FromAbove.Seen<CourseSummary> seen(LogicalNode node, LocalDate from, LocalDate to) {
        return fromAbove.seen(node, local(node, from, to), "/courses/inbound?dueFrom=" + from + "&dueTo=" + to, "courses", CourseSummary::fromJson);
    }

    /** This node's Published courses due between {@code from} and {@code to}, kept until the node's next write. */
    public List<CourseSummary> local(LogicalNode node, LocalDate from, LocalDate to) {
        String query = "SELECT ?c WHERE { GRAPH ?c { ?c a <" + LX.Course.getURI() + "> ; <" + LX.dueDate.getURI() + "> ?due ; <"
                + LX.courseState.getURI() + "> <" + LX.Published.getURI() + "> } "
                + "FILTER (STR(?due) >= \"" + from + "\" && STR(?due) <= \"" + to + "\") } ORDER BY ?c";
        return node.store().derived("courses " + from + " " + to, tx -> {
            List<CourseSummary> courses = new ArrayList<>();
            for (var row : tx.select(QueryFactory.create(query))) {
                Node c = row.get(Var.alloc("c"));
                Graph g = tx.get(c).orElseThrow();
                Node publisher = Lifecycle.value(g, c, LX.publishedBy.asNode()).orElse(c);
                String name = tx.get(publisher).flatMap(o -> Lifecycle.value(o, publisher, SchemaOrg.name.asNode()))
                        .map(Node::getLiteralLexicalForm).orElse("");
                courses.add(CourseSummary.of(c, g, node.base(), name));
            }
            return List.copyOf(courses);
        });
    }
}
