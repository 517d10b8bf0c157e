package org.lianxin.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** The records of organizations, audit entries and the federation state, read from the spec's JSON. */
class RecordsTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void organizationKeepsUnknownKeysAndDraftsAreReusable() {
        Organization o = Organization.of(json("""
                {"@context": "https://w3id.org/lianxin/context.jsonld", "id": "http://n/organizations/a",
                 "type": ["Organization", "PartyOrganization"], "name": "中共青山县委员会", "orgType": "CountyCommittee",
                 "foundingDate": "1949-06-01", "created": "2025-01-06T09:00:00+08:00", "newKey": 7}"""));
        assertEquals(Optional.of(LocalDate.of(1949, 6, 1)), o.foundingDate());
        assertEquals(List.of("Organization", "PartyOrganization"), o.types());
        assertTrue(o.other().containsKey("newKey"));
        assertFalse(o.other().containsKey("name"));
        assertTrue(o.subOrganizationOf().isEmpty());

        Organization.Draft draft = Organization.draft("支部", "Branch", "http://n/organizations/a").address("路1号");
        JsonObject post = draft.json(null);
        JsonObject put = draft.json("http://n/organizations/b");
        assertFalse(post.containsKey("id"));
        assertEquals("http://n/organizations/b", put.getString("id"));
        assertEquals("路1号", put.getString("address"));
        assertEquals(post.getString("name"), draft.json(null).getString("name"), "a draft sent twice is the same");
    }

    @Test
    void auditEntryAndFederationState() {
        AuditEntry e = AuditEntry.of(json("""
                {"id": "17", "at": "2026-03-01T08:00:00Z", "actor": "alice", "roles": ["organization-admin"], "action": "read-full",
                 "record": "http://n/members/m", "organizations": ["http://n/organizations/a"], "purpose": "核查", "outcome": 200, "x": 1}"""));
        assertEquals("read-full", e.action());
        assertEquals(200, e.outcome());
        assertEquals(Optional.of("核查"), e.purpose());
        assertTrue(e.actingFor().isEmpty());
        assertTrue(e.other().containsKey("x"));

        FederationState s = FederationState.of(json("""
                {"node": "http://n", "parent": null, "children": [{"base": "http://c", "roots": ["http://c/organizations/r"],
                 "registered": "2026-03-01T08:00:00Z", "status": "suspended", "reason": "HTTP 500"}]}"""));
        assertTrue(s.parent().isEmpty());
        assertFalse(s.child("http://c").orElseThrow().active());
        assertEquals(Optional.of("HTTP 500"), s.children().get(0).reason());
        assertEquals("http://p", FederationState.of(json("""
                {"node": "http://n", "parent": {"base": "http://p", "since": "2026-01-01T00:00:00Z"}, "children": []}""")).parent().orElseThrow().base());
    }

    @Test
    void aMembersPostsAreTypedFromTheSpecsOwnExample() throws Exception {
        JsonObject json;
        try (var reader = Json.createReader(java.nio.file.Files.newBufferedReader(
                java.nio.file.Path.of("..", "spec", "examples", "members", "full-member-with-posts.jsonld")))) {
            json = reader.readObject();
        }
        Member member = Member.of(json);
        List<Membership> posts = member.memberships();
        assertEquals(3, posts.size(), posts.toString());
        Membership committee = posts.stream().filter(p -> p.post().equals("CommitteeMember") && p.endDate().isPresent()).findFirst().orElseThrow();
        assertEquals(Optional.of(LocalDate.of(2015, 1, 10)), committee.startDate());
        assertEquals(Optional.of(LocalDate.of(2019, 12, 31)), committee.endDate());
        assertFalse(committee.heldOn(LocalDate.of(2026, 1, 1)));
        Membership secretary = posts.stream().filter(p -> p.post().equals("Secretary")).findFirst().orElseThrow();
        assertTrue(secretary.heldOn(LocalDate.of(2026, 1, 1)), "held since 2020, no end");
    }
}
