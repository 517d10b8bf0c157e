package org.lianxin.conformance.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.probes.ProbeNode;

/** 7.3 and 7.4: the federation state and what the node description shows of it. */
class FederationStateTest extends FederationSupport {

    private static JsonObject description() {
        return Http.get(base() + "/.well-known/lianxin", "Accept", "application/ld+json").expect(200).json();
    }

    private static List<String> strings(JsonValue value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        return value.asJsonArray().getValuesAs(JsonString::getString);
    }

    @Test
    @DisplayName("GET /federation answers 200 application/json with node, parent and the children of Table 7.4 in the order of their base URLs")
    @Verifies(id = "LX-FED-1", level = "MUST", of = "Federation")
    void theStateIsServed() {
        String committee = committee();
        ProbeNode first = registered(probe(committee));
        ProbeNode second = registered(probe(committee));
        Response answer = Http.get(base() + "/federation", "Accept", "application/json", "Authorization", bearer(caller())).expect(200);
        assertEquals("application/json", answer.mediaType());
        JsonObject state = answer.json();
        assertEquals(base(), state.getString("node", ""), state.toString());
        assertTrue(state.containsKey("parent"), "parent is required, null when the node has none: " + state);
        if (state.get("parent").getValueType() != JsonValue.ValueType.NULL) {
            JsonObject parent = state.getJsonObject("parent");
            assertFalse(parent.getString("base", "").isBlank(), state.toString());
            OffsetDateTime.parse(parent.getString("since"));
        }
        List<JsonObject> children = state.getJsonArray("children").stream().map(JsonValue::asJsonObject).toList();
        List<String> bases = children.stream().map(c -> c.getString("base", "")).toList();
        assertTrue(bases.containsAll(List.of(first.base(), second.base())), "both registered probes listed: " + bases);
        List<String> sorted = new ArrayList<>(bases);
        sorted.sort(null);
        assertEquals(sorted, bases, "children in the order of their base URLs");
        for (ProbeNode probe : List.of(first, second)) {
            JsonObject child = children.stream().filter(c -> probe.base().equals(c.getString("base", ""))).findFirst().orElseThrow();
            assertEquals(List.of(probe.root()), strings(child.get("roots")), child.toString());
            OffsetDateTime.parse(child.getString("registered"));
            assertEquals("active", child.getString("status", ""), child.toString());
            assertFalse(child.containsKey("reason"), "reason only with suspended: " + child);
            assertFalse(child.containsKey("parentNotified"), "parentNotified only in the answer to the POST: " + child);
        }
    }

    @Test
    @DisplayName("the node description shows the parent as parentNode (none when null) and every child in childNodes")
    @Verifies(id = "LX-FED-16", level = "MUST", of = "Federation")
    void theDescriptionShowsParentAndChildren() {
        ProbeNode probe = registered(probe(committee()));
        JsonObject state = state();
        JsonObject description = description();
        List<String> children = state.getJsonArray("children").stream().map(c -> c.asJsonObject().getString("base", "")).toList();
        assertEquals(new HashSet<>(children), new HashSet<>(strings(description.get("childNodes"))), description.toString());
        assertTrue(strings(description.get("childNodes")).contains(probe.base()), description.toString());
        if (state.get("parent").getValueType() == JsonValue.ValueType.NULL) {
            assertFalse(description.containsKey("parentNode"), "no parentNode without a parent: " + description);
        } else {
            assertEquals(state.getJsonObject("parent").getString("base"), description.getString("parentNode", ""), description.toString());
        }

        assertEquals(204, unregister(probe.base()).status());
        assertFalse(strings(description().get("childNodes")).contains(probe.base()), "a removed child leaves childNodes");
    }

    @Test
    @DisplayName("the node description lists the endpoints federation, member-statistics and member-search of Table 7.7")
    @Verifies(id = "LX-FED-17", level = "MUST", of = "Federation")
    void theEndpointsAreListed() {
        List<JsonObject> endpoints = description().getJsonArray("endpoints").stream().map(JsonValue::asJsonObject).toList();
        for (String[] expected : List.of(new String[] {"federation", "/federation"}, new String[] {"member-statistics", "/statistics/members"},
                new String[] {"member-search", "/search/members"})) {
            assertTrue(endpoints.stream().anyMatch(e -> expected[0].equals(e.getString("rel", ""))
                    && (base() + expected[1]).equals(e.getString("href", ""))),
                    "an endpoint " + expected[0] + " → " + base() + expected[1] + " in " + endpoints);
        }
    }
}
