package org.lianxin.conformance.security;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;
import org.lianxin.conformance.probes.ProbeNode;

/**
 * 8.6, 8.7 with a probe parent (8.13, Across nodes): the kit tells the node that its probe is its
 * parent, creates a root under the probe's county committee, and checks who reaches it. The node's
 * parent is restored (none) after the class; a node that already has a parent is left alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParentAuthorizationTest {

    private static ParentProbe parent;
    private static boolean parentSet;
    private static String root;
    private static String branch;
    private static String member;
    private static String rootToken;

    @BeforeAll
    static void probeParent() {
        Assumptions.assumeTrue(Registrations.parent().isEmpty(), "the node has a parent of its own: the kit does not replace it with a probe");
        int port = Kit.current().config().probePort();
        parent = new ParentProbe(Current.base(), "127.0.0.1", Kit.current().config().probeHost(), port == 0 ? 0 : port + 10);
        Response set = Http.put(Current.base() + "/federation/parent", "application/json", "{\"base\": \"" + parent.base() + "\"}",
                "Authorization", Records.bearer(Registrations.operator(parent.base())));
        parentSet = set.status() == 200;
        Assumptions.assumeTrue(parentSet, "the node did not take the kit's probe as its parent (LX-FED-11): " + set.status() + " " + set.body());
        root = Current.base() + "/organizations/" + Sandbox.uniqueId("kit-root");
        rootToken = Registrations.adminFor(root, parent.base());
        Response created = Records.put(root, rootToken, Sandbox.withId(Sandbox.organizationBody("连心探针下级党委", "PrimaryCommittee",
                parent.organization("superior")), root));
        Assumptions.assumeTrue(created.status() == 201, "the node did not create a root under its parent's organization: " + created.body());
        branch = Current.base() + "/organizations/" + Sandbox.uniqueId("kit");
        Records.put(branch, rootToken, Sandbox.withId(Sandbox.organizationBody("连心探针支部", "Branch", root), branch)).expect(201);
        member = Records.post(Current.base() + "/members", rootToken, Records.JSON_LD, Kit.current().sandbox().memberBody("探亲", branch))
                .expect(201).header("Location").orElseThrow();
    }

    @AfterAll
    static void restore() {
        try {
            for (String record : new String[] {member, branch, root}) {
                if (record != null) {
                    Records.delete(record, rootToken);
                }
            }
        } finally {
            if (parentSet) {
                Response cleared = Records.delete(Current.base() + "/federation/parent", Registrations.operator(parent.base()));
                assertEquals(204, cleared.status(), "the kit could not clear the node's parent again: " + cleared.body());
            }
            if (parent != null) {
                parent.close();
            }
        }
    }

    private static String actingFor(String probeOrganization) {
        return Registrations.adminFor(parent.organization(probeOrganization), parent.base());
    }

    @Test
    @Order(1)
    @DisplayName("the node asks its parent what lies above its root under a query id of its own, with the caller's token")
    @Verifies(id = "LX-SEC-32", level = "MUST", of = "Security")
    @Verifies(id = "LX-SEC-28", level = "MUST", of = "Security")
    void theParentIsAskedUnderANewQueryId() {
        String token = actingFor("top");
        String queryId = Sandbox.uniqueId("kit-sec-32");
        int before = parent.ancestorRequests().size();
        Response answer = Records.getJson(Current.base() + "/statistics/members?groupBy=stage&organization=" + Current.enc(root), token,
                "Lianxin-Query-Id", queryId);
        assertEquals(200, answer.status(), "the root lies in the subtree of the parent's top organization (LX-SEC-23): " + answer.body());
        List<ProbeNode.Request> asked = parent.ancestorRequests().subList(before, parent.ancestorRequests().size());
        Assumptions.assumeFalse(asked.isEmpty(), "the node answered without asking its parent: it knew what lies above its root already");
        for (ProbeNode.Request request : asked) {
            assertNotNull(request.header("Lianxin-Query-Id"), "the request for ancestors has no Lianxin-Query-Id");
            assertNotEquals(queryId, request.header("Lianxin-Query-Id"), "the request for ancestors has the query id of the query it serves");
            assertEquals(Records.bearer(token), request.header("Authorization"), "the parent received the caller's Authorization header");
        }
    }

    @Test
    @Order(2)
    @DisplayName("a record lies in the subtree of the root's superior and of the ancestors the parent gives for it, and of no other")
    @Verifies(id = "LX-SEC-23", level = "MUST", of = "Security")
    void theParentsAncestorsReachTheRecords() {
        for (String above : List.of("superior", "middle", "top")) {
            String token = actingFor(above);
            for (String record : List.of(root, branch, member)) {
                Response read = Records.get(record, token);
                assertEquals(200, read.status(), () -> record + " lies below the parent's " + above + ", yet answers " + read.status());
            }
            List<String> listed = Records.ids(Records.items(Current.base() + "/organizations?limit=100", token));
            assertTrue(listed.containsAll(List.of(root, branch)), "the organizations listed for the parent's " + above + ": " + listed);
        }
        for (String beside : List.of("sideline", "below")) {
            String token = actingFor(beside);
            String never = Records.never("members");
            Problems.assertHidden(Records.get(member, token), member, Records.get(never, token), never, "a member read by the parent's " + beside);
            List<String> listed = Records.ids(Records.items(Current.base() + "/organizations?limit=100", token));
            assertFalse(listed.contains(root), "the root is listed for the parent's " + beside + ": " + listed);
        }
    }

    @Test
    @Order(3)
    @DisplayName("the parent is sent no token that is not for it")
    @Verifies(id = "LX-SEC-29", level = "MUST NOT", of = "Security")
    void noTokenForAnotherNode() {
        String token = Kit.current().tokens().actingFor(parent.organization("middle"), Records.ADMIN.toArray(String[]::new));
        Records.get(member, token);
        Records.getJson(Current.base() + "/statistics/members?organization=" + Current.enc(root), token);
        assertTrue(parent.requests().stream().noneMatch(r -> Records.bearer(token).equals(r.header("Authorization"))),
                "the parent received a token whose aud does not name it");
    }

    @Test
    @Order(4)
    @DisplayName("clearing the parent without the role node-operator is 403, and the parent stays")
    @Verifies(id = "LX-SEC-24", level = "MUST", of = "Security")
    void clearingTheParentNeedsNodeOperator() {
        Problems.assertProblem(Records.delete(Current.base() + "/federation/parent", actingFor("top")), 403);
        assertEquals(Optional.of(parent.base()), Registrations.parent(), "the node's parent");
    }
}
