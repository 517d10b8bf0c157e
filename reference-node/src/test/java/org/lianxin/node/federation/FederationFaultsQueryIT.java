package org.lianxin.node.federation;

import org.lianxin.conformance.probes.ProbeNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Problems;

/**
 * What travels with a federated query and what stops it: the query id, hops and deadline a child
 * receives, the refusal of a query that comes back in a loop, the hop limit, the circuit breaker
 * per child, a deadline that is already spent, and local queries that must not wait behind queries
 * waiting for a hanging child.
 */
class FederationFaultsQueryIT extends FederationFaultsSupport {

    @Test
    @DisplayName("LX-FED-20 LX-FED-22 LX-FED-24 LX-FED-40 a child receives the caller's query id, one hop less and the budget less the margin; its numbers are merged")
    void aChildReceivesTheQueryIdHopsAndASmallerDeadline() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.NORMAL).count(7);
        String queryId = "faults-" + UUID.randomUUID();

        Timed answer = statistics(tree.province(), false, QueryContext.QUERY_ID, queryId, QueryContext.HOPS, "5");
        assertEquals(200, answer.status(), answer.body());
        JsonObject completeness = answer.json().getJsonObject("completeness");
        assertTrue(completeness.getBoolean("complete"), answer.body());
        assertEquals(queryId, completeness.getString("queryId"));
        assertEquals("answered", statusOf(completeness, probe.base()));
        assertEquals(tree.localMembers() + 7, answer.json().getJsonNumber("total").longValue(), answer.body());

        List<ProbeNode.Request> asked = probe.requests("/statistics/members");
        assertEquals(1, asked.size(), asked.toString());
        ProbeNode.Request request = asked.get(0);
        assertEquals(queryId, request.header(QueryContext.QUERY_ID));
        assertEquals("4", request.header(QueryContext.HOPS));
        long deadline = Long.parseLong(request.header(QueryContext.DEADLINE));
        assertTrue(deadline > 0 && deadline <= DEADLINE_MS - DEADLINE_MS / 10, "child deadline " + deadline);
        assertTrue(request.query().contains("organization=" + encode(probe.root())), request.query());
    }

    @Test
    @DisplayName("LX-FED-20 LX-FED-22 without a query id from the caller, the node makes one and passes it, with 15 hops, to its children")
    void aQueryWithoutIdGetsOneThatTheChildrenShare() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.NORMAL);

        Timed answer = search(tree.province(), false);
        assertEquals(200, answer.status(), answer.body());
        String queryId = answer.json().getJsonObject("completeness").getString("queryId");
        assertFalse(queryId.isBlank());
        ProbeNode.Request request = probe.requests("/search/members").get(0);
        assertEquals(queryId, request.header(QueryContext.QUERY_ID));
        assertEquals("15", request.header(QueryContext.HOPS), "default 16 hops, less one");
        assertTrue(Long.parseLong(request.header(QueryContext.DEADLINE)) < DEADLINE_MS);
    }

    @Test
    @DisplayName("LX-FED-21 LX-FED-25 LX-FED-27 a query that comes back to a node answering it is refused (409 federation-loop); the child is refused and the answer comes in time")
    void aLoopIsRefusedAndTheAnswerStillComesInTime() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.LOOP);
        String queryId = "loop-" + UUID.randomUUID();

        Timed answer = statistics(tree.province(), true, QueryContext.QUERY_ID, queryId);
        assertEquals("refused", assertPartial(answer, probe.base()), answer.body());
        assertEquals(tree.localMembers(), answer.json().getJsonNumber("total").longValue(), answer.body());

        ProbeNode.LoopAnswer looped = probe.loopAnswer();
        assertNotNull(looped, "the probe did not ask its parent");
        assertEquals(queryId, probe.requests("/statistics/members").get(0).header(QueryContext.QUERY_ID));
        assertEquals(409, looped.status(), looped.body());
        JsonObject refusal = Json.createReader(new StringReader(looped.body())).readObject();
        assertEquals("https://w3id.org/lianxin/problems/conflict", refusal.getString("type"), looped.body());
        List<JsonObject> errors = refusal.getJsonArray("errors").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("", errors.get(0).getString("field"));
        assertEquals("federation-loop", errors.get(0).getString("rule"));
        assertEquals("LX-FED-21", errors.get(0).getString("requirement"));

        assertEquals("refused", assertIncomplete(statistics(tree.province(), false), probe.base()));
    }

    @Test
    @DisplayName("LX-FED-23 with no hops left the node does not call its children and reports each refused (hop limit)")
    void noHopsLeftMeansNoCalls() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.NORMAL);

        Timed answer = statistics(tree.province(), true, QueryContext.HOPS, "0");
        assertEquals("refused", assertPartial(answer, probe.base()));
        JsonObject entry = nodeStatus(answer.json().getJsonObject("completeness"), probe.base()).orElseThrow();
        assertTrue(entry.getString("reason", "").contains("hop limit"), entry.toString());
        assertEquals(tree.localMembers(), answer.json().getJsonNumber("total").longValue(), answer.body());
        assertEquals(List.of(), probe.requests("/statistics/members"));
    }

    @Test
    @DisplayName("LX-FED-18 a Lianxin-Deadline of 0 or less is a 400")
    void aSpentDeadlineIsABadRequest() {
        Tree tree = tree();
        HttpResponse<String> spent = caller().get(parent() + "/statistics/members?organization=" + encode(tree.province()),
                "application/json", QueryContext.DEADLINE, "0");
        Problems.assertProblem(spent, 400, "bad-request", "Bad request");
        HttpResponse<String> negative = caller().get(parent() + "/search/members?stage=FullMember&organization=" + encode(tree.province()),
                "application/json", QueryContext.DEADLINE, "-5");
        Problems.assertProblem(negative, 400, "bad-request", "Bad request");
    }

    @Test
    @DisplayName("LX-FED-32 LX-FED-33 after 3 failures in a row a child's circuit opens: failed at once without a request; after 10 s it is asked again")
    void theCircuitBreakerOpensAndRecovers() throws InterruptedException {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.FAIL_500);

        for (int i = 1; i <= 3; i++) {
            Timed failed = search(tree.province(), true);
            assertEquals("failed", assertPartial(failed, probe.base()));
            assertEquals(i, probe.requests("/search/members").size());
        }
        Timed open = search(tree.province(), true);
        assertEquals("failed", assertPartial(open, probe.base()));
        assertEquals("circuit open", nodeStatus(open.json().getJsonObject("completeness"), probe.base()).orElseThrow().getString("reason"));
        assertEquals(3, probe.requests("/search/members").size(), "no call while the circuit is open");

        probe.mode(ProbeNode.Mode.NORMAL);
        Thread.sleep(10_500);
        Timed recovered = search(tree.province(), false);
        assertEquals(200, recovered.status(), recovered.body());
        assertEquals("answered", statusOf(recovered.json().getJsonObject("completeness"), probe.base()));
        assertEquals(4, probe.requests("/search/members").size());
    }

    @Test
    @DisplayName("LX-SEC-28 a child is sent the caller's Authorization header unchanged")
    void aChildReceivesTheCallersToken() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.NORMAL);
        String token = NodeClient.tokenFor(NodeClient.top(parent()), List.of(probe.base()), "secretary");
        Timed answer = statistics(tree.province(), false, "Authorization", "Bearer " + token);
        assertEquals(200, answer.status(), answer.body());
        assertEquals("Bearer " + token, probe.requests("/statistics/members").get(0).header("Authorization"));
    }

    @Test
    @DisplayName("LX-SEC-29 LX-SEC-30 a child whose base is not in the token's aud is sent nothing and reported failed, not authorized")
    void aChildOutsideTheAudienceIsNotAsked() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.NORMAL);
        String withoutProbe = NodeClient.tokenFor(NodeClient.top(parent()), "secretary");
        Timed answer = statistics(tree.province(), true, "Authorization", "Bearer " + withoutProbe);
        assertEquals("failed", assertPartial(answer, probe.base()));
        assertEquals("not authorized", nodeStatus(answer.json().getJsonObject("completeness"), probe.base()).orElseThrow().getString("reason"));
        assertTrue(probe.requests("/statistics/members").isEmpty(), "the token never reached the probe");
    }

    @Test
    @DisplayName("LX-SEC-30 LX-SEC-31 a child that refuses the caller is reported not authorized, and however often, its circuit stays closed")
    void refusalsDoNotOpenTheCircuit() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.REFUSE);
        for (int i = 1; i <= 5; i++) {
            Timed refused = search(tree.province(), true);
            assertEquals("failed", assertPartial(refused, probe.base()));
            assertEquals("not authorized", nodeStatus(refused.json().getJsonObject("completeness"), probe.base()).orElseThrow().getString("reason"));
            assertEquals(i, probe.requests("/search/members").size(), "asked every time: no circuit opened");
        }
        probe.mode(ProbeNode.Mode.NORMAL);
        assertEquals(200, search(tree.province(), false).status());
    }

    @Test
    @DisplayName("LX-FED-34 a scope=local query is answered within 1 s while other queries wait for a child that does not answer")
    void aLocalQueryIsNotHeldUpByHangingChildren() throws Exception {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.HANG);
        String url = parent() + "/statistics/members?groupBy=stage&partial=true&organization=" + encode(tree.province());
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> waiting = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                waiting.add(callers.submit(() -> caller().get(url, "application/json", QueryContext.DEADLINE, "4000")));
            }
            long until = System.nanoTime() + 3_000_000_000L;
            while (probe.requests("/statistics/members").isEmpty() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            Thread.sleep(300);
            int waitingAtTheChild = probe.requests("/statistics/members").size();
            assertTrue(waitingAtTheChild > 0, "no query reached the child");

            long started = System.nanoTime();
            HttpResponse<String> local = caller().get(url + "&scope=local", "application/json");
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, local.statusCode(), local.body());
            assertTrue(elapsedMs < 1000, "scope=local took " + elapsedMs + " ms while 8 queries waited for a hanging child ("
                    + waitingAtTheChild + " of them had reached it)");
            assertEquals(tree.localMembers(), NodeClient.json(local).getJsonNumber("total").longValue());
            assertTrue(NodeClient.json(local).getJsonObject("completeness").getBoolean("complete"), local.body());

            for (Future<HttpResponse<String>> w : waiting) {
                HttpResponse<String> answer = w.get(10, TimeUnit.SECONDS);
                assertEquals(200, answer.statusCode(), answer.body());
                assertFalse(NodeClient.json(answer).getJsonObject("completeness").getBoolean("complete"));
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
