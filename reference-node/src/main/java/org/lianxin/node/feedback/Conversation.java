package org.lianxin.node.feedback;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.events.Event;
import org.lianxin.node.events.EventLog;
import org.lianxin.node.organizations.OrganizationLine;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * What a feedback record says and how it changes (spec 14.4–14.5): its replies, the organization
 * that holds it now, when its clock started, and the changes that are written with their event.
 */
final class Conversation {

    private Conversation() {}

    /** One reply of the thread (Table 14.4). */
    record Reply(String replyId, String text, Optional<Node> repliedBy, String sentAt) {

        JsonObject toJson() {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("replyId", replyId).add("text", text).add("sentAt", sentAt);
            repliedBy.ifPresent(o -> json.add("repliedBy", o.getURI()));
            return json.build();
        }

        static Reply fromJson(JsonObject o) {
            String by = o.getString("repliedBy", null);
            return new Reply(o.getString("replyId"), o.getString("text"), Optional.ofNullable(by).map(NodeFactory::createURI),
                    o.getString("sentAt"));
        }
    }

    static List<Reply> replies(Graph g, Node iri) {
        List<Reply> replies = new ArrayList<>();
        for (Node r : g.find(iri, LX.reply.asNode(), Node.ANY).mapWith(Triple::getObject).toList()) {
            replies.add(new Reply(text(g, r, LX.replyId.asNode()), text(g, r, SchemaOrg.text.asNode()),
                    Lifecycle.value(g, r, LX.repliedBy.asNode()), time(g, r, LX.sentAt.asNode())));
        }
        replies.sort(Comparator.comparing(Reply::sentAt).thenComparing(Reply::replyId));
        return replies;
    }

