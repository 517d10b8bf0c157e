package org.lianxin.conformance;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Assertions;

/**
 * A node's answer as a test sees it.
 *
 * @param status  the HTTP status
 * @param headers the headers, by lower-case name
 * @param body    the body as text (UTF-8)
 */
public record Response(int status, Map<String, List<String>> headers, String body) {

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a header. */
    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    /** The media type of the body, without parameters, or "". */
    public String mediaType() {
        return header("Content-Type").map(t -> t.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT)).orElse("");
    }

    /** The body as a JSON object; a failed test when it is not one. */
    public JsonObject json() {
        try {
            return Json.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            return Assertions.fail("the body is not a JSON object: " + e.getMessage());
        }
    }

    /** Asserts the status and returns this answer. */
    public Response expect(int expected) {
        Assertions.assertEquals(expected, status, () -> "status " + status + " where " + expected + " was required");
        return this;
    }
}
