package org.lianxin.conformance.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** 8.3: the open routes answer anybody; every other route under the base needs a token, and a 401 tells nothing else. */
class OpenRoutesTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    static Stream<String> openRoutes() {
        String base = Kit.current().base();
        return Stream.of(base + "/.well-known/lianxin", Kit.current().origin() + "/.well-known/lianxin", base + "/spec/context.jsonld",
                base + "/spec/vocabulary.ttl", base + "/spec/shapes.ttl", base + "/spec/requirements.ttl");
    }

    /** Paths under the base that are not open, whether or not they name a resource. */
    static Stream<String> closedPaths() {
        String never = Sandbox.uniqueId("never");
        return Stream.of("", "/", "/members", "/organizations", "/members/" + never, "/organizations/" + never, "/members/lookup",
                "/members/batch", "/audit", "/federation", "/federation/children", "/federation/parent", "/statistics/members",
                "/search/members", "/" + never, "/organizations/" + never + "/children");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openRoutes")
    @DisplayName("an open route answers 200 alike without a token, with a valid token and with an invalid one")
    @Verifies(id = "LX-SEC-1", level = "MUST", of = "Security")
    void openRoutesAnswerAnybody(String url) {
        Response none = Http.anonymous(HttpRequest.newBuilder(URI.create(url)).GET());
        Response valid = Http.get(url);
        Response invalid = Http.get(url, "Authorization", "Bearer " + Jwt.signedByStranger(Kit.current().tokens().admin(), true));
        Response garbage = Http.get(url, "Authorization", "Basic dXNlcjpwYXNz");
        for (Response answer : List.of(none, valid, invalid, garbage)) {
            assertEquals(200, answer.status(), () -> url + " is open (Table 8.3), yet answers " + answer.status() + ": " + answer.body());
            assertEquals(none.mediaType(), answer.mediaType(), url + ": the same media type whatever the Authorization header");
            assertFalse(answer.body().isBlank(), url + " answers an empty body");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closedPaths")
    @DisplayName("a request without a token to a closed path under the base is 401, whatever its method")
    @Verifies(id = "LX-SEC-2", level = "MUST", of = "Security")
    @Verifies(id = "LX-SEC-3", level = "MUST", of = "Security")
    void closedPathsNeedAToken(String path) {
        for (String method : METHODS) {
            String url = Kit.current().base() + path;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString("{}"));
            Problems.assertUnauthorized(Http.anonymous(request), method + " " + url + " without a token");
        }
    }

    @Test
    @DisplayName("beside the open routes, other paths and other methods are closed: 401 without a token")
    @Verifies(id = "LX-SEC-2", level = "MUST", of = "Security")
    void besideTheOpenRoutes() {
        String base = Kit.current().base();
        String never = Sandbox.uniqueId("never");
        for (String url : List.of(base + "/spec/" + never + ".ttl", base + "/spec", base + "/.well-known/" + never)) {
            Problems.assertUnauthorized(Http.anonymous(HttpRequest.newBuilder(URI.create(url)).GET()),
                    "GET " + url + " (not a route of Table 8.3) without a token");
        }
        for (String method : List.of("POST", "PUT", "DELETE")) {
            for (String url : List.of(base + "/.well-known/lianxin", base + "/spec/context.jsonld")) {
                Problems.assertUnauthorized(Http.anonymous(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{}"))), method + " " + url + " without a token");
            }
        }
    }

    @Test
    @DisplayName("a refused token gets the same 401: one Bearer challenge, at most error=\"invalid_token\", a bare problem report")
    @Verifies(id = "LX-SEC-3", level = "MUST", of = "Security")
    void aRefusedTokenGetsTheBare401() {
        String url = Kit.current().base() + "/members?limit=1";
        Problems.assertUnauthorized(Http.get(url, "Authorization", "Bearer " + Jwt.signedByStranger(Kit.current().tokens().admin(), true)),
                "a token signed with another key");
        Problems.assertUnauthorized(Http.get(Kit.current().sandbox().organization(), "Accept", "text/plain",
                "Authorization", "Bearer not.a.token"), "a malformed token and an Accept the node cannot serve (401 comes first)");
    }

    @Test
    @DisplayName("a token in the query parameter access_token, and not in the Authorization header, is 401")
    @Verifies(id = "LX-SEC-4", level = "MUST", of = "Security")
    void aTokenInTheUrlIsRefused() {
        // a short-lived token where the kit can mint one: the URL, token included, goes into the report's evidence
        String token = Kit.current().tokens().demo() ? Records.mint(Records.adminClaims().add("expiresIn", 120))
                : Kit.current().tokens().admin();
        for (String url : List.of(Kit.current().base() + "/members?limit=1&access_token=" + token,
                Kit.current().sandbox().organization() + "?access_token=" + token)) {
            Problems.assertUnauthorized(Http.anonymous(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/ld+json").GET()),
                    "GET with the token in access_token");
        }
    }
}
