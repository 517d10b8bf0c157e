package org.lianxin.conformance.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.UncheckedIOException;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;
import org.lianxin.conformance.probes.ProbeNode;

/** 7.3: the checks a registration must pass, each sent with one fault; nothing refused is stored. */
class RegistrationChecksTest extends FederationSupport {

    /** An organization on a node that is no part of the test. */
    private static final String ELSEWHERE = "http://localhost:9/nodes/x/organizations/elsewhere";

    @Test
    @DisplayName("a body without a base that Table 7.5 allows is a 400, to POST /federation/children and to PUT /federation/parent")
    @Verifies(id = "LX-FED-2", level = "MUST", of = "Federation")
    void aBadBodyIsABadRequest() {
        JsonObject before = state();
        for (String body : List.of("{\"base\": \"not a url\"}", "{\"base\": \"ftp://localhost/nodes/x\"}", "{\"base\": \"/nodes/x\"}",
                "{\"base\": \"http://localhost:9/nodes/x?a=b\"}", "{\"base\": \"http://localhost:9/nodes/x#f\"}", "{\"base\": 42}",
                "{}", "[]", "not json")) {
            Response child = Http.post(base() + "/federation/children", "application/json", body, "Authorization", bearer(operator()));
            assertEquals(400, child.status(), () -> "POST /federation/children " + body + " → " + child.body());
            Response parent = Http.put(base() + "/federation/parent", "application/json", body, "Authorization", bearer(operator()));
            assertEquals(400, parent.status(), () -> "PUT /federation/parent " + body + " → " + parent.body());
        }
        assertEquals(before.get("children"), state().get("children"));
        assertEquals(before.get("parent"), state().get("parent"));
    }

    @Test
    @DisplayName("a documentation address (192.0.2.1), outside any allowlist, is refused with 422 host-not-allowed, as child or as parent")
    @Verifies(id = "LX-FED-3", level = "MUST", of = "Federation")
    void aHostOutsideTheAllowlistIsRefused() {
        // 192.0.2.1 (RFC 5737, TEST-NET-1) is for documentation: no operator allows it.
        assertRefused(register("http://192.0.2.1:9/nodes/x"), 422, "host-not-allowed", "LX-FED-3");
        assertRefused(putParent("http://192.0.2.1:9/nodes/x"), 422, "host-not-allowed", "LX-FED-3");
        assertFalse(childBases().contains("http://192.0.2.1:9/nodes/x"));
    }

    @Test
    @DisplayName("a probe on 127.0.0.2, outside the allowlist, is refused with 422 host-not-allowed, as child or as parent, and hears nothing")
    @Verifies(id = "LX-FED-3", level = "MUST", of = "Federation")
    void aProbeOutsideTheAllowlistHearsNothing() {
        Assumptions.assumeTrue(probeHost().equals("localhost") || probeHost().startsWith("127."),
                "the probe on 127.0.0.2 is on the node's host only when the kit runs there");
        // 127.0.0.2 is the node's host too, but not an address operators list (7.13): a probe there hears whether it is called.
        JsonObject before = state();
        String committee = committee();
        ProbeNode outside;
        try {
            outside = new ProbeNode(committee, "127.0.0.2", "127.0.0.2", port());
        } catch (UncheckedIOException e) {
            Assumptions.abort("the kit's host has no address 127.0.0.2 to listen on: " + e.getMessage());
            return;
        }
        track(outside, outside.base());
        assertRefused(register(outside.base()), 422, "host-not-allowed", "LX-FED-3");
        assertRefused(putParent(outside.base()), 422, "host-not-allowed", "LX-FED-3");
        assertEquals(List.of(), outside.requests(), "the node sent requests to a host outside its allowlist");
        assertEquals(before.get("parent"), state().get("parent"));
        assertFalse(childBases().contains(outside.base()));
    }

    @Test
    @DisplayName("a child whose description redirects is refused with 422 child-unreachable, and the redirect is not followed")
    @Verifies(id = "LX-FED-4", level = "MUST NOT", of = "Federation")
    @Verifies(id = "LX-FED-7", level = "MUST", of = "Federation")
    void aRedirectIsNotFollowed() {
        ProbeNode probe = probe(committee()).mode(ProbeNode.Mode.REDIRECT);
        assertRefused(register(probe.base()), 422, "child-unreachable", "LX-FED-7");
        assertEquals(1, probe.requests("/.well-known/lianxin").size(), probe.requests().toString());
        assertEquals(List.of(), probe.requests("/moved/.well-known/lianxin"), "the node followed the redirect");
        assertFalse(childBases().contains(probe.base()));
    }

