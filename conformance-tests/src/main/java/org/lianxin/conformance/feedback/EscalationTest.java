package org.lianxin.conformance.feedback;

import org.lianxin.conformance.Callers;
import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Callers.secretaryOf;
import static org.lianxin.conformance.feedback.FeedbackKit.asked;
import static org.lianxin.conformance.feedback.FeedbackKit.awaitEscalation;
import static org.lianxin.conformance.feedback.FeedbackKit.parse;
import static org.lianxin.conformance.feedback.FeedbackKit.read;
import static org.lianxin.conformance.feedback.FeedbackKit.replied;
import static org.lianxin.conformance.feedback.FeedbackKit.strings;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.federation.StubNode;
import org.lianxin.conformance.fixtures.ParentStub;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * 14.6 and 14.7 from the node's side: a message nobody answers climbs. On the node, from a branch
 * of the sandbox to its committee; then, with the kit's {@link ParentStub} as the node's parent,
 * from a root of the node to the stub's municipal committee, as an escalation message the stub
 * answers with a copy of its own. The kit then plays the copy's node: it sees the node pass the
 * root's reply and the member's rating on, and sends a reply of its own that the member must get.
 * How long the kit waits is {@link FeedbackKit#escalationBound()}.
 */
class EscalationTest {

    @Test
    @DisplayName("LX-FEEDBACK-8 a message left Open longer than the delay is escalated to the branch's committee (escalatedTo, escalatedAt), not before the delay; one answered is not")
    @Verifies(id = "LX-FEEDBACK-8", level = "MUST", of = "Feedback")
    void climbsOnTheNode() {
        String committee = Current.sandbox().newOrganization("上报测试县委", "CountyCommittee");
        String branch = Current.sandbox().newOrganization("上报测试党支部", "Branch", committee);
        String member = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("郑爽", branch));
        JsonObject waiting = asked(member, "村里道路硬化问题反映多次无人答复。");
        JsonObject answered = asked(member, "支部什么时候开会？");
        replied(answered.getString("id"), "下周三。", secretaryOf(branch));

        JsonObject escalated = awaitEscalation("the escalation of " + waiting.getString("id") + " to " + committee, () -> {
            Response r = read(waiting.getString("id"), secretaryOf(committee));
            return r.status() == 200 ? Optional.of(r.json()) : Optional.empty();
        });
        assertEquals(List.of(committee), strings(escalated, "escalatedTo"), escalated.toString());
        assertTrue(escalated.containsKey("escalatedAt"), escalated.toString());
        FeedbackKit.assertNotEarly(escalated, waiting.getString("sentAt"));
        assertEquals("Open", escalated.getString("feedbackState", ""));
        assertEquals(404, read(answered.getString("id"), secretaryOf(committee)).status(), "an Answered message stays where it was sent");
        replied(waiting.getString("id"), "县委已安排人员核实。", secretaryOf(committee));
    }

    @Test
    @DisplayName("LX-FEEDBACK-9 a message escalated to the parent's organization is delivered as an escalation message and the copy stored; LX-FEEDBACK-10 without the sender's ID number, phone, address or birth date; LX-FEEDBACK-11 replies pass along the chain both ways; LX-FEEDBACK-12 the rating reaches the copy; LX-FEEDBACK-20 the texts as written")
    @Verifies(id = "LX-FEEDBACK-9", level = "MUST", of = "Feedback")
    @Verifies(id = "LX-FEEDBACK-10", level = "MUST NOT", of = "Feedback")
    @Verifies(id = "LX-FEEDBACK-11", level = "MUST", of = "Feedback")
    @Verifies(id = "LX-FEEDBACK-12", level = "MUST", of = "Feedback")
    @Verifies(id = "LX-FEEDBACK-20", level = "MUST", of = "Feedback")
    void climbsToTheParent() {
        Inapplicable.unless(Kit.current().claims("Federation"), "the node does not claim Federation: it has no parent to escalate to");
        try (ParentStub parent = ParentStub.adopt()) {
            String root = parent.newOrganization("桩市青山县委", "CountyCommittee", parent.organization("city"));
            String branch = parent.newOrganization("青山县东村党支部", "Branch", root);
            String memberBody = Kit.current().sandbox().memberBody("张伟", branch);
            String member = parent.newMemberFrom(memberBody);
            String text = "我父亲今年三月提交了低保申请，到现在没有答复，想请组织帮忙问一问。　🙏";
            JsonObject sent = FeedbackKit.sent(member, FeedbackKit.message("HelpRequest", "村里低保申请没人受理", text, ", \"sentTo\": \"" + root + "\""));
            String id = sent.getString("id");

            StubNode.Call call = awaitEscalation("the escalation message of " + id + " at " + parent.base(),
                    () -> parent.stub().calls("POST", "/feedback/messages").stream().filter(c -> parse(c.body()).getString("type", "").equals("escalation"))
                            .findFirst());
            JsonObject message = parse(call.body());
            assertEquals(List.of(id, parent.organization("city"), "HelpRequest", text, "村里低保申请没人受理", root, member, "张伟"),
                    List.of(message.getString("message", ""), message.getString("organization", ""), message.getString("feedbackKind", ""),
                            message.getString("text", ""), message.getString("name", ""), message.getString("sentTo", ""),
                            message.getString("sender", ""), message.getString("senderName", "")), call.body());
            // One xsd:dateTime has many spellings (…55.170Z, …55.17Z): the same time is what Table 14.9 asks for.
            assertTrue(OffsetDateTime.parse(message.getString("sentAt", "")).isEqual(OffsetDateTime.parse(sent.getString("sentAt"))),
                    "sentAt " + message.getString("sentAt", "") + " is the message's " + sent.getString("sentAt"));
            assertEquals(0, message.getJsonArray("replies").size());
            assertEquals("escalation " + id, call.headers().getOrDefault("Idempotency-Key", ""), "the Idempotency-Key of Table 14.9");
            assertTrue(call.headers().getOrDefault("Content-Type", "").startsWith("application/json"), call.headers().toString());
            assertEquals(Kit.current().base(), claims(call.headers().get("Authorization")).getString("sub", ""), "the node's credential");
            for (String value : FeedbackKit.sensitive(memberBody)) {
                assertFalse(call.body().contains(value), "LX-FEEDBACK-10: the escalation holds the sender's value " + value + ": " + call.body());
            }
            for (String key : List.of("nationalId", "telephone", "address", "birthDate")) {
                assertFalse(message.containsKey(key), "LX-FEEDBACK-10: " + key);
            }
            String copy = FeedbackKit.await("the copy stored as escalatedCopy", () -> Optional.of(FeedbackKit.record(id, "Bearer " + parent.admin(root)))
                            .filter(r -> r.containsKey("escalatedCopy")), Duration.ofSeconds(15)).getString("escalatedCopy");
            JsonObject atRoot = FeedbackKit.record(id, "Bearer " + parent.admin(root));
            assertTrue(strings(atRoot, "escalatedTo").contains(parent.organization("city")), atRoot.toString());
            assertTrue(copy.startsWith(parent.base() + "/feedback/"), "the copy the parent answered: " + copy);

            String replyText = "县委已联系民政局，三日内答复。";
            replied(id, replyText, "Bearer " + parent.admin(root));
            StubNode.Call passed = FeedbackKit.await("the root's reply passed to the copy's node", () -> parent.stub().calls("POST", "/feedback/messages").stream()
                    .filter(c -> parse(c.body()).getString("type", "").equals("reply")).findFirst(), Duration.ofSeconds(15));
            JsonObject reply = parse(passed.body());
            assertEquals(List.of(copy, replyText, root), List.of(reply.getString("message", ""), reply.getString("text", ""), reply.getString("repliedBy", "")),
                    passed.body());
            assertEquals("reply " + copy + " " + reply.getString("replyId", ""), passed.headers().getOrDefault("Idempotency-Key", ""));

            String replyId = "r-kit-" + Sandbox.uniqueId("up");
            JsonObject fromCity = Json.createObjectBuilder().add("type", "reply").add("message", id).add("replyId", replyId)
                    .add("text", "市委已督办此事。👍").add("sentAt", ParentStub.now()).add("repliedBy", parent.organization("city")).build();
            for (int i = 0; i < 2; i++) {
                Response answer = org.lianxin.conformance.Http.post(Kit.current().base() + "/feedback/messages", "application/json", fromCity.toString(),
                        "Accept", "application/json", "Idempotency-Key", "reply " + id + " " + replyId, "Authorization", "Bearer " + parent.nodeToken());
                assertEquals(200, answer.status(), answer.body());
                assertEquals("Answered", answer.json().getString("feedbackState", ""));
            }
            JsonObject mine = FeedbackKit.record(id, Callers.memberToken(member));
            assertEquals(1, FeedbackKit.replies(mine).stream().filter(r -> r.getString("replyId", "").equals(replyId)).count(),
                    "the city's reply reaches the member once: " + mine);
            assertEquals("市委已督办此事。👍", FeedbackKit.replies(mine).stream().filter(r -> r.getString("replyId", "").equals(replyId)).findFirst()
                    .orElseThrow().getString("text", ""));
            assertEquals(0, parent.stub().calls("POST", "/feedback/messages").stream().filter(c -> parse(c.body()).getString("replyId", "").equals(replyId))
                    .count(), "the reply is not sent back where it came from");

            Response rated = FeedbackKit.act(id, "rating", "{\"rating\": 4}", Callers.memberToken(member));
            assertEquals(200, rated.status(), rated.body());
            StubNode.Call closed = FeedbackKit.await("the closing passed to the copy's node", () -> parent.stub().calls("POST", "/feedback/messages").stream()
                    .filter(c -> parse(c.body()).getString("type", "").equals("closed")).findFirst(), Duration.ofSeconds(15));
            assertEquals(copy, parse(closed.body()).getString("message", ""));
            assertEquals(4, parse(closed.body()).getInt("rating", 0));
            assertEquals("closed " + copy, closed.headers().getOrDefault("Idempotency-Key", ""));
        }
    }

    private static JsonObject claims(String authorization) {
        String token = authorization == null ? "" : authorization.replaceFirst("(?i)^Bearer\\s+", "");
        String[] parts = token.split("\\.");
        assertTrue(parts.length >= 2, "a bearer JWT");
        return parse(new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8));
    }
}
