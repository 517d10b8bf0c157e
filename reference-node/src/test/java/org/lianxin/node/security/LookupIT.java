package org.lianxin.node.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Problems;
import org.lianxin.node.testing.Trees;

/** Finding a member by national ID number: the number in the body, never in a URL; through the keyed-hash index. */
class LookupIT {

    private static final String LOOKUP = NodeClient.nodeBase() + "/members/lookup";

    @Test
    @DisplayName("LX-SEC-38 LX-SEC-39 a number finds its live member; an unknown or deleted one is 404")
    void findsTheMember() {
        String body = Fixtures.member("查找者", Trees.branch());
        String number = body.replaceAll("(?s).*\"nationalId\": \"([0-9X]{18})\".*", "$1");
        HttpResponse<String> created = NodeClient.post(NodeClient.nodeBase() + "/members", Fixtures.JSON_LD, body);
        String member = created.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> found = NodeClient.post(LOOKUP, "application/json", "{\"nationalId\": \" " + number.toLowerCase() + " \"}");
        assertEquals(200, found.statusCode(), found.body());
        assertEquals(member, NodeClient.json(found).getString("member"));
        assertFalse(found.body().contains(number), "the answer does not repeat the number");

        String unknown = Fixtures.nationalId(java.time.LocalDate.of(1966, 6, 6), true);
        Problems.assertProblem(NodeClient.post(LOOKUP, "application/json", "{\"nationalId\": \"" + unknown + "\"}"), 404, "not-found", "Not found");
        assertEquals(204, NodeClient.delete(member).statusCode());
        Problems.assertProblem(NodeClient.post(LOOKUP, "application/json", "{\"nationalId\": \"" + number + "\"}"), 404, "not-found", "Not found");
    }

    @Test
    @DisplayName("LX-SEC-40 a body without a well-formed number is 400")
    void badBodies() {
        for (String body : new String[] {"", "{}", "[]", "{\"nationalId\": 5}", "{\"nationalId\": \"12345\"}"}) {
            Problems.assertProblem(NodeClient.post(LOOKUP, "application/json", body), 400, "bad-request", "Bad request");
        }
    }
}