    @Test
    @DisplayName("a dead URL, a missing description, a failing one and a description of another node are refused with 422 child-unreachable")
    @Verifies(id = "LX-FED-7", level = "MUST", of = "Federation")
    void anUnreachableChildIsRefused() {
        String committee = committee();
        ProbeNode dead = probe(committee);
        dead.close();
        assertRefused(register(dead.base()), 422, "child-unreachable", "LX-FED-7");

        StubNode empty = stub(); // 404 everywhere
        assertRefused(register(empty.base()), 422, "child-unreachable", "LX-FED-7");

        StubNode failing = stub().asChild(committee);
        failing.on("GET", "/.well-known/lianxin", c -> new StubNode.Reply(500, "text/plain", "down"));
        assertRefused(register(failing.base()), 422, "child-unreachable", "LX-FED-7");

        StubNode impostor = stub().asChild(committee);
        impostor.on("GET", "/.well-known/lianxin", c -> StubNode.Reply.jsonLd(anotherNodesDescription(impostor)));
        assertRefused(register(impostor.base()), 422, "child-unreachable", "LX-FED-7");

        List<String> children = childBases();
        for (String refused : List.of(dead.base(), empty.base(), failing.base(), impostor.base())) {
            assertFalse(children.contains(refused), refused + " was stored: " + children);
        }
    }

    /** The impostor's description, with the id of another node. */
    private static JsonObject anotherNodesDescription(StubNode impostor) {
        JsonObject own = impostor.description(List.of(impostor.organization("root")));
        return jakarta.json.Json.createObjectBuilder(own).add("id", "http://localhost:9/nodes/x").build();
    }

    @Test
    @DisplayName("a child whose root hangs under an organization of another node, a missing or a deleted one, is refused with 422 claims-outside")
    @Verifies(id = "LX-FED-8", level = "MUST", of = "Federation")
    void aRootNotUnderALiveOrganizationIsRefused() {
        ProbeNode underAnotherNode = probe(ELSEWHERE);
        assertRefused(register(underAnotherNode.base()), 422, "claims-outside", "LX-FED-8");

        ProbeNode underNothing = probe(base() + "/organizations/" + Sandbox.uniqueId("missing"));
        assertRefused(register(underNothing.base()), 422, "claims-outside", "LX-FED-8");

        String deleted = committee();
        assertEquals(204, Http.delete(deleted).status(), "the kit could not delete its own organization " + deleted);
        ProbeNode underDeleted = probe(deleted);
        assertRefused(register(underDeleted.base()), 422, "claims-outside", "LX-FED-8");

        List<String> children = childBases();
        for (ProbeNode refused : List.of(underAnotherNode, underNothing, underDeleted)) {
            assertFalse(children.contains(refused.base()), refused.base() + " was stored: " + children);
        }
    }

    @Test
    @DisplayName("a child that claims an organization outside {childBase}/organizations/, or one that does not answer, is refused with 422 claims-outside")
    @Verifies(id = "LX-FED-8", level = "MUST", of = "Federation")
    void aClaimOutsideTheChildIsRefused() {
        String committee = committee();
        StubNode foreign = stub().asChild(committee);
        foreign.on("GET", "/.well-known/lianxin", c -> StubNode.Reply.jsonLd(foreign.description(List.of(committee))));
        assertRefused(register(foreign.base()), 422, "claims-outside", "LX-FED-8");

        StubNode missing = stub().asChild(committee);
        missing.on("GET", "/.well-known/lianxin", c -> StubNode.Reply.jsonLd(missing.description(List.of(missing.organization("gone")))));
        assertRefused(register(missing.base()), 422, "claims-outside", "LX-FED-8");

        List<String> children = childBases();
        assertFalse(children.contains(foreign.base()) || children.contains(missing.base()), children.toString());
    }

    @Test
    @DisplayName("the node cannot register itself as its child: 422 federation-cycle")
    @Verifies(id = "LX-FED-6", level = "MUST", of = "Federation")
    void theNodeItselfIsACycle() {
        assertRefused(register(base()), 422, "federation-cycle", "LX-FED-6");
        assertRefused(register(base() + "/"), 422, "federation-cycle", "LX-FED-6");
        assertFalse(childBases().contains(base()), "the node registered itself");
    }
}
