package org.lianxin.node.learning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.Targets;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.records.References;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * Courses (spec chapter 16): what an organization of this node publishes for the members of its
 * subtree to study. A course lies under the organization that published it (Table 8.7).
 */
public final class CourseKind implements RecordKind {

    @Override
    public String segment() {
        return "courses";
    }

    @Override
    public Node recordClass() {
        return LX.Course.asNode();
    }

    @Override
    public Node placement() {
        return LX.publishedBy.asNode();
    }

    @Override
    public List<Node> keptInTombstone() {
        return List.of(LX.publishedBy.asNode());
    }

    /** LX-LEARN-3..5: the publisher, the targets and the due date. */
    @Override
    public List<FieldError> check(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Node> publisher = Lifecycle.value(record, iri, LX.publishedBy.asNode());
        publisher.ifPresent(o -> {
            if (!node.holdsOrganization(o)) {
                errors.add(new FieldError("publishedBy", "course-publisher", "publishedBy is an organization of this node.", "LX-LEARN-3"));
            } else {
                References.checkLocalOrganization(node, tx, o, "publishedBy").ifPresent(errors::add);
            }
        });
        List<Node> targets = record.find(iri, LX.target.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
        Targets.problem(node, tx, publisher, targets)
                .ifPresent(p -> errors.add(new FieldError("targets", "course-target", p, "LX-LEARN-4")));
        boolean created = tx.get(iri).isEmpty();
        Optional<LocalDate> due = Lifecycle.value(record, iri, LX.dueDate.asNode()).map(d -> LocalDate.parse(d.getLiteralLexicalForm()));
        if (created && due.filter(d -> d.isBefore(LocalDate.now(Lifecycle.CHINA))).isPresent()) {
            errors.add(new FieldError("dueDate", "course-due-date", "dueDate is today or later (in China).", "LX-LEARN-5"));
        }
        return errors;
    }
}
