package org.lianxin.conformance.dues;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.probes.ProbeNode;

/**
 * 9.7: the collection statistic against what the kit wrote — a committee with a branch of three
 * members (assessed 200.00, 20.00 and 0.20; 200.00 and 25.00 paid) and one member without a
 * category — and, on a node that claims Federation, a probe child under the committee reporting
 * 7 members, 7.00 expected and 5.00 paid.
 */
class CollectionTest {

    private static final String MONTH = "2026-06";
    private static String sandbox;
    private static String committee;

    private final List<ProbeNode> probes = new ArrayList<>();
    private final List<String> registered = new ArrayList<>();

    private static synchronized void write() {
        if (Kit.current().sandbox().organization().equals(sandbox)) {
            return;
        }
        String c = Current.sandbox().newOrganization("收缴统计县委", "CountyCommittee");
        String branch = Current.sandbox().newOrganization("收缴统计党支部", "Branch", c);
        String employed = DuesKit.member(branch, "Employed", "10000.01");
        String retired = DuesKit.member(branch, "Retired", "4000.00");
        DuesKit.member(branch, "Farmer", null);
        Current.sandbox().newMemberFrom(Current.sandbox().memberBody("无类别", branch));
        DuesKit.pay(employed, MONTH, "200.00").expect(201);
        DuesKit.pay(retired, MONTH, "25.00").expect(201);
        committee = c;
        sandbox = Kit.current().sandbox().organization();
    }

    private static JsonObject statistic(String scope, String... headers) {
        write();
        return DuesKit.json(base() + "/statistics/dues?organization=" + enc(committee) + "&month=" + MONTH + "&scope=" + scope, 200, headers);
    }

    @Test
    @DisplayName("the statistic answers 200 with the members of Table 9.14")
    @Verifies(id = "LX-DUES-20", level = "MUST", of = "Dues")
    void members() {
        JsonObject answer = statistic("local");
        assertEquals(Set.of("organizations", "roots", "month", "scope", "members", "unassessed", "expected", "paidMembers", "paid", "rate",
                "completeness"), answer.keySet());
        assertEquals(List.of(committee), answer.getJsonArray("organizations").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(MONTH, answer.getString("month"));
    }

    @Test
    @DisplayName("members, unassessed, expected, paidMembers and paid are those of the records the kit wrote")
    @Verifies(id = "LX-DUES-21", level = "MUST", of = "Dues")
    void numbers() {
        JsonObject answer = statistic("local");
        assertEquals(4, answer.getInt("members"));
        assertEquals(1, answer.getInt("unassessed"));
        assertEquals("220.20", answer.getString("expected"));
        assertEquals(2, answer.getInt("paidMembers"));
        assertEquals("225.00", answer.getString("paid"));
    }

    @Test
    @DisplayName("the rate is paid divided by expected, half up to four digits")
    @Verifies(id = "LX-DUES-22", level = "MUST", of = "Dues")
    void rate() {
        assertEquals("1.0218", statistic("local").getString("rate"));
    }

    @Test
    @DisplayName("the answer names no member and no payment")
    @Verifies(id = "LX-DUES-23", level = "MUST NOT", of = "Dues")
    void numbersOnly() {
        String body = statistic("local").toString();
        assertFalse(body.contains("/members/") || body.contains("/dues/payments/"), body);
    }

    @Test
    @DisplayName("with a child, the statistic adds its sums, computes the rate from them, asks it as Table 9.15 says, and is 424 when it fails")
    @Verifies(id = "LX-DUES-24", level = "MUST", of = "Dues")
    @Verifies(id = "LX-DUES-21", level = "MUST", of = "Dues")
    @Verifies(id = "LX-DUES-22", level = "MUST", of = "Dues")
    void acrossAChild() {
        Inapplicable.unless(Kit.current().claims("Federation"), "the node does not claim Federation");
        write();
        ProbeNode probe = new ProbeNode(committee, "127.0.0.1", Kit.current().config().probeHost(), 0).count(7);
        probes.add(probe);
        List<String> audience = new ArrayList<>(Kit.current().lineage());
        audience.add(probe.base());
        JsonArrayBuilder aud = Json.createArrayBuilder();
        audience.forEach(aud::add);
        String operator = Kit.current().tokens().mint(Json.createObjectBuilder().add("sub", "lianxin-kit-operator")
                .add("groups", Json.createArrayBuilder().add("node-operator")).add("audience", aud).build());
        String caller = "Bearer " + Kit.current().tokens().actingFor(Kit.current().sandbox().organization(), audience, "organization-admin", "secretary");
        Response registration = Http.post(base() + "/federation/children", "application/json", "{\"base\": \"" + probe.base() + "\"}",
                "Accept", "application/json", "Authorization", "Bearer " + operator);
        assertEquals(201, registration.status(), registration.body());
        registered.add("Bearer " + operator + " " + probe.base());

        JsonObject answer = statistic("subtree", "Authorization", caller);
        assertEquals(11, answer.getInt("members"));
        assertEquals("227.20", answer.getString("expected"));
        assertEquals("230.00", answer.getString("paid"));
        assertEquals(7, answer.getInt("paidMembers"));
        assertEquals("1.0123", answer.getString("rate"));
        assertTrue(answer.getJsonObject("completeness").getBoolean("complete"));
        ProbeNode.Request asked = probe.requests("/statistics/dues").get(0);
        assertTrue(asked.query().contains("month=" + MONTH) && asked.query().contains("scope=subtree") && asked.query().contains("partial=true"),
                asked.query());

        probe.mode(ProbeNode.Mode.FAIL_500);
        Response incomplete = Http.get(base() + "/statistics/dues?organization=" + enc(committee) + "&month=" + MONTH,
                "Accept", "application/json", "Authorization", caller);
        assertEquals(424, incomplete.status(), incomplete.body());
        Response partial = Http.get(base() + "/statistics/dues?organization=" + enc(committee) + "&month=" + MONTH + "&partial=true",
                "Accept", "application/json", "Authorization", caller);
        assertEquals(200, partial.status(), partial.body());
        assertFalse(partial.json().getJsonObject("completeness").getBoolean("complete"));
        probe.mode(ProbeNode.Mode.NORMAL); // an answer again: the node's circuit for this child closes before it goes
        statistic("subtree", "Authorization", caller);
    }

    @AfterEach
    void removeProbes() {
        for (String r : registered) {
            String[] parts = r.split(" ");
            Http.delete(base() + "/federation/children?base=" + enc(parts[2]), "Authorization", parts[0] + " " + parts[1]);
        }
        registered.clear();
        probes.forEach(ProbeNode::close);
        probes.clear();
    }
}
