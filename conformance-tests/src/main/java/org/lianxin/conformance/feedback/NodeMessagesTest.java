package org.lianxin.conformance.feedback;

import org.lianxin.conformance.Callers;
import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.feedback.FeedbackKit.parse;
import static org.lianxin.conformance.feedback.FeedbackKit.replies;
import static org.lianxin.conformance.feedback.FeedbackKit.strings;

import java.time.Duration;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.federation.StubNode;
import org.lianxin.conformance.fixtures.RegisteredChild;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * 14.7 from the parent's side: the kit's {@link StubNode} is a child node registered under a
 * committee of the sandbox, holding a member's message that climbs to that committee. As the child
 * the kit sends the node an escalation, a follow-up and a closing, with its node credential and the
 * Idempotency-Keys of Table 14.9; the node must store one copy, pass the committee's reply down to
 * the child, take the child's messages once each, and refuse messages that break Table 14.11.
 */
class NodeMessagesTest {

    private static StubNode child;
    private static RegisteredChild registered;
    private static String committee;
    private static String childToken;

    @BeforeAll
    static void child() {
        Inapplicable.unless(Kit.current().claims("Federation"), "the node does not claim Federation: it has no child to receive escalations from");
        committee = Current.sandbox().newOrganization("受理测试县委", "CountyCommittee");
        registered = RegisteredChild.under(committee, 26, base(), s -> s.on("POST", "/feedback/messages",
                c -> StubNode.Reply.json(Json.createObjectBuilder().add("feedbackState", "Answered").build())));
        child = registered.stub();
        childToken = Callers.nodeToken(child.base());
    }

    @AfterAll
    static void unregister() {
        if (registered != null) {
            registered.close();
        }
    }

    private static Response post(String body, String key, String authorization) {
        return Http.post(base() + "/feedback/messages", "application/json", body, "Accept", "application/json", "Idempotency-Key", key,
                "Authorization", authorization);
    }

    /** An escalation of the child's message {@code message} to the committee, with one reply of the child's branch. */
    private static JsonObject escalation(String message, String text) {
        return Json.createObjectBuilder().add("type", "escalation").add("message", message).add("organization", committee)
                .add("feedbackKind", "HelpRequest").add("name", "低保申请　无人受理").add("text", text).add("sentTo", child.organization("village"))
                .add("sentAt", "2025-08-01T10:12:44.901+08:00").add("sender", child.base() + "/members/m-3c9d1e").add("senderName", "欧阳娜娜")
                .add("replies", Json.createArrayBuilder().add(Json.createObjectBuilder().add("replyId", "r-child-1").add("text", "支部正在了解情况。")
                        .add("sentAt", "2025-08-02T09:00:00.000+08:00").add("repliedBy", child.organization("village")))).build();
    }

