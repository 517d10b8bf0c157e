package org.lianxin.conformance.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * What the Federation tests check answers with: the deadline they give, timed answers, the
 * completeness report (Table 7.9), the problem reports of 424 (Table 7.12) and of registration
 * (Table 7.6), and member bodies for the ground truth of statistics and search.
 */
abstract class FederatedAnswers {

    /** The deadline the tests give (Lianxin-Deadline), and what an answer may take beyond it (LX-FED-25). */
    static final long DEADLINE_MS = 2000;
    static final long MARGIN_MS = 1000;
    static final String DEADLINE = "Lianxin-Deadline";
    static final String HOPS = "Lianxin-Hops";
    static final String QUERY_ID = "Lianxin-Query-Id";

    static String base() {
        return Kit.current().base();
    }

    static Sandbox sandbox() {
        return Kit.current().sandbox();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A member of {@code age} whole years at any time of day in any time zone, with the dates its stage needs. */
    static String memberBody(String name, String branch, String stage, boolean male, String ethnicity, String education, int age) {
        LocalDate birth = LocalDate.now().minusYears(age).minusDays(180);
        int y = birth.getYear() + 19;
        int level = List.of("Applicant", "Activist", "DevelopmentCandidate", "ProbationaryMember", "FullMember").indexOf(stage);
        String[] dates = {"\"applicationDate\": \"" + y + "-03-01\"", "\"activistDate\": \"" + y + "-09-01\"",
            "\"candidateDate\": \"" + (y + 1) + "-10-01\"", "\"admissionDate\": \"" + (y + 2) + "-07-01\"",
            "\"fullMembershipDate\": \"" + (y + 3) + "-07-01\""};
        return """
                {"@context": "%s", "type": "Member", "name": "%s", "gender": "%s", "ethnicity": "%s",%s
                 "birthDate": "%s", "nationalId": "%s", "stage": "%s", "branch": "%s", %s}"""
                .formatted(Sandbox.CONTEXT, name, male ? "Male" : "Female", ethnicity,
                        education == null ? "" : " \"education\": \"" + education + "\",", birth, sandbox().nationalId(birth, male),
                        stage, branch, String.join(", ", List.of(dates).subList(0, level + 1)));
    }

    /** An answer and how long it took, measured by the kit. */
    record Timed(Response response, long elapsedMs) {

        JsonObject json() {
            return response.json();
        }

        int status() {
            return response.status();
        }

        String body() {
            return response.body();
        }

        /** Came no later than 1 s after the 2 s budget (LX-FED-25). */
        Timed withinDeadline() {
            assertTrue(elapsedMs < DEADLINE_MS + MARGIN_MS, () -> "answered " + elapsedMs + " ms after the query, with "
                    + DEADLINE + ": " + DEADLINE_MS + " (LX-FED-25 allows 1 s more): " + response.body());
            return this;
        }
    }

    static Optional<JsonObject> nodeStatus(JsonObject completeness, String node) {
        return completeness.getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                .filter(n -> node.equals(n.getString("node", ""))).findFirst();
    }

    /** The status the report gives {@code node}, which must be listed. */
    static String statusOf(JsonObject completeness, String node) {
        return nodeStatus(completeness, node).orElseThrow(() -> new AssertionError(node + " is not listed in the completeness report "
                + completeness)).getString("status", "");
    }

    /** A 424 of Table 7.12 listing {@code node} as not answered and naming it in errors; the status it has. */
    static String assertIncomplete(Timed answer, String node) {
        assertEquals(424, answer.status(), () -> "an incomplete answer without partial=true (LX-FED-29): " + answer.body());
        assertEquals("application/problem+json", answer.response().mediaType());
        JsonObject problem = answer.json();
        assertEquals("https://w3id.org/lianxin/problems/incomplete", problem.getString("type", ""), problem.toString());
        assertEquals("Incomplete answer", problem.getString("title", ""), problem.toString());
        assertEquals(424, problem.getInt("status", 0), problem.toString());
        JsonObject completeness = problem.getJsonObject("completeness");
        assertFalse(completeness.getBoolean("complete"), completeness.toString());
        assertEquals("answered", statusOf(completeness, base()), completeness.toString());
        String status = statusOf(completeness, node);
        assertFalse(status.equals("answered"), completeness.toString());
        List<JsonObject> errors = problem.getJsonArray("errors").stream().map(JsonValue::asJsonObject).toList();
        assertTrue(errors.stream().anyMatch(e -> node.equals(e.getString("field", "")) && status.equals(e.getString("rule", ""))
                        && !e.getString("message", "").isBlank() && "LX-FED-29".equals(e.getString("requirement", ""))),
                () -> "an error with field " + node + ", rule " + status + ", a message and requirement LX-FED-29 in " + errors);
        assertTrue(errors.stream().noneMatch(e -> base().equals(e.getString("field", ""))), errors.toString());
        return status;
    }

    /** A 200 partial answer in which {@code node} is listed as not answered; the status it has. */
    static String assertPartial(Timed answer, String node) {
        assertEquals(200, answer.status(), () -> "an incomplete answer with partial=true (LX-FED-30): " + answer.body());
        JsonObject completeness = answer.json().getJsonObject("completeness");
        assertFalse(completeness.getBoolean("complete"), completeness.toString());
        assertEquals("answered", statusOf(completeness, base()), completeness.toString());
        String status = statusOf(completeness, node);
        assertFalse(status.equals("answered"), completeness.toString());
        return status;
    }

    /** A problem report of {@code status} with an error on {@code base} for {@code rule} and {@code requirement} (Table 7.6). */
    static void assertRefused(Response response, int status, String rule, String requirement) {
        assertEquals(status, response.status(), () -> "expected " + status + " " + rule + ": " + response.body());
        assertEquals("application/problem+json", response.mediaType());
        List<JsonObject> errors = response.json().getJsonArray("errors").stream().map(JsonValue::asJsonObject).toList();
        assertTrue(errors.stream().anyMatch(e -> "base".equals(e.getString("field", "")) && rule.equals(e.getString("rule", ""))
                        && requirement.equals(e.getString("requirement", ""))),
                () -> "an error with field base, rule " + rule + " and requirement " + requirement + " (Table 7.6) in " + errors);
    }
}
