package org.lianxin.node.service;

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
import org.lianxin.node.testing.Trees;

/**
 * Service to the people (spec chapter 18) between residents of a community served by a committee on
 * a district node and the city node above, over HTTP; live through Server-Sent Events. The test
 * server escalates an unanswered request after 3 s (pom.xml), so escalation is seen in seconds.
 */
class ServiceIT {

    static final String CITY_NODE = NodeClient.serverUrl() + "/nodes/service-city";
    static final String DISTRICT_NODE = NodeClient.serverUrl() + "/nodes/service-district";
    static final String TELEPHONE = "13987654321";
    static final String ADDRESS = "幸福路12号3栋2单元401室";
    static final String NAME = "刘桂兰";

    static String city;
    static String street;
    static String community;
    static String grid;
    static String gridMember;

    @BeforeAll
    static void federation() {
        city = Trees.organizationOn(CITY_NODE, "青州市委", "MunicipalCommittee", NodeClient.top(CITY_NODE));
        street = Trees.organizationOn(DISTRICT_NODE, "幸福街道党工委", "PrimaryCommittee", city);
        HttpResponse<String> point = acting(street).put(DISTRICT_NODE + "/organizations/xingfu-community", Fixtures.JSON_LD, """
                {"@context": "%s", "id": "%s/organizations/xingfu-community", "type": "PartyOrganization", "name": "幸福社区党委",
                 "orgType": "PrimaryCommittee", "subOrganizationOf": "%s", "serviceArea": "幸福社区"}""".formatted(Fixtures.CONTEXT, DISTRICT_NODE, street));
        assertEquals(201, point.statusCode(), point.body());
        community = DISTRICT_NODE + "/organizations/xingfu-community";
        grid = Trees.organizationOn(DISTRICT_NODE, "幸福社区第一网格党支部", "Branch", community);
        HttpResponse<String> created = NodeClient.as(NodeClient.tokenFor(grid, "secretary")).post(DISTRICT_NODE + "/members", Fixtures.JSON_LD,
                Fixtures.member("孙丽", grid));
        assertEquals(201, created.statusCode(), created.body());
        gridMember = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> registered = NodeClient.as(NodeClient.token(CITY_NODE)).post(CITY_NODE + "/federation/children", "application/json",
                "{\"base\": \"" + DISTRICT_NODE + "\"}");
        assertEquals(201, registered.statusCode(), registered.body());
    }

    static NodeClient.As acting(String organization) {
        return NodeClient.as(NodeClient.tokenFor(organization, "secretary", "organization-admin"));
    }

    static String request(String category, String text) {
        return """
                {"@context": "%s", "type": "ServiceRequest", "serviceCategory": "%s", "name": "求助", "text": "%s", "sentTo": "%s",
                 "contact": {"name": "%s", "telephone": "%s", "address": "%s"}}""".formatted(Fixtures.CONTEXT, category, text, community, NAME, TELEPHONE, ADDRESS);
    }

    static JsonObject send(String resident, String category, String text) {
        HttpResponse<String> sent = NodeClient.as(NodeClient.residentToken(resident)).post(DISTRICT_NODE + "/service-requests", Fixtures.JSON_LD,
                request(category, text));
        assertEquals(201, sent.statusCode(), sent.body());
        return NodeClient.json(sent);
    }

    static HttpResponse<String> reply(NodeClient.As who, String request, String text) {
        return who.post(request + "/replies", "application/json", "{\"text\": \"" + text + "\"}");
    }

    static boolean holdsContact(String text) {
        return text.contains(NAME) || text.contains(TELEPHONE) || text.contains("****4321") || text.contains("幸福路12号");
    }

