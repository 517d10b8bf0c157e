package org.lianxin.node.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.EventStream;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Problems;
import org.lianxin.node.testing.Trees;

/**
 * Feedback (spec chapter 14) between a member of a village branch on a county node and the
 * organizations above, up to a city node, over HTTP; live through Server-Sent Events. The test
 * server escalates an unanswered message after 3 s (pom.xml), so escalation is seen in seconds.
 */
class FeedbackIT {

    static final String CITY_NODE = NodeClient.serverUrl() + "/nodes/feedback-city";
    static final String COUNTY_NODE = NodeClient.serverUrl() + "/nodes/feedback-county";

    static String city;
    static String county;
    static String village;
    static String member;
    static String otherMember;

    @BeforeAll
    static void federation() {
        city = Trees.organizationOn(CITY_NODE, "青州市委", "MunicipalCommittee", NodeClient.top(CITY_NODE));
        county = Trees.organizationOn(COUNTY_NODE, "青山县委", "CountyCommittee", city);
        village = Trees.organizationOn(COUNTY_NODE, "东村党支部", "Branch", county);
        member = member(village, "王秀英");
        otherMember = member(village, "李建国");
        HttpResponse<String> registered = NodeClient.as(NodeClient.token(CITY_NODE)).post(CITY_NODE + "/federation/children", "application/json",
                "{\"base\": \"" + COUNTY_NODE + "\"}");
        assertEquals(201, registered.statusCode(), registered.body());
    }

