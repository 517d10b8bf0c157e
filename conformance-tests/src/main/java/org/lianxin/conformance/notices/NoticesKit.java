package org.lianxin.conformance.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.lianxin.conformance.Current.base;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * What the Notices tests share (spec chapter 17): notice bodies as a client writes them, publishing
 * as a secretary of an organization, a member's feed (all pages) and read action, the reach, and the
 * problem reports' rules.
 */
final class NoticesKit {

    static final String JSON_LD = "application/ld+json";

    private static final java.util.Map<String, String> SECRETARIES = new java.util.concurrent.ConcurrentHashMap<>();

    private NoticesKit() {}

    /** A caller with the roles secretary and organization-admin acting for {@code organization}, as an Authorization value. */
    static String secretaryOf(String organization) {
        return SECRETARIES.computeIfAbsent(organization, o -> "Bearer " + Kit.current().tokens().actingFor(o, "secretary", "organization-admin"));
    }

    /** The member's own token, as an Authorization value. */
    static String memberToken(String member) {
        return "Bearer " + Kit.current().tokens().member(member);
    }

    /** A notice body; {@code extra} is added as it is (", \"targets\": [...]"). */
    static String notice(String publisher, String name, String text, String extra) {
        return """
                {"@context": "%s", "type": "Notice", "publishedBy": "%s", "name": "%s", "text": "%s"%s}"""
                .formatted(Sandbox.CONTEXT, publisher, name, text, extra);
    }

    /** {@code , "targets": [...]}. */
    static String targets(String... organizations) {
        return ", \"targets\": [" + String.join(", ", java.util.Arrays.stream(organizations).map(o -> "\"" + o + "\"").toList()) + "]";
    }

    /** POST {base}/notices as {@code authorization}. */
    static Response publish(String body, String authorization) {
        return Http.post(base() + "/notices", JSON_LD, body, "Accept", JSON_LD, "Authorization", authorization);
    }

    /** POST {base}/notices as a secretary of {@code publisher}, which must answer 201 with the Location of the notice; the notice as stored. */
    static JsonObject published(String publisher, String body) {
        Response created = publish(body, secretaryOf(publisher));
        assertEquals(201, created.status(), () -> "POST /notices of a valid notice: " + created.body());
        JsonObject notice = created.json();
        assertEquals(notice.getString("id", ""), created.header("Location").orElse(""), "the Location is the IRI of the new notice");
        assertTrue(notice.getString("id", "").startsWith(base() + "/notices/"), "a notice of {base}/notices/{id}: " + notice.getString("id", ""));
        return notice;
    }

    /** GET {url} as {@code authorization} with Accept: application/json, which must answer 200 in application/json; the body. */
    static JsonObject getJson(String url, String authorization) {
        Response answer = Http.get(url, "Accept", "application/json", "Authorization", authorization);
        assertEquals(200, answer.status(), () -> "GET " + url + ": " + answer.body());
        assertEquals("application/json", answer.mediaType(), "GET " + url);
        return answer.json();
    }

    /** GET {url} as {@code authorization} in JSON-LD, which must answer 200; the record. */
    static JsonObject getJsonLd(String url, String authorization) {
        Response answer = Http.get(url, "Accept", JSON_LD, "Authorization", authorization);
        assertEquals(200, answer.status(), () -> "GET " + url + ": " + answer.body());
        return answer.json();
    }

    /** The ids of the records of the list at {@code url} (all pages), read as {@code authorization}. */
    static List<String> listed(String url, String authorization) {
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

    static String feedUrl(String member) {
        return member + "/notices";
    }

    /** Every item of a member's feed, read by the member, page by page with {@code limit}; each page's checks on the way. */
    static List<JsonObject> feed(String member, int limit) {
        List<JsonObject> items = new ArrayList<>();
        String next = feedUrl(member) + "?limit=" + limit;
        for (int pages = 0; next != null; pages++) {
            if (pages > 200) {
                fail("more than 200 pages of " + limit + " in the feed of " + member);
            }
            JsonObject page = getJson(next, memberToken(member));
            assertEquals(member, page.getString("member", ""), "the feed's member");
            assertTrue(page.getJsonArray("items").size() <= limit, "at most limit items on a page: " + page);
            assertTrue(page.containsKey("completeness") && page.containsKey("unread"), page.toString());
            page.getJsonArray("items").forEach(v -> items.add(v.asJsonObject()));
            next = page.get("next") instanceof JsonString s ? s.getString() : null;
        }
        return items;
    }

    /** The ids of the items. */
    static List<String> ids(List<JsonObject> items) {
        return items.stream().map(i -> i.getString("id", "")).toList();
    }

    /** POST {member}/notices/read of {@code notice} as {@code authorization}. */
    static Response read(String member, String notice, String authorization) {
        return Http.post(member + "/notices/read", "application/json", "{\"notice\": \"" + notice + "\"}", "Accept", "application/json",
                "Authorization", authorization);
    }

    /** The error entry for {@code rule}, which must be there, with the status and, when given, the field. */
    static void assertRule(Response answer, int status, String rule, String field, String what) {
        assertEquals(status, answer.status(), () -> what + ": status " + answer.status() + " where " + status + " was required: " + answer.body());
        JsonValue errors = answer.json().get("errors");
        if (errors instanceof jakarta.json.JsonArray list) {
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

    /** Asserts that {@code text} names no member record and none of {@code names} (LX-NOTICE-15). */
    static void assertNoPerson(String text, String what, String... names) {
        assertFalse(text.contains("/members/"), what + " holds a member IRI: " + text);
        for (String name : names) {
            assertFalse(text.contains(name), what + " holds the name of a person, " + name + ": " + text);
        }
    }

    /** The strings of a JSON array. */
    static List<String> strings(JsonObject o, String key) {
        return o.get(key) instanceof jakarta.json.JsonArray a ? a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
    }
}
