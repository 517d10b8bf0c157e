package org.lianxin.conformance.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.Answers.assertNoPerson;
import static org.lianxin.conformance.notices.NoticesKit.notice;
import static org.lianxin.conformance.Answers.strings;
import static org.lianxin.conformance.notices.NoticesKit.targets;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Callers;
import org.lianxin.conformance.Current;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.federation.StubNode;
import org.lianxin.conformance.fixtures.RegisteredChild;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * 17.5 and 17.8 with the node as the parent: the kit's {@link StubNode} plays a child node
 * registered under a committee of the sandbox. As that child it asks the node's inbound query with
 * its node credential; as that child it answers the node's reach requests with figures the kit
 * chose, which the node must add to its own.
 */
class ChildNodeTest {

    private static StubNode child;
    private static RegisteredChild registered;
    private static String caller;
    private static String committee;
    private static String branch;

    @BeforeAll
    static void child() {
        Inapplicable.unless(Kit.current().claims("Federation"), "the node does not claim Federation");
        committee = Current.sandbox().newOrganization("通知下发测试市委", "MunicipalCommittee");
        branch = Current.sandbox().newOrganization("市直机关党支部", "Branch", committee);
        registered = RegisteredChild.under(committee, 31, null, s -> s.on("GET", "/statistics/notice-reach", c -> StubNode.Reply.json(Json.createObjectBuilder()
                .add("notice", "ignored").add("organizations", Json.createArrayBuilder().add(s.organization("root")))
                .add("roots", Json.createArrayBuilder().add(s.organization("root"))).add("scope", "subtree")
                .add("intended", 5).add("read", 2).add("ratio", 0.4).add("completeness", s.completeness(c)).build())));
        child = registered.stub();
        caller = "Bearer " + Kit.current().tokens().actingFor(committee, registered.audience(), "organization-admin", "secretary");
    }

    @AfterAll
    static void unregister() {
        if (registered != null) {
            registered.close();
        }
    }

    private static Response inbound(String authorization) {
        return Http.get(base() + "/notices/inbound", "Accept", "application/json", "Authorization", authorization);
    }

    private static JsonObject published(String body) {
        Response created = NoticesKit.publish(body, caller);
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    @Test
    @DisplayName("LX-NOTICE-8 the inbound query of a registered child gives exactly the notices reaching its root, newest first, with what reaches it, and is 403 to anyone else; LX-NOTICE-6 not a withdrawn one; LX-NOTICE-15 no person")
    @Verifies(id = "LX-NOTICE-8", level = "MUST", of = "Notices")
    @Verifies(id = "LX-NOTICE-6", level = "MUST", of = "Notices")
    @Verifies(id = "LX-NOTICE-15", level = "MUST NOT", of = "Notices")
    void inboundQuery() {
        Current.sandbox().newMemberFrom(Current.sandbox().memberBody("诸葛红梅", branch));
        JsonObject older = published(notice(committee, "全市通知一", "正文一", ""));
        JsonObject branchOnly = published(notice(committee, "仅机关支部", "正文", targets(branch)));
        JsonObject newer = published(notice(committee, "全市通知二", "正文二", ""));
        JsonObject withdrawn = published(notice(committee, "撤回的通知", "正文", ""));
        Http.post(withdrawn.getString("id") + "/withdraw", "application/json", "", "Authorization", caller).expect(200);

        Response answer = inbound(Callers.nodeToken(child.base()));
        assertEquals(200, answer.status(), answer.body());
        assertEquals("application/json", answer.mediaType());
        List<String> ids = answer.json().getJsonArray("notices").stream().map(v -> v.asJsonObject().getString("id", ""))
                .filter(id -> List.of(older.getString("id"), branchOnly.getString("id"), newer.getString("id"), withdrawn.getString("id")).contains(id))
                .toList();
        assertEquals(List.of(newer.getString("id"), older.getString("id")), ids, "the two reaching the child's root, newest first");
        JsonObject summary = answer.json().getJsonArray("notices").stream().map(v -> v.asJsonObject())
                .filter(n -> n.getString("id").equals(older.getString("id"))).findFirst().orElseThrow();
        assertEquals(List.of(committee, "通知下发测试市委", base(), "全市通知一", "正文一"), List.of(summary.getString("publishedBy", ""),
                summary.getString("publisherName", ""), summary.getString("node", ""), summary.getString("name", ""), summary.getString("text", "")));
        assertEquals(List.of(child.organization("root")), strings(summary, "reaches"));
        assertEquals(List.of(committee), strings(summary, "targets"));
        assertTrue(answer.json().containsKey("completeness"), answer.body());
        assertNoPerson(answer.body(), "LX-NOTICE-15: an inbound answer", "诸葛红梅");

        assertEquals(403, inbound(caller).status(), "a person does not ask the inbound query");
        assertEquals(403, inbound(Callers.nodeToken("http://localhost:9/nodes/" + Sandbox.uniqueId("stranger"))).status(), "a node that is not a child");
    }

    @Test
    @DisplayName("LX-NOTICE-12 the reach of a notice adds the child's intended and read members, asked with its root, the notice, scope=subtree and partial=true")
    @Verifies(id = "LX-NOTICE-12", level = "MUST", of = "Notices")
    void reachAcrossTheChild() {
        JsonObject notice = published(notice(committee, "到达率跨节点", "正文", ""));
        JsonObject local = Answers.getJson(base() + "/statistics/notice-reach?organization=" + enc(committee) + "&notice=" + enc(notice.getString("id"))
                + "&scope=local", caller);
        JsonObject reach = Answers.getJson(notice.getString("id") + "/reach", caller);
        assertEquals(local.getInt("intended") + 5, reach.getInt("intended"), reach.toString());
        assertEquals(local.getInt("read") + 2, reach.getInt("read"), reach.toString());
        StubNode.Call asked = child.calls("GET", "/statistics/notice-reach").get(0);
        assertTrue(asked.query().contains("organization=" + enc(child.organization("root"))) && asked.query().contains("notice=" + enc(notice.getString("id")))
                && asked.query().contains("scope=subtree") && asked.query().contains("partial=true"), asked.query());
        assertTrue(reach.getJsonObject("completeness").getJsonArray("nodes").stream()
                .anyMatch(n -> n.asJsonObject().getString("node", "").equals(child.base())), reach.toString());
    }
}
