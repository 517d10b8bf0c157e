package org.lianxin.conformance.transfer;

import org.lianxin.conformance.Current;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.federation.StubNode;
import org.lianxin.conformance.federation.StubNode.Reply;
import org.lianxin.conformance.fixtures.Sandbox;
import org.lianxin.spec.JsonLdContexts;

/**
 * The kit playing the other node of a transfer (spec 10.5, Table 10.8) on a {@link StubNode}: its
 * organizations are {@code {stub}/organizations/{id}}. It answers the node's messages at
 * {@code POST {stub}/transfers/messages} as a conforming node would — an offer with 201 and a
 * receiving record of its own, a receipt with the package the test gave it (409 without one), the
 * others with 200 — unless a test scripts the next answer to a type; it keeps every message; and it
 * sends the node the messages of its side, with a token of the role node whose sub is its base URL,
 * minted at the host's demo issuer (without one, the test ends cantTell).
 */
public final class OtherNode implements AutoCloseable {

    /** A message the node sent: its body and the headers the stub keeps. */
    public record Message(JsonObject body, Map<String, String> headers) {

        String type() {
            return body.getString("type", "");
        }

        String transfer() {
            return body.getString("transfer", "");
        }

        String idempotencyKey() {
            return headers.getOrDefault("Idempotency-Key", "");
        }
    }

    private final StubNode stub;
    private final Map<String, Deque<Function<Message, Reply>>> scripted = new ConcurrentHashMap<>();
    private final Map<String, String> receivingRecords = new ConcurrentHashMap<>();
    private final Map<String, String> packages = new ConcurrentHashMap<>();
    /** When each message arrived: "{type} {transfer}" and the kit's monotonic clock in milliseconds. */
    private final List<Map.Entry<String, Long>> arrivals = new CopyOnWriteArrayList<>();
    private volatile String token;

    OtherNode(StubNode stub) {
        this.stub = stub;
        stub.on("POST", "/transfers/messages", call -> answer(new Message(parse(call.body()), call.headers())));
    }

    public String base() {
        return stub.base();
    }

    /** An organization of this node (it need not exist: the node under test cannot tell). */
    public String organization() {
        return stub.organization(Sandbox.uniqueId("org"));
    }

    /** A member IRI of this node. */
    public String member() {
        return base() + "/members/" + Sandbox.uniqueId("m");
    }

    /** A transfer IRI of this node. */
    public String transfer() {
        return base() + "/transfers/" + Sandbox.uniqueId("t");
    }

    /** Answers the next message of {@code type} with {@code reply}, then as before. */
    OtherNode next(String type, Function<Message, Reply> reply) {
        scripted.computeIfAbsent(type, t -> new ArrayDeque<>()).add(reply);
        return this;
    }

    /** Answers the receipt for the node's record {@code receivingTransfer} with {@code nquads}. */
    public OtherNode packageFor(String receivingTransfer, String nquads) {
        packages.put(receivingTransfer, nquads);
        return this;
    }

    /** The record this node made for the node's transfer {@code transfer}, once it answered the offer. */
    public Optional<String> receivingRecord(String transfer) {
        return Optional.ofNullable(receivingRecords.get(transfer));
    }

    private synchronized Reply answer(Message message) {
        arrivals.add(Map.entry(message.type() + " " + message.transfer(), System.nanoTime() / 1_000_000));
        Deque<Function<Message, Reply>> next = scripted.get(message.type());
        Function<Message, Reply> once = next == null ? null : next.poll();
        if (once != null) {
            return once.apply(message);
        }
        return switch (message.type()) {
            case "offer" -> {
                boolean known = receivingRecords.containsKey(message.transfer());
                String mine = receivingRecords.computeIfAbsent(message.transfer(), t -> transfer());
                yield new Reply(known ? 200 : 201, "application/json", Json.createObjectBuilder().add("receivingTransfer", mine).build().toString());
            }
            case "withdrawal" -> Reply.json(Json.createObjectBuilder().add("transferState", "Cancelled").build());
            case "rejection" -> Reply.json(Json.createObjectBuilder().add("transferState", "Rejected").build());
            case "received" -> Reply.json(JsonObject.EMPTY_JSON_OBJECT);
            case "receipt" -> {
                String nquads = packages.get(message.body().getString("receivingTransfer", ""));
                yield nquads == null ? problem(409, "conflict", "transfer-state", "The transfer is not Approved here.")
                        : new Reply(200, TransferKit.N_QUADS, nquads);
            }
            default -> problem(400, "bad-request", null, "Unknown message type.");
        };
    }

    private static final Map<Integer, String> TITLES = Map.of(400, "Bad request", 401, "Unauthorized", 404, "Not found", 409, "Conflict",
            422, "Validation failed", 503, "Service unavailable");

