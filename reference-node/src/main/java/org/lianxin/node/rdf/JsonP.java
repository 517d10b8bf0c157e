package org.lianxin.node.rdf;

import java.io.StringReader;
import java.util.Optional;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the node. {@code jakarta.json.Json}'s static methods look the provider
 * up with a ServiceLoader on every call, through the server's class loaders: a profile of single
 * reads (issue 6, W4) found that lookup in a large share of each answer's JSON-LD.
 */
public final class JsonP {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonP() {}

    /** {@code body} as a JSON object; empty when it is none (no body, not JSON, another JSON value). */
    public static Optional<JsonObject> object(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (var reader = JSON.createReader(new StringReader(body))) {
            return Optional.of(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
