package org.lianxin.conformance.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.probes.ProbeNode;

/** 7.5: the query id, hops and deadline a child receives, the loop refusal and the hop limit. */
class QueryPropagationTest extends FederationSupport {

    @Test
    @DisplayName("a child receives the caller's Lianxin-Query-Id, one hop less, and a deadline no greater than the budget less its margin")
    @Verifies(id = "LX-FED-20", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-22", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-24", level = "MUST", of = "Federation")
    void aChildReceivesTheQueryIdHopsAndASmallerDeadline() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.NORMAL);
        String queryId = "kit-" + UUID.randomUUID();
        Timed answer = statistics(tree.committee(), false, QUERY_ID, queryId, HOPS, "5");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(queryId, answer.json().getJsonObject("completeness").getString("queryId", ""), answer.body());

        List<ProbeNode.Request> asked = probe.requests("/statistics/members");
        assertEquals(1, asked.size(), asked.toString());
        ProbeNode.Request request = asked.get(0);
        assertEquals(queryId, request.header(QUERY_ID), "the query id the child received");
        assertEquals("4", request.header(HOPS), "Lianxin-Hops: 5 received, 4 sent");
        long deadline = Long.parseLong(request.header(DEADLINE));
        long margin = Math.max(50, DEADLINE_MS / 10);
        assertTrue(deadline >= 1 && deadline <= DEADLINE_MS - margin,
                "a budget of " + DEADLINE_MS + " ms less the margin of " + margin + " ms; the child received " + deadline);
    }

    @Test
    @DisplayName("without a query id or hops from the caller, the child receives the id the node made and Lianxin-Hops: 15")
    @Verifies(id = "LX-FED-20", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-22", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-24", level = "MUST", of = "Federation")
    void aQueryWithoutIdGetsOneThatTheChildShares() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.NORMAL);
        Timed answer = search(tree.committee(), false);
        assertEquals(200, answer.status(), answer.body());
        String queryId = answer.json().getJsonObject("completeness").getString("queryId", "");
        assertFalse(queryId.isBlank(), answer.body());
        List<ProbeNode.Request> asked = probe.requests("/search/members");
        assertFalse(asked.isEmpty(), "the child was not asked");
        for (ProbeNode.Request request : asked) {
            assertEquals(queryId, request.header(QUERY_ID), "the id of the answer's completeness report");
            assertEquals("15", request.header(HOPS), "the default of 16 hops, less one");
            assertTrue(Long.parseLong(request.header(DEADLINE)) <= DEADLINE_MS - Math.max(50, DEADLINE_MS / 10), request.toString());
        }
    }

    @Test
    @DisplayName("a query that comes back to the node while it answers it is refused with 409 federation-loop, without asking anyone; the child counts as refused")
    @Verifies(id = "LX-FED-21", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-27", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-25", level = "MUST", of = "Federation")
    void aLoopIsRefused() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.LOOP);
        String queryId = "kit-loop-" + UUID.randomUUID();
        Timed answer = statistics(tree.committee(), true, QUERY_ID, queryId);
        assertEquals("refused", assertPartial(answer, probe.base()), answer.body());
        assertEquals(tree.localMembers(), answer.json().getJsonNumber("total").longValue(), answer.body());

        ProbeNode.LoopAnswer looped = probe.loopAnswer();
        assertNotNull(looped, "the probe did not get to ask the node again");
        assertEquals(409, looped.status(), "the looped query: " + looped.body());
        JsonObject refusal = Json.createReader(new StringReader(looped.body())).readObject();
        List<JsonObject> errors = refusal.getJsonArray("errors").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("", errors.get(0).getString("field", null), errors.toString());
        assertEquals("federation-loop", errors.get(0).getString("rule", ""), errors.toString());
        assertEquals("LX-FED-21", errors.get(0).getString("requirement", ""), errors.toString());
        assertEquals(1, probe.requests("/statistics/members").size(), "the looped query asked the child again");
    }

    @Test
    @DisplayName("with Lianxin-Hops: 0 the node asks no child and reports each as refused")
    @Verifies(id = "LX-FED-23", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-27", level = "MUST", of = "Federation")
    void noHopsLeftMeansNoRequests() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.NORMAL);
        Timed statistics = statistics(tree.committee(), true, HOPS, "0");
        assertEquals("refused", assertPartial(statistics, probe.base()));
        assertEquals(tree.localMembers(), statistics.json().getJsonNumber("total").longValue(), statistics.body());
        Timed search = search(tree.committee(), true, HOPS, "0");
        assertEquals("refused", assertPartial(search, probe.base()));
        assertEquals(List.of(), probe.requests("/statistics/members"));
        assertEquals(List.of(), probe.requests("/search/members"));
    }
}
