package org.lianxin.conformance.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.learning.LearningKit.course;
import static org.lianxin.conformance.learning.LearningKit.published;
import static org.lianxin.conformance.learning.LearningKit.today;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Callers;
import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Current;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.federation.StubNode;
import org.lianxin.conformance.fixtures.RegisteredChild;

/**
 * 16.5 with the node as the parent: the kit's {@link StubNode} plays a child node registered under a
 * branch's committee of the sandbox. As that child it asks the node's inbound query with its node
 * credential and must get exactly the Published courses that reach its root; other callers are
 * refused.
 */
class ChildNodeTest {

    private static StubNode child;
    private static RegisteredChild registered;
    private static String committee;
    private static String beside;

    @BeforeAll
    static void child() {
        Inapplicable.unless(Kit.current().claims("Federation"), "the node does not claim Federation");
        committee = Current.sandbox().newOrganization("下发课程测试市委", "MunicipalCommittee");
        beside = Current.sandbox().newOrganization("市直机关党支部", "Branch", committee);
        registered = RegisteredChild.under(committee, 27, null, s -> { });
        child = registered.stub();
    }

    @AfterAll
    static void unregister() {
        if (registered != null) {
            registered.close();
        }
    }

    private static Response inbound(String authorization) {
        return Http.get(base() + "/courses/inbound", "Accept", "application/json", "Authorization", authorization);
    }

    @Test
    @DisplayName("LX-LEARN-9 the inbound answer gives the registered child exactly the Published courses reaching its root, with reaches, ordered by dueDate; 403 to a person and to an unregistered node; LX-LEARN-20 no person in it")
    @Verifies(id = "LX-LEARN-9", level = "MUST", of = "Learning")
    @Verifies(id = "LX-LEARN-20", level = "MUST NOT", of = "Learning")
    void inboundAnswer() {
        JsonObject late = published(committee, course(committee, "全市党员学习", today().plusDays(40), ""));
        JsonObject early = published(committee, course(committee, "全市书记轮训", today().plusDays(10), ", \"audience\": [\"Secretaries\"]"));
        JsonObject elsewhere = published(committee, course(committee, "市直机关专题", today().plusDays(20), ", \"targets\": [\"" + beside + "\"]"));
        JsonObject withdrawn = published(committee, course(committee, "已撤回课程", today().plusDays(20), ""));
        assertEquals(200, Http.post(withdrawn.getString("id") + "/withdraw", "application/json", "", "Authorization",
                Callers.secretaryOf(committee)).status());

        Response answer = inbound(Callers.nodeToken(child.base()));
        assertEquals(200, answer.status(), answer.body());
        assertEquals("application/json", answer.mediaType());
        List<JsonObject> courses = answer.json().getJsonArray("courses").stream().map(JsonValue::asJsonObject)
                .filter(c -> List.of(late, early, elsewhere, withdrawn).stream().anyMatch(o -> o.getString("id").equals(c.getString("id", "")))).toList();
        assertEquals(List.of(early.getString("id"), late.getString("id")), courses.stream().map(c -> c.getString("id", "")).toList(),
                "the Published courses reaching the child's root, by dueDate: " + answer.body());
        JsonObject first = courses.get(0);
        assertEquals(List.of(child.organization("root")), Answers.strings(first, "reaches"));
        assertEquals(List.of("Secretaries"), Answers.strings(first, "audience"));
        assertEquals(List.of(committee), Answers.strings(first, "targets"));
        assertEquals("下发课程测试市委", first.getString("publisherName", ""));
        assertEquals(base(), first.getString("node", ""));
        assertEquals(45, first.getInt("expectedMinutes", 0));
        assertEquals(List.of("AllMembers"), Answers.strings(courses.get(1), "audience"), "no audience is AllMembers");
        assertFalse(answer.body().contains("/members/"), "LX-LEARN-20: no member in an inbound answer: " + answer.body());

        assertEquals(403, inbound(Callers.secretaryOf(committee)).status(), "a person is not a child node");
        assertEquals(403, inbound(Callers.nodeToken("http://localhost:9/nodes/not-registered")).status(), "an unregistered node");
    }
}
