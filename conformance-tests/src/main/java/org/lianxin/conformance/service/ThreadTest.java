package org.lianxin.conformance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.lianxin.conformance.feedback.FeedbackKit.act;
import static org.lianxin.conformance.Callers.secretaryOf;
import static org.lianxin.conformance.Answers.assertRule;
import static org.lianxin.conformance.Callers.memberToken;
import static org.lianxin.conformance.feedback.FeedbackKit.replied;
import static org.lianxin.conformance.feedback.FeedbackKit.replies;
import static org.lianxin.conformance.feedback.FeedbackKit.state;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Current;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.feedback.FeedbackKit;

/** 18.4: the thread of chapter 14 on a request — reply, follow-up, rating, closing — and assignment to a member or a branch. */
class ThreadTest {

    private static String street;
    private static String point;
    private static String building;
    private static String gridMember;

    @BeforeAll
    static void points() {
        street = Current.sandbox().newOrganization("和平街道党工委", "PrimaryCommittee");
        point = ServiceKit.servicePoint("和平社区党委", "和平社区", "PrimaryCommittee", street);
        building = Current.sandbox().newOrganization("和平社区第三网格党支部", "Branch", point);
        gridMember = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("孙丽", building));
    }

    @Test
    @DisplayName("LX-SERVICE-6 the point replies (Answered), the resident follows up (Open), rates (Closed, 422 out of 1..5, 403 to others), closes; a Closed request takes no reply (409)")
    @Verifies(id = "LX-SERVICE-6", level = "MUST", of = "Service")
    void conversation() {
        String resident = ServiceKit.newResident();
        String id = ServiceKit.asked(resident, point, "想报名社区就业技能培训。").getString("id");
        assertEquals(409, act(id, "rating", "{\"rating\": 5}", resident).status(), "only an Answered request is rated");
        JsonObject answered = replied(id, "下周一开班，请带身份证到社区报名。", secretaryOf(point));
        assertEquals("Answered", state(answered));
        assertEquals(point, replies(answered).get(0).getString("repliedBy", ""));
        JsonObject followUp = replied(id, "周末有班吗？", resident);
        assertEquals("Open", state(followUp));
        assertFalse(replies(followUp).get(1).containsKey("repliedBy"), "a follow-up has no repliedBy");
        replied(id, "周六上午也有。", secretaryOf(point));
        assertRule(act(id, "rating", "{\"rating\": 0}", resident), 422, "feedback-rating", "rating", "a rating of 0");
        assertEquals(403, act(id, "rating", "{\"rating\": 5}", secretaryOf(point)).status(), "only the resident rates");
        Response rated = act(id, "rating", "{\"rating\": 5, \"comment\": \"很方便\"}", resident);
        assertEquals(200, rated.status(), rated.body());
        assertEquals("5", String.valueOf(rated.json().get("rating")).replace("\"", ""));
        assertEquals("Closed", state(rated.json()));
        assertRule(FeedbackKit.reply(id, "补充", secretaryOf(point)), 409, "feedback-state", "feedbackState", "a reply to a Closed request");

        String other = ServiceKit.asked(resident, point, "已自行解决。").getString("id");
        Response closed = act(other, "close", null, resident);
        assertEquals("Closed", state(closed.json()), closed.body());
        assertRule(act(other, "close", null, resident), 409, "feedback-state", "feedbackState", "closing twice");
    }

    @Test
    @DisplayName("LX-SERVICE-7 the point assigns a request to a grid member, who reads it and replies for the point, or to a branch of its subtree; 422 service-assignee outside it; 403 to the resident; 409 when Closed")
    @Verifies(id = "LX-SERVICE-7", level = "MUST", of = "Service")
    void assignment() {
        String resident = ServiceKit.newResident();
        String id = ServiceKit.asked(resident, point, "楼上漏水，物业不管。").getString("id");
        assertEquals(404, FeedbackKit.read(id, memberToken(gridMember)).status(), "not yet assigned");
        Response assigned = act(id, "assignment", "{\"assignedTo\": \"" + gridMember + "\"}", secretaryOf(point));
        assertEquals(200, assigned.status(), assigned.body());
        assertEquals(gridMember, assigned.json().getString("assignedTo", ""));
        assertEquals(200, FeedbackKit.read(id, memberToken(gridMember)).status(), "the member assigned reads it");
        JsonObject answered = replied(id, "我明天上午上门协调。", memberToken(gridMember));
        assertEquals("Answered", state(answered));
        assertEquals(point, replies(answered).get(0).getString("repliedBy", ""), "the member replies for the point");

        Response toBranch = act(id, "assignment", "{\"assignedTo\": \"" + building + "\"}", secretaryOf(point));
        assertEquals(200, toBranch.status(), toBranch.body());
        assertEquals(200, FeedbackKit.read(id, secretaryOf(building)).status(), "the branch assigned reads it");
        assertEquals(building, replies(replied(id, "支部已安排党员志愿者。", secretaryOf(building))).get(1).getString("repliedBy", ""));

        assertRule(act(id, "assignment", "{\"assignedTo\": \"" + street + "\"}", secretaryOf(point)), 422, "service-assignee", "assignedTo",
                "an organization above the point");
        assertEquals(403, act(id, "assignment", "{\"assignedTo\": \"" + building + "\"}", resident).status(), "the resident assigns nothing");
        assertEquals(200, act(id, "close", null, resident).status());
        assertRule(act(id, "assignment", "{\"assignedTo\": \"" + gridMember + "\"}", secretaryOf(point)), 409, "feedback-state", "feedbackState",
                "assigning a Closed request");
    }
}