    /** A problem report (3.6) of the problem type {@code type}, with one error of {@code rule} when given. */
    static Reply problem(int status, String type, String rule, String detail) {
        JsonObjectBuilder problem = Json.createObjectBuilder().add("type", "https://w3id.org/lianxin/problems/" + type)
                .add("title", TITLES.getOrDefault(status, "Error")).add("status", status).add("detail", detail);
        if (rule != null) {
            problem.add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder().add("field", "toOrganization")
                    .add("rule", rule).add("message", detail)));
        }
        return new Reply(status, "application/problem+json", problem.build().toString());
    }

    /** The messages of {@code type} the node sent here, in order. */
    List<Message> messages(String type) {
        return stub.calls("POST", "/transfers/messages").stream().map(c -> new Message(parse(c.body()), c.headers()))
                .filter(m -> m.type().equals(type)).toList();
    }

    /** The messages of {@code type} about the transfer {@code transfer} (the sending node's IRI). */
    List<Message> messages(String type, String transfer) {
        return messages(type).stream().filter(m -> m.transfer().equals(transfer)).toList();
    }

    /** When the messages of {@code type} about {@code transfer} arrived, in milliseconds of the kit's monotonic clock. */
    List<Long> arrivals(String type, String transfer) {
        return arrivals.stream().filter(a -> a.getKey().equals(type + " " + transfer)).map(Map.Entry::getValue).toList();
    }

    /** The first message of {@code type} about {@code transfer}, waited for. */
    public Message await(String type, String transfer) {
        return TransferKit.await("the node's " + type + " message for " + transfer + " at " + base(),
                () -> messages(type, transfer).stream().findFirst());
    }

    /** The token of this node: the role node, sub its base URL (10.5). */
    String token() {
        if (token == null) {
            token = Kit.current().tokens().mint(Json.createObjectBuilder().add("sub", base())
                    .add("groups", Json.createArrayBuilder().add("node")).build());
        }
        return token;
    }

    /** POST {node}/transfers/messages from this node, with the Idempotency-Key {type} {transfer}. */
    public Response send(JsonObject message) {
        return send(message, message.getString("type", "") + " " + message.getString("transfer", ""), TransferKit.bearer(token()));
    }

    /** The same with the key (null: none) and Authorization given. */
    static Response send(JsonObject message, String idempotencyKey, String authorization) {
        return sendText(message.toString(), idempotencyKey, authorization);
    }

    static Response sendText(String body, String idempotencyKey, String authorization) {
        return Http.post(Current.base() + "/transfers/messages", "application/json", body,
                "Accept", "application/json, " + TransferKit.N_QUADS, "Idempotency-Key", idempotencyKey, "Authorization", authorization);
    }

    /**
     * An offer from this node (Table 10.8) for its transfer {@code transfer} of its member
     * {@code member} in {@code from}, to the node's organization {@code to}, the letter valid until
     * {@code validUntil}.
     */
    public static JsonObject offer(String transfer, String member, String from, String to, String name, LocalDate validUntil) {
        return Json.createObjectBuilder().add("type", "offer").add("transfer", transfer).add("transferredMember", member)
                .add("fromOrganization", from).add("toOrganization", to).add("name", name).add("gender", "Female")
                .add("stage", "FullMember").add("duesPaidThrough", "2026-05").add("reason", "随配偶迁居")
                .add("letterNumber", "2026-" + String.format("%06d", Math.abs(transfer.hashCode() % 1_000_000)))
                .add("letterIssued", validUntil.minusDays(90).toString()).add("letterValidUntil", validUntil.toString()).build();
    }

    /** An offer of a new transfer of a new member of this node to {@code to}, the letter valid 90 days from today. */
    JsonObject offer(String to, String name) {
        return offer(transfer(), member(), organization(), to, name, TransferKit.today().plusDays(90));
    }

    public static JsonObject message(String type, String transfer, String... keysAndValues) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("type", type).add("transfer", transfer);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            body.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return body.build();
    }

    /**
     * The package (10.6) of this node's member {@code member} of {@code from}, as a node stores
     * them: the member record from {@code memberBody} (JSON-LD as a client writes it, without id)
     * and one dues payment for {@code month}, collected by {@code from}, each its own named graph.
     */
    static String packageOf(String member, String memberBody, String payment, String from, String month) {
        return packageOf(member, memberBody, payment, from, month, Map.of());
    }

    /**
     * The same with more records of the member, each its own graph: {@code more} maps the IRI of
     * each to its JSON-LD, as the node stores it (the study records of a node that claims Learning, 16.9).
     */
    public static String packageOf(String member, String memberBody, String payment, String from, String month, Map<String, String> more) {
        DatasetGraph dataset = DatasetGraphFactory.create();
        String stamps = "\"created\": \"2019-01-01T08:00:00.000+08:00\", \"modified\": \"2025-06-30T17:45:00.000+08:00\", ";
        add(dataset, member, Sandbox.withId(memberBody.replaceFirst("\\{", "{" + stamps), member));
        add(dataset, payment, """
                {"@context": "%s", "id": "%s", "type": "DuesPayment", "payer": "%s", "month": "%s", "amount": "30.00",
                 "channel": "Cash", "paidAt": "%s-10T09:30:00+08:00", "collectedBy": "%s", "assessedAmount": "30.00",
                 "matchesAssessment": true, "created": "%s-10T09:31:00.000+08:00", "modified": "%s-10T09:31:00.000+08:00"}"""
                .formatted(Sandbox.CONTEXT, payment, member, month, month, from, month, month));
        more.forEach((iri, jsonLd) -> add(dataset, iri, jsonLd));
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, dataset, Lang.NQUADS);
        return out.toString();
    }

    private static void add(DatasetGraph dataset, String name, String jsonLd) {
        Graph graph = JsonLdContexts.parse(new java.io.ByteArrayInputStream(jsonLd.getBytes(java.nio.charset.StandardCharsets.UTF_8)), name);
        Node g = NodeFactory.createURI(name);
        graph.find().forEach(t -> dataset.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    private static JsonObject parse(String body) {
        try {
            return Json.createReader(new StringReader(body == null ? "" : body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            return Json.createObjectBuilder().add("unparsed", String.valueOf(body)).build();
        }
    }

    @Override
    public void close() {
        stub.close();
    }
}
