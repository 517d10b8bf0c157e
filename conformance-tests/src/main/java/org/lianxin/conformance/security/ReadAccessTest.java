package org.lianxin.conformance.security;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** 8.6: reads in two disjoint subtrees. A caller reads its own; the other's answers exactly as if it had never been created. */
class ReadAccessTest {

    private static String since;
    private static Subtrees trees;

    @BeforeAll
    static void subtrees() {
        since = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
        trees = Subtrees.make();
    }

    @Test
    @DisplayName("an administrator reads the organizations, members, children and subtree of its subtree")
    @Verifies(id = "LX-SEC-17", level = "MUST", of = "Security")
    void readsItsOwnSubtree() {
        Subtrees.Side a = trees.a();
        for (String url : List.of(a.committee(), a.branch(), a.member(), a.committee() + "/children", a.committee() + "/subtree")) {
            Response read = Records.get(url, a.token());
            assertEquals(200, read.status(), () -> url + " lies in the caller's subtree, yet answers " + read.status() + ": " + read.body());
        }
        assertTrue(Records.get(a.committee() + "/children", a.token()).body().contains(a.branch()), "the children list the branch");
        assertTrue(Records.get(a.member(), Kit.current().tokens().admin()).status() == 200, "the administrator of the organization above reads it too");
    }

    @Test
    @DisplayName("the records, children and subtree of another subtree, live or deleted, answer as IRIs never created")
    @Verifies(id = "LX-SEC-18", level = "MUST", of = "Security")
    void anotherSubtreeIsHidden() {
        String token = trees.a().token();
        Subtrees.Side b = trees.b();
        String org = Records.never("organizations");
        String member = Records.never("members");
        hidden(b.committee(), org, token);
        hidden(b.branch(), org, token);
        hidden(b.member(), member, token);
        hidden(b.deletedMember(), member, token);
        hidden(b.deletedBranch(), org, token);
        hidden(b.committee() + "/children", org + "/children", token);
        hidden(b.committee() + "/subtree", org + "/subtree", token);
        hidden(b.deletedBranch() + "/children", org + "/children", token);
    }

    @Test
    @DisplayName("a DELETE of a record of another subtree answers as for an IRI never created, and deletes nothing")
    @Verifies(id = "LX-SEC-18", level = "MUST", of = "Security")
    void anotherSubtreeCannotBeDeleted() {
        String token = trees.a().token();
        Subtrees.Side b = trees.b();
        for (String[] pair : List.of(new String[] {b.member(), Records.never("members")}, new String[] {b.branch(), Records.never("organizations")},
                new String[] {b.deletedMember(), Records.never("members")})) {
            Problems.assertHidden(Records.delete(pair[0], token), pair[0], Records.delete(pair[1], token), pair[1], "DELETE");
        }
        assertEquals(200, Http.get(b.member(), "Accept", Records.JSON_LD).status(), "the member of the other subtree is still there");
        assertEquals(200, Http.get(b.branch(), "Accept", Records.JSON_LD).status(), "the branch of the other subtree is still there");
    }

    @Test
    @DisplayName("the pages of the lists hold only what the caller may read, tombstones included")
    @Verifies(id = "LX-SEC-19", level = "MUST", of = "Security")
    void listsHoldOnlyReadableRecords() {
        Subtrees.Side a = trees.a();
        Subtrees.Side b = trees.b();
        Set<String> organizationsOfA = Set.of(a.committee(), a.branch(), a.deletedBranch());
        Set<String> membersOfA = Set.of(a.member(), a.deletedMember());
        List<String> organizations = Records.ids(Records.items(Current.base() + "/organizations?limit=100", a.token()));
        assertTrue(organizationsOfA.containsAll(organizations), "organizations outside the caller's subtree are listed: " + organizations);
        assertTrue(organizations.containsAll(List.of(a.committee(), a.branch())), "the caller's organizations are listed: " + organizations);
        List<String> members = Records.ids(Records.items(Current.base() + "/members?limit=100", a.token()));
        assertEquals(List.of(a.member()), members, "the member list of the caller's subtree");
        List<String> changed = Records.ids(Records.items(Current.base() + "/members?limit=100&modifiedSince=" + Current.enc(since), a.token()));
        assertTrue(membersOfA.containsAll(changed), "members or tombstones outside the caller's subtree are listed: " + changed);
        assertFalse(changed.contains(b.deletedMember()) || changed.contains(b.member()), changed.toString());
        List<String> own = Records.ids(Records.items(Current.base() + "/members?limit=100", Kit.current().tokens().member(a.member())));
        assertEquals(List.of(a.member()), own, "a member lists only their own record");
    }

    @Test
    @DisplayName("the ancestors of an organization answer for the callers that may read it, and 404 otherwise")
    @Verifies(id = "LX-SEC-27", level = "MUST", of = "Security")
    void ancestors() {
        Subtrees.Side a = trees.a();
        Response own = Records.getJson(a.branch() + "/ancestors", a.token());
        assertEquals(200, own.status(), own.body());
        assertTrue(own.json().getJsonArray("ancestors").stream().anyMatch(o -> a.committee().equals(o.asJsonObject().getString("id", ""))),
                "the branch's ancestors begin with its committee: " + own.body());
        String never = Records.never("organizations");
        String b = trees.b().branch();
        Problems.assertHidden(Records.getJson(b + "/ancestors", a.token()), b, Records.getJson(never + "/ancestors", a.token()), never,
                "ancestors of another subtree's branch");
        Response member = Records.getJson(a.branch() + "/ancestors", Kit.current().tokens().member(a.member()));
        assertEquals(404, member.status(), "a member may not read their branch's record, so not its ancestors: " + member.body());
    }

    private static void hidden(String url, String neverUrl, String token) {
        Problems.assertHidden(Records.get(url, token), url, Records.get(neverUrl, token), neverUrl, "GET");
    }
}
