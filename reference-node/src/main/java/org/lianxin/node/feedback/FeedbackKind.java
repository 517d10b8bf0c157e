package org.lianxin.node.feedback;

import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * Feedback messages (spec chapter 14): what a member sends to their organization, with its replies.
 * Who may see one is not the subtree rule of Table 8.7 but its own (LX-FEEDBACK-3): see
 * {@link FeedbackGuard}.
 */
public final class FeedbackKind implements RecordKind {

    @Override
    public String segment() {
        return "feedback";
    }

    @Override
    public Node recordClass() {
        return LX.Feedback.asNode();
    }

    @Override
    public Node placement() {
        return LX.sentTo.asNode();
    }

    @Override
    public Optional<Node> memberOf(Graph record, Node iri) {
        return Lifecycle.value(record, iri, LX.sender.asNode());
    }

    /** The rules that need the caller are checked by {@link Feedback} before the write. */
    @Override
    public List<FieldError> check(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        return List.of();
    }
}
