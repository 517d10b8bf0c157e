package org.lianxin.conformance.security;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** 8.6, 8.8: statistics and searches, for secretaries and administrators over their subtree; nothing sensitive in their answers. */
class QueryAccessTest {

    private static Subtrees trees;

    @BeforeAll
    static void subtrees() {
        trees = Subtrees.make();
    }

    private static String statistics(String organization) {
        return Current.base() + "/statistics/members?groupBy=stage&organization=" + Current.enc(organization);
    }

    private static String search(String organization) {
        return Current.base() + "/search/members?stage=FullMember&limit=100&organization=" + Current.enc(organization);
    }

    @Test
    @DisplayName("statistics and search of another subtree answer 404, as for an organization the node does not hold")
    @Verifies(id = "LX-SEC-26", level = "MUST", of = "Security")
    void anotherSubtreeIsNotFound() {
        Subtrees.Side a = trees.a();
        assertEquals(200, Records.getJson(statistics(a.committee()), a.token()).status(), "the control: statistics of the caller's subtree");
        assertEquals(200, Records.getJson(search(a.committee()), a.token()).status(), "the control: search of the caller's subtree");
        String b = trees.b().committee();
        String never = Records.never("organizations");
        Problems.assertHidden(Records.getJson(statistics(b), a.token()), b, Records.getJson(statistics(never), a.token()), never,
                "statistics of another subtree");
        Problems.assertHidden(Records.getJson(search(b), a.token()), b, Records.getJson(search(never), a.token()), never,
                "search of another subtree");
    }

    @Test
    @DisplayName("statistics and search by a caller with neither secretary nor organization-admin answer 404")
    @Verifies(id = "LX-SEC-26", level = "MUST", of = "Security")
    void otherRolesGetNotFound() {
        Subtrees.Side a = trees.a();
        String never = Records.never("organizations");
        for (String token : List.of(Kit.current().tokens().member(a.member()), Kit.current().tokens().operator(),
                Records.mint(Records.adminClaims().add("groups", Records.strings("member-viewer"))))) {
            Problems.assertHidden(Records.getJson(statistics(a.committee()), token), a.committee(),
                    Records.getJson(statistics(never), token), never, "statistics without the role secretary or organization-admin");
            Problems.assertHidden(Records.getJson(search(a.branch()), token), a.branch(),
                    Records.getJson(search(never), token), never, "search without the role secretary or organization-admin");
        }
    }

    @Test
    @DisplayName("a search answer carries no national ID, telephone, address or birth date, full or masked")
    @Verifies(id = "LX-SEC-37", level = "MUST NOT", of = "Security")
    void searchCarriesNothingSensitive() {
        Subtrees.Side a = trees.a();
        JsonObject full = Records.get(a.member(), a.token(), "Lianxin-Purpose", "conformance").expect(200).json();
        JsonObject masked = Records.get(a.member(), a.token()).expect(200).json();
        Response answer = Records.getJson(search(a.committee()), a.token());
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains(a.member()), "the search finds the subtree's member: " + answer.body());
        for (String key : List.of("nationalId", "telephone", "address", "birthDate")) {
            assertFalse(answer.body().contains("\"" + key + "\""), "the search answer has " + key + ": " + answer.body());
            for (JsonObject record : List.of(full, masked)) {
                if (record.containsKey(key)) {
                    assertFalse(answer.body().contains(record.getString(key)), "the search answer holds the " + key + " of the member");
                }
            }
        }
    }
}
