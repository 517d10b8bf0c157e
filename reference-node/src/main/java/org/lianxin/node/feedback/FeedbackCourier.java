package org.lianxin.node.feedback;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.lianxin.node.federation.Courier;
import org.lianxin.node.federation.Federation;
import org.lianxin.node.federation.FederationClient;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.rdf.JsonP;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.References;
import org.lianxin.node.security.NodeCredentials;
import org.lianxin.node.transfers.TransferSettings;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * Carries a thread (a feedback message, a service request) along its chain of records across nodes (spec 14.5): the escalation
 * to the parent node, each reply to the records next to the one it was written on, and the
 * closing up to the copies (LX-FEEDBACK-9, -11, -12). What is owed follows from the stored record
 * and the deliveries already made, so a restart loses nothing. It also runs the node's escalation
 * clock (LX-FEEDBACK-8).
 */
@ApplicationScoped
public class FeedbackCourier {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The deliveries made, per record: "reply {replyId} {neighbour}", "closed {copy}". Bookkeeping, never a record. */
    static final Node DELIVERIES = NodeFactory.createURI("urn:lianxin:feedback-deliveries");
    static final Node DELIVERED = NodeFactory.createURI("urn:lianxin:feedback-deliveries#delivered");

    @Inject
    FederationClient client;

    @Inject
    NodeCredentials credentials;

    @Inject
    Federation federation;

    @Inject
    Feedback feedback;

    @Inject
    FeedbackSettings settings;

    @Inject
    TransferSettings retries;

    @Inject
    Threads threads;

    private Courier courier;

    /** One message due from a record (Table 14.9): its type, where it goes, what it says, the delivery it makes and its Idempotency-Key. */
    record Message(ThreadKind kind, String type, String target, JsonObject body, String delivery, String idempotencyKey) {}

    /** The delivery of a reply to a neighbour record, as the bookkeeping names it. */
    static String replyDelivery(String replyId, Node neighbour) {
        return "reply " + replyId + " " + neighbour.getURI();
    }

    @jakarta.annotation.PostConstruct
    void start() {
        courier = new Courier("feedback", attempt -> retries.backoff(attempt));
    }

    @PreDestroy
    void stop() {
        courier.close();
    }

    /** At start: what was owed before a restart is owed again; and the escalation clock starts. */
    public void resume(Collection<LogicalNode> nodes) {
        String query = "SELECT ?m WHERE { GRAPH ?m { ?m <" + LX.feedbackState.getURI() + "> ?state } }"; // every thread, of every kind
        courier.later(Duration.ofSeconds(1), () -> nodes.forEach(node ->
                node.store().read(tx -> tx.select(QueryFactory.create(query))).forEach(row -> wake(node, row.get(Var.alloc("m"))))));
        courier.every(settings.checkEvery(), () -> nodes.forEach(node -> feedback.escalateDue(node, settings.escalateAfter())));
    }

    /** Delivers what {@code message}'s record owes now, if anything. */
    public void wake(LogicalNode node, Node message) {
        courier.wake(message.getURI(), () -> attempt(node, message));
    }

    /** Why the last delivery for the record failed, if it did. */
    public Optional<String> problem(Node message) {
        return courier.problem(message.getURI());
    }

    private Courier.Outcome attempt(LogicalNode node, Node message) {
        Optional<Message> due = due(node, message);
        return due.isEmpty() ? new Courier.Nothing() : deliver(node, message, due.get());
    }

    /** The first message the record owes (Table 14.9), if any. */
    Optional<Message> due(LogicalNode node, Node iri) {
        return node.store().read(tx -> tx.get(iri).flatMap(g -> {
            Set<String> done = new java.util.HashSet<>();
            tx.find(DELIVERIES, iri, DELIVERED, Node.ANY).forEach(q -> done.add(q.getObject().getLiteralLexicalForm()));
            Optional<Node> copy = Lifecycle.value(g, iri, LX.escalatedCopy.asNode());
            Optional<Node> remote = g.find(iri, LX.escalatedTo.asNode(), Node.ANY).mapWith(Triple::getObject).toList().stream()
                    .filter(o -> !node.holdsOrganization(o)).findFirst();
            ThreadKind kind = threads.of(g, iri);
            if (remote.isPresent() && copy.isEmpty()) {
                return Optional.of(new Message(kind, "escalation", References.baseOf(remote.get()), escalation(kind, g, iri, remote.get()), null,
                        "escalation " + iri.getURI()));
            }
            for (Conversation.Reply reply : Conversation.replies(g, iri)) {
                for (Node n : Conversation.neighbours(g, iri)) {
                    String delivery = replyDelivery(reply.replyId(), n);
                    if (!done.contains(delivery)) {
                        JsonObjectBuilder body = JsonP.JSON.createObjectBuilder(reply.toJson()).add("type", "reply").add("message", n.getURI());
                        return Optional.of(new Message(kind, "reply", References.baseOf(n), body.build(), delivery,
                                "reply " + n.getURI() + " " + reply.replyId()));
                    }
                }
            }
            if (copy.isPresent() && Conversation.state(g, iri).equals(LX.Closed.asNode()) && !done.contains("closed " + copy.get().getURI())) {
                JsonObjectBuilder body = JSON.createObjectBuilder().add("type", "closed").add("message", copy.get().getURI());
                Lifecycle.value(g, iri, LX.rating.asNode()).ifPresent(r -> body.add("rating", Integer.parseInt(r.getLiteralLexicalForm())));
                return Optional.of(new Message(kind, "closed", References.baseOf(copy.get()), body.build(), "closed " + copy.get().getURI(),
                        "closed " + copy.get().getURI()));
            }
            return Optional.empty();
        }));
    }