    @Test
    @DisplayName("LX-FEEDBACK-9 an escalation from a child is 201 with the copy of Table 14.10, the same copy with 200 when sent again; LX-FEEDBACK-11 the committee's reply goes down to the child, the child's is taken once; LX-FEEDBACK-12 the child's closing closes the copy; LX-FEEDBACK-10 and LX-FEEDBACK-20 the copy as sent")
    @Verifies(id = "LX-FEEDBACK-9", level = "MUST", of = "Feedback")
    @Verifies(id = "LX-FEEDBACK-10", level = "MUST NOT", of = "Feedback")
    @Verifies(id = "LX-FEEDBACK-11", level = "MUST", of = "Feedback")
    @Verifies(id = "LX-FEEDBACK-12", level = "MUST", of = "Feedback")
    @Verifies(id = "LX-FEEDBACK-20", level = "MUST", of = "Feedback")
    void aChildsMessageClimbsHere() {
        String message = child.base() + "/feedback/" + Sandbox.uniqueId("f");
        String text = "我父亲今年三月提交了低保申请，到现在没有答复。\n想请组织帮忙问一问　🙏";
        JsonObject escalation = escalation(message, text);
        Response stored = post(escalation.toString(), "escalation " + message, childToken);
        assertEquals(201, stored.status(), stored.body());
        String copy = stored.json().getString("copy", "");
        assertTrue(copy.startsWith(base() + "/feedback/"), "a copy of the node: " + copy);
        Response again = post(escalation.toString(), "escalation " + message, childToken);
        assertEquals(200, again.status(), again.body());
        assertEquals(copy, again.json().getString("copy", ""), "the same copy");

        JsonObject record = FeedbackKit.record(copy, Callers.secretaryOf(committee));
        assertEquals(List.of(message, "HelpRequest", "低保申请　无人受理", text, child.organization("village"),
                child.base() + "/members/m-3c9d1e", "欧阳娜娜", "Open"), List.of(record.getString("escalatedFrom", ""), record.getString("feedbackKind", ""),
                record.getString("name", ""), record.getString("text", ""), record.getString("sentTo", ""),
                record.getString("sender", ""), record.getString("senderName", ""), record.getString("feedbackState", "")), record.toString());
        assertTrue(java.time.OffsetDateTime.parse(record.getString("sentAt")).isEqual(java.time.OffsetDateTime.parse("2025-08-01T10:12:44.901+08:00")));
        assertEquals(committee, strings(record, "escalatedTo").get(0));
        assertTrue(record.containsKey("escalatedAt"));
        assertEquals(List.of("r-child-1 支部正在了解情况。"), replies(record).stream().map(r -> r.getString("replyId", "") + " " + r.getString("text", "")).toList());
        for (String key : List.of("nationalId", "telephone", "address", "birthDate")) {
            assertFalse(record.containsKey(key), "LX-FEEDBACK-10: the copy holds " + key);
        }

        String replyText = "县委已转交民政局办理。";
        Response replied = FeedbackKit.reply(copy, replyText, Callers.secretaryOf(committee));
        assertEquals(200, replied.status(), replied.body());
        String replyId = replies(replied.json()).stream().filter(r -> r.getString("text", "").equals(replyText)).findFirst().orElseThrow()
                .getString("replyId", "");
        StubNode.Call down = FeedbackKit.await("the committee's reply passed to the child", () -> child.calls("POST", "/feedback/messages").stream()
                .filter(c -> parse(c.body()).getString("replyId", "").equals(replyId)).findFirst(), Duration.ofSeconds(15));
        JsonObject reply = parse(down.body());
        assertEquals(List.of("reply", message, replyText, committee), List.of(reply.getString("type", ""), reply.getString("message", ""),
                reply.getString("text", ""), reply.getString("repliedBy", "")), down.body());
        assertEquals("reply " + message + " " + replyId, down.headers().getOrDefault("Idempotency-Key", ""));

        JsonObject followUp = Json.createObjectBuilder().add("type", "reply").add("message", copy).add("replyId", "r-child-2")
                .add("text", "谢谢！还需要补充材料吗？").add("sentAt", "2025-08-05T08:00:00.000+08:00").build();
        for (int i = 0; i < 2; i++) {
            Response taken = post(followUp.toString(), "reply " + copy + " r-child-2", childToken);
            assertEquals(200, taken.status(), taken.body());
            assertEquals("Open", taken.json().getString("feedbackState", ""), "a reply without repliedBy opens the record");
        }
        Response sameIdOtherKey = post(followUp.toString(), "reply " + copy + " r-child-2 again", childToken);
        assertEquals(200, sameIdOtherKey.status(), sameIdOtherKey.body());
        JsonObject after = FeedbackKit.record(copy, Callers.secretaryOf(committee));
        assertEquals(1, replies(after).stream().filter(r -> r.getString("replyId", "").equals("r-child-2")).count(), "a replyId is added once: " + after);
        assertEquals("Open", after.getString("feedbackState", ""));

        Response closed = post(Json.createObjectBuilder().add("type", "closed").add("message", copy).add("rating", 5).build().toString(), "closed " + copy,
                childToken);
        assertEquals(200, closed.status(), closed.body());
        JsonObject shut = FeedbackKit.record(copy, Callers.secretaryOf(committee));
        assertEquals("Closed", shut.getString("feedbackState", ""));
        assertEquals(5, Integer.parseInt(shut.get("rating").toString().replace("\"", "")));
        Response late = post(Json.createObjectBuilder().add("type", "reply").add("message", copy).add("replyId", "r-child-3").add("text", "迟到的回复")
                .add("sentAt", "2025-08-06T08:00:00.000+08:00").add("repliedBy", child.organization("village")).build().toString(),
                "reply " + copy + " r-child-3", childToken);
        assertEquals(200, late.status(), late.body());
        JsonObject whole = FeedbackKit.record(copy, Callers.secretaryOf(committee));
        assertEquals("Closed", whole.getString("feedbackState", ""), "a Closed record keeps its state");
        assertTrue(replies(whole).stream().anyMatch(r -> r.getString("replyId", "").equals("r-child-3")), "and still gains the reply");
    }

    @Test
    @DisplayName("LX-FEEDBACK-13 400 without an Idempotency-Key or with a body that is not a message of Table 14.9; 403 without the role node, or from a node Table 14.11 does not allow")
    @Verifies(id = "LX-FEEDBACK-13", level = "MUST", of = "Feedback")
    void refused() {
        String message = child.base() + "/feedback/" + Sandbox.uniqueId("f");
        JsonObject escalation = escalation(message, "？");
        assertEquals(400, post(escalation.toString(), null, childToken).status(), "no Idempotency-Key");
        assertEquals(400, post("[1, 2]", "escalation " + message, childToken).status(), "a body that is not an object");
        assertEquals(400, post(Json.createObjectBuilder(escalation).add("type", "gossip").build().toString(), "x " + message, childToken).status(),
                "a type not of Table 14.9");
        assertEquals(400, post(Json.createObjectBuilder(escalation).remove("text").build().toString(), "escalation " + message, childToken).status(),
                "an escalation without text");
        assertEquals(400, post(Json.createObjectBuilder().add("type", "closed").build().toString(), "closed x", childToken).status(),
                "a closing without message");
        assertEquals(403, post(escalation.toString(), "escalation " + message, Callers.secretaryOf(committee)).status(), "a person");
        String stranger = "http://localhost:9/nodes/" + Sandbox.uniqueId("stranger");
        String strangerToken = "Bearer " + Kit.current().tokens().mint(Json.createObjectBuilder().add("sub", stranger)
                .add("groups", Json.createArrayBuilder().add("node")).build());
        String theirs = stranger + "/feedback/" + Sandbox.uniqueId("f");
        assertEquals(403, post(escalation(theirs, "？").toString(), "escalation " + theirs, strangerToken).status(), "a node that is not a child");
        String notItsOwn = base() + "/feedback/" + Sandbox.uniqueId("f");
        assertEquals(403, post(escalation(notItsOwn, "？").toString(), "escalation " + notItsOwn, childToken).status(),
                "a child escalating a message that is not one of its own");

        String mine = child.base() + "/feedback/" + Sandbox.uniqueId("f");
        String copy = post(escalation(mine, "请帮忙。").toString(), "escalation " + mine, childToken).expect(201).json().getString("copy");
        assertEquals(403, post(Json.createObjectBuilder().add("type", "closed").add("message", copy).build().toString(), "closed " + copy, strangerToken)
                .status(), "a closing from a node that is not the copy's escalatedFrom");
        FeedbackKit.reply(copy, "已收到。", Callers.secretaryOf(committee)).expect(200);
    }
}
