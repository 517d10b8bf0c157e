package org.lianxin.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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

    static List<String> strings(JsonValue value) {
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        return value instanceof jakarta.json.JsonArray a ? a.getValuesAs(JsonString::getString) : List.of();
    }
}
