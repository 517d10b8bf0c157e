package org.lianxin.conformance.core;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lianxin.conformance.core.Records.JSON_LD;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** Section 3.2 and 3.4: the Accept header picks the format of a read (Table 3.1); JSON-LD names the node's context. */
class ContentNegotiationTest {

    private static String branch;
    private static String member;
    private static String tombstone;

    @BeforeAll
    static void records() {
        branch = Records.sandbox().newBranch();
        member = Records.sandbox().newMember(branch);
        tombstone = Records.sandbox().newOrganization("撤销的党支部", "Branch", branch);
        Http.delete(tombstone).expect(204);
    }

    /** The resource a case reads: a member, an organization, a page of a list, the node description. */
    private static String url(String kind) {
        return switch (kind) {
            case "member" -> member;
            case "organization" -> branch;
            case "page" -> Records.members() + "?branch=" + Records.encode(branch);
            case "tombstone" -> tombstone;
            default -> Current.base() + "/.well-known/lianxin";
        };
    }

    private static Response read(String kind, String accept) {
        if (kind.equals("member")) {
            return accept == null ? Records.read(member, null) : Records.read(member, accept);
        }
        return Http.get(url(kind), "Accept", accept);
    }

    @ParameterizedTest(name = "{0}: Accept: {1} → {2}")
    @DisplayName("the Accept header picks JSON-LD, Turtle or N-Triples by quality, then in that order, and Content-Type states it")
    @Verifies(id = "LX-CORE-8", level = "MUST", of = "Core")
    @CsvSource(delimiter = '|', value = {
            "member|(absent)|application/ld+json",
            "member|*/*|application/ld+json",
            "member|text/html,*/*;q=0.8|application/ld+json",
            "member|text/*|text/turtle",
            "member|application/*|application/ld+json",
            "member|application/n-triples|application/n-triples",
            "member|text/turtle;q=0.5, application/n-triples|application/n-triples",
            "member|application/n-triples, text/turtle|text/turtle",
            "member|application/n-triples;q=0.9, text/turtle;q=0.9, application/ld+json;q=0.9|application/ld+json",
            "member|application/json|application/ld+json",
            "member|text/turtle;q=0.4, application/json;q=0.6|application/ld+json",
            "member|text/turtle;charset=utf-8|text/turtle",
            "member|application/ld+json;profile=\"http://www.w3.org/ns/json-ld#compacted\"|application/ld+json",
            "member|*/*;q=0.1, text/turtle|text/turtle",
            "organization|(absent)|application/ld+json",
            "organization|text/turtle|text/turtle",
            "organization|application/n-triples|application/n-triples",
            "page|(absent)|application/ld+json",
            "page|text/turtle|text/turtle",
            "page|application/n-triples|application/n-triples",
            "description|text/turtle|text/turtle",
            "description|application/json|application/ld+json"})
    void acceptPicksTheMediaType(String kind, String accept, String expected) {
        Response response = read(kind, accept.equals("(absent)") ? null : accept);
        assertEquals(200, response.status(), () -> "status " + response.status() + ": " + response.body());
        assertEquals(expected, response.mediaType(), "Content-Type " + response.header("Content-Type").orElse("(none)"));
        Records.graph(response, url(kind)); // and the body is in that media type
    }

    @ParameterizedTest(name = "{0}: Accept: {1}")
    @DisplayName("a read that accepts none of the four media types gets 406")
    @Verifies(id = "LX-CORE-9", level = "MUST", of = "Core")
    @CsvSource(delimiter = '|', value = {
            "member|application/rdf+xml",
            "member|text/html",
            "member|image/png, text/plain",
            "member|application/ld+json;q=0",
            "member|application/ld+json;q=0, application/json;q=0, text/turtle;q=0, application/n-triples;q=0, text/html",
            "organization|application/rdf+xml",
            "page|text/html",
            "description|application/xml"})
    void noAcceptableMediaTypeIs406(String kind, String accept) {
        Response response = read(kind, accept);
        assertEquals(406, response.status(), () -> "status " + response.status() + " where 406 was required");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("every JSON-LD answer sets @context to the node's own copy of the context")
    @Verifies(id = "LX-CORE-13", level = "MUST", of = "Core")
    @ValueSource(strings = {"member", "organization", "page", "tombstone", "description"})
    void jsonLdNamesTheNodesContext(String kind) {
        Response response = read(kind, JSON_LD);
        assertEquals(kind.equals("tombstone") ? 410 : 200, response.status(), () -> "status " + response.status() + ": " + response.body());
        assertEquals(JSON_LD, response.mediaType());
        assertEquals(Current.base() + "/spec/context.jsonld", response.json().getString("@context", null),
                "@context of " + response.body());
    }
}
