package org.lianxin.conformance.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.learning.LearningKit.today;

import java.time.LocalDate;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.federation.StubNode;
import org.lianxin.conformance.fixtures.ParentStub;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * 16.5 and 16.7 with the node as a child: the kit's {@link ParentStub} is the node's parent, with a
 * root of the node under the stub's municipal committee and a branch below it. The parent's inbound
 * answer carries a course of the municipal committee reaching the root, which must be in the course
 * list of a member of the branch, asked with the node's credential; when the parent fails, the list
 * must still answer with the node's own courses and say so.
 */
class ParentNodeTest {

    private static ParentStub parent;
    private static String root;
    private static String member;
    private static JsonObject fromAbove;
    private static volatile boolean failing;

    @BeforeAll
    static void parent() {
        Inapplicable.unless(Kit.current().claims("Federation"), "the node does not claim Federation");
        parent = ParentStub.adopt();
        root = parent.newOrganization("桩市青山县委", "CountyCommittee", parent.organization("city"));
        String branch = parent.newOrganization("青山县东村党支部", "Branch", root);
        member = parent.newMember("王芳", branch);
        fromAbove = Json.createObjectBuilder().add("id", parent.base() + "/courses/" + Sandbox.uniqueId("c"))
                .add("publishedBy", parent.organization("city")).add("publisherName", "桩市委").add("node", parent.base())
                .add("name", "学习贯彻全会精神").add("description", "市委统一部署的学习。")
                .add("materials", Json.createArrayBuilder().add("https://example.org/learning/plenum"))
                .add("expectedMinutes", 60).add("audience", Json.createArrayBuilder().add("AllMembers"))
                .add("dueDate", today().plusDays(30).toString()).add("publishedAt", ParentStub.now())
                .add("targets", Json.createArrayBuilder().add(parent.organization("city"))).add("reaches", Json.createArrayBuilder().add(root)).build();
        parent.stub().on("GET", "/courses/inbound", c -> failing
                ? new StubNode.Reply(500, "application/problem+json", "{\"status\": 500, \"title\": \"parent failure\"}")
                : StubNode.Reply.json(Json.createObjectBuilder().add("courses", Json.createArrayBuilder().add(fromAbove))
                        .add("completeness", parent.stub().completeness(c)).build()));
    }

    @AfterAll
    static void restore() {
        if (parent != null) {
            parent.close();
        }
    }

    @Test
    @DisplayName("LX-LEARN-14 a member's course list holds the parent's course reaching the node's root, asked with the node's credential; LX-LEARN-8 reach from above")
    @Verifies(id = "LX-LEARN-14", level = "MUST", of = "Learning")
    @Verifies(id = "LX-LEARN-8", level = "MUST", of = "Learning")
    void coursesFromAbove() {
        JsonObject list = Answers.getJson(LearningKit.coursesUrl(member), "Bearer " + parent.admin(root));
        JsonObject entry = LearningKit.entry(list, fromAbove.getString("id")).orElseThrow(() -> new AssertionError("not in the list: " + list));
        assertEquals(parent.base(), entry.getString("node", ""));
        assertEquals("学习贯彻全会精神", entry.getString("name", ""));
        assertEquals("NotStarted", entry.getString("studyStatus", ""));
        assertTrue(list.getJsonObject("completeness").getJsonArray("nodes").stream().anyMatch(n -> n.asJsonObject().getString("node", "")
                .equals(parent.base()) && n.asJsonObject().getString("status", "").equals("answered")), "the parent is reported: " + list);
        StubNode.Call asked = parent.stub().calls("GET", "/courses/inbound").get(0);
        String token = asked.headers().getOrDefault("Authorization", "").replaceFirst("(?i)^Bearer\\s+", "");
        JsonObject claims = Json.createReader(new java.io.StringReader(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8))).readObject();
        assertEquals(base(), claims.getString("sub", ""), "the node asks with its own credential: " + claims);
    }

    @Test
    @DisplayName("LX-LEARN-15 when the parent fails the inbound query, the course list is still 200 with the node's own courses and reports the parent as not answered")
    @Verifies(id = "LX-LEARN-15", level = "MUST", of = "Learning")
    void parentDown() {
        JsonObject local = LearningKit.published(root, LearningKit.course(root, "本县课程", LocalDate.now(LearningKit.CHINA).plusDays(5), ""));
        failing = true;
        JsonObject list;
        try {
            list = Answers.getJson(LearningKit.coursesUrl(member), "Bearer " + parent.admin(root));
        } finally {
            failing = false;
        }
        assertTrue(LearningKit.entry(list, local.getString("id")).isPresent(), "the node's own course: " + list);
        assertTrue(LearningKit.entry(list, fromAbove.getString("id")).isEmpty(), "not the parent's: " + list);
        assertFalse(list.getJsonObject("completeness").getBoolean("complete"), list.toString());
        assertTrue(list.getJsonObject("completeness").getJsonArray("nodes").stream().anyMatch(n -> n.asJsonObject().getString("node", "")
                .equals(parent.base()) && !n.asJsonObject().getString("status", "").equals("answered")), "the parent is reported not answered: " + list);
    }
}
