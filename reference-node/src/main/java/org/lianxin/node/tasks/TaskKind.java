package org.lianxin.node.tasks;

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
 * Tasks (spec chapter 13): a data request or an action request an organization of this node issues
 * to its subtree. A task lies under the organization that issued it (Table 8.7).
 */
public final class TaskKind implements RecordKind {

    @Override
    public String segment() {
        return "tasks";
    }

    @Override
    public Node recordClass() {
        return LX.Task.asNode();
    }

    @Override
    public Node placement() {
        return LX.issuedBy.asNode();
    }

    @Override
    public List<Node> keptInTombstone() {
        return List.of(LX.issuedBy.asNode());
    }

    /** LX-TASK-3..6: the issuer, the targets, the due date and the fields of the task's kind. */
    @Override
    public List<FieldError> check(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Node> issuer = Lifecycle.value(record, iri, LX.issuedBy.asNode());
        issuer.ifPresent(o -> {
            if (!node.holdsOrganization(o)) {
                errors.add(new FieldError("issuedBy", "task-issuer", "issuedBy is an organization of this node.", "LX-TASK-3"));
            } else {
                References.checkLocalOrganization(node, tx, o, "issuedBy").ifPresent(errors::add);
            }
        });
        List<Node> targets = record.find(iri, LX.target.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
        Optional<String> targeting = Targets.problem(node, tx, issuer, targets);
        if (targeting.isPresent()) {
            errors.add(new FieldError("targets", "task-target", targeting.get(), "LX-TASK-4"));
            return errors;
        }
        boolean created = tx.get(iri).isEmpty();
        Optional<LocalDate> due = Lifecycle.value(record, iri, LX.dueDate.asNode()).map(d -> LocalDate.parse(d.getLiteralLexicalForm()));
        if (created && due.filter(d -> d.isBefore(LocalDate.now(Lifecycle.CHINA))).isPresent()) {
            errors.add(new FieldError("dueDate", "task-due-date", "dueDate is today or later (in China).", "LX-TASK-5"));
        }
        kindFields(record, iri).ifPresent(errors::add);
        return errors;
    }

    /** LX-TASK-6: what a data request and an action request each state. */
    private static Optional<FieldError> kindFields(Graph record, Node iri) {
        boolean action = Lifecycle.value(record, iri, LX.taskKind.asNode()).filter(LX.ActionRequest.asNode()::equals).isPresent();
        Optional<Node> statistic = Lifecycle.value(record, iri, LX.statistic.asNode());
        Optional<String> period = Lifecycle.value(record, iri, LX.period.asNode()).map(Node::getLiteralLexicalForm);
        boolean asked = record.contains(iri, LX.askedField.asNode(), Node.ANY);
        boolean activity = record.contains(iri, LX.activityType.asNode(), Node.ANY) || record.contains(iri, LX.topic.asNode(), Node.ANY);
        String problem = null;
        if (action) {
            if (statistic.isPresent() || period.isPresent() || asked) {
                problem = "An action request has no statistic, period or askedFields.";
            } else if (!record.contains(iri, LX.activityType.asNode(), Node.ANY) || !record.contains(iri, LX.topic.asNode(), Node.ANY)) {
                problem = "An action request states activityType and topic.";
            }
        } else if (activity) {
            problem = "A data request has no activityType or topic.";
        } else if (statistic.isEmpty() && !asked) {
            problem = "A data request states a statistic, askedFields or both.";
        } else if (statistic.filter(LX.DuesCollection.asNode()::equals).isPresent() && !period.filter(p -> p.matches("\\d{4}-\\d{2}")).isPresent()) {
            problem = "The dues collection is asked for a month: period yyyy-mm.";
        } else if (statistic.filter(LX.MeetingCompliance.asNode()::equals).isPresent() && period.isEmpty()) {
            problem = "Meeting compliance is asked for a year (yyyy) or a year through a month (yyyy-mm).";
        }
        return Optional.ofNullable(problem).map(p -> new FieldError("taskKind", "task-kind", p, "LX-TASK-6"));
    }
}
