package org.lianxin.node.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.security.Caller;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * LX-FEEDBACK-3, LX-SERVICE-5: a thread is seen by its sender, by whoever acts for the organization
 * it was sent to, escalated to or assigned to — exactly that organization, not its superiors, not
 * the node's operator — and by the member it is assigned to. Everyone else is answered as if it did
 * not exist.
 *
 * @param caller  who calls
 * @param persons the persons the caller is: their member record, their resident IRI ({@code Residents})
 */
public record FeedbackGuard(Caller caller, List<Node> persons) implements RecordGuard {

    @Override
    public boolean readable(LogicalNode node, RecordTransaction tx, RecordKind kind, Node iri, Graph record) {
        return sender(record, iri) || assignee(record, iri) || organizations(record, iri).contains(actingFor());
    }

    @Override
    public boolean writable(LogicalNode node, RecordTransaction tx, RecordKind kind, Node iri, Graph record) {
        return readable(node, tx, kind, iri, record);
    }

    @Override
    public boolean writes(RecordKind kind) {
        return !persons.isEmpty() || caller.managesSubtree();
    }

    @Override
    public String listFilter(LogicalNode node, RecordKind kind) {
        List<String> filters = new ArrayList<>();
        if (!persons.isEmpty()) {
            filters.add("{ GRAPH ?r { ?r <" + LX.sender.getURI() + ">|<" + LX.assignedTo.getURI() + "> ?person } FILTER(?person IN ("
                    + persons.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(", ")) + ")) }");
        }
        if (caller.managesSubtree()) {
            filters.add("{ GRAPH ?r { ?r <" + LX.sentTo.getURI() + ">|<" + LX.escalatedTo.getURI() + ">|<" + LX.assignedTo.getURI() + "> "
                    + NodeFmtLib.strNT(actingFor()) + " } }");
        }
        return filters.isEmpty() ? "FILTER(false)" : String.join(" UNION ", filters);
    }

    /** Whether the caller is the person who sent the thread: the member of a message, the resident of a request. */
    public boolean sender(Graph record, Node iri) {
        return persons.stream().anyMatch(p -> record.contains(iri, LX.sender.asNode(), p));
    }

    /** Whether the caller is the member the thread is assigned to (LX-SERVICE-7). */
    public boolean assignee(Graph record, Node iri) {
        return persons.stream().anyMatch(p -> record.contains(iri, LX.assignedTo.asNode(), p));
    }

    /** The organization the caller acts for, when they act for one as secretary or admin; else a node that matches nothing. */
    public Node actingFor() {
        return caller.managesSubtree() ? NodeFactory.createURI(caller.actingFor().get()) : NodeFactory.createBlankNode();
    }

    /** The organizations a thread is visible to: the one it was sent to, those it was escalated to, the one it is assigned to. */
    static List<Node> organizations(Graph record, Node iri) {
        List<Node> organizations = new ArrayList<>(record.find(iri, LX.sentTo.asNode(), Node.ANY).mapWith(Triple::getObject).toList());
        organizations.addAll(record.find(iri, LX.escalatedTo.asNode(), Node.ANY).mapWith(Triple::getObject).toList());
        organizations.addAll(record.find(iri, LX.assignedTo.asNode(), Node.ANY).mapWith(Triple::getObject).toList());
        return organizations;
    }
}
