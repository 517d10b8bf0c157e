package org.lianxin.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * How the tests of the record classes (Tasks, Feedback, Notices, Learning) read the node's answers:
 * a plain JSON answer, the ids of a record list, the rule of a problem report (Table 3.4), the
 * strings of an array, and that an answer names no person.
 */
public final class Answers {

    private static final String JSON_LD = "application/ld+json";

    private Answers() {}

    /** GET {url} as {@code authorization} with Accept: application/json, which must answer 200 in application/json; the body. */
    public static JsonObject getJson(String url, String authorization) {
        Response answer = Http.get(url, "Accept", "application/json", "Authorization", authorization);
        assertEquals(200, answer.status(), () -> "GET " + url + ": " + answer.body());
        assertEquals("application/json", answer.mediaType(), "GET " + url);
        return answer.json();
    }

    /** The ids of the records of the list at {@code url} (all pages, in JSON-LD), read as {@code authorization}. */
    public static List<String> listed(String url, String authorization) {
        List<String> ids = new ArrayList<>();
        String next = url;
        for (int pages = 0; next != null && pages < 100; pages++) {
            Response page = Http.get(next, "Accept", JSON_LD, "Authorization", authorization);
            String at = next;
            assertEquals(200, page.status(), () -> "GET " + at + ": " + page.body());
            page.json().getJsonArray("items").forEach(v -> ids.add(v.asJsonObject().getString("id", "")));
            next = page.json().get("next") instanceof JsonString s ? s.getString() : null;
        }
        return ids;
    }

    /** Asserts the status, the rule and, when given, the field of a problem report (Table 3.4). */
    public static void assertRule(Response answer, int status, String rule, String field, String what) {
        assertEquals(status, answer.status(), () -> what + ": status " + answer.status() + " where " + status + " was required: " + answer.body());
        JsonValue errors = answer.json().get("errors");
        if (errors instanceof JsonArray list) {
            for (JsonValue e : list) {
                if (e instanceof JsonObject o && rule.equals(o.getString("rule", ""))) {
                    if (field != null) {
                        assertEquals(field, o.getString("field", ""), what + ": the field of the rule " + rule);
                    }
                    return;
                }
            }
        }
        fail(what + ": no error with the rule " + rule + " in " + answer.status() + " " + answer.body());
    }

    /** The strings of the JSON array under {@code key}; none when it is not an array. */
    public static List<String> strings(JsonObject o, String key) {
        return o.get(key) instanceof JsonArray a ? a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList() : List.of();
    }

    /** Asserts that {@code text} names no member record and none of {@code names}. */
    public static void assertNoPerson(String text, String what, String... names) {
        assertFalse(text.contains("/members/"), what + " holds a member IRI: " + text);
        for (String name : names) {
            assertFalse(text.contains(name), what + " holds the name of a person, " + name + ": " + text);
        }
    }
}
