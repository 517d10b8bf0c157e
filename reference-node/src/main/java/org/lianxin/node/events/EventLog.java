package org.lianxin.node.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.rdf.JsonP;
import org.lianxin.node.store.RecordTransaction;

/**
 * A node's events, kept in its store (a bookkeeping graph, never a record) and numbered 1, 2, 3 ...
 * An event is appended inside the write transaction of the change it reports (LX-FEEDBACK-16): it
 * commits with the change or not at all. Subscribers read them back by number (LX-FEEDBACK-17).
 */
public final class EventLog {

    static final Node GRAPH = NodeFactory.createURI("urn:lianxin:events");
    private static final Node LAST = NodeFactory.createURI("urn:lianxin:events#last");
    private static final Node TYPE = NodeFactory.createURI("urn:lianxin:events#type");
    private static final Node DATA = NodeFactory.createURI("urn:lianxin:events#data");
    private static final Node AT = NodeFactory.createURI("urn:lianxin:events#at");
    private static final Node MEMBER = NodeFactory.createURI("urn:lianxin:events#member");
    private static final Node ORGANIZATION = NodeFactory.createURI("urn:lianxin:events#organization");
    private static final Node REACH = NodeFactory.createURI("urn:lianxin:events#reach");
    private static final Node FIRST = NodeFactory.createURI("urn:lianxin:events#first");

    private EventLog() {}

    /** Appends an event in {@code tx}; returns its number. */
    public static long append(RecordTransaction tx, String type, JsonObject data, List<Node> members, List<Node> organizations, List<Node> reach) {
        long id = last(tx) + 1;
        tx.remove(GRAPH, GRAPH, LAST, Node.ANY);
        tx.add(GRAPH, GRAPH, LAST, number(id));
        Node event = subject(id);
        tx.add(GRAPH, event, TYPE, NodeFactory.createLiteralString(type));
        tx.add(GRAPH, event, DATA, NodeFactory.createLiteralString(data.toString()));
        tx.add(GRAPH, event, AT, NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime));
        members.forEach(m -> tx.add(GRAPH, event, MEMBER, m));
        organizations.forEach(o -> tx.add(GRAPH, event, ORGANIZATION, o));
        reach.forEach(o -> tx.add(GRAPH, event, REACH, o));
        return id;
    }

    /** The number of the last event appended, 0 when none. */
    public static long last(RecordTransaction tx) {
        return tx.find(GRAPH, GRAPH, LAST, Node.ANY).stream().findFirst()
                .map(q -> Long.parseLong(q.getObject().getLiteralLexicalForm())).orElse(0L);
    }

    /** The number of the first event still kept (events before it were pruned). */
    static long first(RecordTransaction tx) {
        return tx.find(GRAPH, GRAPH, FIRST, Node.ANY).stream().findFirst()
                .map(q -> Long.parseLong(q.getObject().getLiteralLexicalForm())).orElse(1L);
    }

    /** The events after {@code after}, oldest first, at most {@code limit}. */
    public static List<Event> after(LogicalNode node, long after, int limit) {
        return node.store().read(tx -> {
            long last = last(tx);
            List<Event> events = new ArrayList<>();
            for (long id = Math.max(after + 1, first(tx)); id <= last && events.size() < limit; id++) {
                read(tx, id).ifPresent(events::add);
            }
            return events;
        });
    }

    private static Optional<Event> read(RecordTransaction tx, long id) {
        List<Quad> quads = tx.find(GRAPH, subject(id), Node.ANY, Node.ANY);
        if (quads.isEmpty()) {
            return Optional.empty();
        }
        String type = null;
        JsonObject data = null;
        Instant at = null;
        List<Node> members = new ArrayList<>();
        List<Node> organizations = new ArrayList<>();
        List<Node> reach = new ArrayList<>();
        for (Quad q : quads) {
            Node p = q.getPredicate();
            if (p.equals(TYPE)) {
                type = q.getObject().getLiteralLexicalForm();
            } else if (p.equals(DATA)) {
                data = JsonP.object(q.getObject().getLiteralLexicalForm()).orElse(null);
            } else if (p.equals(AT)) {
                at = Instant.parse(q.getObject().getLiteralLexicalForm());
            } else if (p.equals(MEMBER)) {
                members.add(q.getObject());
            } else if (p.equals(ORGANIZATION)) {
                organizations.add(q.getObject());
            } else if (p.equals(REACH)) {
                reach.add(q.getObject());
            }
        }
        return type == null || data == null ? Optional.empty()
                : Optional.of(new Event(id, type, data, at, List.copyOf(members), List.copyOf(organizations), List.copyOf(reach)));
    }

    /** Drops the events older than {@code retain} (LX-FEEDBACK-17: at least 7 days are kept by default). */
    public static void prune(LogicalNode node, Duration retain) {
        Instant before = Instant.now().minus(retain);
        boolean old = node.store().read(tx -> tx.find(GRAPH, subject(first(tx)), AT, Node.ANY).stream().findFirst()
                .map(q -> Instant.parse(q.getObject().getLiteralLexicalForm()).isBefore(before)).orElse(false));
        if (!old) {
            return; // a write empties the node's derived values: none when nothing is due
        }
        node.store().write(tx -> {
            long last = last(tx);
            long id = first(tx);
            while (id <= last) {
                Optional<Instant> at = tx.find(GRAPH, subject(id), AT, Node.ANY).stream().findFirst()
                        .map(q -> Instant.parse(q.getObject().getLiteralLexicalForm()));
                if (at.isPresent() && at.get().isAfter(before)) {
                    break;
                }
                tx.remove(GRAPH, subject(id), Node.ANY, Node.ANY);
                id++;
            }
            tx.remove(GRAPH, GRAPH, FIRST, Node.ANY);
            tx.add(GRAPH, GRAPH, FIRST, number(id));
            return null;
        });
    }

    private static Node subject(long id) {
        return NodeFactory.createURI("urn:lianxin:event:" + id);
    }

    private static Node number(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDlong);
    }
}
