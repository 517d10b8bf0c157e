package org.lianxin.conformance.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.lianxin.conformance.Current.base;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.lianxin.conformance.Callers;
import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * What the Notices tests share (spec chapter 17): notice bodies as a client writes them, publishing
 * as a secretary of an organization, a member's feed (all pages) and read action, the reach, and the
 * problem reports' rules.
 */
final class NoticesKit {

    static final String JSON_LD = "application/ld+json";

    private NoticesKit() {}

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
        Response created = publish(body, Callers.secretaryOf(publisher));
        assertEquals(201, created.status(), () -> "POST /notices of a valid notice: " + created.body());
        JsonObject notice = created.json();
        assertEquals(notice.getString("id", ""), created.header("Location").orElse(""), "the Location is the IRI of the new notice");
        assertTrue(notice.getString("id", "").startsWith(base() + "/notices/"), "a notice of {base}/notices/{id}: " + notice.getString("id", ""));
        return notice;
    }

    /** GET {url} as {@code authorization} in JSON-LD, which must answer 200; the record. */
    static JsonObject getJsonLd(String url, String authorization) {
        Response answer = Http.get(url, "Accept", JSON_LD, "Authorization", authorization);
        assertEquals(200, answer.status(), () -> "GET " + url + ": " + answer.body());
        return answer.json();
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
            JsonObject page = Answers.getJson(next, Callers.memberToken(member));
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

}
