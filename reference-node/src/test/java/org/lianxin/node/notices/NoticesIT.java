package org.lianxin.node.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;

/**
 * Notices (spec chapter 17) across three levels on three nodes over HTTP — a province node, a city
 * node registered under it, a county node registered under the city: a notice of each level reaches
 * a village branch's member in one feed, the member's reads count once, and the province's reach of
 * its notice equals what the test itself knows of the members it made and the reads it did.
 */
class NoticesIT {

    static final String PROVINCE_NODE = NodeClient.serverUrl() + "/nodes/notices-province";
    static final String CITY_NODE = NodeClient.serverUrl() + "/nodes/notices-city";
    static final String COUNTY_NODE = NodeClient.serverUrl() + "/nodes/notices-county";

    static String province;
    static String city;
    static String cityBranch;
    static String county;
    static String village;
    static final List<String> villagers = new ArrayList<>();
    static String cityMember;

    @BeforeAll
    static void federation() {
        province = Trees.organizationOn(PROVINCE_NODE, "岭东省委", "ProvincialCommittee", NodeClient.top(PROVINCE_NODE));
        city = Trees.organizationOn(CITY_NODE, "青州市委", "MunicipalCommittee", province);
        cityBranch = Trees.organizationOn(CITY_NODE, "青州市直机关党支部", "Branch", city);
        county = Trees.organizationOn(COUNTY_NODE, "青山县委", "CountyCommittee", city);
        village = Trees.organizationOn(COUNTY_NODE, "东村党支部", "Branch", county);
        for (String name : List.of("李华", "王芳", "张伟")) {
            villagers.add(member(name, village));
        }
        cityMember = member("赵敏", cityBranch);
        Trees.registerChild(PROVINCE_NODE, CITY_NODE);
        Trees.registerChild(CITY_NODE, COUNTY_NODE);
    }

