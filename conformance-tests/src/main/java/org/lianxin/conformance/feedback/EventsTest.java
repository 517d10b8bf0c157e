package org.lianxin.conformance.feedback;

import org.lianxin.conformance.Callers;
import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Callers.secretaryOf;
import static org.lianxin.conformance.feedback.FeedbackKit.asked;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.feedback.FeedbackKit.replied;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.EventStream;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * 14.8: server-sent events, read by the kit's own stream reader over java.net.http. Two members of
 * a branch, the branch and the committee above it each hold a stream; the kit sends, replies and
 * issues a task, and checks who is told what, how soon after the answer that made the change, with
 * which ids, and that a stream resumed with Last-Event-ID misses nothing and repeats nothing.
 */
class EventsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static String committee;
    private static String branch;
    private static String member;
    private static String other;

    @BeforeAll
    static void members() {
        committee = Current.sandbox().newOrganization("推送测试县委", "CountyCommittee");
        branch = Current.sandbox().newOrganization("北村党支部", "Branch", committee);
        member = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("周芳", branch));
        other = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("吴刚", branch));
    }

    private static String events() {
        return base() + "/events";
    }

    private static String token(String authorization) {
        return authorization.substring("Bearer ".length());
    }

    @Test
    @DisplayName("LX-FEEDBACK-14 200 text/event-stream with numbered events whose data are JSON without the text, 401 without a token, 406 without text/event-stream; LX-FEEDBACK-15 each stream gets exactly its caller's events; LX-FEEDBACK-16 within 1 s of the change")
    @Verifies(id = "LX-FEEDBACK-14", level = "MUST", of = "Feedback")
    @Verifies(id = "LX-FEEDBACK-15", level = "MUST", of = "Feedback")
    @Verifies(id = "LX-FEEDBACK-16", level = "MUST", of = "Feedback")
    void whoIsToldWhatAndWhen() {
        try (EventStream none = EventStream.open(events(), null, null)) {
            assertEquals(401, none.status(), "no token");
        }
        try (EventStream json = EventStream.open(events(), token(Callers.memberToken(member)), null, "application/json")) {
            assertEquals(406, json.status(), "an Accept that does not allow text/event-stream");
        }
        try (EventStream mine = EventStream.open(events(), token(Callers.memberToken(member)), null);
             EventStream theirs = EventStream.open(events(), token(Callers.memberToken(other)), null);
             EventStream ofBranch = EventStream.open(events(), token(secretaryOf(branch)), null);
             EventStream ofCommittee = EventStream.open(events(), token(secretaryOf(committee)), null)) {
            assertEquals(200, mine.status());
            assertEquals("text/event-stream", mine.mediaType());
            String secret = "我家的困难情况，只告诉支部。";
            long sending = System.nanoTime();
            String id = asked(member, secret).getString("id");
            long stored = System.nanoTime();
            EventStream.Event toBranch = ofBranch.expect("feedback", "message", id, Duration.ofSeconds(5));
            assertTrue(toBranch.receivedNanos() - stored < SECOND.toNanos(), "the feedback event reached the branch "
                    + (toBranch.receivedNanos() - stored) / 1_000_000 + " ms after the 201");
            assertEquals(List.of(branch, "Question"), List.of(toBranch.data().getString("organization", ""), toBranch.data().getString("feedbackKind", "")));

            long replying = System.nanoTime();
            String replyText = "支部会尽快联系你。";
            String replyId = FeedbackKit.replies(replied(id, replyText, secretaryOf(branch))).get(0).getString("replyId", "");
            long answered = System.nanoTime();
            EventStream.Event reply = mine.expect("reply", "message", id, Duration.ofSeconds(5));
            assertTrue(reply.receivedNanos() - answered < SECOND.toNanos(), "the reply event reached the sender "
                    + (reply.receivedNanos() - answered) / 1_000_000 + " ms after the 200");
            assertEquals(List.of(replyId, branch), List.of(reply.data().getString("replyId", ""), reply.data().getString("repliedBy", "")));
            EventStream.Event state = mine.expect("feedback-state", "message", id, Duration.ofSeconds(5));
            assertEquals("Answered", state.data().getString("feedbackState", ""));
            ofBranch.expect("reply", "message", id, Duration.ofSeconds(5));
            assertTrue(sending < replying);

            String task = null;
            if (Kit.current().claims("Tasks")) {
                task = org.lianxin.conformance.Http.post(base() + "/tasks", "application/ld+json", """
                        {"@context": "%s", "type": "Task", "taskKind": "ActionRequest", "issuedBy": "%s", "name": "主题党日：重温入党誓词",
                         "dueDate": "%s", "activityType": "ThemedPartyDay", "topic": "重温入党誓词 %s"}"""
                        .formatted(Sandbox.CONTEXT, committee, LocalDate.now().plusDays(30), Sandbox.uniqueId("t")),
                        "Accept", "application/ld+json", "Authorization", secretaryOf(committee)).expect(201).json().getString("id");
                ofBranch.expect("task", "task", task, Duration.ofSeconds(5));
                ofCommittee.expect("task", "task", task, Duration.ofSeconds(5));
            }
            for (EventStream stream : List.of(mine, ofBranch)) {
                for (EventStream.Event e : stream.events()) {
                    assertFalse(e.rawData().contains(secret) || e.rawData().contains(replyText), "an event holds the text: " + e.rawData());
                }
                List<Long> ids = stream.events().stream().map(EventStream.Event::number).toList();
                assertEquals(ids.stream().sorted().distinct().toList(), ids, "ids only increase on a stream");
            }
            assertEquals(List.of(), theirs.mentioning(id), "another member is told nothing of the message");
            assertEquals(List.of(), ofCommittee.mentioning(id), "nor the committee it was not sent to");
            if (task != null) {
                assertEquals(List.of(), mine.mentioning(task), "a member is sent no task event");
            }
        }
    }

    @Test
    @DisplayName("LX-FEEDBACK-15 a member is sent the feedback event of the message they send (Table 14.12: the sender)")
    @Verifies(id = "LX-FEEDBACK-15", level = "MUST", of = "Feedback")
    void theSenderIsTold() {
        try (EventStream mine = EventStream.open(events(), token(Callers.memberToken(member)), null)) {
            assertEquals(200, mine.status());
            String id = asked(member, "请问支部的联系电话？").getString("id");
            try {
                EventStream.Event told = mine.expect("feedback", "message", id, Duration.ofSeconds(5));
                assertEquals(branch, told.data().getString("organization", ""));
            } finally {
                replied(id, "请拨打支部办公室电话。", secretaryOf(branch));
            }
        }
    }

    @Test
    @DisplayName("LX-FEEDBACK-17 a stream opened with Last-Event-ID first sends the caller's later events in order, then the live ones, none twice")
    @Verifies(id = "LX-FEEDBACK-17", level = "MUST", of = "Feedback")
    void resumedWithLastEventId() {
        String id;
        String last;
        try (EventStream mine = EventStream.open(events(), token(Callers.memberToken(member)), null)) {
            id = asked(member, "党员活动室开放时间？").getString("id");
            replied(id, "请问是问哪个活动室？", secretaryOf(branch));
            last = mine.expect("reply", "message", id, Duration.ofSeconds(5)).id();
        }
        replied(id, "每天九点至五点。", secretaryOf(branch));
        replied(id, "周末闭馆。", memberOf());
        replied(id, "节假日另行通知。", secretaryOf(branch));
        try (EventStream resumed = EventStream.open(events(), token(Callers.memberToken(member)), last)) {
            assertEquals(200, resumed.status());
            EventStream.Event first = resumed.expect("reply", "message", id, Duration.ofSeconds(5));
            EventStream.Event second = resumed.expect("reply", "message", id, Duration.ofSeconds(5));
            EventStream.Event third = resumed.expect("reply", "message", id, Duration.ofSeconds(5));
            assertTrue(Long.parseLong(last) < first.number() && first.number() < second.number() && second.number() < third.number(),
                    "in the order of their ids, after " + last);
            assertEquals(branch, first.data().getString("repliedBy", ""), "the replies in the order they were written");
            assertFalse(second.data().containsKey("repliedBy"), "the follow-up second");
            replied(id, "如有变化，支部群里通知。", secretaryOf(branch));
            EventStream.Event live = resumed.expect("reply", "message", id, Duration.ofSeconds(5));
            assertTrue(live.number() > third.number());
            EventStream.Event firstEvent = resumed.events().get(0);
            assertTrue(firstEvent.number() > Long.parseLong(last), "nothing before Last-Event-ID: " + firstEvent);
            List<String> seen = resumed.events().stream().map(EventStream.Event::id).toList();
            assertEquals(seen.stream().distinct().toList(), seen, "no event twice");
        }
    }

    private static String memberOf() {
        return Callers.memberToken(member);
    }

    @Test
    @DisplayName("LX-FEEDBACK-14 a Last-Event-ID that is not a non-negative integer is ignored, as if there were none: 200 and a stream")
    @Verifies(id = "LX-FEEDBACK-14", level = "MUST", of = "Feedback")
    @Verifies(id = "LX-FEEDBACK-17", level = "MUST", of = "Feedback")
    void aLastEventIdThatIsNoNumberIsIgnored() {
        try (EventStream stream = EventStream.open(events(), token(Callers.memberToken(member)), "abc")) {
            assertEquals(200, stream.status(), "14.8: a Last-Event-ID that is not a non-negative integer is ignored");
            assertEquals("text/event-stream", stream.mediaType());
        }
    }

    @Test
    @DisplayName("LX-FEEDBACK-18 a stream carries a retry field before its first event and a comment line at least every 15 s")
    @Verifies(id = "LX-FEEDBACK-18", level = "MUST", of = "Feedback")
    void keptOpen() {
        try (EventStream stream = EventStream.open(events(), token(secretaryOf(branch)), null)) {
            assertEquals(200, stream.status());
            String id = asked(member, "支部书记什么时候值班？").getString("id");
            stream.expect("feedback", "message", id, Duration.ofSeconds(5));
            replied(id, "每周一上午。", secretaryOf(branch));
            assertTrue(stream.lines().stream().anyMatch(l -> l.text().startsWith("retry:") && l.eventsBefore() == 0),
                    "a retry field before the first event: " + stream.lines());
            long from = stream.lines().stream().filter(l -> l.text().startsWith(":")).mapToLong(EventStream.Line::receivedNanos).max()
                    .orElse(stream.openedNanos());
            assertTrue(stream.awaitLine(l -> l.text().startsWith(":"), from, Duration.ofMillis(16_000)).isPresent(),
                    "a comment line within 15 s (and 1 s for the network) of the last one: " + stream.lines());
        }
    }
}
