package org.lianxin.node.learning;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.RecordInput;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.Records;
import org.lianxin.node.records.References;
import org.lianxin.node.store.Record;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.LX;

/**
 * A member records what they studied (spec 16.6, LX-LEARN-10..12), or their secretary does for
 * them: one record per member and course, checked against the member's course list, written in one
 * transaction.
 */
@ApplicationScoped
public class StudyRecords {

    /** What a client states of a study record; the rest is the node's (Table 16.9). */
    private static final List<Node> STATED = List.of(RDF.type.asNode(), LX.learner.asNode(), LX.course.asNode(),
            LX.minutesStudied.asNode(), LX.completedAt.asNode(), LX.quizScore.asNode());

    @Inject
    Records records;

    @Inject
    CourseList courseList;

    /** The learner's branch, under which the write is audited (Table 8.13); empty when there is no such member. */
    public Optional<Node> branchOf(LogicalNode node, Record input) {
        return Lifecycle.value(input.graph(), input.iri(), LX.learner.asNode())
                .flatMap(l -> node.store().read(tx -> References.liveMember(node, tx, l)).flatMap(g -> Lifecycle.value(g, l, LX.branch.asNode())));
    }

    /**
     * LX-LEARN-10..12: {@code input} written as a new record ({@code replaced} empty) or over the
     * record {@code replaced}; the record as stored.
     */
    public Record write(LogicalNode node, Record input, Optional<Record> replaced, StudyGuard guard) {
        RecordCollection studies = records.studyRecords();
        Node iri = input.iri();
        Graph study = RecordInput.stated(input, STATED);
        if (!guard.writes(studies.kind())) {
            throw ProblemException.forbidden("A member records their own study; a secretary or organization admin that of the members of their subtree."); // LX-LEARN-10
        }
        RecordValidator.reject(studies.validate(new Record(iri, study)));
        Node learner = Lifecycle.value(study, iri, LX.learner.asNode()).orElseThrow();
        Node course = Lifecycle.value(study, iri, LX.course.asNode()).orElseThrow();
        Graph member = node.store().read(tx -> References.liveMember(node, tx, learner).filter(g -> guard.mayWriteFor(node, tx, learner)))
                .orElseThrow(() -> ProblemException.invalid("learner", "study-learner",
                        "learner is a live member of this node whose study the caller records.", "LX-LEARN-11"));
        if (replaced.isPresent()) {
            Graph before = replaced.get().graph();
            boolean same = before.contains(iri, LX.learner.asNode(), learner) && before.contains(iri, LX.course.asNode(), course);
            if (!same) {
                throw ProblemException.invalid("course", "study-fixed", "A study record keeps its learner and course.", "LX-LEARN-11");
            }
        } else if (courseList.of(node, learner, member).entries().stream().noneMatch(e -> e.course().id().equals(course))) {
            throw ProblemException.invalid("course", "study-course", "course is a course of the learner's course list.", "LX-LEARN-11");
        }
        Optional<Instant> completed = Lifecycle.value(study, iri, LX.completedAt.asNode())
                .map(c -> OffsetDateTime.parse(c.getLiteralLexicalForm()).toInstant());
        if (completed.filter(c -> c.isAfter(Instant.now())).isPresent()) {
            throw ProblemException.invalid("completedAt", "study-time", "completedAt is not after now.", "LX-LEARN-11");
        }
        Graph stored = node.store().write(tx -> {
            if (replaced.isEmpty()) {
                Optional<Node> existing = CourseList.studied(tx, learner).entrySet().stream().filter(e -> e.getKey().equals(course))
                        .map(e -> e.getValue().find(Node.ANY, LX.course.asNode(), course).next().getSubject()).findFirst();
                if (existing.isPresent()) { // LX-LEARN-12: one record per learner and course
                    throw Problem.of(409, "The member has a study record of this course already; replace it with PUT.")
                            .withErrors(List.of(new Problem.FieldError("course", "study-record-exists", "Recorded already: " + existing.get().getURI(),
                                    "LX-LEARN-12"))).withLocation(existing.get().getURI()).exception();
                }
            }
            return studies.writeIn(node, tx, new Record(iri, study));
        });
        return Records.asStored(node, iri, stored);
    }
}