    static String member(String branch, String name) {
        HttpResponse<String> created = secretary(branch).post(COUNTY_NODE + "/members", Fixtures.JSON_LD, Fixtures.member(name, branch));
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    static NodeClient.As secretary(String organization) {
        return NodeClient.as(NodeClient.tokenFor(organization, "secretary"));
    }

    static NodeClient.As as(String member) {
        return NodeClient.as(NodeClient.memberToken(member));
    }

    static String message(String kind, String text, String extra) {
        return """
                {"@context": "%s", "type": "Feedback", "feedbackKind": "%s", "name": "关于党费", "text": "%s"%s}"""
                .formatted(Fixtures.CONTEXT, kind, text, extra);
    }

    static JsonObject send(String text) {
        HttpResponse<String> sent = as(member).post(COUNTY_NODE + "/feedback", Fixtures.JSON_LD, message("Question", text, ""));
        assertEquals(201, sent.statusCode(), sent.body());
        return NodeClient.json(sent);
    }

    static HttpResponse<String> reply(NodeClient.As who, String message, String text) {
        return who.post(message + "/replies", "application/json", "{\"text\": \"" + text + "\"}");
    }

    static JsonObject read(NodeClient.As who, String message) {
        HttpResponse<String> read = who.get(message, Fixtures.JSON_LD);
        assertEquals(200, read.statusCode(), read.body());
        return NodeClient.json(read);
    }

    /** Waits for {@code message}, as {@code who} reads it, to reach the state; fails after 15 s. */
    static JsonObject awaitState(NodeClient.As who, String message, String state) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonObject last = null;
        while (System.nanoTime() < until) {
            HttpResponse<String> read = who.get(message, Fixtures.JSON_LD);
            if (read.statusCode() == 200) {
                last = NodeClient.json(read);
                if (last.getString("feedbackState").equals(state)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(message + " did not become " + state + ": " + last);
    }

    @Test
    @DisplayName("LX-FEEDBACK-1 routes; LX-FEEDBACK-2 a member sends to their branch and the node sets the rest; LX-FEEDBACK-20 Chinese text byte for byte; LX-FEEDBACK-3 nobody else sees it")
    void sendAndSee() {
        JsonObject description = NodeClient.json(NodeClient.get(COUNTY_NODE + "/.well-known/lianxin", "application/json"));
        assertTrue(description.getJsonArray("conformanceClasses").contains(jakarta.json.Json.createValue("Feedback")));
        String rels = description.getJsonArray("endpoints").toString();
        for (String rel : List.of("feedback", "feedback-messages", "events")) {
            assertTrue(rels.contains("\"" + rel + "\""), rel);
        }
        String text = "请问退休后党费基数如何核定？𠀀「测试」\\n第二行";
        JsonObject sent = send(text);
        assertEquals("Open", sent.getString("feedbackState"));
        assertEquals(member, sent.getString("sender"));
        assertEquals("王秀英", sent.getString("senderName"));
        assertEquals(village, sent.getString("sentTo"));
        assertEquals("请问退休后党费基数如何核定？𠀀「测试」\n第二行", sent.getString("text"));
        String id = sent.getString("id");
        assertEquals(sent.getString("text"), read(secretary(village), id).getString("text"));
        assertEquals(404, secretary(county).get(id, Fixtures.JSON_LD).statusCode(), "the county sees it only once escalated");
        assertEquals(404, as(otherMember).get(id, Fixtures.JSON_LD).statusCode());
        assertEquals(404, NodeClient.as(NodeClient.token(COUNTY_NODE)).get(id, Fixtures.JSON_LD).statusCode(), "not the node's operator");
        JsonObject listed = NodeClient.json(secretary(village).get(COUNTY_NODE + "/feedback?state=Open", Fixtures.JSON_LD));
        assertTrue(listed.getJsonArray("items").stream().anyMatch(i -> i.asJsonObject().getString("id").equals(id)));
        JsonObject others = NodeClient.json(as(otherMember).get(COUNTY_NODE + "/feedback", Fixtures.JSON_LD));
        assertFalse(others.toString().contains(id));
        assertEquals(200, reply(secretary(village), id, "按退休费总额计算。").statusCode()); // answered: it does not climb
    }

    @Test
    @DisplayName("LX-FEEDBACK-2 refusals: not a member, another sender, an organization not above the member")
    void sendRefused() {
        HttpResponse<String> bySecretary = secretary(village).post(COUNTY_NODE + "/feedback", Fixtures.JSON_LD, message("Suggestion", "建议", ""));
        assertEquals(403, bySecretary.statusCode());
        HttpResponse<String> forged = as(member).post(COUNTY_NODE + "/feedback", Fixtures.JSON_LD,
                message("Suggestion", "冒名", ", \"sender\": \"" + otherMember + "\""));
        Problems.assertError(forged, "sender", "feedback-sender", "LX-FEEDBACK-2");
        HttpResponse<String> elsewhere = as(member).post(COUNTY_NODE + "/feedback", Fixtures.JSON_LD,
                message("Suggestion", "越级", ", \"sentTo\": \"" + city + "\""));
        Problems.assertError(elsewhere, "sentTo", "feedback-organization", "LX-FEEDBACK-2");
        HttpResponse<String> badKind = as(member).post(COUNTY_NODE + "/feedback", Fixtures.JSON_LD, message("Gossip", "闲聊", ""));
        assertEquals(422, badKind.statusCode(), badKind.body());
    }

    @Test
    @DisplayName("LX-FEEDBACK-4 the branch replies and the member follows up; LX-FEEDBACK-5 the member rates the answer, which closes it; LX-FEEDBACK-6 closing; LX-FEEDBACK-7 lists by state; LX-FEEDBACK-19 the branch's read is audited")
    void conversation() {
        String id = send("组织生活会什么时候召开？").getString("id");
        HttpResponse<String> early = as(member).post(id + "/rating", "application/json", "{\"rating\": 5}");
        assertEquals(409, early.statusCode(), "LX-FEEDBACK-5: only an answered message is rated");
        HttpResponse<String> answered = reply(secretary(village), id, "定于下月十五日。");
        assertEquals(200, answered.statusCode(), answered.body());
        JsonObject a = NodeClient.json(answered);
        assertEquals("Answered", a.getString("feedbackState"));
        assertEquals(village, a.getJsonArray("replies").getJsonObject(0).getString("repliedBy"));
        JsonObject followUp = NodeClient.json(reply(as(member), id, "地点在哪里？"));
        assertEquals("Open", followUp.getString("feedbackState"), "a follow-up opens it again");
        assertFalse(followUp.getJsonArray("replies").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("text").equals("地点在哪里？")).findFirst().orElseThrow().containsKey("repliedBy"));
        reply(secretary(village), id, "村委会二楼。");
        Problems.assertError(as(member).post(id + "/rating", "application/json", "{\"rating\": 0}"), "rating", "feedback-rating", "LX-FEEDBACK-5");
        Problems.assertError(as(member).post(id + "/rating", "application/json", "{\"rating\": 6}"), "rating", "feedback-rating", "LX-FEEDBACK-5");
        assertEquals(403, secretary(village).post(id + "/rating", "application/json", "{\"rating\": 5}").statusCode(), "only the sender rates");
        HttpResponse<String> rated = as(member).post(id + "/rating", "application/json", "{\"rating\": 5, \"comment\": \"答复及时\"}");
        assertEquals(200, rated.statusCode(), rated.body());
        assertEquals("Closed", NodeClient.json(rated).getString("feedbackState"));
        assertEquals("5", NodeClient.json(rated).get("rating").toString().replace("\"", ""));
        assertEquals(409, reply(secretary(village), id, "补充").statusCode(), "LX-FEEDBACK-4: a Closed message takes no reply");

        String other = send("能否增加线上学习？").getString("id");
        HttpResponse<String> closed = as(member).post(other + "/close", "application/json", "");
        assertEquals("Closed", NodeClient.json(closed).getString("feedbackState"), "LX-FEEDBACK-6");
        assertEquals(409, as(member).post(other + "/close", "application/json", "").statusCode());
        JsonObject closedList = NodeClient.json(secretary(village).get(COUNTY_NODE + "/feedback?state=Closed", Fixtures.JSON_LD));
        assertTrue(closedList.toString().contains(other) && closedList.toString().contains(id), "LX-FEEDBACK-7");

        read(secretary(village), id);
        HttpResponse<String> audit = NodeClient.as(NodeClient.tokenFor(village, "organization-admin")).get(COUNTY_NODE + "/audit?organization="
                + URLEncoder.encode(village, StandardCharsets.UTF_8), "application/json");
        assertEquals(200, audit.statusCode(), audit.body());
        assertTrue(audit.body().contains("feedback-read"), "LX-FEEDBACK-19: " + audit.body());
    }

    @Test
    @DisplayName("LX-FEEDBACK-14 a reply reaches the member's event stream within one second; LX-FEEDBACK-15 each subscriber sees only its own; LX-FEEDBACK-16 events commit with their change; LX-FEEDBACK-17 resuming from Last-Event-ID misses nothing and repeats nothing; LX-FEEDBACK-18 retry and comments")
    void liveEvents() throws Exception {
        String events = COUNTY_NODE + "/events";
        try (EventStream mine = EventStream.open(events, NodeClient.memberToken(member), null);
             EventStream theirs = EventStream.open(events, NodeClient.memberToken(otherMember), null);
             EventStream branch = EventStream.open(events, NodeClient.tokenFor(village, "secretary"), null)) {
            assertEquals(200, mine.status());
            String id = send("党员活动室开放时间？").getString("id");
            EventStream.Event arrived = branch.next("feedback", "message", id, 5);
            assertEquals(village, arrived.data().getString("organization"));
            assertFalse(arrived.data().toString().contains("开放时间"), "an event names the message, never its text");

            HttpResponse<String> answered = reply(secretary(village), id, "每天九点至五点。");
            long written = System.nanoTime();
            assertEquals(200, answered.statusCode());
            EventStream.Event reply = mine.next("reply", "message", id, 5);
            assertTrue(reply.receivedNanos() - written < Duration.ofSeconds(1).toNanos(),
                    "the reply arrived " + (reply.receivedNanos() - written) / 1_000_000 + " ms after it was written");
            assertFalse(theirs.drain().stream().anyMatch(e -> e.data().toString().contains(id)), "another member sees nothing of it");
            assertTrue(mine.otherLines().stream().anyMatch(l -> l.startsWith("retry:")), mine.otherLines().toString());
            assertTrue(mine.otherLines().stream().anyMatch(l -> l.startsWith(":")), "a comment opens the stream");
            String last = reply.id();

            mine.close();
            reply(secretary(village), id, "周末闭馆。");
            reply(secretary(village), id, "节假日另行通知。");
            try (EventStream resumed = EventStream.open(events, NodeClient.memberToken(member), last)) {
                EventStream.Event first = resumed.next("reply", "message", id, 5);
                EventStream.Event second = resumed.next("reply", "message", id, 5);
                assertTrue(Long.parseLong(first.id()) > Long.parseLong(last) && Long.parseLong(second.id()) > Long.parseLong(first.id()));
                reply(secretary(village), id, "如有变化，支部群里通知。");
                EventStream.Event live = resumed.next("reply", "message", id, 5);
                assertTrue(Long.parseLong(live.id()) > Long.parseLong(second.id()));
                Thread.sleep(500);
                assertFalse(resumed.drain().stream().anyMatch(e -> e.data().getString("message", "").equals(id) && e.type().equals("reply")),
                        "no event twice");
            }
        }
    }

    @Test
    @DisplayName("LX-FEEDBACK-8 an unanswered message climbs to the county, then LX-FEEDBACK-9 across nodes to the city, LX-FEEDBACK-10 without ID number or phone; LX-FEEDBACK-11 the city's reply reaches the member; LX-FEEDBACK-12 closing reaches the copy")
    void escalationAcrossNodes() throws Exception {
        try (EventStream mine = EventStream.open(COUNTY_NODE + "/events", NodeClient.memberToken(member), null);
             EventStream above = EventStream.open(CITY_NODE + "/events", NodeClient.tokenFor(city, "secretary"), null)) {
            String id = send("村里道路硬化问题反映多次无人答复。").getString("id");
            JsonObject atCounty = awaitEscalated(secretary(county), id);
            assertEquals(List.of(jakarta.json.Json.createValue(county)), atCounty.getJsonArray("escalatedTo").subList(0, 1));
            JsonObject copy = awaitCopy(id);
            assertEquals(id, copy.getString("escalatedFrom"));
            assertTrue(copy.getJsonArray("escalatedTo").contains(jakarta.json.Json.createValue(city)));
            assertEquals("村里道路硬化问题反映多次无人答复。", copy.getString("text"));
            assertFalse(copy.toString().contains("nationalId") || copy.toString().contains("telephone"));
            above.next("feedback", "message", copy.getString("id"), 10);

            HttpResponse<String> answered = reply(secretary(city), copy.getString("id"), "已转交交通部门，本月内答复。");
            assertEquals(200, answered.statusCode(), answered.body());
            JsonObject original = awaitState(as(member), id, "Answered");
            assertTrue(original.getJsonArray("replies").stream().anyMatch(r -> r.asJsonObject().getString("repliedBy", "").equals(city)));
            mine.next("reply", "message", id, 10);

            assertEquals(200, as(member).post(id + "/rating", "application/json", "{\"rating\": 4}").statusCode());
            awaitState(secretary(city), copy.getString("id"), "Closed");
        }
    }

    static JsonObject awaitEscalated(NodeClient.As county, String id) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < until) {
            HttpResponse<String> read = county.get(id, Fixtures.JSON_LD);
            if (read.statusCode() == 200) {
                return NodeClient.json(read);
            }
            Thread.sleep(200);
        }
        throw new AssertionError(id + " was not escalated to the county");
    }

