package org.lianxin.conformance.feedback;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Callers.secretaryOf;
import static org.lianxin.conformance.Answers.assertRule;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.Answers.listed;
import static org.lianxin.conformance.Callers.memberToken;
import static org.lianxin.conformance.feedback.FeedbackKit.message;
import static org.lianxin.conformance.feedback.FeedbackKit.read;
import static org.lianxin.conformance.feedback.FeedbackKit.replied;
import static org.lianxin.conformance.feedback.FeedbackKit.send;
import static org.lianxin.conformance.feedback.FeedbackKit.sent;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/**
 * 14.2 to 14.5: sending, reading and listing messages. Two members of a branch of the sandbox write
 * to their branch and to its committee; the kit checks what the node sets, the rules of Table 14.7,
 * that each record is read and listed by its sender and its addressees and by nobody else, and that
 * the texts come back as written — ideographic spaces, full-width letters, emoji and line breaks —
 * in JSON-LD and in Turtle. Each message is answered at once, so that none escalates meanwhile.
 */
class MessagesTest {

    private static String committee;
    private static String branch;
    private static String beside;
    private static String member;
    private static String other;

    @BeforeAll
    static void members() {
        committee = Current.sandbox().newOrganization("留言测试县委", "CountyCommittee");
        branch = Current.sandbox().newOrganization("东村党支部", "Branch", committee);
        beside = Current.sandbox().newOrganization("邻县县委", "CountyCommittee");
        member = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("王秀英", branch));
        other = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("李建国", branch));
    }

    @Test
    @DisplayName("LX-FEEDBACK-1 the node description lists the endpoints of Table 14.2")
    @Verifies(id = "LX-FEEDBACK-1", level = "MUST", of = "Feedback")
    void endpoints() {
        for (String[] rel : new String[][] {{"feedback", "/feedback"}, {"feedback-messages", "/feedback/messages"}, {"events", "/events"}}) {
            assertEquals(base() + rel[1], Kit.current().endpoint(rel[0]).orElse(null), "the endpoint " + rel[0]);
        }
    }

    @Test
    @DisplayName("LX-FEEDBACK-2 a member's message is 201 with Location, the member as sender, their name, Open, sentAt and their branch as sentTo; LX-FEEDBACK-20 its texts come back as written in JSON-LD and Turtle")
    @Verifies(id = "LX-FEEDBACK-2", level = "MUST", of = "Feedback")
    @Verifies(id = "LX-FEEDBACK-20", level = "MUST", of = "Feedback")
    void sentAndStored() {
        String name = "关于党费　基数（退休）";
        JsonObject record = sent(member, message("Question", name, FeedbackKit.PHONE_TEXT, ""));
        String id = record.getString("id");
        replied(id, "按退休费总额计算。😊", secretaryOf(branch));
        assertEquals(List.of(member, "王秀英", branch, "Question"), List.of(record.getString("sender", ""), record.getString("senderName", ""),
                record.getString("sentTo", ""), record.getString("feedbackKind", "")), record.toString());
        assertEquals("Open", record.getString("feedbackState", ""));
        OffsetDateTime.parse(record.getString("sentAt", ""));
        assertEquals(FeedbackKit.PHONE_TEXT, record.getString("text", ""), "the text as written");
        assertEquals(name, record.getString("name", ""));

        JsonObject again = FeedbackKit.record(id, secretaryOf(branch));
        assertEquals(FeedbackKit.PHONE_TEXT, again.getString("text", ""));
        assertEquals("按退休费总额计算。😊", FeedbackKit.replies(again).get(0).getString("text", ""));
        Response turtle = Http.get(id, "Accept", "text/turtle", "Authorization", memberToken(member));
        assertEquals(200, turtle.status(), turtle.body());
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle.body(), Lang.TURTLE).parse(graph);
        Set<String> literals = new java.util.HashSet<>();
        graph.find().forEach(t -> {
            if (t.getObject().isLiteral()) {
                literals.add(t.getObject().getLiteralLexicalForm());
            }
        });
        for (String text : List.of(FeedbackKit.PHONE_TEXT, name, "王秀英", "按退休费总额计算。😊")) {
            assertTrue(literals.contains(text), "the Turtle holds " + text + " as written: " + turtle.body());
        }

        JsonObject toCommittee = sent(member, message("Suggestion", "建议", "建议增加线上学习内容。", ", \"sentTo\": \"" + committee + "\""));
        assertEquals(committee, toCommittee.getString("sentTo", ""), "an organization above the branch");
        replied(toCommittee.getString("id"), "收到。", secretaryOf(committee));
    }

    @Test
    @DisplayName("LX-FEEDBACK-2 403 to a caller that is not a member of the node; 422 feedback-sender, feedback-organization and for the shapes")
    @Verifies(id = "LX-FEEDBACK-2", level = "MUST", of = "Feedback")
    void refused() {
        String body = message("Suggestion", "建议", "建议", "");
        assertEquals(403, send(secretaryOf(branch), body).status(), "a secretary sends no message");
        assertEquals(403, send(memberToken(base() + "/members/" + org.lianxin.conformance.fixtures.Sandbox.uniqueId("nobody")), body).status(),
                "a member claim that names no member record of the node");
        assertRule(send(memberToken(member), message("Suggestion", "冒名", "冒名", ", \"sender\": \"" + other + "\"")), 422, "feedback-sender", "sender",
                "another member as sender");
        assertRule(send(memberToken(member), message("Suggestion", "越界", "越界", ", \"sentTo\": \"" + beside + "\"")), 422, "feedback-organization",
                "sentTo", "an organization not above the member's branch");
        assertEquals(422, send(memberToken(member), message("Gossip", "闲聊", "闲聊", "")).status(), "a kind not of Table 14.4");
        assertEquals(422, send(memberToken(member), message("Question", "过长", "长".repeat(2001), "")).status(), "a text of 2,001 characters");
        assertEquals(List.of(), listed(base() + "/feedback?state=Open&organization=" + enc(beside), secretaryOf(beside)), "nothing stored");
    }

    @Test
    @DisplayName("LX-FEEDBACK-3 a message is read by its sender and its addressees only: 404 to another member, to a committee it was not sent to, to the sandbox's administrator and to a node operator; LX-FEEDBACK-7 lists hold exactly what the caller may read, by state and organization")
    @Verifies(id = "LX-FEEDBACK-3", level = "MUST", of = "Feedback")
    @Verifies(id = "LX-FEEDBACK-7", level = "MUST", of = "Feedback")
    void onlyThoseAddressed() {
        String committee = Current.sandbox().newOrganization("可见范围测试县委", "CountyCommittee");
        String branch = Current.sandbox().newOrganization("西村党支部", "Branch", committee);
        String member = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("赵敏", branch));
        String other = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("钱伟", branch));
        JsonObject first = sent(member, message("HelpRequest", "求助", "家里老人生病，想请支部帮忙联系医院。", ""));
        replied(first.getString("id"), "已联系县医院。", secretaryOf(branch));
        JsonObject second = sent(member, message("Report", "反映", "村道路灯坏了。", ", \"sentTo\": \"" + committee + "\""));
        replied(second.getString("id"), "已转交。", secretaryOf(committee));
        JsonObject third = sent(other, message("Question", "咨询", "组织关系怎么转？", ""));
        replied(third.getString("id"), "在平台上申请。", secretaryOf(branch));
        FeedbackKit.act(third.getString("id"), "close", null, memberToken(other)).expect(200);

        String id = first.getString("id");
        assertEquals(200, read(id, memberToken(member)).status(), "the sender");
        assertEquals(200, read(id, secretaryOf(branch)).status(), "the branch it was sent to");
        for (String caller : List.of(memberToken(other), secretaryOf(committee), "Bearer " + Kit.current().tokens().admin(),
                "Bearer " + Kit.current().tokens().operator())) {
            assertEquals(404, read(id, caller).status(), "a caller who is neither the sender nor acting for an addressee");
        }
        assertEquals(404, FeedbackKit.reply(id, "插话", memberToken(other)).status(), "an action by another member");

        String list = base() + "/feedback";
        assertEquals(Set.of(id, second.getString("id")), Set.copyOf(listed(list, memberToken(member))), "the sender's own messages");
        assertEquals(Set.of(third.getString("id")), Set.copyOf(listed(list, memberToken(other))));
        assertEquals(Set.of(id, third.getString("id")), Set.copyOf(listed(list, secretaryOf(branch))), "those sent to the branch");
        assertEquals(Set.of(second.getString("id")), Set.copyOf(listed(list, secretaryOf(committee))), "those sent to the committee");
        assertEquals(Set.of(id), Set.copyOf(listed(list + "?state=Answered", secretaryOf(branch))));
        assertEquals(Set.of(third.getString("id")), Set.copyOf(listed(list + "?state=Closed", secretaryOf(branch))));
        assertEquals(Set.of(second.getString("id")), Set.copyOf(listed(list + "?organization=" + enc(committee), memberToken(member))));
        assertEquals(List.of(), listed(list, secretaryOf(beside)));
        assertEquals(400, Http.get(list + "?state=Pending", "Accept", FeedbackKit.JSON_LD, "Authorization", secretaryOf(branch)).status(),
                "a state that is not of Table 14.8");
    }
}
