package org.lianxin.conformance.transfer;

import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.sandbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * What the Transfer tests share (spec chapter 10): members of the sandbox with the values a
 * transfer moves, requests and actions as the kit's administrator, reads of transfer records, the
 * problem reports' rules, and waiting for what the node does on its own (its messages).
 */
public final class TransferKit {

    static final String JSON_LD = "application/ld+json";
    public static final String N_QUADS = "application/n-quads";
    public static final String N_TRIPLES = "application/n-triples";

    /** Dates of letters are days in China Standard Time, whatever the server's zone (10.10). */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** How long the kit waits for the node to deliver a message, its first retries (1 s, 2 s, 4 s after, 10.7) included. */
    static final long WAIT_MS = 30_000;

    private TransferKit() {}

    public static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /**
     * A full member of {@code branch} with a Chinese name and address, a dues category and base,
     * and a post held in the branch since 2019: the values a transfer moves unchanged (10.6).
     */
    public static String memberBody(String name, String branch) {
        return sandbox().memberBody(name, branch).replace("\"stage\": \"FullMember\"",
                "\"stage\": \"FullMember\", \"duesCategory\": \"Employed\", \"duesBase\": \"3000.01\","
                        + " \"memberships\": [{\"type\": \"Membership\", \"organization\": \"" + branch + "\", \"post\": \"CommitteeMember\","
                        + " \"memberDuring\": {\"type\": \"Interval\", \"startDate\": \"2019-01-01\"}}]");
    }

    /** A new member of {@code branch} (see {@link #memberBody}); its IRI. */
    static String member(String branch, String name) {
        return sandbox().newMemberFrom(memberBody(name, branch));
    }

    /** A payment of {@code member} for {@code month}, where the node claims Dues; its IRI, or empty. */
    static Optional<String> pay(String member, String month) {
        if (!Kit.current().claims("Dues")) {
            return Optional.empty();
        }
        String iri = base() + "/dues/payments/" + Sandbox.uniqueId("kit");
        Http.put(iri, JSON_LD, """
                {"@context": "%s", "id": "%s", "type": "DuesPayment", "payer": "%s", "month": "%s", "amount": "30.00",
                 "channel": "Cash", "paidAt": "%s-10T09:30:00+08:00"}""".formatted(Sandbox.CONTEXT, iri, member, month, month)).expect(201);
        return Optional.of(iri);
    }

    /** The member record as the node stores it, read in full for this transfer (spec 8.8). */
    static JsonObject fullRead(String member) {
        Response read = Http.get(member, "Accept", JSON_LD, "Lianxin-Purpose", "transfer");
        assertEquals(200, read.status(), () -> "GET " + member + ": " + read.body());
        return read.json();
    }

    /**
     * The member's values of Table 8.9 that must not leave the node but in the package
     * (LX-TRANSFER-27): nationalId, telephone, address and birthDate, full and as a masked read
     * gives them.
     */
    static List<String> sensitiveValues(String member) {
        JsonObject full = fullRead(member);
        JsonObject masked = Http.get(member, "Accept", JSON_LD).expect(200).json();
        List<String> values = new ArrayList<>();
        for (JsonObject record : List.of(full, masked)) {
            for (String key : List.of("nationalId", "telephone", "address", "birthDate")) {
                if (record.get(key) instanceof JsonString s && s.getString().length() >= 4) {
                    values.add(s.getString());
                }
            }
        }
        return values;
    }

    /** Asserts that none of {@code values} is in {@code text}. */
    static void assertFree(String text, List<String> values, String what) {
        for (String value : values) {
            if (text.contains(value)) {
                fail("LX-TRANSFER-27: " + what + " holds the value " + value + " of Table 8.9: " + text);
            }
        }
    }

    /** The same, as an RDF graph. */
    static Graph fullGraph(String member) {
        Response read = Http.get(member, "Accept", N_TRIPLES, "Lianxin-Purpose", "transfer");
        assertEquals(200, read.status(), () -> "GET " + member + ": " + read.body());
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(read.body(), Lang.NTRIPLES).parse(graph);
        return graph;
    }

    /** The body of a request (Table 10.3): what a client says, and nothing else. */
    static String requestBody(String member, String to, String reason) {
        return """
                {"@context": "%s", "type": "Transfer", "transferredMember": "%s", "toOrganization": "%s"%s}"""
                .formatted(Sandbox.CONTEXT, member, to, reason == null ? "" : ", \"reason\": \"" + reason + "\"");
    }

    /** POST {base}/transfers as the kit's administrator, or with the headers given. */
    static Response request(String member, String to, String... headers) {
        return Http.post(base() + "/transfers", JSON_LD, requestBody(member, to, "工作调动"), with("Accept", JSON_LD, headers));
    }

    /** POST {transfer}/{action} as the kit's administrator, or with the headers given; {@code body} may be null. */
    static Response act(String transfer, String action, String body, String... headers) {
        return Http.post(transfer + "/" + action, "application/json", body == null ? "" : body, with("Accept", JSON_LD, headers));
    }

    /** The same, which must answer 200; the record. */
    public static JsonObject acted(String transfer, String action, String body) {
        Response answer = act(transfer, action, body);
        assertEquals(200, answer.status(), () -> "POST " + transfer + "/" + action + ": " + answer.body());
        return answer.json();
    }

    /** A reason in JSON, as cancel and reject take it. */
    static String reason(String text) {
        return Json.createObjectBuilder().add("reason", text).build().toString();
    }

