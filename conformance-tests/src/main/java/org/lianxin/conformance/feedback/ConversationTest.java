package org.lianxin.conformance.feedback;

import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.feedback.FeedbackKit.act;
import static org.lianxin.conformance.Callers.secretaryOf;
import static org.lianxin.conformance.feedback.FeedbackKit.asked;
import static org.lianxin.conformance.Answers.assertRule;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.Callers.memberToken;
import static org.lianxin.conformance.feedback.FeedbackKit.replied;
import static org.lianxin.conformance.feedback.FeedbackKit.replies;
import static org.lianxin.conformance.feedback.FeedbackKit.reply;
import static org.lianxin.conformance.feedback.FeedbackKit.state;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/**
 * 14.4 and 14.9: the actions of Table 14.6 on one node — reply, follow-up, rating, closing — by the
 * sender and by the branch the message was sent to, each allowed and refused in the states the
 * table gives, and the audit of the branch's reads. A committee above the branch, which the message
 * has not reached, may not act on it.
 */
class ConversationTest {

    private static String committee;
    private static String branch;
    private static String member;

    @BeforeAll
    static void member() {
        committee = Current.sandbox().newOrganization("回复测试县委", "CountyCommittee");
        branch = Current.sandbox().newOrganization("南村党支部", "Branch", committee);
        member = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("孙丽", branch));
    }

    @Test
    @DisplayName("LX-FEEDBACK-4 the branch's reply makes the message Answered with repliedBy, the sender's follow-up Open without it; 422 feedback-text, 409 feedback-state when Closed; LX-FEEDBACK-5 the sender rates an Answered message (Closed), 422 feedback-rating, 409 when not Answered, 403 to the branch")
    @Verifies(id = "LX-FEEDBACK-4", level = "MUST", of = "Feedback")
    @Verifies(id = "LX-FEEDBACK-5", level = "MUST", of = "Feedback")
    void replyFollowUpAndRate() {
        String id = asked(member, "组织生活会什么时候召开？").getString("id");
        assertRule(act(id, "rating", "{\"rating\": 5}", memberToken(member)), 409, "feedback-state", "feedbackState", "rating an Open message");
        JsonObject answered = replied(id, "定于下月十五日。", secretaryOf(branch));
        assertEquals("Answered", state(answered));
        JsonObject first = replies(answered).get(0);
        assertEquals(List.of("定于下月十五日。", branch), List.of(first.getString("text", ""), first.getString("repliedBy", "")), first.toString());
        assertFalse(first.getString("replyId", "").isEmpty(), "a replyId");
        assertTrue(first.containsKey("sentAt"), first.toString());
        assertEquals(404, reply(id, "越级回复", secretaryOf(committee)).status(), "a committee the message has not reached");

        JsonObject followedUp = replied(id, "地点在哪里？", memberToken(member));
        assertEquals("Open", state(followedUp), "a follow-up opens it again");
        JsonObject followUp = replies(followedUp).stream().filter(r -> r.getString("text", "").equals("地点在哪里？")).findFirst()
                .orElseThrow(() -> new AssertionError("the follow-up is not among the replies: " + followedUp));
        assertEquals("地点在哪里？", followUp.getString("text", ""));
        assertFalse(followUp.containsKey("repliedBy"), "a follow-up has no repliedBy: " + followUp);
        assertRule(reply(id, "", secretaryOf(branch)), 422, "feedback-text", "text", "an empty reply");
        assertRule(reply(id, "长".repeat(2001), secretaryOf(branch)), 422, "feedback-text", "text", "a reply of 2,001 characters");
        assertEquals(400, act(id, "replies", "[\"不是对象\"]", secretaryOf(branch)).status(), "a body that is not a JSON object");
        assertEquals(3, replies(replied(id, "村委会二楼会议室。", secretaryOf(branch))).size(), "the refused replies are not added");

        assertRule(act(id, "rating", "{\"rating\": 0}", memberToken(member)), 422, "feedback-rating", "rating", "a rating of 0");
        assertRule(act(id, "rating", "{\"rating\": 6}", memberToken(member)), 422, "feedback-rating", "rating", "a rating of 6");
        assertEquals(403, act(id, "rating", "{\"rating\": 5}", secretaryOf(branch)).status(), "only the sender rates");
        Response rated = act(id, "rating", "{\"rating\": 5, \"comment\": \"答复及时，👍\"}", memberToken(member));
        assertEquals(200, rated.status(), rated.body());
        assertEquals("Closed", state(rated.json()));
        assertEquals(5, Integer.parseInt(rated.json().get("rating").toString().replace("\"", "")));
        assertEquals("答复及时，👍", rated.json().getString("ratingComment", ""), "LX-FEEDBACK-20 as written");
        assertRule(reply(id, "补充说明", secretaryOf(branch)), 409, "feedback-state", "feedbackState", "a reply to a Closed message");
        assertRule(act(id, "rating", "{\"rating\": 3}", memberToken(member)), 409, "feedback-state", "feedbackState", "rating a Closed message");
    }

    @Test
    @DisplayName("LX-FEEDBACK-5 a rating whose comment has more than 500 characters is 422 feedback-rating")
    @Verifies(id = "LX-FEEDBACK-5", level = "MUST", of = "Feedback")
    void longComment() {
        String id = asked(member, "评价意见有字数限制吗？").getString("id");
        replied(id, "有，五百字以内。", secretaryOf(branch));
        assertRule(act(id, "rating", "{\"rating\": 4, \"comment\": \"" + "长".repeat(501) + "\"}", memberToken(member)), 422, "feedback-rating", "rating",
                "Table 14.7: a comment of 501 characters breaks feedback-rating");
        assertEquals("Answered", state(FeedbackKit.record(id, memberToken(member))), "the refused rating changes nothing");
    }

    @Test
    @DisplayName("LX-FEEDBACK-6 the sender, or the branch it was sent to, closes a message (200, Closed); 409 feedback-state when Closed already")
    @Verifies(id = "LX-FEEDBACK-6", level = "MUST", of = "Feedback")
    void closed() {
        String bySender = asked(member, "能否增加线上学习？").getString("id");
        Response closed = act(bySender, "close", null, memberToken(member));
        assertEquals(200, closed.status(), closed.body());
        assertEquals("Closed", state(closed.json()));
        assertRule(act(bySender, "close", null, memberToken(member)), 409, "feedback-state", "feedbackState", "closing a Closed message");

        String byBranch = asked(member, "党员活动室几点开门？").getString("id");
        replied(byBranch, "九点。", secretaryOf(branch));
        assertEquals(404, act(byBranch, "close", null, secretaryOf(committee)).status(), "a committee the message has not reached");
        Response closedByBranch = act(byBranch, "close", null, secretaryOf(branch));
        assertEquals(200, closedByBranch.status(), closedByBranch.body());
        assertEquals("Closed", state(closedByBranch.json()));
        assertRule(act(byBranch, "close", null, secretaryOf(branch)), 409, "feedback-state", "feedbackState", "closing a Closed message");
    }

    @Test
    @DisplayName("LX-FEEDBACK-19 the branch's reads of a message and of the list are audited as feedback-read under the branch, a refused read too")
    @Verifies(id = "LX-FEEDBACK-19", level = "MUST", of = "Feedback")
    void readsAudited() {
        String id = asked(member, "党费可以线上交吗？").getString("id");
        replied(id, "可以。", secretaryOf(branch));
        long before = feedbackReads();
        FeedbackKit.read(id, secretaryOf(branch)).expect(200);
        Answers.listed(base() + "/feedback", secretaryOf(branch));
        FeedbackKit.read(base() + "/feedback/" + org.lianxin.conformance.fixtures.Sandbox.uniqueId("none"), secretaryOf(branch)).expect(404);
        assertEquals(before + 3, feedbackReads(), "one feedback-read per GET of a record or of the list, whatever its outcome");
        FeedbackKit.read(id, memberToken(member)).expect(200);
        assertEquals(before + 3, feedbackReads(), "the sender's own reads are not audited");
    }

    private static long feedbackReads() {
        Response page = Http.get(base() + "/audit?limit=1000&organization=" + enc(branch), "Accept", "application/json",
                "Authorization", secretaryOf(branch));
        assertEquals(200, page.status(), page.body());
        return page.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("action", "").equals("feedback-read")).count();
    }
}