    static String member(String name, String branch) {
        HttpResponse<String> created = NodeClient.as(NodeClient.tokenFor(branch, "secretary")).post(nodeOf(branch) + "/members", Fixtures.JSON_LD,
                Fixtures.member(name, branch));
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    static String nodeOf(String iri) {
        return iri.substring(0, iri.indexOf(iri.contains("/organizations/") ? "/organizations/" : "/members/"));
    }

    static JsonObject publish(String publisher, String name, String text) {
        HttpResponse<String> created = NodeClient.as(NodeClient.tokenFor(publisher, "secretary")).post(nodeOf(publisher) + "/notices", Fixtures.JSON_LD, """
                {"@context": "%s", "type": "Notice", "publishedBy": "%s", "name": "%s", "text": "%s"}""".formatted(Fixtures.CONTEXT, publisher, name, text));
        assertEquals(201, created.statusCode(), created.body());
        return NodeClient.json(created);
    }

    static HttpResponse<String> read(String member, String notice) {
        return NodeClient.as(NodeClient.memberToken(member)).post(member + "/notices/read", "application/json", "{\"notice\": \"" + notice + "\"}");
    }

    /** Every item of the member's feed, a page of {@code limit} at a time, as the member reads it. */
    static List<JsonObject> feed(String member, int limit) {
        List<JsonObject> items = new ArrayList<>();
        String next = member + "/notices?limit=" + limit;
        while (next != null) {
            HttpResponse<String> page = NodeClient.as(NodeClient.memberToken(member)).get(next, "application/json");
            assertEquals(200, page.statusCode(), page.body());
            JsonObject json = NodeClient.json(page);
            assertTrue(json.getJsonObject("completeness").getBoolean("complete"), json.toString());
            json.getJsonArray("items").forEach(v -> items.add(v.asJsonObject()));
            next = json.get("next") instanceof JsonString s ? s.getString() : null;
        }
        return items;
    }

    @Test
    @DisplayName("LX-NOTICE-7, LX-NOTICE-9: the feed of a village member merges the province's, the city's and the county's notices from three nodes, newest first, on pages of one; LX-NOTICE-8 each node learns the ones above from its parent")
    void feedMergesThreeLevels() {
        JsonObject fromProvince = publish(province, "关于认真学习贯彻党的二十届四中全会精神的通知", "各级党组织要组织党员原原本本学习全会公报。");
        JsonObject fromCity = publish(city, "关于做好党费收缴工作的通知", "请各党支部按月收缴党费。");
        JsonObject fromCounty = publish(county, "关于开展十月主题党日活动的通知", "各党支部请于10月31日前开展。");
        List<String> ids = feed(villagers.get(0), 1).stream().map(i -> i.getString("id")).toList();
        assertEquals(List.of(fromCounty.getString("id"), fromCity.getString("id"), fromProvince.getString("id")),
                ids.stream().filter(id -> List.of(fromCounty.getString("id"), fromCity.getString("id"), fromProvince.getString("id")).contains(id)).toList());
        JsonObject provinceItem = feed(villagers.get(0), 10).stream().filter(i -> i.getString("id").equals(fromProvince.getString("id"))).findFirst().orElseThrow();
        assertEquals(List.of(PROVINCE_NODE, "岭东省委", "各级党组织要组织党员原原本本学习全会公报。"), List.of(provinceItem.getString("node"),
                provinceItem.getString("publisherName"), provinceItem.getString("text")), "Chinese text byte for byte, from two nodes up");
        List<String> cityFeed = feed(cityMember, 10).stream().map(i -> i.getString("id")).toList();
        assertTrue(cityFeed.contains(fromProvince.getString("id")) && cityFeed.contains(fromCity.getString("id"))
                && !cityFeed.contains(fromCounty.getString("id")), "the city's member: not the county's notice " + cityFeed);
    }

    @Test
    @DisplayName("LX-NOTICE-10 read receipts count once per member and notice; LX-NOTICE-12 the province's reach of its notice over three nodes equals the members the test made and the reads it did")
    void readOnceAndReach() {
        JsonObject notice = publish(province, "关于开展民主评议党员工作的通知", "请各党支部于年底前完成民主评议党员工作。");
        String id = notice.getString("id");
        assertEquals(201, read(villagers.get(0), id).statusCode());
        HttpResponse<String> again = read(villagers.get(0), id);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(201, read(villagers.get(1), id).statusCode());
        assertEquals(201, read(cityMember, id).statusCode());
        HttpResponse<String> answer = NodeClient.as(NodeClient.tokenFor(province, "secretary")).get(id + "/reach", "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject reach = NodeClient.json(answer);
        int intended = villagers.size() + 1;
        assertEquals(List.of(intended, 3), List.of(reach.getInt("intended"), reach.getInt("read")), reach.toString());
        assertEquals(0.75, reach.getJsonNumber("ratio").doubleValue(), 1e-9);
        assertTrue(reach.getJsonObject("completeness").getBoolean("complete"), reach.toString());
        assertEquals(3, reach.getJsonObject("completeness").getJsonArray("nodes").size(), "the province, the city and the county answered: " + reach);
        for (String name : List.of("李华", "王芳", "张伟", "赵敏")) {
            assertTrue(!answer.body().contains(name) && !answer.body().contains("/members/"), "LX-NOTICE-15: no person in a reach");
        }
        String countyPart = COUNTY_NODE + "/statistics/notice-reach?organization=" + URLEncoder.encode(county, StandardCharsets.UTF_8)
                + "&notice=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        JsonObject seenByCounty = NodeClient.json(NodeClient.as(NodeClient.tokenFor(county, "secretary")).get(countyPart, "application/json"));
        assertEquals(List.of(3, 2), List.of(seenByCounty.getInt("intended"), seenByCounty.getInt("read")), "the county sees the province's notice in its subtree");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("LX-NOTICE-1 the node claims Notices and names Table 17.2; LX-NOTICE-2 stored with targets and publishedAt, 422 storing nothing; LX-NOTICE-3, LX-NOTICE-4 rights and targets; LX-NOTICE-5 listed and read; LX-NOTICE-6 withdrawn once, then in no feed; LX-NOTICE-13 the reach hidden outside the subtree; LX-NOTICE-14 no count by publisher")
    void records() {
        JsonObject description = NodeClient.json(NodeClient.get(COUNTY_NODE + "/.well-known/lianxin", "application/json"));
        assertTrue(description.getJsonArray("conformanceClasses").contains(jakarta.json.Json.createValue("Notices")));
        String rels = description.getJsonArray("endpoints").toString();
        for (String href : List.of("/notices\"", "/notices/inbound\"", "/statistics/notice-reach\"")) {
            assertTrue(rels.contains(COUNTY_NODE + href), href + " in " + rels);
        }
        JsonObject notice = publish(county, "关于报送学习心得的通知", "请各党支部党员提交学习心得。");
        assertEquals(List.of(county), notice.getJsonArray("targets").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertTrue(notice.containsKey("publishedAt"), notice.toString());
        NodeClient.As countySecretary = NodeClient.as(NodeClient.tokenFor(county, "secretary"));
        HttpResponse<String> invalid = countySecretary.post(COUNTY_NODE + "/notices", Fixtures.JSON_LD, """
                {"@context": "%s", "type": "Notice", "publishedBy": "%s", "name": "无正文"}""".formatted(Fixtures.CONTEXT, county));
        assertEquals(422, invalid.statusCode(), invalid.body());
        HttpResponse<String> outside = NodeClient.as(NodeClient.tokenFor(village, "secretary")).post(COUNTY_NODE + "/notices", Fixtures.JSON_LD, """
                {"@context": "%s", "type": "Notice", "publishedBy": "%s", "name": "越级", "text": "正文"}""".formatted(Fixtures.CONTEXT, county));
        assertEquals(403, outside.statusCode(), outside.body());
        HttpResponse<String> badTarget = countySecretary.post(COUNTY_NODE + "/notices", Fixtures.JSON_LD, """
                {"@context": "%s", "type": "Notice", "publishedBy": "%s", "name": "范围", "text": "正文", "targets": ["%s", "%s"]}"""
                .formatted(Fixtures.CONTEXT, county, county, village));
        assertEquals(422, badTarget.statusCode(), badTarget.body());
        assertTrue(badTarget.body().contains("notice-target"), badTarget.body());
        HttpResponse<String> listed = countySecretary.get(COUNTY_NODE + "/notices?publishedBy=" + enc(county), Fixtures.JSON_LD);
        assertTrue(listed.body().contains(notice.getString("id")), listed.body());
        assertEquals(404, NodeClient.as(NodeClient.tokenFor(cityBranch, "secretary")).get(notice.getString("id"), Fixtures.JSON_LD).statusCode());
        assertEquals(404, NodeClient.as(NodeClient.tokenFor(cityBranch, "secretary")).get(notice.getString("id") + "/reach", "application/json").statusCode(),
                "LX-NOTICE-13");
        assertEquals(404, countySecretary.get(COUNTY_NODE + "/statistics/notices?organization=" + enc(county), "application/json").statusCode(),
                "LX-NOTICE-14: no count of notices by publisher");

        assertEquals(200, countySecretary.post(notice.getString("id") + "/withdraw", "application/json", "").statusCode());
        HttpResponse<String> twice = countySecretary.post(notice.getString("id") + "/withdraw", "application/json", "");
        assertEquals(409, twice.statusCode(), twice.body());
        assertTrue(feed(villagers.get(2), 50).stream().noneMatch(i -> i.getString("id").equals(notice.getString("id"))), "withdrawn: in no feed");
    }

    @Test
    @DisplayName("LX-NOTICE-11 when the parent node cannot be asked the feed gives the node's own notices and says what is missing")
    void parentUnreachable() {
        String orphanNode = NodeClient.serverUrl() + "/nodes/notices-orphan";
        String orphanCounty = Trees.organizationOn(orphanNode, "孤县委", "CountyCommittee", city);
        String orphanBranch = Trees.organizationOn(orphanNode, "孤村党支部", "Branch", orphanCounty);
        String orphan = member("孤村党员", orphanBranch);
        Trees.registerChild(CITY_NODE, orphanNode);
        JsonObject local = publish(orphanCounty, "本县通知", "上级节点不可用时仍可见。");
        // The city's operator, with a token for the city only: the city forgets its child, which is not told and keeps asking it.
        HttpResponse<String> minted = NodeClient.post(NodeClient.serverUrl() + "/demo/tokens", "application/json",
                "{\"sub\": \"operator\", \"groups\": [\"node-operator\"], \"audience\": [\"" + CITY_NODE + "\"]}");
        String cityOnly = NodeClient.json(minted).getString("token");
        HttpResponse<String> removed = NodeClient.as(cityOnly).delete(CITY_NODE + "/federation/children?base=" + enc(orphanNode));
        assertTrue(removed.statusCode() == 204 || removed.statusCode() == 200, removed.body());
        HttpResponse<String> page = NodeClient.as(NodeClient.memberToken(orphan)).get(orphan + "/notices", "application/json");
        assertEquals(200, page.statusCode(), page.body());
        JsonObject feed = NodeClient.json(page);
        assertTrue(feed.getJsonArray("items").stream().anyMatch(i -> i.asJsonObject().getString("id").equals(local.getString("id"))), feed.toString());
        assertTrue(!feed.getJsonObject("completeness").getBoolean("complete"), feed.toString());
    }
}