    @Test
    @DisplayName("LX-SERVICE-1 the endpoints; LX-SERVICE-2 the community is a service point; LX-SERVICE-3 a resident's request; LX-SERVICE-4 its contact masked for the committee, full with a purpose; LX-SERVICE-6 the reply; LX-SERVICE-13 seen live by the resident within 1 s, without text or contact; LX-SERVICE-17 Chinese as written; LX-SERVICE-5 nobody else reads it; LX-SERVICE-11 the resident's list")
    void answeredAndSeenLive() throws Exception {
        String endpoints = NodeClient.json(NodeClient.get(DISTRICT_NODE + "/.well-known/lianxin", "application/json")).toString();
        for (String rel : List.of("service-points", "service-requests", "service-messages", "service-statistics")) {
            assertTrue(endpoints.contains("\"" + rel + "\""), rel);
        }
        assertTrue(endpoints.contains("\"Service\""), "the class is claimed");
        JsonObject points = NodeClient.json(NodeClient.as(NodeClient.residentToken("wx-liuguilan")).get(DISTRICT_NODE + "/service-points", "application/json"));
        assertTrue(points.toString().contains(community) && points.toString().contains("幸福社区"), points.toString());
        assertFalse(points.toString().contains(street), "no serviceArea, no service point");
        try (EventStream mine = EventStream.open(DISTRICT_NODE + "/events", NodeClient.residentToken("wx-liuguilan"), null);
             EventStream theirs = EventStream.open(DISTRICT_NODE + "/events", NodeClient.residentToken("wx-zhangsan"), null)) {
            JsonObject sent = send("wx-liuguilan", "ElderlyCare", "我家老人八十五岁，腿脚不便，想申请社区助餐服务。😊");
            String id = sent.getString("id");
            assertEquals("Open", sent.getString("feedbackState"));
            assertEquals("139****4321", sent.getJsonObject("contact").getString("telephone"), "the answer to the resident is masked too, without a purpose");
            JsonObject seen = NodeClient.json(acting(community).get(id, Fixtures.JSON_LD));
            assertEquals("幸福路12号…", seen.getJsonObject("contact").getString("address"));
            JsonObject full = NodeClient.json(acting(community).get(id, Fixtures.JSON_LD, "Lianxin-Purpose", "home-visit"));
            assertEquals(List.of(NAME, TELEPHONE, ADDRESS), List.of(full.getJsonObject("contact").getString("name"),
                    full.getJsonObject("contact").getString("telephone"), full.getJsonObject("contact").getString("address")));
            assertEquals("我家老人八十五岁，腿脚不便，想申请社区助餐服务。😊", full.getString("text"));

            HttpResponse<String> answered = reply(acting(community), id, "社区老年食堂可以送餐上门，网格员明天上午上门登记。");
            long written = System.nanoTime();
            assertEquals(200, answered.statusCode(), answered.body());
            EventStream.Event reply = mine.next("reply", "message", id, 5);
            assertTrue(reply.receivedNanos() - written < Duration.ofSeconds(1).toNanos(),
                    "the reply arrived " + (reply.receivedNanos() - written) / 1_000_000 + " ms after it was written");
            assertFalse(reply.data().toString().contains("送餐上门") || holdsContact(reply.data().toString()), reply.data().toString());
            assertFalse(theirs.drain().stream().anyMatch(e -> e.data().toString().contains(id)), "another resident sees nothing of it");
            assertEquals(404, NodeClient.as(NodeClient.residentToken("wx-zhangsan")).get(id, Fixtures.JSON_LD).statusCode());
            assertEquals(404, acting(street).get(id, Fixtures.JSON_LD).statusCode(), "the street, which it has not reached");
            String list = NodeClient.as(NodeClient.residentToken("wx-liuguilan")).get(DISTRICT_NODE + "/service-requests?state=Answered", Fixtures.JSON_LD).body();
            assertTrue(list.contains(id), list);
            assertFalse(NodeClient.as(NodeClient.residentToken("wx-zhangsan")).get(DISTRICT_NODE + "/service-requests", Fixtures.JSON_LD).body().contains(id));
            assertEquals(200, NodeClient.as(NodeClient.residentToken("wx-liuguilan")).post(id + "/rating", "application/json", "{\"rating\": 5}").statusCode());
        }
    }

    @Test
    @DisplayName("LX-SERVICE-7 the community assigns a request to its grid member, who reads it and replies for the community; LX-SERVICE-12 the reads are audited")
    void assigned() {
        String id = send("wx-wangwu", "Dispute", "楼上漏水，物业不管。").getString("id");
        HttpResponse<String> assigned = acting(community).post(id + "/assignment", "application/json", "{\"assignedTo\": \"" + gridMember + "\"}");
        assertEquals(200, assigned.statusCode(), assigned.body());
        NodeClient.As member = NodeClient.as(NodeClient.memberToken(gridMember));
        assertEquals(200, member.get(id, Fixtures.JSON_LD).statusCode());
        JsonObject answered = NodeClient.json(reply(member, id, "我明天上午上门协调。"));
        assertEquals(community, answered.getJsonArray("replies").getJsonObject(0).getString("repliedBy"));
        HttpResponse<String> audit = acting(community).get(DISTRICT_NODE + "/audit?organization=" + URLEncoder.encode(community, StandardCharsets.UTF_8),
                "application/json");
        assertTrue(audit.body().contains("service-read"), audit.body());
    }

