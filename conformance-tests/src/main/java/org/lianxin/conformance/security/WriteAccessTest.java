package org.lianxin.conformance.security;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** 8.6: writes. Within the caller's subtree by its roles; elsewhere 403, or 422 where a 403 would confirm what is hidden. */
class WriteAccessTest {

    private static Subtrees trees;

    @BeforeAll
    static void subtrees() {
        trees = Subtrees.make();
    }

    private static Sandbox sandbox() {
        return Kit.current().sandbox();
    }

    @Test
    @DisplayName("a secretary creates, replaces and deletes organizations and members in its subtree, a batch included")
    @Verifies(id = "LX-SEC-20", level = "MUST", of = "Security")
    void writesInItsSubtree() {
        Subtrees.Side a = trees.a();
        String secretary = Kit.current().tokens().actingFor(a.committee(), "secretary");
        String org = Current.base() + "/organizations/" + Sandbox.uniqueId("kit");
        Response put = Records.put(org, secretary, Sandbox.withId(Sandbox.organizationBody("连心甲县第二党支部", "Branch", a.committee()), org));
        assertEquals(201, put.status(), put.body());
        sandbox().track(org);
        Response post = Records.post(Current.base() + "/members", secretary, Records.JSON_LD, sandbox().memberBody("赵敏", org));
        assertEquals(201, post.status(), post.body());
        String member = sandbox().track(post.header("Location").orElseThrow());
        Response replace = Records.put(member, secretary, Sandbox.withId(sandbox().memberBody("赵敏", org), member));
        assertEquals(200, replace.status(), replace.body());
        Response batch = Records.post(Current.base() + "/members/batch", secretary, Records.JSON_LD, batch(org, 2));
        assertEquals(200, batch.status(), batch.body());
        assertEquals(2, batch.json().getInt("created", -1), batch.body());
        Records.items(Current.base() + "/members?limit=100&branch=" + Current.enc(org), secretary).forEach(i -> sandbox().track(i.getString("id")));
        assertEquals(204, Records.delete(member, secretary).status(), "DELETE of a member of the subtree");
    }

    @Test
    @DisplayName("a member and a node operator may not write: 403")
    @Verifies(id = "LX-SEC-21", level = "MUST", of = "Security")
    void writesNeedSecretaryOrAdmin() {
        Subtrees.Side a = trees.a();
        String org = Current.base() + "/organizations/" + Sandbox.uniqueId("kit");
        for (String token : List.of(Kit.current().tokens().member(a.member()), Kit.current().tokens().operator())) {
            Problems.assertProblem(Records.post(Current.base() + "/members", token, Records.JSON_LD, sandbox().memberBody("钱多", a.branch())), 403);
            Problems.assertProblem(Records.put(a.member(), token, Sandbox.withId(sandbox().memberBody("钱多", a.branch()), a.member())), 403);
            Problems.assertProblem(Records.post(Current.base() + "/members/batch", token, Records.JSON_LD, batch(a.branch(), 1)), 403);
            Problems.assertProblem(Records.put(org, token, Sandbox.withId(Sandbox.organizationBody("不该有的支部", "Branch", a.committee()), org)), 403);
        }
        assertEquals(404, Http.get(org, "Accept", Records.JSON_LD).status(), "no organization was created");
    }

    @Test
    @DisplayName("a PUT over another subtree's record, or of a new top organization, is 403 and changes nothing")
    @Verifies(id = "LX-SEC-21", level = "MUST", of = "Security")
    void writesOutsideTheSubtreeAre403() {
        Subtrees.Side a = trees.a();
        Subtrees.Side b = trees.b();
        String before = Http.get(b.member(), "Accept", Records.JSON_LD).expect(200).json().getString("name");
        Problems.assertProblem(Records.put(b.member(), a.token(), Sandbox.withId(sandbox().memberBody("孙悟", a.branch()), b.member())), 403);
        Problems.assertProblem(Records.put(b.branch(), a.token(), Sandbox.withId(Sandbox.organizationBody("改名支部", "Branch", a.committee()), b.branch())), 403);
        assertEquals(before, Http.get(b.member(), "Accept", Records.JSON_LD).json().getString("name"), "the other subtree's member is unchanged");
        String top = Current.base() + "/organizations/" + Sandbox.uniqueId("kit");
        Problems.assertProblem(Records.put(top, a.token(), Sandbox.withId(Sandbox.organizationBody("越级党委", "PrimaryCommittee", null), top)), 403);
        assertEquals(404, Http.get(top, "Accept", Records.JSON_LD).status(), "no top organization was created");
    }