    static JsonObject awaitCopy(String original) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            JsonObject listed = NodeClient.json(secretary(city).get(CITY_NODE + "/feedback", Fixtures.JSON_LD));
            for (JsonValue item : listed.getJsonArray("items")) {
                if (item.asJsonObject().getString("escalatedFrom", "").equals(original)) {
                    return item.asJsonObject();
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError(original + " was not escalated to the city node");
    }

    @Test
    @DisplayName("LX-FEEDBACK-13 only a node, in the chain, with an Idempotency-Key, sends feedback messages")
    void messagesBetweenNodes() {
        String url = CITY_NODE + "/feedback/messages";
        String body = """
                {"type": "escalation", "message": "%s/feedback/x", "organization": "%s", "feedbackKind": "Question", "text": "？",
                 "sentTo": "%s", "sentAt": "2026-11-27T08:00:00Z", "replies": []}""".formatted(COUNTY_NODE, city, village);
        HttpResponse<String> byPerson = secretary(city).post(url, "application/json", body);
        assertTrue(byPerson.statusCode() == 400 || byPerson.statusCode() == 403, byPerson.body());
        HttpResponse<String> noKey = NodeClient.as(NodeClient.nodeToken(COUNTY_NODE, CITY_NODE)).post(url, "application/json", body);
        assertEquals(400, noKey.statusCode(), noKey.body());
        HttpResponse<String> stranger = NodeClient.raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/json").header("Idempotency-Key", "x")
                .header("Authorization", "Bearer " + NodeClient.nodeToken(NodeClient.serverUrl() + "/nodes/it", CITY_NODE))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.replace(COUNTY_NODE + "/feedback", NodeClient.serverUrl() + "/nodes/it/feedback"))));
        assertEquals(403, stranger.statusCode(), "not a child of the city: " + stranger.body());
    }
}