    /** The transfer record in JSON-LD, read as the kit's administrator. */
    static JsonObject read(String transfer) {
        Response answer = Http.get(transfer, "Accept", JSON_LD);
        assertEquals(200, answer.status(), () -> "GET " + transfer + ": " + answer.body());
        return answer.json();
    }

    /**
     * The record without what the node's courier may still set while a test looks (modified, and
     * the other node's record once the offer is answered): what an action refused must not change.
     */
    static JsonObject settled(JsonObject record) {
        return Json.createObjectBuilder(record).remove("modified").remove("receivingTransfer").build();
    }

    static String state(JsonObject record) {
        return record.getString("transferState", "");
    }

    /** Waits until the record's transferState is {@code state}; the record. */
    public static JsonObject awaitState(String transfer, String state) {
        return await(transfer + " in state " + state, () -> Optional.of(read(transfer)).filter(r -> state.equals(state(r))));
    }

    /** Polls {@code probe} until it gives a value or {@link #WAIT_MS} have passed (then the test fails). */
    public static <T> T await(String what, Supplier<Optional<T>> probe) {
        return poll(probe, WAIT_MS).orElseGet(() -> fail("waited " + WAIT_MS / 1000 + " s for " + what));
    }

    /** Polls {@code probe} for at most {@code millis}. */
    static <T> Optional<T> poll(Supplier<Optional<T>> probe, long millis) {
        long until = System.currentTimeMillis() + millis;
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent() || System.currentTimeMillis() > until) {
                return value;
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** The transfers of the list at {@code url} (all pages), read with the headers given. */
    static List<JsonObject> list(String url, String... headers) {
        List<JsonObject> items = new ArrayList<>();
        String next = url;
        for (int pages = 0; next != null && pages < 200; pages++) {
            Response page = Http.get(next, with("Accept", JSON_LD, headers));
            String at = next;
            assertEquals(200, page.status(), () -> "GET " + at + ": " + page.body());
            page.json().getJsonArray("items").forEach(v -> items.add(v.asJsonObject()));
            next = page.json().get("next") instanceof JsonString s ? s.getString() : null;
        }
        return items;
    }

    static List<String> ids(List<JsonObject> items) {
        return items.stream().map(i -> i.getString("id", "")).toList();
    }

    /** The error entry a problem report lists for {@code rule}, or a failed test. */
    static JsonObject error(Response answer, String rule) {
        JsonValue errors = answer.json().get("errors");
        if (errors instanceof jakarta.json.JsonArray list) {
            for (JsonValue e : list) {
                if (e instanceof JsonObject o && rule.equals(o.getString("rule", ""))) {
                    return o;
                }
            }
        }
        return fail("no error with the rule " + rule + " in " + answer.status() + " " + answer.body());
    }

    /** Asserts the status and the rule of a problem report (Table 3.4). */
    static void assertRule(Response answer, int status, String rule, String what) {
        assertEquals(status, answer.status(), () -> what + ": status " + answer.status() + " where " + status + " was required: " + answer.body());
        error(answer, rule);
    }

    /** An N-Quads text as a dataset; a failed test when it is not N-Quads. */
    public static DatasetGraph nquads(String text) {
        DatasetGraph dataset = DatasetGraphFactory.create();
        try {
            RDFParser.fromString(text, Lang.NQUADS).parse(dataset);
        } catch (RiotException e) {
            fail("not N-Quads: " + e.getMessage() + "\n" + text);
        }
        return dataset;
    }

    /** The claims of a JWT (its payload, not checked: the receiving side checks it). */
    static JsonObject claims(String authorization) {
        String token = authorization == null ? "" : authorization.replaceFirst("(?i)^Bearer\\s+", "");
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return fail("not a bearer JWT: " + (authorization == null ? "no Authorization header" : authorization.length() + " characters"));
        }
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }

    /**
     * Asserts that a message is sent as 10.5 says: {@code application/json}, the Idempotency-Key
     * {@code {type} {transfer}}, and a token of the role node whose sub is the sender's base URL and
     * whose aud has the base URL of the node it goes to.
     */
    static void assertSentAs(OtherNode.Message message, String sender, String receiver) {
        assertEquals(message.type() + " " + message.transfer(), message.idempotencyKey(), "the Idempotency-Key {type} {transfer}");
        assertTrue(message.headers().getOrDefault("Content-Type", "").startsWith("application/json"), "Content-Type: " + message.headers());
        JsonObject claims = claims(message.headers().get("Authorization"));
        assertEquals(sender, claims.getString("sub", ""), "the token's sub is the base URL of the node that sends: " + claims);
        assertTrue(claims.get("groups") instanceof jakarta.json.JsonArray groups && groups.contains(Json.createValue("node")),
                "the token has the role node: " + claims);
        JsonValue aud = claims.get("aud");
        assertTrue(aud instanceof JsonString s && s.getString().equals(receiver)
                || aud instanceof jakarta.json.JsonArray list && list.contains(Json.createValue(receiver)),
                "the token's aud has the base URL of the node the message goes to, " + receiver + ": " + claims);
    }

    /** {@code name, value} put before {@code headers}, unless {@code headers} name it already. */
    static String[] with(String name, String value, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return headers;
            }
        }
        String[] all = new String[headers.length + 2];
        all[0] = name;
        all[1] = value;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
