package org.lianxin.conformance.core;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;

import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.spec.SpecResources;

/** Section 3.4: the node serves the artifacts of the specification, version 0.1.0, at their paths (Table 3.2). */
class SpecArtifactsTest {

    @Test
    @DisplayName("/spec/context.jsonld is the Lianxin JSON-LD context, the same JSON value")
    @Verifies(id = "LX-CORE-14", level = "MUST", of = "Core")
    void servesTheContext() {
        Response context = Http.get(Current.base() + "/spec/context.jsonld", "Accept", Records.JSON_LD).expect(200);
        assertEquals(Records.JSON_LD, context.mediaType(), "the media type of Table 3.2");
        assertEquals(json(SpecResources.contextJson()), json(context.body()), "the context differs from the one published with 0.1.0");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("the vocabulary, the shapes and the requirements are served in Turtle, isomorphic to the published files")
    @Verifies(id = "LX-CORE-14", level = "MUST", of = "Core")
    @CsvSource({"/spec/vocabulary.ttl,vocabulary", "/spec/shapes.ttl,shapes", "/spec/requirements.ttl,requirements"})
    void servesTheTurtleArtifacts(String path, String artifact) {
        String url = Current.base() + path;
        Response served = Http.get(url, "Accept", Records.TURTLE).expect(200);
        assertEquals(Records.TURTLE, served.mediaType(), "the media type of Table 3.2");
        Graph published = switch (artifact) {
            case "vocabulary" -> SpecResources.graph(SpecResources.VOCABULARY);
            case "shapes" -> SpecResources.shapesGraph();
            default -> SpecResources.graph(SpecResources.REQUIREMENTS);
        };
        Graph graph = Records.graph(served, url);
        assertTrue(graph.isIsomorphicWith(published), () -> path + " is not isomorphic to the published " + artifact + ": "
                + graph.size() + " triples served, " + published.size() + " published");
    }

    private static JsonValue json(String text) {
        try {
            return Json.createReader(new StringReader(text)).readValue();
        } catch (JsonException e) {
            return Assertions.fail("not JSON: " + e.getMessage());
        }
    }
}
