package org.lianxin.node.feedback;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.security.Caller;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * LX-FEEDBACK-3: a message is seen by its sender and by whoever acts for the organization it was
 * sent to or escalated to — exactly that organization, not its superiors, not the node's operator.
 * Everyone else is answered as if it did not exist.
 */
record FeedbackGuard(Caller caller) implements RecordGuard {

    @Override
    public boolean readable(LogicalNode node, RecordTransaction tx, RecordKind kind, Node iri, Graph record) {
        return sender(record, iri) || organizations(record, iri).contains(actingFor());
    }

    @Override
    public boolean writable(LogicalNode node, RecordTransaction tx, RecordKind kind, Node iri, Graph record) {
        return readable(node, tx, kind, iri, record);
    }

    @Override
    public boolean writes(RecordKind kind) {
        return caller.has(Caller.MEMBER) || caller.managesSubtree();
    }

    @Override
    public String listFilter(LogicalNode node, RecordKind kind) {
        StringBuilder filter = new StringBuilder();
        if (caller.has(Caller.MEMBER) && caller.member().isPresent()) {
            filter.append("{ GRAPH ?r { ?r <").append(LX.sender.getURI()).append("> ")
                    .append(NodeFmtLib.strNT(NodeFactory.createURI(caller.member().get()))).append(" } }");
        }
        if (caller.managesSubtree()) {
            if (filter.length() > 0) {
                filter.append(" UNION ");
            }
            filter.append("{ GRAPH ?r { ?r <").append(LX.sentTo.getURI()).append(">|<").append(LX.escalatedTo.getURI()).append("> ")
                    .append(NodeFmtLib.strNT(actingFor())).append(" } }");
        }
        return filter.length() == 0 ? "FILTER(false)" : filter.toString();
    }

    /** Whether the caller is the member who sent the message. */
    boolean sender(Graph record, Node iri) {
        return caller.has(Caller.MEMBER) && caller.member().isPresent()
                && record.contains(iri, LX.sender.asNode(), NodeFactory.createURI(caller.member().get()));
    }

    /** The organization the caller acts for, when they act for one as secretary or admin; else a node that matches nothing. */
    Node actingFor() {
        return caller.managesSubtree() ? NodeFactory.createURI(caller.actingFor().get()) : NodeFactory.createBlankNode();
    }

    /** The organizations a message is visible to: the one it was sent to and those it was escalated to. */
    static List<Node> organizations(Graph record, Node iri) {
        List<Node> organizations = new java.util.ArrayList<>(record.find(iri, LX.sentTo.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList());
        organizations.addAll(record.find(iri, LX.escalatedTo.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList());
        return organizations;
    }
}
