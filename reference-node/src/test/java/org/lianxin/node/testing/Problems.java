package org.lianxin.node.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Assertions on problem+json answers (spec 3.6, Tables 3.4 and 3.5). */
public final class Problems {

    private Problems() {}

    /** LX-CORE-19: the status, media type, type and title of Table 3.4. */
    public static JsonObject assertProblem(HttpResponse<String> response, int status, String typeSlug, String title) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"),
                response.headers().firstValue("Content-Type").orElseThrow());
        JsonObject problem = NodeClient.json(response);
        assertEquals("https://w3id.org/lianxin/problems/" + typeSlug, problem.getString("type"));
        assertEquals(title, problem.getString("title"));
        assertEquals(status, problem.getInt("status"));
        return problem;
    }

    /** LX-CORE-20: the problem lists an error entry with this field, rule and requirement, and a message. */
    public static void assertError(HttpResponse<String> response, String field, String rule, String requirement) {
        List<JsonObject> errors = errors(response);
        assertTrue(errors.stream().anyMatch(e -> e.getString("field").equals(field)
                        && (rule == null || e.getString("rule").equals(rule))
                        && e.getString("requirement").equals(requirement)
                        && !e.getString("message").isBlank()),
                "an error " + field + " / " + rule + " / " + requirement + " in " + errors);
    }

    public static List<JsonObject> errors(HttpResponse<String> response) {
        return NodeClient.json(response).getJsonArray("errors").stream().map(JsonValue::asJsonObject).toList();
    }
}
