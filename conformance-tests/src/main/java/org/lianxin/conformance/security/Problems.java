package org.lianxin.conformance.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;

import org.lianxin.conformance.Response;

/** The problem reports of the Security tests: 401 exactly as LX-SEC-3 says, others as Table 3.4, hidden answers as LX-SEC-18. */
final class Problems {

    static final String TYPES = "https://w3id.org/lianxin/problems/";
    private static final Map<Integer, String> TITLES = Map.of(400, "Bad request", 401, "Unauthorized", 403, "Forbidden",
            404, "Not found", 405, "Method not allowed", 409, "Conflict", 410, "Gone", 422, "Validation failed");
    private static final Map<Integer, String> TYPE_NAMES = Map.of(400, "bad-request", 401, "unauthorized", 403, "forbidden",
            404, "not-found", 409, "conflict", 410, "gone", 422, "validation");

    private Problems() {}

    /** A problem report of Table 3.4 with this status; returns its body. */
    static JsonObject assertProblem(Response response, int status) {
        assertEquals(status, response.status(), () -> "status " + response.status() + " where " + status + " was required: " + response.body());
        assertEquals("application/problem+json", response.mediaType(), "the media type of a problem report");
        JsonObject problem = response.json();
        assertEquals(TYPES + TYPE_NAMES.get(status), problem.getString("type", ""), "type of the problem report " + problem);
        assertEquals(TITLES.get(status), problem.getString("title", ""), "title of the problem report " + problem);
        return problem;
    }

    /**
     * LX-SEC-3: status 401, one challenge {@code Bearer} with at most realm and error="invalid_token",
     * and a problem report with only type, title, status and optionally detail "invalid token".
     */
    static void assertUnauthorized(Response response, String what) {
        assertEquals(401, response.status(), () -> what + ": status " + response.status() + " where 401 was required: " + response.body());
        List<String> challenges = response.headers("WWW-Authenticate");
        assertEquals(1, challenges.size(), what + ": one WWW-Authenticate header, not " + challenges);
        assertBearerChallenge(challenges.get(0), what);
        assertEquals("application/problem+json", response.mediaType(), what + ": the media type of the 401");
        JsonObject problem = response.json();
        assertTrue(Set.of("type", "title", "status", "detail").containsAll(problem.keySet()),
                what + ": a 401 says nothing but type, title, status and detail: " + problem);
        assertEquals(TYPES + "unauthorized", problem.getString("type", ""), what + ": " + problem);
        assertEquals("Unauthorized", problem.getString("title", ""), what + ": " + problem);
        assertEquals(401, problem.containsKey("status") ? problem.getJsonNumber("status").intValue() : -1, what + ": " + problem);
        if (problem.containsKey("detail")) {
            assertEquals("invalid token", problem.getString("detail", null), what + ": the only detail a 401 may give");
        }
    }

    /** {@code Bearer} alone or with the parameters realm and error="invalid_token" only. */
    static void assertBearerChallenge(String challenge, String what) {
        String text = challenge.trim();
        int space = text.indexOf(' ');
        String scheme = space < 0 ? text : text.substring(0, space);
        assertTrue(scheme.equalsIgnoreCase("Bearer"), what + ": the challenge is Bearer, not " + challenge);
        String rest = space < 0 ? "" : text.substring(space + 1).trim();
        if (rest.isEmpty()) {
            return;
        }
        for (String parameter : rest.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length != 2) {
                fail(what + ": WWW-Authenticate holds something other than parameters of Bearer (a second challenge?): " + challenge);
            }
            String name = pair[0].trim().toLowerCase(Locale.ROOT);
            String value = pair[1].trim().replaceAll("^\"|\"$", "");
            if (name.equals("error")) {
                assertEquals("invalid_token", value, what + ": the only error a 401 names: " + challenge);
            } else if (!name.equals("realm")) {
                fail(what + ": WWW-Authenticate has the parameter " + name + ", beyond realm and error: " + challenge);
            }
        }
    }

    /**
     * LX-SEC-18: {@code hidden}, the answer about {@code iri}, is a 404 with the same media type and
     * the same problem report as {@code never}, the answer about {@code neverIri}, an IRI no write
     * created, but for the IRI (and the id in it).
     */
    static void assertHidden(Response hidden, String iri, Response never, String neverIri, String what) {
        assertEquals(404, never.status(), "the control: " + neverIri + " was never created, yet answers " + never.status());
        assertEquals(404, hidden.status(), () -> what + ": " + iri + " is not readable by the caller, yet answers "
                + hidden.status() + " " + hidden.body());
        assertEquals(never.mediaType(), hidden.mediaType(), what + ": the media type, as for an IRI never created");
        assertEquals(replaced(never.body(), neverIri, iri), hidden.body(),
                what + ": the problem report differs from the one for " + neverIri + " (an IRI never created) by more than the IRI");
    }

    /** {@code text} with the IRI {@code from} and its last segment written as {@code to}'s. */
    static String replaced(String text, String from, String to) {
        return text.replace(from, to).replace(lastSegment(from), lastSegment(to));
    }

    static String lastSegment(String iri) {
        String path = iri.replaceAll("/(children|subtree|ancestors)$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