    @Test
    @DisplayName("LX-SERVICE-10 only a node of the chain sends messages; LX-SERVICE-8 an unanswered request climbs to the street, then across nodes to the city; LX-SERVICE-9 the copy, the messages and the city's events hold no resident and no contact; the city's reply reaches the resident; the rating closes the copy")
    void escalatesAcrossNodes() throws Exception {
        String body = "{\"type\": \"closed\", \"message\": \"" + DISTRICT_NODE + "/service-requests/x\"}";
        assertEquals(400, NodeClient.as(NodeClient.nodeToken(CITY_NODE, DISTRICT_NODE)).post(DISTRICT_NODE + "/service-requests/messages", "application/json", body)
                .statusCode(), "no Idempotency-Key");
        HttpResponse<String> byPerson = NodeClient.raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(DISTRICT_NODE + "/service-requests/messages"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "k")
                .header("Authorization", "Bearer " + NodeClient.tokenFor(community, "secretary"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(403, byPerson.statusCode(), byPerson.body());
        try (EventStream ofCity = EventStream.open(CITY_NODE + "/events", NodeClient.tokenFor(city, "secretary"), null)) {
            JsonObject sent = send("wx-zhaoliu", "Assistance", "申请低保三个月没有答复，想请组织帮忙问一问。");
            String id = sent.getString("id");
            JsonObject copy = awaitCopy(id);
            assertEquals(List.of(id, "Assistance", community), List.of(copy.getString("escalatedFrom"), copy.getString("serviceCategory"), copy.getString("sentTo")));
            assertFalse(copy.containsKey("contact") || copy.containsKey("sender"), copy.toString());
            assertFalse(holdsContact(copy.toString()) || copy.toString().contains(sent.getString("sender")), copy.toString());
            EventStream.Event arrived = ofCity.next("service-request", "message", copy.getString("id"), 10);
            assertFalse(holdsContact(arrived.data().toString()), arrived.data().toString());

            assertEquals(200, reply(acting(city), copy.getString("id"), "市民政局已督办，本周内答复。").statusCode());
            JsonObject mine = awaitState(NodeClient.as(NodeClient.residentToken("wx-zhaoliu")), id, "Answered");
            assertTrue(mine.getJsonArray("replies").stream().anyMatch(r -> r.asJsonObject().getString("repliedBy", "").equals(city)), mine.toString());
            assertEquals(200, NodeClient.as(NodeClient.residentToken("wx-zhaoliu")).post(id + "/rating", "application/json", "{\"rating\": 4}").statusCode());
            awaitState(acting(city), copy.getString("id"), "Closed");
            for (EventStream.Event e : ofCity.drain()) {
                assertFalse(holdsContact(e.data().toString()), e.data().toString());
            }
        }
    }

    @Test
    @DisplayName("LX-SERVICE-14 the city's statistic of its subtree sums the district node's requests, numbers only; LX-SERVICE-15 answered in time; LX-SERVICE-16 404 above the caller")
    void statistic() {
        String answered = send("wx-qianqi", "Employment", "想参加技能培训。").getString("id");
        assertEquals(200, reply(acting(community), answered, "下周一开班。").statusCode());
        JsonObject local = statistic(DISTRICT_NODE, community, street, "local");
        HttpResponse<String> federated = acting(city).get(CITY_NODE + "/statistics/service?scope=subtree&organization="
                + URLEncoder.encode(city, StandardCharsets.UTF_8), "application/json");
        assertEquals(200, federated.statusCode(), federated.body());
        JsonObject all = NodeClient.json(federated);
        JsonObject ofStreet = statistic(DISTRICT_NODE, street, street, "subtree");
        assertEquals(ofStreet.getJsonNumber("received").longValue(), all.getJsonNumber("received").longValue(), "the city holds no request of its own");
        assertEquals(ofStreet.getJsonNumber("answeredInTime").longValue(), all.getJsonNumber("answeredInTime").longValue());
        assertTrue(local.getJsonNumber("answeredInTime").longValue() >= 1, local.toString());
        assertFalse(holdsContact(federated.body()) || federated.body().contains("/service-requests/") || federated.body().contains("urn:lianxin:resident"),
                federated.body());
        assertTrue(all.getJsonObject("completeness").getBoolean("complete"), all.toString());
        assertEquals(404, acting(community).get(DISTRICT_NODE + "/statistics/service?organization=" + URLEncoder.encode(street, StandardCharsets.UTF_8),
                "application/json").statusCode(), "the street lies above the community");
        assertEquals(2, all.getJsonObject("completeness").getJsonArray("nodes").size(), "the city and the district node answered");
    }

    static JsonObject statistic(String node, String organization, String caller, String scope) {
        HttpResponse<String> answer = acting(caller).get(node + "/statistics/service?scope=" + scope + "&organization="
                + URLEncoder.encode(organization, StandardCharsets.UTF_8), "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
        return NodeClient.json(answer);
    }

    static JsonObject awaitCopy(String original) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            JsonObject listed = NodeClient.json(acting(city).get(CITY_NODE + "/service-requests", Fixtures.JSON_LD));
            for (JsonValue item : listed.getJsonArray("items")) {
                if (item.asJsonObject().getString("escalatedFrom", "").equals(original)) {
                    return item.asJsonObject();
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError(original + " was not escalated to the city node");
    }

    static JsonObject awaitState(NodeClient.As who, String request, String state) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonObject last = null;
        while (System.nanoTime() < until) {
            HttpResponse<String> read = who.get(request, Fixtures.JSON_LD);
            if (read.statusCode() == 200) {
                last = NodeClient.json(read);
                if (last.getString("feedbackState").equals(state)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(request + " did not become " + state + ": " + last);
    }
}