    @Test
    @DisplayName("a write that would hang a record under another subtree is 422, as if that organization did not exist")
    @Verifies(id = "LX-SEC-21", level = "MUST", of = "Security")
    void writesUnderAnotherSubtreeAre422AsIfItDidNotExist() {
        Subtrees.Side a = trees.a();
        String b = trees.b().branch();
        String never = Records.never("organizations");
        String members = Current.base() + "/members";
        sameAsNowhere(Records.post(members, a.token(), Records.JSON_LD, sandbox().memberBody("周游", b)),
                Records.post(members, a.token(), Records.JSON_LD, sandbox().memberBody("周游", never)), b, never, "POST of a member");
        sameAsNowhere(Records.put(a.member(), a.token(), Sandbox.withId(sandbox().memberBody("周游", b), a.member())),
                Records.put(a.member(), a.token(), Sandbox.withId(sandbox().memberBody("周游", never), a.member())), b, never, "moving a member");
        sameAsNowhere(Records.post(members + "/batch", a.token(), Records.JSON_LD, batch(b, 2)),
                Records.post(members + "/batch", a.token(), Records.JSON_LD, batch(never, 2)), b, never, "a batch");
        String org = Current.base() + "/organizations/" + Sandbox.uniqueId("kit");
        sameAsNowhere(Records.put(org, a.token(), Sandbox.withId(Sandbox.organizationBody("外挂支部", "Branch", trees.b().committee()), org)),
                Records.put(org, a.token(), Sandbox.withId(Sandbox.organizationBody("外挂支部", "Branch", never), org)),
                trees.b().committee(), never, "an organization under another subtree");
        assertEquals(a.branch(), Http.get(a.member(), "Accept", Records.JSON_LD).json().getString("branch"), "the member did not move");
    }

    @Test
    @DisplayName("a DELETE of a record the caller may read but not write is 403, and deletes nothing")
    @Verifies(id = "LX-SEC-22", level = "MUST", of = "Security")
    void readableButNotWritable() {
        Subtrees.Side a = trees.a();
        Problems.assertProblem(Records.delete(a.member(), Kit.current().tokens().member(a.member())), 403);
        Problems.assertProblem(Records.delete(a.branch(), Kit.current().tokens().operator()), 403);
        assertEquals(200, Http.get(a.member(), "Accept", Records.JSON_LD).status(), "the member is still there");
        assertEquals(200, Http.get(a.branch(), "Accept", Records.JSON_LD).status(), "the branch is still there");
    }

    /** Both answers are 422 with the same errors, but for the IRI. */
    private static void sameAsNowhere(Response hidden, Response nowhere, String iri, String neverIri, String what) {
        Problems.assertProblem(nowhere, 422);
        Problems.assertProblem(hidden, 422);
        assertEquals(Problems.replaced(nowhere.json().get("errors").toString(), neverIri, iri), hidden.json().get("errors").toString(),
                what + ": the errors differ from those for an organization that does not exist");
    }

    /** A batch body of {@code n} members of {@code branch}. */
    private static String batch(String branch, int n) {
        var graph = Json.createArrayBuilder();
        for (int i = 0; i < n; i++) {
            JsonObject member = Json.createReader(new StringReader(sandbox().memberBody("批量" + i, branch))).readObject();
            var copy = Json.createObjectBuilder(member);
            copy.remove("@context");
            graph.add(copy);
        }
        return Json.createObjectBuilder().add("@context", Sandbox.CONTEXT).add("@graph", graph).build().toString();
    }

}
