package org.lianxin.node.federation;

import org.lianxin.conformance.probes.ProbeNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Federated answers when a child fails: it hangs, is dead, answers garbage or 500, claims more
 * than it registered, or leaks personal data. The parent ({@code fed-faults}) answers within the
 * deadline, never with a 5xx, reports the child in the completeness report, and by default refuses
 * to give an incomplete answer (424); with {@code partial=true} it gives its own numbers.
 *
 * <p>Each answer is timed by the test: it comes within the 2 s deadline plus 1 s (LX-FED-25).
 */
class FederationFaultsIT extends FederationFaultsSupport {

    @Test
    @DisplayName("LX-FED-25 LX-FED-27 LX-FED-29 LX-FED-30 LX-FED-31 a hanging child is abandoned at the deadline: 424 by default, timedOut; partial=true gives the local count")
    void aHangingChildTimesOut() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.HANG);

        Timed incomplete = statistics(tree.province(), false);
        assertEquals("timedOut", assertIncomplete(incomplete, probe.base()));

        Timed partial = statistics(tree.province(), true);
        String status = assertPartial(partial, probe.base());
        assertTrue(Set.of("timedOut", "failed").contains(status), partial.body());
        if (status.equals("failed")) {
            assertEquals("circuit open", nodeStatus(partial.json().getJsonObject("completeness"), probe.base()).orElseThrow().getString("reason"));
        }
        assertEquals(tree.localMembers(), partial.json().getJsonNumber("total").longValue(), partial.body());

        Timed search = search(tree.province(), false);
        assertTrue(Set.of("timedOut", "failed").contains(assertIncomplete(search, probe.base())), search.body());
    }

    @Test
    @DisplayName("LX-FED-27 LX-FED-29 LX-FED-30 LX-FED-31 a dead child (connection refused) is failed: 424 by default, the local count with partial=true")
    void aDeadChildFails() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.NORMAL);
        probe.close();

        assertEquals("failed", assertIncomplete(statistics(tree.province(), false), probe.base()));
        Timed partial = statistics(tree.province(), true);
        assertEquals("failed", assertPartial(partial, probe.base()));
        assertEquals(tree.localMembers(), partial.json().getJsonNumber("total").longValue(), partial.body());
        assertEquals("failed", assertPartial(search(tree.province(), true), probe.base()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ProbeNode.Mode.class, names = {"GARBAGE", "FAIL_500"})
    @DisplayName("LX-FED-27 LX-FED-29 LX-FED-30 LX-FED-31 a child answering garbage or HTTP 500 is failed, and the parent still answers without a 5xx")
    void aChildAnsweringGarbageOr500Fails(ProbeNode.Mode mode) {
        Tree tree = tree();
        ProbeNode probe = child(tree, mode);

        assertEquals("failed", assertIncomplete(statistics(tree.province(), false), probe.base()));
        Timed partial = statistics(tree.province(), true);
        assertEquals("failed", assertPartial(partial, probe.base()));
        assertEquals(tree.localMembers(), partial.json().getJsonNumber("total").longValue(), partial.body());
        Timed search = search(tree.province(), true);
        assertEquals("failed", assertPartial(search, probe.base()));
        assertTrue(search.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .noneMatch(i -> i.getString("node").equals(probe.base())), search.body());
    }

    @Test
    @DisplayName("LX-FED-36 LX-FED-37 LX-FED-38 a child whose answer claims roots it did not register is rejected, not merged, suspended and no longer asked")
    void aChildClaimingOutsideIsRejectedAndSuspended() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.OUTSIDE).count(1000);

        Timed partial = statistics(tree.province(), true);
        assertEquals("rejected", assertPartial(partial, probe.base()));
        assertEquals(tree.localMembers(), partial.json().getJsonNumber("total").longValue(), partial.body());
        assertFalse(partial.body().contains(ProbeNode.ELSEWHERE), partial.body());

        JsonObject registration = children().stream().filter(c -> c.getString("base").equals(probe.base())).findFirst().orElseThrow();
        assertEquals("suspended", registration.getString("status"), registration.toString());
        assertFalse(registration.getString("reason", "").isBlank(), registration.toString());

        // Suspended: the child is no longer asked at all, and the default answer is an error.
        probe.mode(ProbeNode.Mode.NORMAL);
        int asked = probe.requests().size();
        assertEquals("rejected", assertIncomplete(statistics(tree.province(), false), probe.base()));
        Timed search = search(tree.province(), true);
        assertEquals("rejected", assertPartial(search, probe.base()));
        assertTrue(search.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .noneMatch(i -> i.getString("node").equals(probe.base())), search.body());
        assertEquals(asked, probe.requests().size(), "a suspended child was asked: " + probe.requests());
    }

    @Test
    @DisplayName("LX-FED-36 a child's statistic about an organization of the parent is rejected and not merged")
    void aStatisticAboutTheParentsOrganizationIsRejected() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.FOREIGN).count(1000);

        Timed partial = statistics(tree.province(), true);
        assertEquals("rejected", assertPartial(partial, probe.base()));
        assertEquals(tree.localMembers(), partial.json().getJsonNumber("total").longValue(), partial.body());
    }

    @Test
    @DisplayName("LX-FED-36 a child's search item held by the parent itself is outside the child's reach: the answer is rejected")
    void aSearchItemOfTheParentIsRejected() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.FOREIGN);

        Timed partial = search(tree.province(), true);
        assertEquals("rejected", assertPartial(partial, probe.base()));
        assertFalse(partial.body().contains("/members/forged"), partial.body());
        assertEquals(tree.localMembers(), partial.json().getJsonArray("items").size(), partial.body());
    }

    @Test
    @DisplayName("LX-FED-43 a search answer of a child carrying ID number, phone, address and birth date is cut to the minimal record")
    void aChildsSecretsNeverPassThrough() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.SECRETS);

        Timed answer = search(tree.province(), false);
        assertEquals(200, answer.status(), answer.body());
        for (String secret : List.of(ProbeNode.SECRET_NATIONAL_ID, ProbeNode.SECRET_TELEPHONE, ProbeNode.SECRET_ADDRESS,
                ProbeNode.SECRET_BIRTH_DATE, "nationalId", "telephone", "birthDate", "address")) {
            assertFalse(answer.body().contains(secret), secret + " in " + answer.body());
        }
        List<JsonObject> items = answer.json().getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
        JsonObject fromProbe = items.stream().filter(i -> i.getString("node").equals(probe.base())).findFirst()
                .orElseThrow(() -> new AssertionError("the probe's member is missing: " + items));
        assertEquals(Set.of("id", "name", "stage", "branch", "node"), fromProbe.keySet());
        assertEquals("探针", fromProbe.getString("name"));
        assertEquals(tree.localMembers() + 1, items.size(), answer.body());
        assertTrue(answer.json().getJsonObject("completeness").getBoolean("complete"), answer.body());
    }
}
