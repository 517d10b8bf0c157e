package org.lianxin.conformance.security;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.probes.ProbeNode;

/** 8.7: the caller's token travels to a child unchanged, only to a child it is for; a child's refusal is reported, and opens no circuit. */
class RelayTest {

    private final Registrations registrations = new Registrations();
    private String committee;
    private String member;
    private ProbeNode probe;

    @BeforeEach
    void child() {
        committee = Kit.current().sandbox().newOrganization("中继县委", "CountyCommittee");
        member = Kit.current().sandbox().newMember(Kit.current().sandbox().newOrganization("中继党支部", "Branch", committee));
        probe = registrations.child(committee);
    }

    @AfterEach
    void cleanUp() {
        registrations.close();
    }

    private String query(String path, boolean partial) {
        return Current.base() + path + "?organization=" + Current.enc(committee) + "&scope=subtree&partial=" + partial
                + (path.startsWith("/search") ? "&stage=FullMember&limit=100" : "&groupBy=stage");
    }

    @Test
    @DisplayName("a child is sent the caller's Authorization header unchanged")
    @Verifies(id = "LX-SEC-28", level = "MUST", of = "Security")
    void theTokenIsRelayedUnchanged() {
        String token = Registrations.adminFor(committee, probe.base());
        for (String path : List.of("/statistics/members", "/search/members")) {
            Response answer = Records.getJson(query(path, false), token);
            assertEquals(200, answer.status(), answer.body());
            List<ProbeNode.Request> asked = probe.requests(path);
            assertEquals(1, asked.size(), "the child was asked once: " + asked);
            assertEquals(Records.bearer(token), asked.get(0).header("Authorization"), path + ": the Authorization header the child received");
        }
    }

    @Test
    @DisplayName("a child whose base URL is not in the token's aud is sent nothing, and reported failed, not authorized")
    @Verifies(id = "LX-SEC-29", level = "MUST NOT", of = "Security")
    @Verifies(id = "LX-SEC-30", level = "MUST", of = "Security")
    void aChildOutsideTheAudienceIsNotAsked() {
        String token = Registrations.adminFor(committee);
        for (String path : List.of("/statistics/members", "/search/members")) {
            Response answer = Records.getJson(query(path, true), token);
            assertEquals(200, answer.status(), answer.body());
            assertNotAuthorized(answer.json(), path);
        }
        assertTrue(probe.requests().stream().noneMatch(r -> Records.bearer(token).equals(r.header("Authorization"))),
                "the token reached the probe, whose base URL is not in its aud");
        assertEquals(List.of(), probe.requests("/statistics/members"), "the probe was asked");
        assertEquals(List.of(), probe.requests("/search/members"), "the probe was asked");
    }

    @Test
    @DisplayName("a child that refuses the caller is reported not authorized, and however often, its circuit stays closed")
    @Verifies(id = "LX-SEC-30", level = "MUST", of = "Security")
    @Verifies(id = "LX-SEC-31", level = "MUST NOT", of = "Security")
    void refusalsOpenNoCircuit() {
        String token = Registrations.adminFor(committee, probe.base());
        probe.mode(ProbeNode.Mode.REFUSE);
        for (int i = 1; i <= 5; i++) {
            Response answer = Records.getJson(query("/search/members", true), token);
            assertEquals(200, answer.status(), answer.body());
            assertNotAuthorized(answer.json(), "refusal " + i);
            assertEquals(i, probe.requests("/search/members").size(), "refusal " + i + ": the child is asked every time, no circuit opened");
        }
        probe.mode(ProbeNode.Mode.NORMAL);
        Response answer = Records.getJson(query("/search/members", false), token);
        assertEquals(200, answer.status(), "after 5 refusals the child answers again: " + answer.body());
        assertEquals("answered", Registrations.status(answer.json(), probe.base()).orElseThrow().getString("status"), answer.body());
    }

    @Test
    @DisplayName("a federated search carries no national ID, telephone, address or birth date, neither the node's nor a child's")
    @Verifies(id = "LX-SEC-37", level = "MUST NOT", of = "Security")
    void nothingSensitiveTravels() {
        String token = Registrations.adminFor(committee, probe.base());
        probe.mode(ProbeNode.Mode.SECRETS);
        JsonObject full = Records.get(member, token, "Lianxin-Purpose", "conformance").expect(200).json();
        Response answer = Records.getJson(query("/search/members", true), token);
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains(member), "the search finds the node's own member: " + answer.body());
        assertEquals(1, probe.requests("/search/members").size(), "the child was asked, and answered with its members' secrets");
        for (String secret : List.of(ProbeNode.SECRET_NATIONAL_ID, ProbeNode.SECRET_TELEPHONE, ProbeNode.SECRET_ADDRESS,
                ProbeNode.SECRET_BIRTH_DATE, full.getString("nationalId"), full.getString("nationalId").substring(0, 6) + "********",
                full.getString("telephone"), full.getString("address"), full.getString("birthDate"), "\"nationalId\"", "\"telephone\"",
                "\"address\"", "\"birthDate\"")) {
            assertFalse(answer.body().contains(secret), "the federated answer holds " + secret + ": " + answer.body());
        }
    }

    @Test
    @DisplayName("the ancestors of the superior of a child's registered root answer to a caller of the child, who may not read it")
    @Verifies(id = "LX-SEC-27", level = "MUST", of = "Security")
    void ancestorsForAChildsRoot() {
        String token = Registrations.adminFor(probe.root(), probe.base());
        Response ancestors = Records.getJson(committee + "/ancestors", token);
        assertEquals(200, ancestors.status(), "the committee is the superior of the child's root: " + ancestors.body());
        assertEquals(committee, ancestors.json().getJsonObject("organization").getString("id", ""), ancestors.body());
        assertEquals(404, Records.get(committee, token).status(), "the committee itself is not readable by the child's caller");
        String other = Kit.current().sandbox().newOrganization("无关县委", "CountyCommittee");
        String never = Records.never("organizations");
        Problems.assertHidden(Records.getJson(other + "/ancestors", token), other, Records.getJson(never + "/ancestors", token), never,
                "the ancestors of an organization that is neither readable nor above a child's root");
    }

    private void assertNotAuthorized(JsonObject answer, String what) {
        JsonObject entry = Registrations.status(answer, probe.base())
                .orElseThrow(() -> new AssertionError(what + ": the completeness report does not list the child " + probe.base() + ": " + answer));
        assertEquals("failed", entry.getString("status", ""), what + ": " + entry);
        assertEquals("not authorized", entry.getString("reason", ""), what + ": " + entry);
    }
}
