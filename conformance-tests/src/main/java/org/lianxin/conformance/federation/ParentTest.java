package org.lianxin.conformance.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.probes.ProbeNode;

/**
 * 7.3: the node's parent. A probe plays the parent, as an operator would set it; the kit does this
 * only on a node without a parent, and removes it afterwards, so that it never cuts a real node
 * off from its federation.
 */
class ParentTest extends FederationSupport {

    @Test
    @DisplayName("a parent that does not list the node among its children, or cannot say, is refused with 422 parent-not-confirmed")
    @Verifies(id = "LX-FED-12", level = "MUST", of = "Federation")
    void anUnconfirmedParentIsRefused() {
        JsonObject before = state();
        ProbeNode stranger = probe(committee());
        assertRefused(putParent(stranger.base()), 422, "parent-not-confirmed", "LX-FED-12");
        ProbeNode ofOthers = probe(committee()).federation(null, "http://localhost:9/nodes/x");
        assertRefused(putParent(ofOthers.base()), 422, "parent-not-confirmed", "LX-FED-12");
        StubNode failing = stub();
        failing.on("GET", "/federation", c -> new StubNode.Reply(500, "text/plain", "down"));
        assertRefused(putParent(failing.base()), 422, "parent-not-confirmed", "LX-FED-12");
        assertEquals(before.get("parent"), state().get("parent"), "the parent changed");
    }

    @Test
    @DisplayName("a parent that lists the node is taken (200), shown in the state and the description; it and its parent cannot become children (federation-cycle)")
    @Verifies(id = "LX-FED-11", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-6", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-1", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-16", level = "MUST", of = "Federation")
    void aConfirmedParentIsTakenAndAncestorsAreNoChildren() {
        Assumptions.assumeTrue(state().isNull("parent"), "the node has a parent: the kit does not replace it");
        String committee = committee();
        ProbeNode grandparent = probe(committee);
        ProbeNode parent = probe(committee).federation(grandparent.base(), base());
        grandparent.federation(null, parent.base());
        try {
            Response accepted = putParent(parent.base());
            assertEquals(200, accepted.status(), accepted.body());
            JsonObject state = state();
            assertEquals(parent.base(), state.getJsonObject("parent").getString("base", ""), state.toString());
            OffsetDateTime.parse(state.getJsonObject("parent").getString("since"));
            JsonObject description = Http.get(base() + "/.well-known/lianxin", "Accept", "application/ld+json").expect(200).json();
            assertEquals(parent.base(), description.getString("parentNode", ""), description.toString());

            assertRefused(register(parent.base()), 422, "federation-cycle", "LX-FED-6");
            assertRefused(register(grandparent.base()), 422, "federation-cycle", "LX-FED-6");
            List<String> children = childBases();
            assertFalse(children.contains(parent.base()) || children.contains(grandparent.base()), children.toString());
        } finally {
            parent.federation(grandparent.base()); // the parent lets the node go
            Http.delete(base() + "/federation/parent", "Authorization", bearer(operator()));
        }
        assertEquals(true, state().isNull("parent"), "DELETE /federation/parent makes the node forget its parent (7.3)");
        JsonObject description = Http.get(base() + "/.well-known/lianxin", "Accept", "application/ld+json").expect(200).json();
        assertFalse(description.containsKey("parentNode"), "no parentNode without a parent: " + description);
    }
}
