package org.lianxin.node.feedback;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.events.Event;
import org.lianxin.node.federation.Federation;
import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.JsonP;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.References;
import org.lianxin.node.security.Caller;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * The messages nodes send each other about threads (spec 14.7, Table 14.9; 18.6), received at
 * {@code POST {base}/feedback/messages} and {@code POST {base}/service-requests/messages}: an
 * escalation from a child node, a reply or a closing from the record next in the chain. Each applies
 * in one transaction from the stored state, so a message sent again changes nothing (LX-FEEDBACK-11).
 */
@ApplicationScoped
public class FeedbackMessages {

    @Inject
    Federation federation;

    @Inject
    FeedbackCourier courier;

    /** Applies one message of another node about a thread of {@code kind}, checked in the order of Table 14.11. */
    public Response receive(ThreadKind kind, LogicalNode node, Caller caller, String idempotencyKey, String body) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw bad("A message has an Idempotency-Key header."); // LX-FEEDBACK-13
        }
        JsonObject message = JsonP.object(body).orElseThrow(() -> bad("The body is a JSON object of Table 14.9."));
        String type = text(message, "type");
        Node about = iri(message, "message");
        // The form of each type first (400), then who sends it (403).
        Escalation escalation = type.equals("escalation") ? Escalation.of(kind, message) : null;
        Conversation.Reply reply = type.equals("reply") ? reply(message) : null;
        if (!type.equals("escalation") && !type.equals("reply") && !type.equals("closed")) {
            throw bad("type is escalation, reply or closed.");
        }
        if (!caller.has(Caller.NODE)) {
            throw ProblemException.forbidden("Only a node sends feedback messages, with a token of the role node."); // LX-FEEDBACK-13
        }
        String from = Caller.Audience.normalized(caller.subject());
        if (escalation != null) {
            return escalation(kind, node, from, about, escalation);
        }
        return reply != null ? reply(kind, node, from, about, reply) : closed(kind, node, from, about, message);
    }

    /** The values of an escalation (Table 14.9), each of its form, or a 400. */
    private record Escalation(Node organization, String category, String text, Node sentTo, Node sentAt, List<Conversation.Reply> replies,
                              Optional<String> name, Optional<Node> sender, Optional<String> senderName) {

        static Escalation of(ThreadKind kind, JsonObject m) {
            String key = kind.category().getLocalName();
            String category = FeedbackMessages.text(m, key);
            if (!kind.categories().contains(category)) {
                throw bad(key + " is one of " + String.join(", ", kind.categories()) + ".");
            }
            return new Escalation(iri(m, "organization"), category, FeedbackMessages.text(m, "text"), iri(m, "sentTo"),
                    dateTime(FeedbackMessages.text(m, "sentAt")), FeedbackMessages.replies(m),
                    optional(m, "name"), optional(m, "sender").map(v -> iri(m, "sender")), optional(m, "senderName"));
        }
    }

    /** LX-FEEDBACK-9, LX-SERVICE-8: a child node's thread, escalated to an organization of this node: stored as a copy. */
    private Response escalation(ThreadKind kind, LogicalNode node, String from, Node original, Escalation e) {
        Node to = e.organization();
        Optional<Child> child = federation.state(node).child(from).filter(Child::active);
        if (child.isEmpty() || !original.getURI().startsWith(from + "/" + kind.segment() + "/")
                || !node.holdsOrganization(to) || !node.store().read(tx -> References.isLive(tx, to))) {
            throw ProblemException.forbidden("Only a registered child node escalates its own messages, to an organization of this node."); // LX-FEEDBACK-13
        }
        RecordCollection feedback = kind.collection();
        Node iri = feedback.iri(node, RecordCollection.newId());
        Graph g = GraphFactory.createDefaultGraph();
        g.add(iri, RDF.type.asNode(), kind.recordClass());
        g.add(iri, kind.category(), NodeFactory.createURI(LX.NS + e.category()));
        g.add(iri, LX.escalatedFrom.asNode(), original);
        g.add(iri, LX.escalatedTo.asNode(), to);
        g.add(iri, LX.sentTo.asNode(), e.sentTo());
        if (kind.senderTravels()) { // a resident is never named above their node (LX-SERVICE-9)
            e.sender().ifPresent(s -> g.add(iri, LX.sender.asNode(), s));
            e.senderName().ifPresent(n -> g.add(iri, LX.senderName.asNode(), NodeFactory.createLiteralString(n)));
        }
        g.add(iri, SchemaOrg.text.asNode(), NodeFactory.createLiteralString(e.text()));
        e.name().ifPresent(n -> g.add(iri, SchemaOrg.name.asNode(), NodeFactory.createLiteralString(n)));
        g.add(iri, LX.sentAt.asNode(), e.sentAt());
        g.add(iri, LX.escalatedAt.asNode(), Lifecycle.dateTime(Instant.now()));
        g.add(iri, LX.feedbackState.asNode(), LX.Open.asNode());
        e.replies().forEach(r -> Conversation.add(g, iri, r));
        Record record = new Record(iri, g);
        List<org.lianxin.node.problems.Problem.FieldError> broken = feedback.validate(record);
        if (!broken.isEmpty()) {
            throw bad("The escalation's values are not of the forms of Table 14.3: " + broken.get(0).message());
        }
        Node stored = node.store().write(tx -> {
            Optional<Node> known = copyOf(tx, original);
            if (known.isPresent()) {
                return known.get(); // sent again
            }
            Graph written = feedback.writeIn(node, tx, record);
            // The replies came from below: never sent back there.
            e.replies().forEach(r -> FeedbackCourier.delivered(tx, iri, FeedbackCourier.replyDelivery(r.replyId(), original)));
            Conversation.announce(kind, tx, written, iri, to);
            return iri;
        });
        return answer(stored.equals(iri) ? 201 : 200, JSON.createObjectBuilder().add("copy", stored.getURI()).build());
    }

    private static Optional<Node> copyOf(org.lianxin.node.store.RecordTransaction tx, Node original) {
        return tx.find(Node.ANY, Node.ANY, LX.escalatedFrom.asNode(), original).stream().map(Quad::getGraph).findFirst();
    }

    private static Conversation.Reply reply(JsonObject message) {
        try {
            Conversation.Reply reply = Conversation.Reply.fromJson(message);
            Instant.parse(reply.sentAt());
            return reply;
        } catch (RuntimeException e) {
            throw bad("A reply has replyId, text, sentAt (an xsd:dateTime) and, when an organization wrote it, repliedBy.");
        }
    }

    /** LX-FEEDBACK-11: a reply written on the record next in the chain, on the calling node; passed on from here. */
    private Response reply(ThreadKind kind, LogicalNode node, String from, Node here, Conversation.Reply reply) {
        Graph stored = node.store().write(tx -> {
            Graph before = held(kind, tx, here);
            Node neighbour = Conversation.neighbours(before, here).stream().filter(n -> References.baseOf(n).equals(from)).findFirst()
                    .orElseThrow(() -> ProblemException.forbidden("Only the node of a record next in the chain sends a reply.")); // LX-FEEDBACK-13
            FeedbackCourier.delivered(tx, here, FeedbackCourier.replyDelivery(reply.replyId(), neighbour));
            Graph after = Lifecycle.withoutDates(before, here);
            if (!Conversation.add(after, here, reply)) {
                return before;
            }
            if (!Conversation.state(before, here).equals(LX.Closed.asNode())) {
                Lifecycle.set(after, here, LX.feedbackState.asNode(), reply.repliedBy().isPresent() ? LX.Answered.asNode() : LX.Open.asNode());
            }
            var data = Conversation.eventData(kind, after, here).add("replyId", reply.replyId());
            reply.repliedBy().ifPresent(o -> data.add("repliedBy", o.getURI()));
            return Conversation.store(kind, tx, here, before, after, Event.REPLY, data.build(), FeedbackGuard.organizations(after, here));
        });
        courier.wake(node, here);
        return answer(200, JSON.createObjectBuilder().add("feedbackState", Conversation.state(stored, here).getLocalName()).build());
    }

    /** LX-FEEDBACK-12: the message below was closed; so is this copy, and the one above it. */
    private Response closed(ThreadKind kind, LogicalNode node, String from, Node copy, JsonObject message) {
        Optional<Integer> rating = message.get("rating") instanceof JsonNumber n ? Optional.of(n.intValue()) : Optional.empty();
        node.store().write(tx -> {
            Graph before = held(kind, tx, copy);
            if (!Lifecycle.value(before, copy, LX.escalatedFrom.asNode()).filter(b -> References.baseOf(b).equals(from)).isPresent()) {
                throw ProblemException.forbidden("Only the node of the record below a copy closes it."); // LX-FEEDBACK-13
            }
            if (Conversation.state(before, copy).equals(LX.Closed.asNode())) {
                return null;
            }
            Graph after = Lifecycle.withoutDates(before, copy);
            Lifecycle.set(after, copy, LX.feedbackState.asNode(), LX.Closed.asNode());
            rating.filter(r -> r >= 1 && r <= 5).ifPresent(r -> Lifecycle.set(after, copy, LX.rating.asNode(),
                    NodeFactory.createLiteralDT(Integer.toString(r), XSDDatatype.XSDinteger)));
            return Conversation.store(kind, tx, copy, before, after, Event.FEEDBACK_STATE, Conversation.eventData(kind, after, copy).build(),
                    FeedbackGuard.organizations(after, copy));
        });
        courier.wake(node, copy);
        return answer(200, JSON.createObjectBuilder().add("feedbackState", "Closed").build());
    }

    /** The thread record {@code here} of {@code kind}, held by this node, or a 404 (Table 14.11). */
    private static Graph held(ThreadKind kind, org.lianxin.node.store.RecordTransaction tx, Node here) {
        return tx.get(here).filter(g -> g.contains(here, RDF.type.asNode(), kind.recordClass()))
                .orElseThrow(() -> ProblemException.notFound("The feedback message " + here.getURI()));
    }

    private static List<Conversation.Reply> replies(JsonObject message) {
        if (!(message.get("replies") instanceof JsonArray list)) {
            return List.of();
        }
        try {
            return list.stream().map(JsonValue::asJsonObject).map(Conversation.Reply::fromJson).toList();
        } catch (RuntimeException e) {
            throw bad("Each of replies has replyId, text, sentAt and, when an organization wrote it, repliedBy.");
        }
    }

    private static Node dateTime(String value) {
        try {
            return Lifecycle.dateTime(Instant.parse(value));
        } catch (RuntimeException e) {
            throw bad("sentAt is an xsd:dateTime.");
        }
    }

    private static String text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : optional(o, key).orElseThrow(() -> bad(key + " is required."));
    }

    private static Optional<String> optional(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private static Node iri(JsonObject o, String key) {
        String value = text(o, key);
        if (!value.matches(References.ABSOLUTE_IRI)) {
            throw bad(key + " is an absolute IRI.");
        }
        return NodeFactory.createURI(value);
    }

    private static ProblemException bad(String detail) {
        return ProblemException.badRequest(detail);
    }

    private static Response answer(int status, JsonObject body) {
        return Response.status(status).entity(body.toString()).type(MediaType.APPLICATION_JSON + ";charset=utf-8").build();
    }
}
