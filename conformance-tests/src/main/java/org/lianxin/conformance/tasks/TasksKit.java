package org.lianxin.conformance.tasks;

import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.sandbox;
import static org.lianxin.conformance.Current.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.lianxin.conformance.Callers;
import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * What the Tasks tests share (spec chapter 13): task and completion bodies as a client writes them,
 * issuing and reading as a caller acting for an organization of the sandbox, the inbox, progress and
 * burden report, the equivalence key computed by the kit itself (13.5), and the problem reports'
 * rules. Each test uses a due year of its own, far ahead, so that no other task of the run is due in
 * the periods it counts.
 */
final class TasksKit {

    static final String JSON_LD = "application/ld+json";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TasksKit() {}

    /** A due year no other test of this run uses: 2100 to 2899. */
    static int freshYear() {
        return 2100 + RANDOM.nextInt(800);
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** A data request body; {@code extra} is added as it is (", \"statistic\": ..."). */
    static String dataRequest(String issuer, String name, String due, String extra) {
        return """
                {"@context": "%s", "type": "Task", "taskKind": "DataRequest", "issuedBy": "%s", "name": "%s", "dueDate": "%s"%s}"""
                .formatted(Sandbox.CONTEXT, issuer, name, due, extra);
    }

    /** An action request for a themed party day on {@code topic}. */
    static String actionRequest(String issuer, String topic, String due, String extra) {
        return """
                {"@context": "%s", "type": "Task", "taskKind": "ActionRequest", "issuedBy": "%s", "name": "主题党日：%s",
                 "dueDate": "%s", "activityType": "ThemedPartyDay", "topic": "%s"%s}"""
                .formatted(Sandbox.CONTEXT, issuer, topic, due, topic, extra);
    }

    /** {@code , "targets": [...]}. */
    static String targets(String... organizations) {
        return ", \"targets\": [" + String.join(", ", java.util.Arrays.stream(organizations).map(o -> "\"" + o + "\"").toList()) + "]";
    }

    /** POST {base}/tasks as a secretary of {@code issuer}. */
    static Response issue(String issuer, String body) {
        return Http.post(base() + "/tasks", JSON_LD, body, "Accept", JSON_LD, "Authorization", Callers.secretaryOf(issuer));
    }

    /** The same, which must answer 201 with the Location of the task; the task as stored. */
    static JsonObject issued(String issuer, String body) {
        Response created = issue(issuer, body);
        assertEquals(201, created.status(), () -> "POST /tasks of a valid task: " + created.body());
        JsonObject task = created.json();
        assertEquals(task.getString("id", ""), created.header("Location").orElse(""), "the Location is the IRI of the new task");
        assertTrue(task.getString("id", "").startsWith(base() + "/tasks/"), "a task of {base}/tasks/{id}: " + task.getString("id", ""));
        return task;
    }

    static String inboxUrl(String organization) {
        return base() + "/organizations/" + organization.substring(organization.lastIndexOf('/') + 1) + "/inbox";
    }

    /** The inbox of {@code organization}, read by its own secretary. */
    static JsonObject inbox(String organization) {
        return inbox(organization, Callers.secretaryOf(organization));
    }

    static JsonObject inbox(String organization, String authorization) {
        return Answers.getJson(inboxUrl(organization), authorization);
    }

    /** The items of an inbox whose requests include {@code task}; at most one (one item per key). */
    static List<JsonObject> itemsOf(JsonObject inbox, String task) {
        return inbox.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getJsonArray("requests").stream().anyMatch(r -> r.asJsonObject().getString("id", "").equals(task))).toList();
    }

    /** The item of an inbox that holds {@code task}. */
    static JsonObject itemOf(JsonObject inbox, String task) {
        List<JsonObject> items = itemsOf(inbox, task);
        assertEquals(1, items.size(), () -> "one item holds " + task + " in the inbox of " + inbox.getString("organization", "") + ": " + inbox);
        return items.get(0);
    }

    /** The burden report of {@code organization} for {@code period}, read by its secretary. */
    static JsonObject burden(String organization, String period, String scope) {
        return Answers.getJson(base() + "/statistics/tasks?organization=" + enc(organization) + "&period=" + period + "&scope=" + scope,
                Callers.secretaryOf(organization));
    }

    /** received, merged, answeredByData, leftToPeople of a burden report (or of one of its byKind entries). */
    static List<Integer> counts(JsonObject report) {
        return List.of(report.getInt("received"), report.getInt("merged"), report.getInt("answeredByData"), report.getInt("leftToPeople"));
    }

    /** A number of hours in a report: a JSON number, or a string holding one. */
    static double hours(JsonObject report, String key) {
        JsonValue v = report.get(key);
        if (v instanceof jakarta.json.JsonNumber n) {
            return n.doubleValue();
        }
        if (v instanceof JsonString s) {
            return Double.parseDouble(s.getString());
        }
        return fail("no number of hours " + key + " in " + report);
    }

    /** A completion body. */
    static String completion(String task, String branch, String evidence, String note) {
        return """
                {"@context": "%s", "type": "TaskCompletion", "completes": "%s", "completedBy": "%s"%s%s}"""
                .formatted(Sandbox.CONTEXT, task, branch, evidence == null ? "" : ", \"evidence\": [\"" + evidence + "\"]",
                        note == null ? "" : ", \"note\": \"" + note + "\"");
    }

    /** POST {base}/task-completions as the secretary of {@code branch}. */
    static Response complete(String branch, String task, String evidence, String note) {
        return Http.post(base() + "/task-completions", JSON_LD, completion(task, branch, evidence, note), "Accept", JSON_LD,
                "Authorization", Callers.secretaryOf(branch));
    }

    /** A new activity of {@code branch}; its IRI, deleted at the end of the run. */
    static String activity(String branch, String type, LocalDate day) {
        Response created = Http.post(base() + "/activities", JSON_LD, """
                {"@context": "%s", "type": "Activity", "activityType": "%s", "heldBy": "%s", "startDate": "%s", "topic": "学习党章"}"""
                .formatted(Sandbox.CONTEXT, type, branch, day));
        assertEquals(201, created.status(), () -> "the kit could not record an activity: " + created.body());
        return sandbox().track(created.header("Location").orElseThrow());
    }

    /** The normal form of a text (13.5): NFKC, runs of white space as one space, trimmed, lower case. */
    static String normal(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return nfkc.replaceAll("[\\u0009-\\u000D\\u0020]+", " ").replaceAll("^ | $", "").toLowerCase(Locale.ROOT);
    }

    /** The key of a data request (13.5). */
    static String dataKey(String statistic, String period, String... askedFields) {
        TreeSet<String> fields = new TreeSet<>(TasksKit::compareCodePoints);
        for (String f : askedFields) {
            String n = normal(f);
            if (!n.isEmpty()) {
                fields.add(n);
            }
        }
        List<String> lines = new ArrayList<>(List.of("DataRequest", statistic == null ? "" : statistic, period == null ? "" : period));
        lines.addAll(fields);
        return String.join("\n", lines);
    }

    /** The key of an action request (13.5). */
    static String actionKey(String activityType, String topic, LocalDate due) {
        return String.join("\n", "ActionRequest", activityType, normal(topic), due.toString().substring(0, 7));
    }

    private static int compareCodePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** A parameter of a query string, decoded; null when absent. */
    static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Polls {@code probe} every 100 ms until it gives a value, for at most 10 s; a failed test then. */
    static <T> T await(java.util.function.Supplier<java.util.Optional<T>> probe, String what) {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (true) {
            java.util.Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > until) {
                return fail("waited 10 s for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted while waiting for " + what);
            }
        }
    }
}
