package org.lianxin.conformance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.feedback.FeedbackKit.awaitEscalation;
import static org.lianxin.conformance.feedback.FeedbackKit.parse;
import static org.lianxin.conformance.feedback.FeedbackKit.replied;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Callers;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.federation.StubNode;
import org.lianxin.conformance.feedback.FeedbackKit;
import org.lianxin.conformance.fixtures.ParentStub;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * 18.6 from the node's side: with the kit's {@link ParentStub} as its parent, a request nobody
 * answers at a service point that is a root of the node climbs to the stub's city committee as an
 * escalation message without the resident; the reply of the city reaches the resident, and the
 * rating reaches the copy. Then the checks of the node's own message route.
 */
class EscalationTest {

    @Test
    @DisplayName("LX-SERVICE-8 an unanswered request is escalated to the parent as an escalation message with serviceCategory, the copy stored, replies passed both ways, the rating to the copy; LX-SERVICE-9 no sender and no contact in any message")
    @Verifies(id = "LX-SERVICE-8", level = "MUST", of = "Service")
    @Verifies(id = "LX-SERVICE-9", level = "MUST NOT", of = "Service")
    void climbsToTheParent() {
        Inapplicable.unless(Kit.current().claims("Federation"), "the node does not claim Federation: it has no parent to escalate to");
        try (ParentStub parent = ParentStub.adopt()) {
            String point = parent.newOrganization("桩市东湖社区党委", "PrimaryCommittee", parent.organization("city"), ", \"serviceArea\": \"东湖社区\"");
            String resident = ServiceKit.newResident();
            String text = "小区门口的路灯坏了一个月，晚上老人出门不安全。　🙏";
            JsonObject sent = ServiceKit.sent(resident, ServiceKit.request("Environment", "路灯维修", text, point, ""));
            String id = sent.getString("id");

            StubNode.Call call = awaitEscalation("the escalation message of " + id + " at " + parent.base(),
                    () -> calls(parent).stream().filter(c -> parse(c.body()).getString("type", "").equals("escalation")).findFirst());
            JsonObject message = parse(call.body());
            assertEquals(List.of(id, parent.organization("city"), "Environment", text, "路灯维修", point),
                    List.of(message.getString("message", ""), message.getString("organization", ""), message.getString("serviceCategory", ""),
                            message.getString("text", ""), message.getString("name", ""), message.getString("sentTo", "")), call.body());
            assertEquals("escalation " + id, call.headers().getOrDefault("Idempotency-Key", ""));
            for (String key : List.of("sender", "senderName", "contact")) {
                assertFalse(message.containsKey(key), "LX-SERVICE-9: " + key + " in " + call.body());
            }
            assertFalse(ServiceKit.holdsContact(call.body()) || call.body().contains(sent.getString("sender")), "LX-SERVICE-9: " + call.body());
            String admin = "Bearer " + parent.admin(point);
            String copy = FeedbackKit.await("the copy stored as escalatedCopy", () -> Optional.of(FeedbackKit.record(id, admin))
                    .filter(r -> r.containsKey("escalatedCopy")), Duration.ofSeconds(15)).getString("escalatedCopy");
            assertTrue(copy.startsWith(parent.base() + "/service-requests/"), copy);

            replied(id, "社区已报修，三日内修好。", admin);
            StubNode.Call passed = FeedbackKit.await("the point's reply passed to the copy's node", () -> calls(parent).stream()
                    .filter(c -> parse(c.body()).getString("type", "").equals("reply")).findFirst(), Duration.ofSeconds(15));
            assertEquals(List.of(copy, "社区已报修，三日内修好。"), List.of(parse(passed.body()).getString("message", ""), parse(passed.body()).getString("text", "")));

            String replyId = "r-kit-" + Sandbox.uniqueId("up");
            JsonObject fromCity = Json.createObjectBuilder().add("type", "reply").add("message", id).add("replyId", replyId)
                    .add("text", "市城管局已督办。").add("sentAt", ParentStub.now()).add("repliedBy", parent.organization("city")).build();
            Response answer = Http.post(Kit.current().base() + "/service-requests/messages", "application/json", fromCity.toString(),
                    "Accept", "application/json", "Idempotency-Key", "reply " + id + " " + replyId, "Authorization", "Bearer " + parent.nodeToken());
            assertEquals(200, answer.status(), answer.body());
            JsonObject mine = FeedbackKit.record(id, resident);
            assertTrue(FeedbackKit.replies(mine).stream().anyMatch(r -> r.getString("replyId", "").equals(replyId)), "the city's reply reaches the resident: " + mine);

            assertEquals(200, FeedbackKit.act(id, "rating", "{\"rating\": 4}", resident).status());
            StubNode.Call closed = FeedbackKit.await("the closing passed to the copy's node", () -> calls(parent).stream()
                    .filter(c -> parse(c.body()).getString("type", "").equals("closed")).findFirst(), Duration.ofSeconds(15));
            assertEquals(copy, parse(closed.body()).getString("message", ""));
            for (StubNode.Call c : calls(parent)) {
                assertFalse(ServiceKit.holdsContact(c.body()) || c.body().contains(sent.getString("sender")), "LX-SERVICE-9: " + c.body());
            }
        }
    }

    @Test
    @DisplayName("LX-SERVICE-10 the node's message route refuses a message without Idempotency-Key or of no type (400), and one from a person or from a node that is not its child (403)")
    @Verifies(id = "LX-SERVICE-10", level = "MUST", of = "Service")
    void messagesChecked() {
        String url = Kit.current().base() + "/service-requests/messages";
        String stranger = "http://127.0.0.1:9/nodes/" + Sandbox.uniqueId("stranger");
        String body = Json.createObjectBuilder().add("type", "escalation").add("message", stranger + "/service-requests/x")
                .add("organization", Kit.current().sandbox().organization()).add("serviceCategory", "Dispute").add("text", "？")
                .add("sentTo", stranger + "/organizations/x").add("sentAt", ParentStub.now()).add("replies", Json.createArrayBuilder()).build().toString();
        String node = "Bearer " + Kit.current().tokens().mint(Json.createObjectBuilder().add("sub", stranger).add("groups", Json.createArrayBuilder().add("node")).build());
        assertEquals(400, Http.post(url, "application/json", body, "Authorization", node).status(), "no Idempotency-Key");
        assertEquals(400, Http.post(url, "application/json", "{\"type\": \"gossip\"}", "Idempotency-Key", "k", "Authorization", node).status(), "no type of Table 14.9");
        assertEquals(403, Http.post(url, "application/json", body, "Idempotency-Key", "k", "Authorization", Callers.secretaryOf(Kit.current().sandbox().organization()))
                .status(), "a person");
        assertEquals(403, Http.post(url, "application/json", body, "Idempotency-Key", "k", "Authorization", node).status(), "a node that is not a child");
    }

    private static List<StubNode.Call> calls(ParentStub parent) {
        return parent.stub().calls("POST", "/service-requests/messages");
    }
}
