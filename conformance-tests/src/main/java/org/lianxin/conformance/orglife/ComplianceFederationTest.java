package org.lianxin.conformance.orglife;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/**
 * 12.5: the compliance statistic over a subtree that reaches a child node. The kit has one node
 * under test, so the child is a stand-in ({@link ComplianceChild}) registered under a committee of
 * the sandbox, answering for two branches of its own; the node's answer must add its counts to the
 * node's own, join the missing lists, report both nodes, and name no member.
 */
class ComplianceFederationTest {

    private static final String THROUGH = "2025-06";

    private final List<ComplianceChild> children = new ArrayList<>();
    private final List<String[]> registered = new ArrayList<>();

    @AfterEach
    void removeChild() {
        for (String[] r : registered) {
            Http.delete(base() + "/federation/children?base=" + enc(r[1]), "Authorization", r[0]);
        }
        registered.clear();
        children.forEach(ComplianceChild::close);
        children.clear();
    }

    private static String bindAddress() {
        String host = Kit.current().config().probeHost();
        return host.equals("localhost") || host.startsWith("127.") ? "127.0.0.1" : "0.0.0.0";
    }

    private static Map<String, String> counts(JsonObject answer) {
        Map<String, String> counts = new HashMap<>();
        answer.getJsonArray("requirements").stream().map(JsonValue::asJsonObject).forEach(r -> counts.put(r.getString("activityType"),
                r.getInt("required") + "/" + r.getInt("met") + "/" + r.getInt("organizationsMissing")));
        return counts;
    }

    /** The missing entries, in the order of the answer. */
    private static List<String> missing(JsonObject answer) {
        return answer.getJsonArray("missing").stream().map(JsonValue::asJsonObject).map(m -> m.getString("organization") + " " + m.getString("name")
                + " " + m.getString("activityType") + " " + m.getJsonArray("periods")).toList();
    }

    @Test
    @DisplayName("scope=subtree adds the child's counts to the node's, joins the missing lists, reports both nodes and names no member; 424 when the child fails")
    @Verifies(id = "LX-ORGLIFE-9", level = "MUST", of = "OrgLife")
    void acrossAChild() {
        Inapplicable.unless(Kit.current().claims("Federation"), "the node does not claim Federation");
        String committee = Current.sandbox().newOrganization("联邦合规市委", "MunicipalCommittee");
        String branch = Current.sandbox().newOrganization("市直机关第一党支部", "Branch", committee);
        String member = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("机关干部欧阳", branch));
        for (String day : List.of("2025-01-08", "2025-03-08", "2025-04-08")) {
            OrgLifeKit.activity(branch, "ThemedPartyDay", day);
        }
        OrgLifeKit.activity(OrgLifeKit.body(branch, "BranchGeneralMeeting", "2025-03-28",
                ", \"attendees\": [\"" + member + "\"]"));

        ComplianceChild child = new ComplianceChild(committee, bindAddress(), Kit.current().config().probeHost());
        children.add(child);
        List<String> audience = new ArrayList<>(Kit.current().lineage());
        audience.add(child.base());
        JsonArrayBuilder aud = Json.createArrayBuilder();
        audience.forEach(aud::add);
        String operator = "Bearer " + Kit.current().tokens().mint(Json.createObjectBuilder().add("sub", "lianxin-kit-operator")
                .add("groups", Json.createArrayBuilder().add("node-operator")).add("audience", aud).build());
        String caller = "Bearer " + Kit.current().tokens().actingFor(Current.sandbox().organization(), audience, "organization-admin", "secretary");
        Response registration = Http.post(base() + "/federation/children", "application/json", "{\"base\": \"" + child.base() + "\"}",
                "Accept", "application/json", "Authorization", operator);
        assertEquals(201, registration.status(), registration.body());
        registered.add(new String[] {operator, child.base()});

        Response localAnswer = Http.get(OrgLifeKit.url(committee, "2025", THROUGH, "local"), "Accept", "application/json", "Authorization", caller);
        assertEquals(200, localAnswer.status(), localAnswer.body());
        JsonObject local = localAnswer.json();
        Response subtreeAnswer = Http.get(OrgLifeKit.url(committee, "2025", THROUGH, "subtree"), "Accept", "application/json", "Authorization", caller);
        assertEquals(200, subtreeAnswer.status(), subtreeAnswer.body());
        assertEquals("application/json", subtreeAnswer.mediaType());
        JsonObject subtree = subtreeAnswer.json();

