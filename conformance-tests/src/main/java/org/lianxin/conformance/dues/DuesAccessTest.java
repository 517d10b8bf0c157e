package org.lianxin.conformance.dues;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.dues.DuesKit.JSON_LD;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.dues.DuesKit.id;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** 9.8: a member reads their own dues; statistics and arrears for secretaries of the subtree; payments written by them, audited. */
class DuesAccessTest {

    private String branch;
    private String member;
    private String other;
    private String payment;
    private String otherPayment;

    @BeforeEach
    void members() {
        Inapplicable.unless(Kit.current().claims("Security"), "the node does not claim Security");
        branch = Current.sandbox().newBranch();
        member = DuesKit.member(branch, "Student", null);
        other = DuesKit.member(branch, "Student", null);
        payment = DuesKit.pay(member, "2026-07", "0.20").expect(201).header("Location").orElseThrow();
        otherPayment = DuesKit.pay(other, "2026-07", "0.20").expect(201).header("Location").orElseThrow();
    }

    private String as(String token) {
        return "Bearer " + token;
    }

    @Test
    @DisplayName("a member reads their own payments and account, and gets 404 for another member's")
    @Verifies(id = "LX-DUES-25", level = "MUST", of = "Dues")
    void memberReadsOwnOnly() {
        String self = as(Kit.current().tokens().member(member));
        assertEquals(200, Http.get(payment, "Accept", JSON_LD, "Authorization", self).status());
        assertEquals(200, Http.get(base() + "/dues/accounts/" + id(member), "Accept", "application/json", "Authorization", self).status());
        assertEquals(404, Http.get(otherPayment, "Accept", JSON_LD, "Authorization", self).status());
        assertEquals(404, Http.get(base() + "/dues/accounts/" + id(other), "Accept", "application/json", "Authorization", self).status());
        String list = Http.get(base() + "/dues/payments?limit=1000", "Accept", JSON_LD, "Authorization", self).expect(200).body();
        assertTrue(list.contains(payment) && !list.contains(otherPayment), list);
    }

    @Test
    @DisplayName("statistics and arrears answer 404 to a member, and for an organization outside the caller's subtree")
    @Verifies(id = "LX-DUES-26", level = "MUST", of = "Dues")
    void queriesForSecretaries() {
        String self = as(Kit.current().tokens().member(member));
        String statistic = base() + "/statistics/dues?organization=" + enc(branch) + "&month=2026-07&scope=local";
        String arrears = base() + "/dues/arrears?organization=" + enc(branch);
        assertEquals(200, Http.get(statistic, "Accept", "application/json").status(), "the control");
        assertEquals(404, Http.get(statistic, "Accept", "application/json", "Authorization", self).status());
        assertEquals(404, Http.get(arrears, "Accept", "application/json", "Authorization", self).status());
        String sibling = Current.sandbox().newBranch();
        String outside = as(Kit.current().tokens().actingFor(sibling, "secretary", "organization-admin"));
        assertEquals(404, Http.get(statistic, "Accept", "application/json", "Authorization", outside).status());
        assertEquals(404, Http.get(arrears, "Accept", "application/json", "Authorization", outside).status());
    }

    @Test
    @DisplayName("a member cannot record a payment, even their own: 403")
    @Verifies(id = "LX-DUES-27", level = "MUST", of = "Dues")
    void membersDoNotWrite() {
        String iri = DuesKit.newPayment();
        Response answer = Http.put(iri, JSON_LD, DuesKit.paymentBody(iri, member, "2026-08", "0.20"),
                "Authorization", as(Kit.current().tokens().member(member)));
        assertEquals(403, answer.status(), answer.body());
    }

    @Test
    @DisplayName("every payment written is in the audit log, as create, under the collecting branch")
    @Verifies(id = "LX-DUES-28", level = "MUST", of = "Dues")
    void audited() {
        JsonObject page = Http.get(base() + "/audit?limit=1000&organization=" + enc(branch), "Accept", "application/json").expect(200).json();
        assertTrue(page.getJsonArray("items").stream().map(v -> v.asJsonObject())
                .anyMatch(e -> e.getString("action", "").equals("create") && payment.equals(e.getString("record", ""))
                        && e.getJsonArray("organizations").toString().contains(branch)), page.toString());
        assertFalse(page.getJsonArray("items").isEmpty());
    }
}
