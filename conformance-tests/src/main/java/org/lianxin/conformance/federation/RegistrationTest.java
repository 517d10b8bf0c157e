package org.lianxin.conformance.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.probes.ProbeNode;

/** 7.3: registrations the node accepts, the notification of the child, duplicates and removal. */
class RegistrationTest extends FederationSupport {

    @Test
    @DisplayName("a child that passes every check is registered: 201 application/json with base, roots, registered, status active and parentNotified")
    @Verifies(id = "LX-FED-9", level = "MUST", of = "Federation")
    void aGoodChildIsRegistered() {
        ProbeNode probe = probe(committee());
        Response answer = register(probe.base());
        assertEquals(201, answer.status(), answer.body());
        assertEquals("application/json", answer.mediaType());
        JsonObject child = answer.json();
        assertEquals(probe.base(), child.getString("base", ""), child.toString());
        assertEquals(List.of(probe.root()), child.getJsonArray("roots").getValuesAs(JsonString::getString), child.toString());
        OffsetDateTime.parse(child.getString("registered"));
        assertEquals("active", child.getString("status", ""), child.toString());
        assertEquals(JsonValue.TRUE, child.get("parentNotified"), "the probe took its parent: parentNotified true in " + child);
        assertTrue(childBases().contains(probe.base()), "the state lists the new child");
    }

    @Test
    @DisplayName("the node tells each child it registers: PUT {childBase}/federation/parent with the body {\"base\": \"{base}\"}")
    @Verifies(id = "LX-FED-10", level = "MUST", of = "Federation")
    void theChildIsTold() {
        StubNode child = stub().asChild(committee());
        Response answer = register(child.base());
        assertEquals(201, answer.status(), answer.body());
        List<StubNode.Call> told = child.calls("PUT", "/federation/parent");
        assertEquals(1, told.size(), "one PUT /federation/parent to the child");
        JsonObject body = Json.createReader(new StringReader(told.get(0).body())).readObject();
        assertEquals(base(), body.getString("base", ""), "the body names the parent's base URL: " + body);
        assertTrue(told.get(0).headers().getOrDefault("Content-Type", "").startsWith("application/json"), told.get(0).headers().toString());
        assertEquals(JsonValue.TRUE, answer.json().get("parentNotified"), answer.body());
    }

    @Test
    @DisplayName("a child that cannot be told is registered all the same, with parentNotified false")
    @Verifies(id = "LX-FED-9", level = "MUST", of = "Federation")
    void aChildThatRefusesItsParentStaysRegistered() {
        StubNode child = stub().asChild(committee());
        child.on("PUT", "/federation/parent", c -> new StubNode.Reply(500, "text/plain", "no"));
        Response answer = register(child.base());
        assertEquals(201, answer.status(), answer.body());
        assertEquals(JsonValue.FALSE, answer.json().get("parentNotified"), answer.body());
        assertTrue(childBases().contains(child.base()));
    }

    @Test
    @DisplayName("registering a child twice, with or without a trailing /, is a 409 child-duplicate and stores nothing")
    @Verifies(id = "LX-FED-5", level = "MUST", of = "Federation")
    void aDuplicateIsAConflict() {
        ProbeNode probe = registered(probe(committee()));
        assertRefused(register(probe.base()), 409, "child-duplicate", "LX-FED-5");
        assertRefused(register(probe.base() + "/"), 409, "child-duplicate", "LX-FED-5");
        assertEquals(1, childBases().stream().filter(probe.base()::equals).count());
    }

    @Test
    @DisplayName("DELETE /federation/children?base= answers 204 and the child is no longer listed; it can be registered again")
    @Verifies(id = "LX-FED-13", level = "MUST", of = "Federation")
    void aChildIsRemoved() {
        ProbeNode probe = registered(probe(committee()));
        Response removed = unregister(probe.base());
        assertEquals(204, removed.status(), removed.body());
        assertFalse(childBases().contains(probe.base()), "the removed child is still listed");
        assertEquals(404, unregister(probe.base()).status(), "a base that is not a registered child is answered 404 (7.3)");
        registered(probe);
        assertTrue(childBases().contains(probe.base()));
    }
}
