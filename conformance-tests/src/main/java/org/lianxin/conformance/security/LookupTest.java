package org.lianxin.conformance.security;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** 8.8: finding a member by national ID number, sent in the body; only members the caller may read are found. */
class LookupTest {

    private static Subtrees trees;
    private static String member;
    private static String number;

    @BeforeAll
    static void members() {
        trees = Subtrees.make();
        Sandbox sandbox = Kit.current().sandbox();
        do { // a number that ends with X, to send it as x
            number = sandbox.nationalId(LocalDate.of(1975, 8, 9), true);
        } while (!number.endsWith("X"));
        String body = sandbox.memberBody("查找者", trees.a().branch()).replaceAll("\"nationalId\": \"[0-9X]{18}\"", "\"nationalId\": \"" + number + "\"");
        member = sandbox.newMemberFrom(body.replace("1980-05-17", "1975-08-09").replace("\"Female\"", "\"Male\""));
    }

    private static Response lookup(String token, String body) {
        return Records.post(Current.base() + "/members/lookup", token, "application/json", body);
    }

    private static String nationalIdOf(String iri) {
        return Records.get(iri, Kit.current().tokens().admin(), "Lianxin-Purpose", "conformance").expect(200).json().getString("nationalId");
    }

    @Test
    @DisplayName("a number, normalized (white space, a final x), finds the live member the caller may read")
    @Verifies(id = "LX-SEC-38", level = "MUST", of = "Security")
    void findsTheMember() {
        for (String sent : List.of(number, "  " + number.toLowerCase() + "\t")) {
            Response found = lookup(trees.a().token(), "{\"nationalId\": \"" + sent.replace("\t", "\\t") + "\", \"note\": \"ignored\"}");
            assertEquals(200, found.status(), found.body());
            assertEquals("application/json", found.mediaType());
            assertEquals(member, found.json().getString("member", null), found.body());
        }
        Response above = lookup(Kit.current().tokens().admin(), "{\"nationalId\": \"" + number + "\"}");
        assertEquals(member, above.expect(200).json().getString("member", null), "the administrator above finds it too");
    }

    @Test
    @DisplayName("a number of a member of another subtree, of a deleted member, or of nobody is 404 alike")
    @Verifies(id = "LX-SEC-39", level = "MUST", of = "Security")
    void findsNothingElse() {
        String token = trees.a().token();
        String nobody = Kit.current().sandbox().nationalId(LocalDate.of(1966, 6, 6), true);
        Response none = lookup(token, "{\"nationalId\": \"" + nobody + "\"}");
        Problems.assertProblem(none, 404);
        Response hidden = lookup(token, "{\"nationalId\": \"" + nationalIdOf(trees.b().member()) + "\"}");
        Problems.assertProblem(hidden, 404);
        assertEquals(none.body(), hidden.body(), "the answer for a member the caller may not read differs from the one for nobody");
        String deleted = Kit.current().sandbox().memberBody("已删除", trees.a().branch());
        String deletedNumber = deleted.replaceAll("(?s).*\"nationalId\": \"([0-9X]{18})\".*", "$1");
        String gone = Kit.current().sandbox().newMemberFrom(deleted);
        assertEquals(204, Http.delete(gone).status());
        Response dead = lookup(token, "{\"nationalId\": \"" + deletedNumber + "\"}");
        Problems.assertProblem(dead, 404);
        assertEquals(none.body(), dead.body(), "the answer for a deleted member differs from the one for nobody");
    }

    @Test
    @DisplayName("a body without a well-formed number is 400")
    @Verifies(id = "LX-SEC-40", level = "MUST", of = "Security")
    void badBodies() {
        String badFormat = "0" + number.substring(1);
        for (String body : List.of("", "{}", "[]", "null", "{\"nationalId\": 5}", "{\"nationalId\": \"12345\"}", "{\"nationalId\": null}",
                "{\"nationalId\": \"" + badFormat + "\"}", "{\"nationalId\": \"" + number.substring(0, 17) + "\"}", "{\"nationalId\": ")) {
            Problems.assertProblem(lookup(trees.a().token(), body), 400);
        }
    }
}
