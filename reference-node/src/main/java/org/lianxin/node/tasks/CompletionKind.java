package org.lianxin.node.tasks;

import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.records.References;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * Task completions (spec 13.8): a branch of this node says it did what a task asked, with its
 * evidence. It lies under that branch (Table 8.7). The rules that need the task — which lives on
 * this node or one above — are checked by {@link Completions} before the write.
 */
public final class CompletionKind implements RecordKind {

    @Override
    public String segment() {
        return "task-completions";
    }

    @Override
    public Node recordClass() {
        return LX.TaskCompletion.asNode();
    }

    @Override
    public Node placement() {
        return LX.completedBy.asNode();
    }

    @Override
    public List<Node> keptInTombstone() {
        return List.of(LX.completedBy.asNode(), LX.taskKey.asNode());
    }

    @Override
    public List<FieldError> check(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        return Lifecycle.value(record, iri, LX.completedBy.asNode())
                .flatMap(o -> node.holdsOrganization(o) ? References.checkLocalOrganization(node, tx, o, "completedBy")
                        : Optional.of(new FieldError("completedBy", "task-completion", "completedBy is a branch of this node.", "LX-TASK-15")))
                .map(List::of).orElse(List.of());
    }

    /** LX-TASK-16: one completion per organization and task key. */
    @Override
    public List<FieldError> conflicts(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        Optional<Node> by = Lifecycle.value(record, iri, LX.completedBy.asNode());
        Optional<Node> key = Lifecycle.value(record, iri, LX.taskKey.asNode());
        if (by.isEmpty() || key.isEmpty()) {
            return List.of();
        }
        return Completions.existing(tx, by.get(), key.get().getLiteralLexicalForm()).filter(c -> !c.equals(iri))
                .map(c -> List.of(new FieldError("completes", "task-completed",
                        "The organization completed this task already: " + c.getURI(), "LX-TASK-16")))
                .orElse(List.of());
    }
}
