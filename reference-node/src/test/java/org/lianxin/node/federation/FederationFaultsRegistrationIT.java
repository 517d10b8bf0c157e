package org.lianxin.node.federation;

import org.lianxin.conformance.probes.ProbeNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;

/**
 * Registrations the parent ({@code fed-faults}) refuses: a child that redirects, a child whose
 * organizations do not hang under the parent's, a host outside the allowlist (never contacted),
 * the same child twice, the node itself, and an ancestor (a cycle). Nothing refused is stored.
 */
class FederationFaultsRegistrationIT extends FederationFaultsSupport {

    @Test
    @DisplayName("LX-FED-4 LX-FED-7 a child whose description redirects is refused (422 child-unreachable); the redirect is not followed")
    void aRedirectingChildIsRefused() {
        Tree tree = tree();
        ProbeNode probe = probe(tree.province()).mode(ProbeNode.Mode.REDIRECT);

        assertRefused(register(probe.base()), 422, "child-unreachable", "LX-FED-7");
        assertEquals(1, probe.requests("/.well-known/lianxin").size());
        assertEquals(List.of(), probe.requests("/moved/.well-known/lianxin"), "the redirect was followed");
        assertFalse(childBases().contains(probe.base()));
    }

    @Test
    @DisplayName("LX-FED-7 a dead URL is refused (422 child-unreachable)")
    void aDeadUrlIsRefused() {
        ProbeNode probe = probe(tree().province());
        probe.close();
        assertRefused(register(probe.base()), 422, "child-unreachable", "LX-FED-7");
        assertFalse(childBases().contains(probe.base()));
    }

    @Test
    @DisplayName("LX-FED-8 a child whose root hangs under an organization of another node, or a missing one, is refused (422 claims-outside)")
    void aChildClaimingOutsideIsRefused() {
        String elsewhere = Trees.organization(Fixtures.uniqueId("province"), "别处省委", "ProvincialCommittee", null);
        ProbeNode underAnotherNode = probe(elsewhere);
        assertRefused(register(underAnotherNode.base()), 422, "claims-outside", "LX-FED-8");

        ProbeNode underNothing = probe(parent() + "/organizations/" + Fixtures.uniqueId("missing"));
        assertRefused(register(underNothing.base()), 422, "claims-outside", "LX-FED-8");

        List<String> children = childBases();
        assertFalse(children.contains(underAnotherNode.base()) || children.contains(underNothing.base()), children.toString());
    }

    @Test
    @DisplayName("LX-FED-3 a host outside the allowlist is refused (422 host-not-allowed), as child or as parent, without any request to it")
    void aHostOutsideTheAllowlistIsNeverContacted() {
        long started = System.nanoTime();
        HttpResponse<String> unroutable = register("http://192.0.2.1:9/nodes/x");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertRefused(unroutable, 422, "host-not-allowed", "LX-FED-3");
        assertTrue(elapsedMs < 900, "took " + elapsedMs + " ms: less than the 1 s connect timeout, so no connection was tried");

        // 127.0.0.2 is this machine too, but not in the allowlist (localhost, 127.0.0.1): the probe hears nothing.
        ProbeNode probe = track(new ProbeNode(tree().province(), "127.0.0.2", "127.0.0.2").federation(null, parent()));
        assertRefused(register(probe.base()), 422, "host-not-allowed", "LX-FED-3");
        HttpResponse<String> asParent = caller().put(parent() + "/federation/parent", "application/json",
                "{\"base\": \"" + probe.base() + "\"}");
        assertRefused(asParent, 422, "host-not-allowed", "LX-FED-3");
        assertEquals(List.of(), probe.requests());
        assertTrue(NodeClient.json(caller().get(parent() + "/federation", "application/json")).isNull("parent"));
    }

    @Test
    @DisplayName("LX-FED-2 a missing base, bad JSON or a base that is not an absolute http(s) URL is a 400")
    void aBadBaseIsABadRequest() {
        for (String body : List.of("{\"base\": \"not a url\"}", "{\"base\": \"ftp://localhost/nodes/x\"}", "{}", "not json")) {
            HttpResponse<String> response = caller().post(parent() + "/federation/children", "application/json", body);
            assertEquals(400, response.statusCode(), body + " → " + response.body());
            HttpResponse<String> asParent = caller().put(parent() + "/federation/parent", "application/json", body);
            assertEquals(400, asParent.statusCode(), "PUT parent " + body + " → " + asParent.body());
        }
    }

