package org.lianxin.conformance.security;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.probes.ProbeNode;

/** 8.6: registering children and being told of a parent are for node operators, and only towards nodes in their token's aud. */
class FederationAdminTest {

    private final Registrations registrations = new Registrations();
    private String committee;

    @BeforeEach
    void committee() {
        committee = Kit.current().sandbox().newOrganization("探针上级县委", "CountyCommittee");
    }

    @AfterEach
    void cleanUp() {
        registrations.close();
    }

    @Test
    @DisplayName("registering or removing a child, or setting a parent, without the role node-operator is 403, and nothing is asked")
    @Verifies(id = "LX-SEC-24", level = "MUST", of = "Security")
    void registrationNeedsNodeOperator() {
        ProbeNode probe = registrations.probe(committee);
        for (String token : List.of(Registrations.adminFor(committee, probe.base()), Kit.current().tokens().member(Records.never("members")))) {
            Problems.assertProblem(Registrations.register(probe.base(), token), 403);
            Problems.assertProblem(put(probe.base(), token), 403);
        }
        assertEquals(List.of(), probe.requests(), "the node sent requests to the probe for callers it refuses");
        assertFalse(Registrations.children().contains(probe.base()), "the probe was registered");
        assertNotEquals(Optional.of(probe.base()), Registrations.parent(), "the node took the probe as its parent");
        ProbeNode child = registrations.child(committee);
        Problems.assertProblem(Records.delete(Current.base() + "/federation/children?base=" + Current.enc(child.base()),
                Registrations.adminFor(committee, child.base())), 403);
        assertTrue(Registrations.children().contains(child.base()), "the child was removed by a caller without node-operator");
    }

    @Test
    @DisplayName("clearing the parent without the role node-operator is 403")
    @Verifies(id = "LX-SEC-24", level = "MUST", of = "Security")
    void clearingTheParentNeedsNodeOperator() {
        Optional<String> parent = Registrations.parent();
        Assumptions.assumeTrue(parent.isEmpty(), "the node has a parent; the kit does not risk it with a DELETE that a faulty node would obey");
        Problems.assertProblem(Records.delete(Current.base() + "/federation/parent", Registrations.adminFor(committee)), 403);
    }

    @Test
    @DisplayName("a node operator whose token is not for the other node may not register it or take it as parent: 403, nothing asked")
    @Verifies(id = "LX-SEC-25", level = "MUST", of = "Security")
    void theOtherNodeMustBeInTheAudience() {
        ProbeNode probe = registrations.probe(committee);
        String operator = Registrations.operator();
        Problems.assertProblem(Registrations.register(probe.base(), operator), 403);
        Problems.assertProblem(put(probe.base(), operator), 403);
        assertEquals(List.of(), probe.requests(), "the node sent requests to a node its caller's token is not for");
        assertFalse(Registrations.children().contains(probe.base()), "the probe was registered");
        assertNotEquals(Optional.of(probe.base()), Registrations.parent(), "the node took the probe as its parent");
    }

    private static org.lianxin.conformance.Response put(String parent, String token) {
        return org.lianxin.conformance.Http.put(Current.base() + "/federation/parent", "application/json", "{\"base\": \"" + parent + "\"}",
                "Authorization", Records.bearer(token));
    }
}
