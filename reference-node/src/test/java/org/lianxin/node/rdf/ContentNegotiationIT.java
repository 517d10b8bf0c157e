package org.lianxin.node.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Problems;
import org.lianxin.node.testing.Trees;

/** Reads negotiate their format (Table 3.1); writes take JSON-LD and Turtle only; bad bodies are problems. */
class ContentNegotiationIT {

    private static String member;

    @BeforeAll
    static void member() {
        member = Trees.member("周敏", Trees.branch());
    }

    @ParameterizedTest(name = "Accept: {0} → {1}")
    @DisplayName("LX-CORE-8 the Accept header picks the format by quality, then in the order JSON-LD, Turtle, N-Triples")
    @CsvSource(delimiter = '|', value = {
            "*/*|application/ld+json",
            "text/html,*/*;q=0.8|application/ld+json",
            "text/*|text/turtle",
            "application/*|application/ld+json",
            "text/turtle;q=0.5, application/n-triples|application/n-triples",
            "application/n-triples, text/turtle|text/turtle",
            "application/json|application/ld+json",
            "application/ld+json;profile=\"http://www.w3.org/ns/json-ld#compacted\"|application/ld+json"})
    void acceptPicksTheFormat(String accept, String expected) {
        HttpResponse<String> response = NodeClient.get(member, accept);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith(expected),
                response.headers().firstValue("Content-Type").orElseThrow());
    }

    @ParameterizedTest(name = "Accept: {0}")
    @DisplayName("LX-CORE-9 a read with no acceptable format gets 406 problem+json (LX-CORE-19)")
    @CsvSource({"application/rdf+xml", "text/html", "application/ld+json;q=0"})
    void noAcceptableFormatIs406(String accept) {
        HttpResponse<String> response = NodeClient.get(member, accept);
        assertEquals(406, response.statusCode());
        Problems.assertProblem(response, 406, "not-acceptable", "Not acceptable");
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @DisplayName("LX-CORE-12 a write in any other media type than JSON-LD or Turtle gets 415 (LX-CORE-19)")
    @CsvSource({"application/rdf+xml", "application/n-triples", "application/json", "text/plain"})
    void otherWriteMediaTypesAre415(String contentType) {
        HttpResponse<String> response = NodeClient.post(NodeClient.nodeBase() + "/members", contentType, "{}");
        Problems.assertProblem(response, 415, "unsupported-media-type", "Unsupported media type");
    }

    @Test
    @DisplayName("LX-CORE-13 JSON-LD answers refer to the node's own copy of the context")
    void jsonLdUsesTheNodesContext() {
        JsonObject record = NodeClient.json(NodeClient.get(member, Fixtures.JSON_LD));
        assertEquals(NodeClient.nodeBase() + "/spec/context.jsonld", record.getString("@context"));
    }

    @Test
    @DisplayName("LX-CORE-16 a JSON key that is no term, keyword or IRI gets 422 unknown-term, not silently dropped")
    void unknownKeyIs422() {
        String body = Fixtures.member("周敏", Trees.branch()).replace("\"ethnicity\"", "\"telphone\": \"13800000000\", \"ethnicity\"");
        HttpResponse<String> response = NodeClient.post(NodeClient.nodeBase() + "/members", Fixtures.JSON_LD, body);
        Problems.assertProblem(response, 422, "validation", "Validation failed");
        Problems.assertError(response, "telphone", "unknown-term", "LX-CORE-16");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("LX-CORE-17 a malformed body gets 400 (LX-CORE-19)")
    @CsvSource(delimiter = '|', value = {
            "application/ld+json|{\"name\": ",
            "application/ld+json|[1, 2",
            "text/turtle|<a> <b> .",
            "application/ld+json|{\"@context\": {\"name\": {\"@id\": 5}}, \"name\": \"x\"}"})
    void malformedBodyIs400(String contentType, String body) {
        HttpResponse<String> response = NodeClient.post(NodeClient.nodeBase() + "/members", contentType, body);
        Problems.assertProblem(response, 400, "bad-request", "Bad request");
    }
}
