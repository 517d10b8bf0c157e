package org.lianxin.conformance.pipeline;

import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.sandbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * What the Pipeline tests share: members of the sandbox in any stage of the development pipeline,
 * with the dates of Table 5.3 and dated steps given at creation (a created record keeps its history
 * as given, LX-PIPELINE-10), the step request of Table 11.1, and the checks of its answers.
 */
final class PipelineKit {

    static final String JSON_LD = "application/ld+json";

    private PipelineKit() {}




    static String id(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    /** The dates of Table 5.3 a record states; null: absent. */
    record Dates(String application, String activist, String candidate, String admission, String full) {

        static Dates applicant(String application) {
            return new Dates(application, null, null, null, null);
        }

        static Dates activist(String activist) {
            return new Dates("2020-01-10", activist, null, null, null);
        }

        static Dates candidate(String candidate) {
            return new Dates("2020-01-10", "2020-07-01", candidate, null, null);
        }

        static Dates probationary(String admission) {
            return new Dates("2020-01-10", "2020-07-01", "2021-07-01", admission, null);
        }

        Dates withFull(String fullMembership) {
            return new Dates(application, activist, candidate, admission, fullMembership);
        }

        Dates withCandidate(String candidateDate) {
            return new Dates(application, activist, candidateDate, admission, full);
        }

        String json() {
            List<String> keys = new ArrayList<>();
            String[][] all = {{"applicationDate", application}, {"activistDate", activist}, {"candidateDate", candidate},
                    {"admissionDate", admission}, {"fullMembershipDate", full}};
            for (String[] d : all) {
                if (d[1] != null) {
                    keys.add("\"" + d[0] + "\": \"" + d[1] + "\"");
                }
            }
            return String.join(", ", keys);
        }
    }

    /** A step as the record states it (a blank node of type DevelopmentStep). */
    static String dated(String type, String date) {
        return "{\"type\": \"DevelopmentStep\", \"step\": \"" + type + "\", \"date\": \"" + date + "\"}";
    }

    static String sponsors(String date, String... sponsors) {
        return "{\"type\": \"DevelopmentStep\", \"step\": \"Sponsors\", \"date\": \"" + date + "\", \"sponsors\": " + array(sponsors) + "}";
    }

    /** A Training step; the hours as a string, as JSON-LD needs for an xsd:decimal that is not an integer (like duesBase). */
    static String training(String date, String hours) {
        return "{\"type\": \"DevelopmentStep\", \"step\": \"Training\", \"date\": \"" + date + "\", \"hours\": \"" + hours + "\"}";
    }

    static String extension(String date, int months) {
        return "{\"type\": \"DevelopmentStep\", \"step\": \"ProbationExtension\", \"date\": \"" + date + "\", \"months\": " + months + "}";
    }

    static String array(String... iris) {
        List<String> quoted = new ArrayList<>();
        for (String iri : iris) {
            quoted.add("\"" + iri + "\"");
        }
        return "[" + String.join(", ", quoted) + "]";
    }

    /** A member body of {@code branch}: the sandbox's member (born 1980) in {@code stage}, with these dates and steps. */
    static String body(String name, String branch, String stage, Dates dates, String... steps) {
        String body = sandbox().memberBody(name, branch).replace("\"stage\": \"FullMember\"", "\"stage\": \"" + stage + "\"");
        String tail = dates.json() + (steps.length == 0 ? "" : ", \"developmentSteps\": [" + String.join(", ", steps) + "]");
        String replaced = body.replaceFirst("\"applicationDate\"(?s:.*)\\}\\s*$", java.util.regex.Matcher.quoteReplacement(tail) + "}");
        assertTrue(replaced.contains(tail), "the kit's member body changed shape: " + body);
        return replaced;
    }

    /** A new member (POST {base}/members, 201); its IRI. */
    static String member(String name, String branch, String stage, Dates dates, String... steps) {
        return sandbox().newMemberFrom(body(name, branch, stage, dates, steps));
    }

    /** A full member of {@code branch} (the sandbox's own body), to sponsor others. */
    static String fullMember(String name, String branch) {
        return sandbox().newMemberFrom(sandbox().memberBody(name, branch));
    }

    /** POST {member}/development with a JSON body, as the kit's administrator. */
    static Response step(String member, String json, String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Accept";
        all[headers.length + 1] = JSON_LD;
        return Http.post(member + "/development", "application/json", json, all);
    }

    /** The step request's JSON body. */
    static String request(String type, String date) {
        return "{\"step\": \"" + type + "\", \"date\": \"" + date + "\"}";
    }

    /** A step the node must take: 200 and the record as stored. */
    static JsonObject stepped(String member, String json) {
        Response answer = step(member, json);
        assertEquals(200, answer.status(), () -> "POST " + member + "/development " + json + ": " + answer.status() + " " + answer.body());
        return answer.json();
    }

    /** The member record as the node now answers it (masked where the node claims Security). */
    static Response read(String member) {
        return Http.get(member, "Accept", JSON_LD).expect(200);
    }

    /** Asserts the status and that the problem report lists an error with {@code rule}. */
    static void refused(Response answer, int status, String rule) {
        assertEquals(status, answer.status(), () -> "status " + answer.status() + " where " + status + " (rule " + rule + ") was required: " + answer.body());
        JsonObject problem = answer.json();
        assertTrue(problem.get("errors") instanceof jakarta.json.JsonArray errors
                        && errors.stream().anyMatch(e -> e instanceof JsonObject o && rule.equals(o.getString("rule", ""))),
                () -> "no error with rule " + rule + ": " + answer.body());
    }

    /** A write the rules must refuse: the status and rule, and the record as it was. */
    static void refusedUnchanged(String member, Response answer, int status, String rule, String before) {
        refused(answer, status, rule);
        assertEquals(before, read(member).body(), "a refused write leaves the record as it was");
    }

    /** The steps of a record answered, as "Type date". */
    static List<String> steps(JsonObject record) {
        if (!(record.get("developmentSteps") instanceof jakarta.json.JsonArray steps)) {
            return List.of();
        }
        return steps.stream().map(JsonValue::asJsonObject).map(s -> s.getString("step", "?") + " " + s.getString("date", "?")).sorted().toList();
    }

    /** PUT of {@code body} (a member body without id) over {@code member}. */
    static Response put(String member, String body) {
        return Http.put(member, JSON_LD, Sandbox.withId(body, member));
    }
}