        assertEquals(Set.of("organizations", "roots", "year", "through", "scope", "organizationsChecked", "compliant", "requirements", "missing",
                "completeness"), subtree.keySet(), "the keys of Table 12.6");
        assertEquals("subtree", subtree.getString("scope"));
        assertEquals(List.of(committee), subtree.getJsonArray("organizations").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(local.getInt("organizationsChecked") + 2, subtree.getInt("organizationsChecked"), "the node's and the child's organizations");
        assertEquals(local.getInt("compliant") + 1, subtree.getInt("compliant"));
        Map<String, String> sums = counts(local);
        for (int i = 0; i < OrgLifeKit.REQUIREMENTS.size(); i++) {
            String[] mine = sums.get(OrgLifeKit.REQUIREMENTS.get(i)).split("/");
            long[] theirs = ComplianceChild.COUNTS[i];
            sums.put(OrgLifeKit.REQUIREMENTS.get(i), (Long.parseLong(mine[0]) + theirs[0]) + "/" + (Long.parseLong(mine[1]) + theirs[1]) + "/"
                    + (Long.parseLong(mine[2]) + theirs[2]));
        }
        assertEquals(sums, counts(subtree), "each count is the node's plus the child's");
        assertEquals("18/13/2", counts(subtree).get("ThemedPartyDay"), "6 months of the node's branch (3 held) and the child's 12 (10 held)");
        List<String> joined = new ArrayList<>(missing(local));
        joined.add(child.village() + " " + ComplianceChild.VILLAGE_NAME + " ThemedPartyDay [\"2025-03\",\"2025-05\"]");
        assertEquals(joined, missing(subtree), "the node's missing entries followed by the child's");
        assertTrue(missing(subtree).stream().anyMatch(m -> m.startsWith(branch + " 市直机关第一党支部 ThemedPartyDay")), missing(subtree).toString());

        JsonObject completeness = subtree.getJsonObject("completeness");
        assertTrue(completeness.getBoolean("complete"), completeness.toString());
        List<String> nodes = completeness.getJsonArray("nodes").stream().map(n -> n.asJsonObject().getString("node", "")).toList();
        assertTrue(nodes.contains(base()) && nodes.contains(child.base()), "both nodes answered: " + nodes);
        String body = subtreeAnswer.body();
        assertFalse(body.contains("/members/") || body.contains("机关干部欧阳") || body.contains(member), "no member IRI or name: " + body);

        org.lianxin.conformance.federation.StubNode.Call asked = child.requests("/statistics/compliance").get(0);
        assertEquals(child.root(), ComplianceChild.parameter(asked.query(), "organization"), asked.query());
        assertEquals("2025", ComplianceChild.parameter(asked.query(), "year"), asked.query());
        assertEquals(THROUGH, ComplianceChild.parameter(asked.query(), "through"), asked.query());
        assertEquals("subtree", ComplianceChild.parameter(asked.query(), "scope"), asked.query());
        assertEquals("true", ComplianceChild.parameter(asked.query(), "partial"), asked.query());

        child.failing(true);
        Response incomplete = Http.get(OrgLifeKit.url(committee, "2025", THROUGH, "subtree"), "Accept", "application/json", "Authorization", caller);
        assertEquals(424, incomplete.status(), incomplete.body());
        Response partial = Http.get(OrgLifeKit.url(committee, "2025", THROUGH, "subtree") + "&partial=true", "Accept", "application/json",
                "Authorization", caller);
        assertEquals(200, partial.status(), partial.body());
        assertFalse(partial.json().getJsonObject("completeness").getBoolean("complete"));
        assertEquals(counts(local), counts(partial.json()), "the node's own counts, without the child's");
        child.failing(false); // an answer again: the node's circuit for this child closes before it goes
        Http.get(OrgLifeKit.url(committee, "2025", THROUGH, "subtree"), "Accept", "application/json", "Authorization", caller);
    }
}
