package org.lianxin.conformance.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.notices.NoticesKit.feed;
import static org.lianxin.conformance.notices.NoticesKit.ids;
import static org.lianxin.conformance.Callers.memberToken;
import static org.lianxin.conformance.notices.NoticesKit.notice;
import static org.lianxin.conformance.notices.NoticesKit.read;

import java.time.Instant;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.federation.StubNode;
import org.lianxin.conformance.fixtures.ParentStub;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * 17.5 to 17.7 with the node as a child: the kit's {@link ParentStub} is the node's parent, with a
 * root of the node under the stub's municipal committee, a branch below it and a member. The
 * parent's inbound answer carries a notice of the municipal committee reaching the root, and one
 * reaching another node's root; the member's feed must merge the first with the root's own notice,
 * newest first, let the member read it, and still answer, saying so, when the parent fails.
 */
class ParentNodeTest {

    private static ParentStub parent;
    private static String root;
    private static String member;
    private static String fromAbove;
    private static String elsewhere;
    private static volatile boolean failing;

    @BeforeAll
    static void parent() {
        Inapplicable.unless(Kit.current().claims("Federation"), "the node does not claim Federation");
        parent = ParentStub.adopt();
        root = parent.newOrganization("桩市青山县委", "CountyCommittee", parent.organization("city"));
        String branch = parent.newOrganization("青山县东村党支部", "Branch", root);
        member = parent.newMember("李华", branch);
        fromAbove = parent.base() + "/notices/" + Sandbox.uniqueId("n");
        elsewhere = parent.base() + "/notices/" + Sandbox.uniqueId("n");
        String earlier = Instant.now().minusSeconds(3600).toString();
        parent.stub().on("GET", "/notices/inbound", c -> failing ? new StubNode.Reply(500, "application/problem+json", "{\"status\": 500}")
                : StubNode.Reply.json(Json.createObjectBuilder().add("notices", Json.createArrayBuilder()
                        .add(summary(fromAbove, "关于学习贯彻全会精神的通知", earlier, root))
                        .add(summary(elsewhere, "别处的通知", earlier, Kit.current().base() + "/organizations/" + Sandbox.uniqueId("not-mine"))))
                        .add("completeness", parent.stub().completeness(c)).build()));
    }

    @AfterAll
    static void restore() {
        if (parent != null) {
            parent.close();
        }
    }

    /** A summary of Table 17.6 of a notice of the stub's municipal committee, reaching {@code reaches}. */
    private static JsonObject summary(String id, String name, String publishedAt, String reaches) {
        return Json.createObjectBuilder().add("id", id).add("node", parent.base()).add("publishedBy", parent.organization("city"))
                .add("publisherName", "桩市委").add("name", name).add("text", "各级党组织要组织党员原原本本学习。")
                .add("attachments", Json.createArrayBuilder()).add("publishedAt", publishedAt)
                .add("targets", Json.createArrayBuilder().add(parent.organization("city"))).add("reaches", Json.createArrayBuilder().add(reaches)).build();
    }

    @Test
    @DisplayName("LX-NOTICE-9 the feed merges the notices from above that reach the member's root with the node's own, newest first; LX-NOTICE-10 the member reads a notice of another node")
    @Verifies(id = "LX-NOTICE-9", level = "MUST", of = "Notices")
    @Verifies(id = "LX-NOTICE-10", level = "MUST", of = "Notices")
    @Verifies(id = "LX-NOTICE-7", level = "MUST", of = "Notices")
    void merged() {
        failing = false;
        JsonObject own = NoticesKit.published(root, notice(root, "关于开展十月主题党日活动的通知", "各党支部请按时开展。", ""));
        List<JsonObject> items = feed(member, 1);
        assertEquals(List.of(own.getString("id"), fromAbove), ids(items), "the county's notice, then the older one from above; not the one for another root");
        assertEquals("桩市委", items.get(1).getString("publisherName", ""));
        Response firstRead = read(member, fromAbove, memberToken(member));
        assertEquals(201, firstRead.status(), firstRead.body());
        assertEquals(200, read(member, fromAbove, memberToken(member)).status());
        assertTrue(feed(member, 10).get(1).containsKey("readAt"), "read");
        Answers.assertRule(read(member, elsewhere, memberToken(member)), 422, "notice-unknown", "notice", "a notice for another node's root");
    }

    @Test
    @DisplayName("LX-NOTICE-11 when the parent fails, the feed still answers 200 with the node's own notices and a completeness report naming the parent not answered")
    @Verifies(id = "LX-NOTICE-11", level = "MUST", of = "Notices")
    void parentDown() {
        JsonObject own = NoticesKit.published(root, notice(root, "县委通知", "上级节点不可用时仍可见。", ""));
        failing = true;
        try {
            JsonObject page = Answers.getJson(NoticesKit.feedUrl(member), memberToken(member));
            List<String> shown = page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("id", "")).toList();
            assertTrue(shown.contains(own.getString("id")) && !shown.contains(fromAbove), page.toString());
            JsonObject parentStatus = page.getJsonObject("completeness").getJsonArray("nodes").stream().map(v -> v.asJsonObject())
                    .filter(n -> n.getString("node", "").equals(parent.base())).findFirst().orElseThrow(() -> new AssertionError(page.toString()));
            assertNotEquals("answered", parentStatus.getString("status", ""), page.toString());
        } finally {
            failing = false;
        }
    }
}
