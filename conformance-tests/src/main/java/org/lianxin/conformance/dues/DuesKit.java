package org.lianxin.conformance.dues;

import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.sandbox;
import static org.junit.jupiter.api.Assertions.assertEquals;


import jakarta.json.JsonObject;

import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.fixtures.Sandbox;

/** What the Dues tests share: members with a dues category in the sandbox, payments, and JSON reads as the kit's administrator. */
final class DuesKit {

    static final String JSON_LD = "application/ld+json";

    private DuesKit() {}




    /** A member body of {@code branch}, full member since 2007, with the category and base (base may be null). */
    static String memberBody(String branch, String category, String base) {
        String dues = "\"duesCategory\": \"" + category + "\"" + (base == null ? "" : ", \"duesBase\": \"" + base + "\"");
        return sandbox().memberBody("王芳", branch).replace("\"stage\": \"FullMember\"", "\"stage\": \"FullMember\", " + dues);
    }

    /** A new member of {@code branch} with the category and base; its IRI. */
    static String member(String branch, String category, String base) {
        return sandbox().newMemberFrom(memberBody(branch, category, base));
    }

    static String paymentBody(String iri, String payer, String month, String amount) {
        return """
                {"@context": "%s", "id": "%s", "type": "DuesPayment", "payer": "%s", "month": "%s", "amount": "%s",
                 "channel": "Cash", "paidAt": "%s-10T09:30:00+08:00"}""".formatted(Sandbox.CONTEXT, iri, payer, month, amount, month);
    }

    /** A payment IRI of the node, new to this run. */
    static String newPayment() {
        return base() + "/dues/payments/" + Sandbox.uniqueId("kit");
    }

    /** PUT of a new payment; the answer. */
    static Response pay(String payer, String month, String amount, String... headers) {
        String iri = newPayment();
        return Http.put(iri, JSON_LD, paymentBody(iri, payer, month, amount), headers);
    }

    static JsonObject json(String url, int status, String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Accept";
        all[headers.length + 1] = "application/json";
        Response answer = Http.get(url, all);
        assertEquals(status, answer.status(), answer.body());
        return answer.json();
    }

    static String id(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    /** The error entry a problem report lists for the rule, or a failed test. */
    static JsonObject error(Response answer, String rule) {
        return answer.json().getJsonArray("errors").stream().map(v -> v.asJsonObject()).filter(e -> rule.equals(e.getString("rule", "")))
                .findFirst().orElseThrow(() -> new AssertionError("no error with rule " + rule + ": " + answer.body()));
    }
}