    static JsonArrayBuilder repliesJson(Graph g, Node iri) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        replies(g, iri).forEach(r -> list.add(r.toJson()));
        return list;
    }

    /** Adds {@code reply} unless the thread holds its replyId already (LX-FEEDBACK-11); whether it was added. */
    static boolean add(Graph g, Node iri, Reply reply) {
        if (replies(g, iri).stream().anyMatch(r -> r.replyId().equals(reply.replyId()))) {
            return false;
        }
        Node b = NodeFactory.createBlankNode();
        g.add(iri, LX.reply.asNode(), b);
        g.add(b, RDF.type.asNode(), LX.Reply.asNode());
        g.add(b, LX.replyId.asNode(), NodeFactory.createLiteralString(reply.replyId()));
        g.add(b, SchemaOrg.text.asNode(), NodeFactory.createLiteralString(reply.text()));
        reply.repliedBy().ifPresent(o -> g.add(b, LX.repliedBy.asNode(), o));
        g.add(b, LX.sentAt.asNode(), NodeFactory.createLiteralDT(reply.sentAt(), org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime));
        return true;
    }

    /** The records next to this one in its chain: the one it was escalated from and its copy above (14.7). */
    static List<Node> neighbours(Graph g, Node iri) {
        List<Node> neighbours = new ArrayList<>();
        Lifecycle.value(g, iri, LX.escalatedFrom.asNode()).ifPresent(neighbours::add);
        Lifecycle.value(g, iri, LX.escalatedCopy.asNode()).ifPresent(neighbours::add);
        return neighbours;
    }

    static Node state(Graph g, Node iri) {
        return Lifecycle.value(g, iri, LX.feedbackState.asNode()).orElse(LX.Open.asNode());
    }

    /**
     * The organization that holds the message now: the one escalatedTo whose superior it was not
     * escalated to, else sentTo. An organization of another node holds it on that node's copy.
     */
    static Node holder(RecordTransaction tx, Graph g, Node iri) {
        List<Node> escalated = g.find(iri, LX.escalatedTo.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
        for (Node e : escalated) {
            Optional<Node> superior = OrganizationLine.superior(tx, e);
            if (superior.isEmpty() || !escalated.contains(superior.get())) {
                return e;
            }
        }
        return Lifecycle.value(g, iri, LX.sentTo.asNode()).orElseThrow();
    }

    /** LX-FEEDBACK-8: when the message's clock started — sent, last escalated, or its sender's last follow-up. */
    static Instant clock(Graph g, Node iri) {
        Instant clock = instant(g, iri, LX.sentAt.asNode());
        Instant escalated = instant(g, iri, LX.escalatedAt.asNode());
        clock = escalated.isAfter(clock) ? escalated : clock;
        for (Reply r : replies(g, iri)) {
            Instant at = Instant.parse(r.sentAt());
            if (r.repliedBy().isEmpty() && at.isAfter(clock)) {
                clock = at;
            }
        }
        return clock;
    }

    /** Stores {@code after} as the new version of the record and appends the event that reports the change, in {@code tx}. */
    static Graph store(ThreadKind kind, RecordTransaction tx, Node iri, Graph before, Graph after, String eventType, JsonObject data,
                       List<Node> organizations) {
        Graph stamped = Lifecycle.stamped(after, iri, Optional.of(before), Lifecycle.writeTime(Optional.of(before), iri));
        tx.put(iri, stamped);
        List<Node> members = persons(after, iri);
        EventLog.append(tx, eventType, data, members, organizations, List.of());
        if (!eventType.equals(Event.FEEDBACK_STATE) && !state(before, iri).equals(state(after, iri))) {
            // A reply that answers or reopens the message changes its state too (Table 14.12).
            EventLog.append(tx, Event.FEEDBACK_STATE, eventData(kind, after, iri).build(), members, organizations, List.of());
        }
        return stamped;
    }

    /** The persons told of a change: the sender, and the member it is assigned to (Table 14.12, LX-SERVICE-13). */
    static List<Node> persons(Graph g, Node iri) {
        List<Node> persons = new ArrayList<>(Lifecycle.value(g, iri, LX.sender.asNode()).stream().toList());
        Lifecycle.value(g, iri, LX.assignedTo.asNode()).ifPresent(persons::add);
        return persons;
    }

    /**
     * The data of an event about the record (Table 14.12, LX-SERVICE-13): IRIs and names of concepts,
     * never its text, never a name or contact of a person.
     */
    static JsonObjectBuilder eventData(ThreadKind kind, Graph g, Node iri) {
        JsonObjectBuilder data = JSON.createObjectBuilder().add("message", iri.getURI())
                .add(kind.category().getLocalName(), Lifecycle.value(g, iri, kind.category()).map(Node::getLocalName).orElse(""))
                .add("feedbackState", state(g, iri).getLocalName());
        Lifecycle.value(g, iri, LX.assignedTo.asNode()).ifPresent(a -> data.add("assignedTo", a.getURI()));
        return data;
    }

    /** An event of a new record, or of one escalated, for {@code organization} and the sender (Table 14.12). */
    static void announce(ThreadKind kind, RecordTransaction tx, Graph g, Node iri, Node organization) {
        JsonObjectBuilder data = eventData(kind, g, iri).add("organization", organization.getURI());
        Lifecycle.value(g, iri, SchemaOrg.name.asNode()).ifPresent(n -> data.add("name", n.getLiteralLexicalForm()));
        EventLog.append(tx, kind.arrivalEvent(), data.build(), persons(g, iri),
                List.of(organization), List.of());
    }

    /**
     * A time as the node writes it everywhere, in milliseconds and UTC (Lifecycle.dateTime): the store
     * may give back another lexical form of the same instant (…15.37Z for …15.370Z).
     */
    static String time(Graph g, Node s, Node p) {
        return Lifecycle.value(g, s, p).map(n -> Lifecycle.dateTime(Instant.parse(n.getLiteralLexicalForm())).getLiteralLexicalForm()).orElse("");
    }

    static String text(Graph g, Node s, Node p) {
        return Lifecycle.value(g, s, p).map(Node::getLiteralLexicalForm).orElse("");
    }

    private static Instant instant(Graph g, Node s, Node p) {
        return Lifecycle.value(g, s, p).map(n -> Instant.parse(n.getLiteralLexicalForm())).orElse(Instant.EPOCH);
    }
}
