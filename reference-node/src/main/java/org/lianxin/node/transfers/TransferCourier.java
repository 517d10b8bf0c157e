package org.lianxin.node.transfers;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.lianxin.node.federation.FederationClient.Answer;
import org.lianxin.node.federation.Courier;
import org.lianxin.node.federation.FederationClient;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.JsonP;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.Records;
import org.lianxin.node.records.References;
import org.lianxin.node.security.NodeCredentials;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * Delivers the messages that transfers' states call for (spec 10.5, LX-TRANSFER-8): which message
 * is due follows from the stored records, never from memory, so a restart of either node loses
 * nothing — at start the node looks at its transfers again. A message that finds no answer is
 * tried again after 1 s, 2 s, 4 s ... up to {@code lianxin.transfer.retry-max}; one answered is
 * acted on in one transaction (the receiving node stores the package, the sending node the
 * receiving node's record, a refusal, ...).
 */
@ApplicationScoped
public class TransferCourier {

    private static final Logger LOG = Logger.getLogger(TransferCourier.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Messages this node delivered that no state records: the withdrawal, the rejection, received. */
    private static final Node DELIVERIES = NodeFactory.createURI("urn:lianxin:transfer-deliveries");
    private static final Node DELIVERED = NodeFactory.createURI("urn:lianxin:transfer-deliveries#delivered");

    @Inject
    FederationClient client;

    @Inject
    NodeCredentials credentials;

    @Inject
    TransferSettings settings;

    @Inject
    Records records;

    private Courier courier;

    /** One message, due from this node: its type, where it goes and what it says (Table 10.6). */
    record Message(String type, String target, JsonObject body) {}

    @PostConstruct
    void start() {
        courier = new Courier("transfers", settings::backoff);
    }

    @PreDestroy
    void stop() {
        courier.close();
    }

    /** Looks at every transfer of {@code nodes} shortly after start: what was due before a restart is due again. */
    public void resume(Collection<LogicalNode> nodes) {
        String query = "SELECT ?t WHERE { GRAPH ?t { ?t a <" + LX.Transfer.getURI() + "> } }";
        courier.later(Duration.ofSeconds(1), () -> nodes.forEach(node -> {
            try {
                node.store().read(tx -> tx.select(QueryFactory.create(query))).forEach(row -> wake(node, row.get(Var.alloc("t"))));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot look at the transfers of " + node.base(), e);
            }
        }));
    }

    /** Delivers what {@code transfer}'s state calls for now, if anything. */
    public void wake(LogicalNode node, Node transfer) {
        courier.wake(transfer.getURI(), () -> attempt(node, transfer));
    }

    /** Why the last attempt to deliver a message of {@code transfer} failed, if it did (for the operator's log and tests). */
    public Optional<String> problem(Node transfer) {
        return courier.problem(transfer.getURI());
    }

    /** One attempt: nothing due, delivered (another message may be due now: received, after the package), or why not. */
    private Courier.Outcome attempt(LogicalNode node, Node transfer) {
        Optional<Message> due = due(node, transfer);
        if (due.isEmpty()) {
            return new Courier.Nothing();
        }
        Optional<String> problem = deliver(node, transfer, due.get());
        if (problem.isEmpty()) {
            return new Courier.Delivered();
        }
        // A final answer that changes no state is not repeated until the node restarts (spec 10.7).
        return problem.get().startsWith(FINAL) ? new Courier.Refused(due.get().type() + ": " + problem.get())
                : new Courier.Retry(due.get().type() + ": " + problem.get());
    }

    /** The message {@code transfer}'s stored state calls for (Table 10.6), if any. */
    Optional<Message> due(LogicalNode node, Node transfer) {
        return node.store().read(tx -> tx.get(transfer).flatMap(g -> {
            TransferState state = Transfers.stateOf(g, transfer);
            Optional<Node> sending = Lifecycle.value(g, transfer, LX.sendingTransfer.asNode());
            Optional<Node> receiving = Lifecycle.value(g, transfer, LX.receivingTransfer.asNode());
            java.util.Set<String> done = new java.util.HashSet<>();
            tx.find(DELIVERIES, transfer, DELIVERED, Node.ANY).forEach(q -> done.add(q.getObject().getLiteralLexicalForm()));
            if (sending.isEmpty()) { // this node sends the member
                String other = References.baseOf(value(g, transfer, LX.toOrganization.asNode()));
                if (state == TransferState.APPROVED && receiving.isEmpty()) {
                    return Optional.of(new Message("offer", other, offer(g, transfer)));
                }
                if (state == TransferState.CANCELLED && receiving.isPresent() && !done.contains("withdrawal")) {
                    JsonObjectBuilder body = base("withdrawal", transfer);
                    Lifecycle.value(g, transfer, LX.rejectionReason.asNode()).ifPresent(r -> body.add("reason", r.getLiteralLexicalForm()));
                    return Optional.of(new Message("withdrawal", other, body.build()));
                }
                return Optional.empty();
            }
            String other = References.baseOf(sending.get());
            JsonObjectBuilder body = base(null, sending.get()).add("receivingTransfer", transfer.getURI());
            return switch (state) {
                case ACCEPTED -> Optional.of(new Message("receipt", other,
                        body.add("type", "receipt").add("newMember", value(g, transfer, LX.newMember.asNode()).getURI()).build()));
                case REJECTED -> done.contains("rejection") ? Optional.empty() : Optional.of(new Message("rejection", other,
                        body.add("type", "rejection").add("reason", value(g, transfer, LX.rejectionReason.asNode()).getLiteralLexicalForm()).build()));
                case COMPLETED -> done.contains("received") ? Optional.empty()
                        : Optional.of(new Message("received", other, body.add("type", "received").build()));
                default -> Optional.empty();
            };
        }));
    }

    /** The offer (Table 10.6): the letter and the member summary, never a value of Table 8.9 (LX-TRANSFER-27). */
    private static JsonObject offer(Graph g, Node transfer) {
        JsonObjectBuilder body = base("offer", transfer);
        for (Node p : new Node[] {LX.transferredMember.asNode(), LX.fromOrganization.asNode(), LX.toOrganization.asNode()}) {
            body.add(p.getLocalName(), value(g, transfer, p).getURI());
        }
        body.add("name", value(g, transfer, SchemaOrg.name.asNode()).getLiteralLexicalForm());
        body.add("gender", value(g, transfer, SchemaOrg.gender.asNode()).getLocalName());
        body.add("stage", value(g, transfer, LX.stage.asNode()).getLocalName());
        body.add("letterNumber", value(g, transfer, LX.letterNumber.asNode()).getLiteralLexicalForm());
        body.add("letterIssued", value(g, transfer, LX.letterIssued.asNode()).getLiteralLexicalForm());
        body.add("letterValidUntil", value(g, transfer, LX.letterValidUntil.asNode()).getLiteralLexicalForm());
        Lifecycle.value(g, transfer, LX.duesPaidThrough.asNode()).ifPresent(m -> body.add("duesPaidThrough", m.getLiteralLexicalForm()));
        Lifecycle.value(g, transfer, LX.transferReason.asNode()).ifPresent(r -> body.add("reason", r.getLiteralLexicalForm()));
        return body.build();
    }

    private static JsonObjectBuilder base(String type, Node transfer) {
        JsonObjectBuilder body = JSON.createObjectBuilder();
        if (type != null) {
            body.add("type", type);
        }
        return body.add("transfer", transfer.getURI());
    }

    private static Node value(Graph g, Node s, Node p) {
        return Lifecycle.value(g, s, p).orElseThrow(() -> new IllegalStateException(s + " has no " + p));
    }

    /** Sends {@code message} and acts on the answer; empty when it is delivered, else why not. */
    private Optional<String> deliver(LogicalNode node, Node transfer, Message message) {
        Optional<String> authorization = credentials.authorization(node, message.target());
        if (authorization.isEmpty()) {
            return Optional.of("this node has no credential to call other nodes (lianxin.federation.node-token-file)");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(message.target() + "/transfers/messages"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, " + TransferPackage.MEDIA_TYPE)
                .header("Idempotency-Key", message.type() + " " + message.body().getString("transfer"))
                .POST(HttpRequest.BodyPublishers.ofString(message.body().toString()));
        Answer answer = client.message(request, TIMEOUT, authorization.get());
        if (answer.status() == 0) {
            return Optional.of(answer.failure());
        }
        int status = answer.status();
        switch (message.type()) {
            case "offer" -> {
                if (answer.delivered()) {
                    Node receiving = NodeFactory.createURI(json(answer.body()).getString("receivingTransfer"));
                    change(node, transfer, g -> Lifecycle.value(g, transfer, LX.receivingTransfer.asNode()).isEmpty(),
                            g -> Lifecycle.set(g, transfer, LX.receivingTransfer.asNode(), receiving));
                    return Optional.empty();
                }
                // LX-TRANSFER-12: refused for good by a node. A 404 page of a server whose application is
                // down is no node's answer: only a problem report counts.
                boolean problem = answer.contentType() != null && answer.contentType().startsWith("application/problem+json");
                if (status == 422 || status == 404 && problem) {
                    change(node, transfer, g -> Transfers.stateOf(g, transfer) == TransferState.APPROVED, g -> {
                        Lifecycle.set(g, transfer, LX.transferState.asNode(), TransferState.REJECTED.iri());
                        Lifecycle.set(g, transfer, LX.rejectionReason.asNode(), NodeFactory.createLiteralString(
                                "The receiving node refused the offer (HTTP " + status + "): " + detail(answer.body())));
                    });
                    return Optional.empty();
                }
            }
            case "receipt" -> {
                if (status == 200) {
                    return stored(node, transfer, answer.body());
                }
                if (status == 409) { // LX-TRANSFER-19: the sending organization withdrew first
                    change(node, transfer, g -> Transfers.stateOf(g, transfer) == TransferState.ACCEPTED,
                            g -> Lifecycle.set(g, transfer, LX.transferState.asNode(), TransferState.CANCELLED.iri()));
                    return Optional.empty();
                }
            }
            default -> {
                if (answer.delivered() || status == 404 || status == 409) {
                    node.store().write(tx -> {
                        tx.add(DELIVERIES, transfer, DELIVERED, NodeFactory.createLiteralString(message.type()));
                        return null;
                    });
                    return Optional.empty();
                }
            }
        }
        boolean retried = status < 400 || status >= 500 || status == 401 || status == 408 || status == 429
                || status == 404 && !(answer.contentType() != null && answer.contentType().startsWith("application/problem+json"));
        return Optional.of((retried ? "" : FINAL) + "HTTP " + status + ": " + detail(answer.body()));
    }

    /** Marks the problem of a final answer, which is not repeated (spec 10.7). */
    private static final String FINAL = "final answer: ";

    /**
     * LX-TRANSFER-20: the package, stored in one transaction — the member at its new IRI in the
     * receiving organization, each payment as a payment of the new IRI, the transfer Completed.
     */
    private Optional<String> stored(LogicalNode node, Node transfer, String nquads) {
        Graph before = node.store().read(tx -> tx.get(transfer)).orElseThrow();
        Node oldMember = value(before, transfer, LX.transferredMember.asNode());
        Node newMember = value(before, transfer, LX.newMember.asNode());
        Node branch = value(before, transfer, LX.toOrganization.asNode());
        Optional<TransferPackage.Unpacked> unpacked = TransferPackage.unpack(nquads, oldMember, newMember, branch, node.base());
        if (unpacked.isEmpty()) {
            return Optional.of("the package has no member record " + oldMember.getURI());
        }
        var problems = new java.util.ArrayList<>(records.members().validate(unpacked.get().member()));
        unpacked.get().payments().forEach(p -> problems.addAll(records.payments().validate(p)));
        unpacked.get().studyRecords().forEach(r -> problems.addAll(records.studyRecords().validate(r)));
        if (!problems.isEmpty()) {
            LOG.severe(() -> "transfer " + transfer.getURI() + ": the package breaks the shapes: " + problems);
            return Optional.of("the package breaks the shapes: " + problems.get(0).message());
        }
        try {
            node.store().write(tx -> {
                Graph current = tx.get(transfer).orElseThrow();
                if (Transfers.stateOf(current, transfer) != TransferState.ACCEPTED) {
                    return null; // stored already, by an attempt whose answer was lost
                }
                // The transfer first: while it is Accepted the new IRI is kept free (LX-TRANSFER-21); all of it commits at once.
                Graph after = Lifecycle.withoutDates(current, transfer);
                Lifecycle.set(after, transfer, LX.transferState.asNode(), TransferState.COMPLETED.iri());
                Lifecycle.set(after, transfer, LX.completedAt.asNode(), Lifecycle.dateTime(Instant.now()));
                Transfers.store(tx, transfer, current, after);
                records.members().writeIn(node, tx, unpacked.get().member());
                // History: payments collected by the sending branch, so not added to this node's totals (spec 10.6);
                // study records of courses that need not reach the new branch (spec 16.9, LX-LEARN-18).
                for (Record history : java.util.stream.Stream.concat(unpacked.get().payments().stream(), unpacked.get().studyRecords().stream()).toList()) {
                    Optional<Graph> was = tx.get(history.iri());
                    tx.put(history.iri(), Lifecycle.stamped(history.graph(), history.iri(), was, Lifecycle.writeTime(was, history.iri())));
                }
                return null;
            });
            return Optional.empty();
        } catch (ProblemException e) {
            LOG.severe(() -> "transfer " + transfer.getURI() + ": the member cannot be stored: " + e.getMessage());
            return Optional.of("the member cannot be stored: " + e.getMessage());
        }
    }

    /** Changes the record in one transaction when {@code when} holds of it as stored. */
    private static void change(LogicalNode node, Node transfer, java.util.function.Predicate<Graph> when, java.util.function.Consumer<Graph> how) {
        node.store().write(tx -> {
            Graph before = tx.get(transfer).orElseThrow();
            if (when.test(before)) {
                Graph after = Lifecycle.withoutDates(before, transfer);
                how.accept(after);
                Transfers.store(tx, transfer, before, after);
            }
            return null;
        });
    }

    private static JsonObject json(String body) {
        return JsonP.object(body).orElseThrow(() -> new IllegalArgumentException("not a JSON object"));
    }

    /** The detail of a problem answer, or the start of the body. */
    private static String detail(String body) {
        try {
            return json(body).getString("detail", body);
        } catch (RuntimeException e) {
            return body == null ? "" : body.substring(0, Math.min(200, body.length()));
        }
    }
}
