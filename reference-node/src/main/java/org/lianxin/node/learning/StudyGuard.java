package org.lianxin.node.learning;

import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.security.Access;
import org.lianxin.node.security.Caller;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * Who reads and writes a study record (spec 16.6, LX-LEARN-10, -13): its learner, and whoever may
 * write the learner's member record (Table 8.7) — the secretaries and organization admins over the
 * learner's branch. Everyone else is answered as if it did not exist.
 */
record StudyGuard(Caller caller, Access access, RecordKind members) implements RecordGuard {

    @Override
    public boolean readable(LogicalNode node, RecordTransaction tx, RecordKind kind, Node iri, Graph record) {
        return writable(node, tx, kind, iri, record);
    }

    @Override
    public boolean writable(LogicalNode node, RecordTransaction tx, RecordKind kind, Node iri, Graph record) {
        return Lifecycle.value(record, iri, LX.learner.asNode()).map(learner -> mayWriteFor(node, tx, learner)).orElse(false);
    }

    /** Whether the caller is {@code learner}, or may write the learner's member record (live or not). */
    boolean mayWriteFor(LogicalNode node, RecordTransaction tx, Node learner) {
        if (learner(learner)) {
            return true;
        }
        Optional<Graph> member = tx.get(learner);
        return caller.managesSubtree() && member.filter(g -> access.writable(node, tx, members, learner, g)).isPresent();
    }

    boolean learner(Node learner) {
        return caller.has(Caller.MEMBER) && caller.member().map(NodeFactory::createURI).filter(learner::equals).isPresent();
    }

    @Override
    public boolean writes(RecordKind kind) {
        return caller.has(Caller.MEMBER) || caller.managesSubtree();
    }

    @Override
    public String listFilter(LogicalNode node, RecordKind kind) {
        return access.listFilter(node, kind);
    }
}
