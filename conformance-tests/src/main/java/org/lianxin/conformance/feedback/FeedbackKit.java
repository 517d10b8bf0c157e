package org.lianxin.conformance.feedback;

import static org.lianxin.conformance.Current.base;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Assumptions;
import org.lianxin.conformance.Callers;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * What the Feedback tests share (spec chapter 14), and the Service tests, whose requests are threads of the same kind (chapter 18): messages as members send them, the actions of
 * Table 14.6 as the sender or as a caller acting for an organization, reads and lists, the problem
 * reports' rules, and how long to wait for the node's escalation (the kit's options
 * {@code --escalation-delay} and {@code --escalation-wait}, {@link org.lianxin.conformance.KitConfig}).
 *
 * <p>Messages left {@code Open} escalate after the node's delay — three seconds on the reference
 * node's test server — so the tests answer a message at once unless they wait for its escalation.
 */
public final class FeedbackKit {

    public static final String JSON_LD = "application/ld+json";

    /** A text as members write on phones: full-width punctuation, an ideographic space, an emoji, a character beyond the BMP, a line break. */
    public static final String PHONE_TEXT = "请问退休后党费基数如何核定？　谢谢！😊𠀀「测试」\n第二行：ＡＢＣ１２３";

    private FeedbackKit() {}

    /** A feedback body; {@code extra} is added as it is. */
    public static String message(String kind, String name, String text, String extra) {
        JsonObject body = Json.createObjectBuilder().add("@context", Sandbox.CONTEXT).add("type", "Feedback").add("feedbackKind", kind)
                .add("name", name).add("text", text).build();
        String json = body.toString();
        return json.substring(0, json.length() - 1) + extra + "}";
    }

    /** POST {base}/feedback as {@code authorization}. */
    public static Response send(String authorization, String body) {
        return Http.post(base() + "/feedback", JSON_LD, body, "Accept", JSON_LD, "Authorization", authorization);
    }

    /** A message {@code member} sends, which must be stored (201 with Location); the record as stored. */
    public static JsonObject sent(String member, String body) {
        Response created = send(Callers.memberToken(member), body);
        assertEquals(201, created.status(), () -> "POST /feedback of a valid message by its member: " + created.body());
        JsonObject record = created.json();
        assertEquals(record.getString("id", ""), created.header("Location").orElse(""), "the Location is the IRI of the new message");
        assertTrue(record.getString("id", "").startsWith(base() + "/feedback/"), record.toString());
        return record;
    }

    /** A question of {@code member} to its branch, with the text given. */
    public static JsonObject asked(String member, String text) {
        return sent(member, message("Question", "咨询", text, ""));
    }

    /** POST {record}/{action} with a JSON body (null: none) as {@code authorization}. */
    public static Response act(String record, String action, String body, String authorization) {
        return Http.post(record + "/" + action, "application/json", body == null ? "" : body, "Accept", JSON_LD, "Authorization", authorization);
    }

    public static Response reply(String record, String text, String authorization) {
        return act(record, "replies", Json.createObjectBuilder().add("text", text).build().toString(), authorization);
    }

    /** A reply that must be taken (200); the record as stored. */
    public static JsonObject replied(String record, String text, String authorization) {
        Response answer = reply(record, text, authorization);
        assertEquals(200, answer.status(), () -> "POST " + record + "/replies: " + answer.body());
        return answer.json();
    }

    public static Response read(String record, String authorization) {
        return Http.get(record, "Accept", JSON_LD, "Authorization", authorization);
    }

    /** The record, which {@code authorization} must be able to read. */
    public static JsonObject record(String record, String authorization) {
        Response answer = read(record, authorization);
        assertEquals(200, answer.status(), () -> "GET " + record + ": " + answer.body());
        return answer.json();
    }

    public static String state(JsonObject record) {
        return record.getString("feedbackState", "");
    }

    /** The replies of a record, in order. */
    public static List<JsonObject> replies(JsonObject record) {
        JsonValue replies = record.get("replies");
        if (replies instanceof jakarta.json.JsonArray list) {
            return list.stream().map(JsonValue::asJsonObject).toList();
        }
        return replies instanceof JsonObject one ? List.of(one) : List.of();
    }

    /** The strings of a JSON array (or of a single string) under {@code key}. */
    public static List<String> strings(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof jakarta.json.JsonArray a) {
            return a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        return v instanceof JsonString s ? List.of(s.getString()) : List.of();
    }

    public static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    /** Polls {@code probe} every 100 ms for at most {@code bound}. */
    public static <T> Optional<T> poll(Supplier<Optional<T>> probe, Duration bound) {
        long until = System.nanoTime() + bound.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent() || System.nanoTime() > until) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** The same, a failed test after {@code bound}. */
    public static <T> T await(String what, Supplier<Optional<T>> probe, Duration bound) {
        return poll(probe, bound).orElseGet(() -> fail("waited " + bound.toMillis() + " ms for " + what));
    }

    /** How long the kit waits, from a message's sentAt, for its escalation: the node's delay (when known) plus the wait. */
    public static Duration escalationBound() {
        return Kit.current().config().escalationDelay().orElse(Duration.ZERO).plus(Kit.current().config().escalationWait());
    }

    /**
     * Waits for an escalation that {@code probe} sees; when none comes: a failed test if the operator told the kit the
     * node's delay, cantTell otherwise (the delay may be longer than the kit waited).
     */
    public static <T> T awaitEscalation(String what, Supplier<Optional<T>> probe) {
        Duration bound = escalationBound();
        Optional<T> value = poll(probe, bound);
        if (value.isPresent()) {
            return value.get();
        }
        if (Kit.current().config().escalationDelay().isPresent()) {
            return fail("no escalation within the node's delay " + Kit.current().config().escalationDelay().get() + " and "
                    + Kit.current().config().escalationWait() + " more: " + what);
        }
        Assumptions.abort("no escalation within " + bound + " (" + what + "); the node's escalation delay is not known to the kit: give it with "
                + "--escalation-delay, or run the kit against a test instance with a short delay");
        return null;
    }

    /** Asserts that a record escalated was not escalated before the node's delay, when the kit knows it (LX-FEEDBACK-8). */
    public static void assertNotEarly(JsonObject record, String since) {
        Kit.current().config().escalationDelay().ifPresent(delay -> {
            Duration waited = Duration.between(java.time.OffsetDateTime.parse(since), java.time.OffsetDateTime.parse(record.getString("escalatedAt", "")));
            assertTrue(waited.compareTo(delay) >= 0, "escalated " + waited.toMillis() + " ms after it waited, before the delay " + delay + ": " + record);
        });
    }

    /** The values of Table 8.9 in a member body the kit wrote: nationalId, telephone, address, birthDate. */
    public static List<String> sensitive(String memberBody) {
        JsonObject body = parse(memberBody);
        return List.of("nationalId", "telephone", "address", "birthDate").stream().map(k -> body.getString(k, null)).filter(v -> v != null).toList();
    }
}
