package org.lianxin.conformance.dues;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.dues.DuesKit.JSON_LD;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** 9.5: payments recorded once under their payment ID, flagged when they do not match, and listed by member and month. */
class PaymentsTest {

    @Test
    @DisplayName("a new payment is recorded with 201, with the payer's branch and assessment set by the node")
    @Verifies(id = "LX-DUES-7", level = "MUST", of = "Dues")
    void recorded() {
        String branch = Current.sandbox().newBranch();
        String member = DuesKit.member(branch, "Employed", "8600.00");
        String iri = DuesKit.newPayment();
        Http.put(iri, JSON_LD, DuesKit.paymentBody(iri, member, "2026-03", "129.00")).expect(201);
        JsonObject stored = Http.get(iri, "Accept", JSON_LD).expect(200).json();
        assertEquals(branch, stored.getString("collectedBy"));
        assertEquals("129.00", stored.getString("assessedAmount"));
        assertTrue(stored.getBoolean("matchesAssessment"));
    }

    @Test
    @DisplayName("a payment that does not match the assessment is recorded, with matchesAssessment false")
    @Verifies(id = "LX-DUES-8", level = "MUST NOT", of = "Dues")
    void mismatchIsFlaggedNotRefused() {
        String member = DuesKit.member(Current.sandbox().newBranch(), "Student", null);
        Response paid = DuesKit.pay(member, "2026-03", "5.00").expect(201);
        JsonObject stored = Http.get(paid.header("Location").orElseThrow(), "Accept", JSON_LD).expect(200).json();
        assertFalse(stored.getBoolean("matchesAssessment"), stored.toString());
    }

    @Test
    @DisplayName("a payment that breaks the payment shapes is refused with 422")
    @Verifies(id = "LX-DUES-9", level = "MUST", of = "Dues")
    void shapes() {
        String member = DuesKit.member(Current.sandbox().newBranch(), "Student", null);
        for (String[] bad : List.of(new String[] {"2026-13", "0.20"}, new String[] {"2026-03", "0.205"}, new String[] {"2026-03", "0"})) {
            assertEquals(422, DuesKit.pay(member, bad[0], bad[1]).status(), String.join(" ", bad));
        }
        String iri = DuesKit.newPayment();
        assertEquals(422, Http.put(iri, JSON_LD, DuesKit.paymentBody(iri, member, "2026-03", "0.20").replace("\"Cash\"", "\"Gold\"")).status());
    }

    @Test
    @DisplayName("a payment whose payer is no member of the node is refused with 422 and the rule dues-payer")
    @Verifies(id = "LX-DUES-10", level = "MUST", of = "Dues")
    void unknownPayer() {
        Response answer = DuesKit.pay(base() + "/members/" + org.lianxin.conformance.fixtures.Sandbox.uniqueId("never"), "2026-03", "0.20");
        assertEquals(422, answer.status(), answer.body());
        assertEquals("payer", DuesKit.error(answer, "dues-payer").getString("field"));
    }

    @Test
    @DisplayName("the same payment sent again is answered 200 and changes nothing, not even modified")
    @Verifies(id = "LX-DUES-11", level = "MUST", of = "Dues")
    void idempotent() {
        String branch = Current.sandbox().newBranch();
        String member = DuesKit.member(branch, "Student", null);
        String iri = DuesKit.newPayment();
        String body = DuesKit.paymentBody(iri, member, "2026-04", "0.20");
        Http.put(iri, JSON_LD, body).expect(201);
        String modified = Http.get(iri, "Accept", JSON_LD).expect(200).json().getString("modified");
        String statistic = base() + "/statistics/dues?organization=" + enc(branch) + "&month=2026-04&scope=local";
        JsonObject before = DuesKit.json(statistic, 200);
        Http.put(iri, JSON_LD, body).expect(200);
        assertEquals(modified, Http.get(iri, "Accept", JSON_LD).expect(200).json().getString("modified"));
        JsonObject after = DuesKit.json(statistic, 200);
        assertEquals(before.getString("paid"), after.getString("paid"));
        assertEquals(before.getInt("paidMembers"), after.getInt("paidMembers"));
    }

    @Test
    @DisplayName("the same payment ID with another amount is refused with 409 and the rule payment-conflict")
    @Verifies(id = "LX-DUES-12", level = "MUST", of = "Dues")
    void conflict() {
        String member = DuesKit.member(Current.sandbox().newBranch(), "Student", null);
        String iri = DuesKit.newPayment();
        Http.put(iri, JSON_LD, DuesKit.paymentBody(iri, member, "2026-04", "0.20")).expect(201);
        Response changed = Http.put(iri, JSON_LD, DuesKit.paymentBody(iri, member, "2026-04", "0.30"));
        assertEquals(409, changed.status(), changed.body());
        DuesKit.error(changed, "payment-conflict");
    }

    @Test
    @DisplayName("the payment list returns exactly the payments of the member and month asked")
    @Verifies(id = "LX-DUES-13", level = "MUST", of = "Dues")
    void listFilters() {
        String branch = Current.sandbox().newBranch();
        String a = DuesKit.member(branch, "Student", null);
        String b = DuesKit.member(branch, "Student", null);
        for (String month : List.of("2026-01", "2026-02")) {
            DuesKit.pay(a, month, "0.20").expect(201);
            DuesKit.pay(b, month, "0.20").expect(201);
        }
        JsonObject page = Http.get(base() + "/dues/payments?limit=100&member=" + enc(a) + "&month=2026-02", "Accept", JSON_LD).expect(200).json();
        assertEquals(1, page.getJsonArray("items").size(), page.toString());
        assertEquals(a, page.getJsonArray("items").getJsonObject(0).getString("payer"));
        assertEquals(2, Http.get(base() + "/dues/payments?limit=100&member=" + enc(b), "Accept", JSON_LD).expect(200).json()
                .getJsonArray("items").size());
        assertEquals(400, Http.get(base() + "/dues/payments?month=2026-99", "Accept", JSON_LD).status());
    }
}