    /**
     * The escalation (Table 14.9): the thread as the organization above needs it, without the
     * sender's ID number or phone (LX-FEEDBACK-10); a resident's request without the resident and
     * their contact, which stay on their node (LX-SERVICE-9).
     */
    private static JsonObject escalation(ThreadKind kind, Graph g, Node iri, Node to) {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("type", "escalation").add("message", iri.getURI()).add("organization", to.getURI())
                .add(kind.category().getLocalName(), Lifecycle.value(g, iri, kind.category()).map(Node::getLocalName).orElse(""))
                .add("sentTo", Lifecycle.value(g, iri, LX.sentTo.asNode()).map(Node::getURI).orElse(""))
                .add("text", Conversation.text(g, iri, SchemaOrg.text.asNode()))
                .add("sentAt", Conversation.time(g, iri, LX.sentAt.asNode()))
                .add("replies", Conversation.repliesJson(g, iri));
        if (kind.senderTravels()) {
            body.add("sender", Lifecycle.value(g, iri, LX.sender.asNode()).map(Node::getURI).orElse(""))
                    .add("senderName", Conversation.text(g, iri, LX.senderName.asNode()));
        }
        Lifecycle.value(g, iri, SchemaOrg.name.asNode()).ifPresent(n -> body.add("name", n.getLiteralLexicalForm()));
        return body.build();
    }

    private Courier.Outcome deliver(LogicalNode node, Node iri, Message message) {
        if (message.type().equals("escalation") && !federation.state(node).parent().filter(message.target()::equals).isPresent()) {
            return new Courier.Refused("the organization above is on a node that is not this node's registered parent");
        }
        Optional<String> authorization = credentials.authorization(node, message.target());
        if (authorization.isEmpty()) {
            return new Courier.Retry("this node has no credential to call other nodes (lianxin.federation.node-token-file)");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(message.target() + "/" + message.kind().segment() + "/messages"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", message.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(message.body().toString()));
        FederationClient.Answer answer = client.message(request, TIMEOUT, authorization.get());
        if (answer.delivered()) {
            node.store().write(tx -> {
                if (message.type().equals("escalation")) {
                    Node copy = NodeFactory.createURI(JsonP.object(answer.body()).orElseThrow().getString("copy"));
                    Graph before = tx.get(iri).orElseThrow();
                    if (Lifecycle.value(before, iri, LX.escalatedCopy.asNode()).isEmpty()) {
                        Graph after = Lifecycle.withoutDates(before, iri);
                        after.add(iri, LX.escalatedCopy.asNode(), copy);
                        tx.put(iri, Lifecycle.stamped(after, iri, Optional.of(before), Lifecycle.writeTime(Optional.of(before), iri)));
                    }
                } else {
                    delivered(tx, iri, message.delivery());
                }
                return null;
            });
            return new Courier.Delivered();
        }
        boolean problem = answer.contentType() != null && answer.contentType().startsWith("application/problem+json");
        int status = answer.status();
        if (status == 0 || status >= 500 || status == 401 || status == 408 || status == 429 || !problem) {
            return new Courier.Retry(status == 0 ? answer.failure() : "HTTP " + status);
        }
        return new Courier.Refused("HTTP " + status + ": " + answer.body());
    }

    /** Records, in {@code tx}, that {@code delivery} was made (or needs not be: the reply came from there). */
    static void delivered(org.lianxin.node.store.RecordTransaction tx, Node iri, String delivery) {
        tx.add(DELIVERIES, iri, DELIVERED, NodeFactory.createLiteralString(delivery));
    }
}
