package org.lianxin.node.dues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import jakarta.json.JsonObject;

import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;

/** Members with dues categories, and payments, as the Dues tests write them. */
final class DuesSupport {

    private DuesSupport() {}

    /** A full member (admitted 2007) of {@code branch} on {@code node} with this category and base (base may be null); its IRI. */
    static String member(NodeClient.As as, String node, String branch, String name, String category, String base) {
        String dues = "\"duesCategory\": \"" + category + "\"" + (base == null ? "" : ", \"duesBase\": \"" + base + "\"");
        HttpResponse<String> created = as.post(node + "/members", Fixtures.JSON_LD,
                Fixtures.member(name, branch).replace("\"stage\": \"FullMember\"", "\"stage\": \"FullMember\", " + dues));
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    static String paymentBody(String iri, String payer, String month, String amount, String channel) {
        return """
                {"@context": "%s", "id": "%s", "type": "DuesPayment", "payer": "%s", "month": "%s", "amount": "%s",
                 "channel": "%s", "paidAt": "%s-10T09:30:00+08:00"}""".formatted(Fixtures.CONTEXT, iri, payer, month, amount, channel, month);
    }

    /** PUT of a payment under a fresh payment ID; the answer. */
    static HttpResponse<String> pay(NodeClient.As as, String node, String payer, String month, String amount) {
        String iri = node + "/dues/payments/" + Fixtures.uniqueId("pay");
        return as.put(iri, Fixtures.JSON_LD, paymentBody(iri, payer, month, amount, "Cash"));
    }

    static JsonObject json(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return NodeClient.json(response);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
