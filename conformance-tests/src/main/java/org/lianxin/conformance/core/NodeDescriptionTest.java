package org.lianxin.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Verifies;
import org.lianxin.spec.SpecResources;

/** Chapter 2: the node description and the host listing. */
class NodeDescriptionTest {

    private static JsonObject description() {
        return Http.get(Kit.current().base() + "/.well-known/lianxin", "Accept", "application/ld+json").expect(200).json();
    }

    @Test
    @DisplayName("the node description has the node's base URL as id and the type NodeDescription")
    @Verifies(id = "LX-CORE-1", level = "MUST", of = "Core")
    void describesItself() {
        JsonObject description = description();
        assertEquals(Kit.current().base(), description.getString("id", ""));
        assertEquals("NodeDescription", description.getString("type", ""));
    }

    @Test
    @DisplayName("the node description states the spec version and claims Core")
    @Verifies(id = "LX-CORE-2", level = "MUST", of = "Core")
    @Verifies(id = "LX-CORE-3", level = "MUST", of = "Core")
    void versionAndCore() {
        JsonObject description = description();
        assertEquals(SpecResources.VERSION, description.getString("specVersion", ""));
        assertTrue(strings(description.get("conformanceClasses")).contains("Core"), description.toString());
    }

    @Test
    @DisplayName("the host listing names this node")
    @Verifies(id = "LX-CORE-7", level = "MUST", of = "Core")
    void theHostListsTheNode() {
        JsonObject listing = Http.get(Kit.current().origin() + "/.well-known/lianxin", "Accept", "application/ld+json").expect(200).json();
        assertTrue(listing.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(i -> Kit.current().base().equals(i.getString("id", "")) && "NodeDescription".equals(i.getString("type", ""))),
                "no item for " + Kit.current().base());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @DisplayName("the node description lists every endpoint of Table 2.2 with its href")
    @Verifies(id = "LX-CORE-4", level = "MUST", of = "Core")
    @CsvSource({"organizations,/organizations", "members,/members", "members-batch,/members/batch",
            "context,/spec/context.jsonld", "vocabulary,/spec/vocabulary.ttl", "shapes,/spec/shapes.ttl",
            "requirements,/spec/requirements.ttl"})
    void listsTheCoreEndpoints(String rel, String path) {
        JsonObject description = description();
        assertTrue(description.get("endpoints") instanceof jakarta.json.JsonArray, "endpoints is an array: " + description);
        String href = Kit.current().base() + path;
        List<JsonObject> entries = description.getJsonArray("endpoints").stream().filter(e -> e instanceof JsonObject)
                .map(JsonValue::asJsonObject).filter(e -> rel.equals(e.getString("rel", null))).toList();
        assertTrue(entries.stream().anyMatch(e -> href.equals(e.getString("href", null))),
                "an endpoint with rel " + rel + " and href " + href + "; found " + entries);
    }

    @Test
    @DisplayName("the node description has a name, a vendor, a product and a product version")
    @Verifies(id = "LX-CORE-6", level = "SHOULD", of = "Core")
    void namesItsSoftware() {
        JsonObject description = description();
        for (String key : List.of("name", "vendor", "product", "productVersion")) {
            assertTrue(description.get(key) instanceof JsonString s && !s.getString().isBlank(), "no " + key + " in " + description);
        }
    }

    static List<String> strings(JsonValue value) {
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        return value instanceof jakarta.json.JsonArray a ? a.getValuesAs(JsonString::getString) : List.of();
    }
}
