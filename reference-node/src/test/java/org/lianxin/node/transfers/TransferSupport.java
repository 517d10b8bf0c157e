package org.lianxin.node.transfers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.json.JsonObject;

import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;

/** Trees, members and transfers as the Transfer tests write them, and waiting for the nodes' messages. */
final class TransferSupport {

    private TransferSupport() {}

    /** How long a message between nodes may take in a test, retries included (the test servers retry at most 2 s apart). */
    static final long WAIT_MS = 20_000;

    /** A branch under a new county committee under the test organization of {@code node}; its IRI. */
    static String branch(String node, String name) {
        String county = organization(node, Fixtures.uniqueId("county"), "青山县委", "CountyCommittee", NodeClient.top(node));
        return organization(node, Fixtures.uniqueId("branch"), name, "Branch", county);
    }

    static String organization(String node, String id, String name, String type, String parent) {
        String iri = node + "/organizations/" + id;
        HttpResponse<String> put = NodeClient.put(iri, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization(name, type, parent), iri));
        assertEquals(201, put.statusCode(), put.body());
        return iri;
    }

    /** A full member of {@code branch}, with a dues category, a post and Chinese address; its IRI. */
    static String member(String node, String branch, String name) {
        String body = Fixtures.member(name, branch).replace("\"stage\": \"FullMember\"",
                "\"stage\": \"FullMember\", \"duesCategory\": \"Employed\", \"duesBase\": \"3000.01\", \"telephone\": \"13800138000\","
                        + " \"memberships\": [{\"type\": \"Membership\", \"organization\": \"" + branch + "\", \"post\": \"CommitteeMember\","
                        + " \"memberDuring\": {\"type\": \"Interval\", \"startDate\": \"2019-01-01\"}}]");
        HttpResponse<String> created = NodeClient.post(node + "/members", Fixtures.JSON_LD, body);
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    /** A recorded payment of {@code member} for {@code month}. */
    static String pay(String node, String member, String month) {
        String iri = node + "/dues/payments/" + Fixtures.uniqueId("pay");
        HttpResponse<String> put = NodeClient.put(iri, Fixtures.JSON_LD, """
                {"@context": "%s", "id": "%s", "type": "DuesPayment", "payer": "%s", "month": "%s", "amount": "30.00",
                 "channel": "Cash", "paidAt": "%s-10T09:30:00+08:00"}""".formatted(Fixtures.CONTEXT, iri, member, month, month));
        assertEquals(201, put.statusCode(), put.body());
        return iri;
    }

    static String requestBody(String member, String to) {
        return """
                {"@context": "%s", "type": "Transfer", "transferredMember": "%s", "toOrganization": "%s", "reason": "工作调动"}"""
                .formatted(Fixtures.CONTEXT, member, to);
    }

    /** POST {node}/transfers; the answer. */
    static HttpResponse<String> request(String node, String member, String to) {
        return NodeClient.post(node + "/transfers", Fixtures.JSON_LD, requestBody(member, to));
    }

    /** A new Requested transfer; its IRI. */
    static String requested(String node, String member, String to) {
        HttpResponse<String> created = request(node, member, to);
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    /** POST {transfer}/{action} with the default token (the test organization's administrator of that node). */
    static HttpResponse<String> act(String transfer, String action, String body) {
        return NodeClient.post(transfer + "/" + action, "application/json", body == null ? "" : body);
    }

    static JsonObject acted(String transfer, String action, String body) {
        HttpResponse<String> answer = act(transfer, action, body);
        assertEquals(200, answer.statusCode(), answer.body());
        return NodeClient.json(answer);
    }

    static JsonObject read(String transfer) {
        HttpResponse<String> answer = NodeClient.get(transfer, "application/ld+json");
        assertEquals(200, answer.statusCode(), answer.body());
        return NodeClient.json(answer);
    }

    /** The receiving node's record of {@code transfer}, once the offer has arrived there. */
    static String receivingRecord(String receivingNode, String member) {
        return await("the offer at " + receivingNode, () -> {
            JsonObject page = NodeClient.json(NodeClient.get(receivingNode + "/transfers?member=" + enc(member), "application/ld+json"));
            return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("id")).findFirst();
        });
    }

    /** Waits until the record's transferState is {@code state}; the record. */
    static JsonObject awaitState(String transfer, String state) {
        return await(transfer + " " + state, () -> Optional.of(read(transfer)).filter(r -> r.getString("transferState", "").equals(state)));
    }

    static <T> T await(String what, Supplier<Optional<T>> probe) {
        long until = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < until) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("waited " + WAIT_MS + " ms for " + what);
    }

    /** POST {node}/transfers/messages as the node {@code sender}. */
    static HttpResponse<String> message(String node, String sender, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + "/transfers/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + NodeClient.nodeToken(sender, node))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return NodeClient.raw(request);
    }

    /** An offer (Table 10.6) from {@code sender} for a member it holds, to {@code to}. */
    static String offer(String transfer, String member, String from, String to, String validUntil) {
        return """
                {"type": "offer", "transfer": "%s", "transferredMember": "%s", "fromOrganization": "%s", "toOrganization": "%s",
                 "name": "欧阳娜娜", "gender": "Female", "stage": "FullMember", "letterNumber": "2026-000042",
                 "letterIssued": "2026-01-05", "letterValidUntil": "%s", "reason": "随迁"}""".formatted(transfer, member, from, to, validUntil);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
