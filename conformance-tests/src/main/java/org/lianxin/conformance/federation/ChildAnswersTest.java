package org.lianxin.conformance.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.probes.ProbeNode;

/** 7.8 and 7.10: the node checks its children's answers, and passes on only minimal member records. */
class ChildAnswersTest extends FederationSupport {

    private JsonObject registration(String child) {
        return state().getJsonArray("children").stream().map(JsonValue::asJsonObject)
                .filter(c -> child.equals(c.getString("base", ""))).findFirst()
                .orElseThrow(() -> new AssertionError(child + " is no longer registered"));
    }

    @Test
    @DisplayName("a child whose answer lists a root it did not register is rejected and left out, its registration suspended, and then asked nothing")
    @Verifies(id = "LX-FED-36", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-37", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-38", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-27", level = "MUST", of = "Federation")
    void aChildClaimingMoreIsRejectedAndSuspended() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.OUTSIDE).count(1000);
        Timed partial = statistics(tree.committee(), true);
        assertEquals("rejected", assertPartial(partial, probe.base()));
        assertEquals(tree.localMembers(), partial.json().getJsonNumber("total").longValue(), "the child's count was merged: " + partial.body());
        assertFalse(partial.body().contains(ProbeNode.ELSEWHERE), partial.body());

        JsonObject registration = registration(probe.base());
        assertEquals("suspended", registration.getString("status", ""), registration.toString());
        assertFalse(registration.getString("reason", "").isBlank(), "a suspended registration says why: " + registration);

        probe.mode(ProbeNode.Mode.NORMAL);
        int asked = probe.requests().size();
        assertEquals("rejected", assertIncomplete(statistics(tree.committee(), false), probe.base()));
        Timed search = search(tree.committee(), true);
        assertEquals("rejected", assertPartial(search, probe.base()));
        assertTrue(search.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .noneMatch(i -> probe.base().equals(i.getString("node", ""))), search.body());
        assertEquals(asked, probe.requests().size(), "a suspended child was asked: " + probe.requests());
    }

    @Test
    @DisplayName("a search answer whose roots include one the child did not register is rejected, and the registration suspended")
    @Verifies(id = "LX-FED-36", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-37", level = "MUST", of = "Federation")
    void aSearchClaimingMoreIsRejected() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.OUTSIDE);
        Timed partial = search(tree.committee(), true);
        assertEquals("rejected", assertPartial(partial, probe.base()));
        assertEquals(tree.localMembers(), partial.json().getJsonArray("items").size(), partial.body());
        assertEquals("suspended", registration(probe.base()).getString("status", ""));
    }

    @Test
    @DisplayName("a child's statistic about an organization of the node itself is rejected and not merged; the registration stays active")
    @Verifies(id = "LX-FED-36", level = "MUST", of = "Federation")
    void aStatisticAboutTheNodesOrganizationIsRejected() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.FOREIGN).count(1000);
        Timed partial = statistics(tree.committee(), true);
        assertEquals("rejected", assertPartial(partial, probe.base()));
        assertEquals(tree.localMembers(), partial.json().getJsonNumber("total").longValue(), partial.body());
        assertEquals("active", registration(probe.base()).getString("status", ""), "the child claimed no new root");
    }

    @Test
    @DisplayName("a child's search item held by the node itself is outside the child's reach: the whole answer is rejected")
    @Verifies(id = "LX-FED-36", level = "MUST", of = "Federation")
    void aSearchItemOfTheNodeIsRejected() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.FOREIGN);
        Timed partial = search(tree.committee(), true);
        assertEquals("rejected", assertPartial(partial, probe.base()));
        assertFalse(partial.body().contains("/members/forged"), partial.body());
        assertEquals(tree.localMembers(), partial.json().getJsonArray("items").size(), partial.body());
    }

    @Test
    @DisplayName("a child's search items carrying ID number, telephone, address and birth date are passed on as id, name, stage, branch and node only")
    @Verifies(id = "LX-FED-43", level = "MUST NOT", of = "Federation")
    void aChildsSecretsDoNotPass() {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.SECRETS);
        Timed answer = search(tree.committee(), false);
        assertEquals(200, answer.status(), answer.body());
        for (String secret : List.of(ProbeNode.SECRET_NATIONAL_ID, ProbeNode.SECRET_TELEPHONE, ProbeNode.SECRET_ADDRESS,
                ProbeNode.SECRET_BIRTH_DATE, "nationalId", "telephone", "birthDate", "address")) {
            assertFalse(answer.body().contains(secret), secret + " in " + answer.body());
        }
        List<JsonObject> items = answer.json().getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
        JsonObject fromProbe = items.stream().filter(i -> probe.base().equals(i.getString("node", ""))).findFirst()
                .orElseThrow(() -> new AssertionError("the child's member is missing: " + items));
        assertEquals(Set.of("id", "name", "stage", "branch", "node"), fromProbe.keySet());
        for (JsonObject item : items) {
            assertEquals(Set.of("id", "name", "stage", "branch", "node"), item.keySet(), item.toString());
        }
    }
}