    @Test
    @DisplayName("LX-FED-5 LX-FED-9 LX-FED-13 registering the same child twice is a 409 child-duplicate; once removed it can be registered again")
    void aDuplicateIsAConflict() {
        ProbeNode probe = registered(probe(tree().province()));
        assertRefused(register(probe.base()), 409, "child-duplicate", "LX-FED-5");
        assertRefused(register(probe.base() + "/"), 409, "child-duplicate", "LX-FED-5");
        assertEquals(1, childBases().stream().filter(probe.base()::equals).count());

        HttpResponse<String> removed = caller().delete(parent() + "/federation/children?base=" + encode(probe.base()));
        assertEquals(204, removed.statusCode(), removed.body());
        assertFalse(childBases().contains(probe.base()));
        registered(probe);
        assertTrue(childBases().contains(probe.base()));
    }

    @Test
    @DisplayName("LX-FED-6 a node cannot register itself as its child (422 federation-cycle)")
    void theNodeItselfIsACycle() {
        assertRefused(register(parent()), 422, "federation-cycle", "LX-FED-6");
        assertFalse(childBases().contains(parent()));
    }

    @Test
    @DisplayName("LX-FED-1 LX-FED-6 LX-FED-11 a node's parent and that parent's parent cannot become its children (422 federation-cycle)")
    void anAncestorIsACycle() {
        Tree tree = tree();
        ProbeNode grandparent = probe(tree.province());
        ProbeNode parentProbe = probe(tree.province()).federation(grandparent.base(), parent());
        grandparent.federation(null, parentProbe.base());
        try {
            HttpResponse<String> accepted = caller().put(parent() + "/federation/parent", "application/json",
                    "{\"base\": \"" + parentProbe.base() + "\"}");
            assertEquals(200, accepted.statusCode(), accepted.body());
            JsonObject state = NodeClient.json(caller().get(parent() + "/federation", "application/json"));
            assertEquals(parentProbe.base(), state.getJsonObject("parent").getString("base"), state.toString());

            assertRefused(register(parentProbe.base()), 422, "federation-cycle", "LX-FED-6");
            assertRefused(register(grandparent.base()), 422, "federation-cycle", "LX-FED-6");
            assertEquals(List.of(), parentProbe.requests("/.well-known/lianxin"), "a cycle is refused before the handshake");
            List<String> children = childBases();
            assertFalse(children.contains(parentProbe.base()) || children.contains(grandparent.base()), children.toString());
        } finally {
            parentProbe.federation(grandparent.base()); // the parent lets the node go: it no longer lists it
            HttpResponse<String> cleared = caller().delete(parent() + "/federation/parent");
            assertEquals(204, cleared.statusCode(), cleared.body());
        }
        assertTrue(NodeClient.json(caller().get(parent() + "/federation", "application/json")).isNull("parent"));
    }

    @Test
    @DisplayName("LX-FED-12 a parent that does not list the node as its child is not accepted (422 parent-not-confirmed)")
    void anUnconfirmedParentIsRefused() {
        ProbeNode stranger = probe(tree().province());
        HttpResponse<String> refused = caller().put(parent() + "/federation/parent", "application/json",
                "{\"base\": \"" + stranger.base() + "\"}");
        assertRefused(refused, 422, "parent-not-confirmed", "LX-FED-12");
        assertTrue(NodeClient.json(caller().get(parent() + "/federation", "application/json")).isNull("parent"));
    }

    @Test
    @DisplayName("unregistering a child that is not registered is a 404 (7.3)")
    void unregisteringAStrangerIsNotFound() {
        HttpResponse<String> gone = caller().delete(parent() + "/federation/children?base=" + encode("http://localhost:1/nodes/nobody"));
        assertEquals(404, gone.statusCode(), gone.body());
    }
}
