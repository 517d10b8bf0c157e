package org.lianxin.node.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;

/**
 * Organizational life (spec chapter 12): activities as records, and the compliance of a year against
 * the required frequencies, on one node and across a province node and a county node over HTTP.
 */
class OrgLifeIT {

    private static final String PROVINCE_NODE = NodeClient.serverUrl() + "/nodes/orglife-province";
    private static final String COUNTY_NODE = NodeClient.serverUrl() + "/nodes/orglife-county";

    private static String province;
    private static String organs;
    private static String county;
    private static String village;
    private static String big;
    private static String group;

    @BeforeAll
    static void federation() {
        province = org(PROVINCE_NODE, "岭东省委", "ProvincialCommittee", NodeClient.top(PROVINCE_NODE));
        organs = org(PROVINCE_NODE, "省直机关第一党支部", "Branch", province);
        county = org(COUNTY_NODE, "青山县委", "CountyCommittee", province);
        village = org(COUNTY_NODE, "东村党支部", "Branch", county);
        big = org(COUNTY_NODE, "青山县人民医院党支部", "Branch", county);
        group = org(COUNTY_NODE, "青山县人民医院党支部第一党小组", "PartyGroup", big);
        for (int i = 0; i < 7; i++) {
            member(COUNTY_NODE, big, "医生" + i);
        }
        member(COUNTY_NODE, village, "村民甲");
        member(PROVINCE_NODE, organs, "干部甲");
        HttpResponse<String> registered = NodeClient.as(NodeClient.token(PROVINCE_NODE)).post(PROVINCE_NODE + "/federation/children",
                "application/json", "{\"base\": \"" + COUNTY_NODE + "\"}");
        assertEquals(201, registered.statusCode(), registered.body());

        // 2025, through June: every requirement held but the themed party day of May and the party lecture of Q2.
        for (String month : List.of("01", "02", "03", "04", "06")) {
            activity(COUNTY_NODE, village, "ThemedPartyDay", "2025-" + month + "-15");
        }
        activity(COUNTY_NODE, village, "BranchGeneralMeeting", "2025-03-31"); // the last day of Q1
        activity(COUNTY_NODE, village, "BranchGeneralMeeting", "2025-04-01"); // the first day of Q2
        activity(COUNTY_NODE, village, "PartyLecture", "2025-02-20");
        activity(COUNTY_NODE, village, "StudySession", "2025-05-20"); // owed by nobody: counts for nothing
    }

    private static String org(String node, String name, String type, String parent) {
        String iri = node + "/organizations/" + Fixtures.uniqueId("life");
        HttpResponse<String> put = NodeClient.as(NodeClient.tokenFor(parent, "secretary"))
                .put(iri, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization(name, type, parent), iri));
        assertEquals(201, put.statusCode(), put.body());
        return iri;
    }

    private static String member(String node, String branch, String name) {
        HttpResponse<String> created = NodeClient.as(NodeClient.tokenFor(branch, "secretary")).post(node + "/members", Fixtures.JSON_LD,
                Fixtures.member(name, branch));
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    private static String body(String heldBy, String type, String day, String extra) {
        return """
                {"@context": "%s", "type": "Activity", "activityType": "%s", "heldBy": "%s", "startDate": "%s",
                 "topic": "学习贯彻党的二十届三中全会精神"%s}""".formatted(Fixtures.CONTEXT, type, heldBy, day, extra);
    }

    private static HttpResponse<String> create(String node, String heldBy, String type, String day, String extra) {
        return NodeClient.as(NodeClient.tokenFor(heldBy, "secretary")).post(node + "/activities", Fixtures.JSON_LD, body(heldBy, type, day, extra));
    }

    private static String activity(String node, String heldBy, String type, String day) {
        HttpResponse<String> created = create(node, heldBy, type, day, "");
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    @Test
    @DisplayName("LX-ORGLIFE-1 the node claims OrgLife and names its routes; LX-ORGLIFE-2 an activity with attendees and absences is stored and read back byte for byte")
    void activityRecords() {
        JsonObject description = NodeClient.json(NodeClient.raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(COUNTY_NODE + "/.well-known/lianxin"))
                .header("Accept", "application/json")));
        assertTrue(description.getJsonArray("conformanceClasses").contains(jakarta.json.Json.createValue("OrgLife")));
        List<String> rels = description.getJsonArray("endpoints").stream().map(e -> e.asJsonObject().getString("rel") + " " + e.asJsonObject().getString("href")).toList();
        assertTrue(rels.contains("activities " + COUNTY_NODE + "/activities"));
        assertTrue(rels.contains("compliance-statistics " + COUNTY_NODE + "/statistics/compliance"));

        String a = member(COUNTY_NODE, village, "出席者");
        String b = member(COUNTY_NODE, village, "缺席者");
        HttpResponse<String> created = create(COUNTY_NODE, village, "BranchGeneralMeeting", "2024-06-28",
                ", \"attendees\": [\"" + a + "\"], \"absences\": [{\"type\": \"Absence\", \"absentee\": \"" + b + "\", \"absenceReason\": \"外出务工\"}],"
                        + " \"minutes\": \"会议由支部书记主持，讨论了发展党员事项。\"");
        assertEquals(201, created.statusCode(), created.body());
        NodeClient.As secretary = NodeClient.as(NodeClient.tokenFor(village, "secretary"));
        JsonObject read = NodeClient.json(secretary.get(created.headers().firstValue("Location").orElseThrow(), Fixtures.JSON_LD));
        assertEquals("会议由支部书记主持，讨论了发展党员事项。", read.getString("minutes", read.toString()));
        assertEquals("外出务工", read.getJsonArray("absences").getJsonObject(0).getString("absenceReason"));
        JsonObject listed = NodeClient.json(secretary.get(COUNTY_NODE + "/activities?heldBy=" + enc(village) + "&year=2024", Fixtures.JSON_LD));
        assertEquals(1, listed.getJsonArray("items").size());
    }

    @Test
    @DisplayName("LX-ORGLIFE-12 writes of activities are in the audit log under their organization; LX-ORGLIFE-5 the minutes of a past meeting stay editable after a member it names has left")
    void auditAndLaterEdits() {
        NodeClient.As secretary = NodeClient.as(NodeClient.tokenFor(village, "secretary"));
        String gone = member(COUNTY_NODE, village, "已故党员");
        HttpResponse<String> created = create(COUNTY_NODE, village, "PartyLecture", "2023-09-20", ", \"attendees\": [\"" + gone + "\"]");
        assertEquals(201, created.statusCode(), created.body());
        String activity = created.headers().firstValue("Location").orElseThrow();
        assertEquals(204, secretary.delete(gone).statusCode());
        String stored = secretary.get(activity, Fixtures.JSON_LD).body();
        HttpResponse<String> corrected = secretary.put(activity, Fixtures.JSON_LD, stored.replaceFirst("\\}\\s*$", ", \"minutes\": \"补记：会议记录。\"}"));
        assertEquals(200, corrected.statusCode(), corrected.body());
        HttpResponse<String> log = NodeClient.as(NodeClient.tokenFor(village, "organization-admin")).get(COUNTY_NODE + "/audit?organization=" + enc(village)
                + "&limit=1000", "application/json");
        assertEquals(200, log.statusCode(), log.body());
        List<String> actions = NodeClient.json(log).getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(e -> activity.equals(e.getString("record", ""))).map(e -> e.getString("action")).toList();
        assertEquals(List.of("create", "replace"), actions);
    }

    @Test
    @DisplayName("LX-ORGLIFE-3 an activity that breaks the shapes is 422; LX-ORGLIFE-4 held by an organization of another node or none, 422; LX-ORGLIFE-5 a member both present and absent, or no member of the node, 422")
    void activityRules() {
        assertEquals(422, create(COUNTY_NODE, village, "Picnic", "2025-01-01", "").statusCode());
        // With the village secretary's token: the default token would create the test organization on the county node, a root the province never registered.
        HttpResponse<String> elsewhere = NodeClient.as(NodeClient.tokenFor(village, "secretary")).post(COUNTY_NODE + "/activities", Fixtures.JSON_LD,
                body(organs, "ThemedPartyDay", "2025-01-01", ""));
        assertEquals(422, elsewhere.statusCode(), elsewhere.body());
        assertTrue(elsewhere.body().contains("activity-organization"), elsewhere.body());
        String a = member(COUNTY_NODE, village, "两处者");
        HttpResponse<String> twice = create(COUNTY_NODE, village, "ThemedPartyDay", "2025-01-02",
                ", \"attendees\": [\"" + a + "\"], \"absences\": [{\"type\": \"Absence\", \"absentee\": \"" + a + "\", \"absenceReason\": \"病假\"}]");
        assertEquals(422, twice.statusCode(), twice.body());
        assertTrue(twice.body().contains("attendance-twice"), twice.body());
        HttpResponse<String> nobody = create(COUNTY_NODE, village, "ThemedPartyDay", "2025-01-02",
                ", \"attendees\": [\"" + COUNTY_NODE + "/members/" + Fixtures.uniqueId("ghost") + "\"]");
        assertEquals(422, nobody.statusCode(), nobody.body());
        assertTrue(nobody.body().contains("attendee-member"), nobody.body());
    }

    private static JsonObject compliance(String node, String organization, String through, String scope) {
        HttpResponse<String> answer = NodeClient.as(NodeClient.tokenFor(organization, "secretary")).get(node + "/statistics/compliance?organization="
                + enc(organization) + "&year=2025&through=" + through + (scope == null ? "" : "&scope=" + scope), "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
        return NodeClient.json(answer);
    }

    /** The missing periods of the answer, as "organization activityType periods". */
    private static Map<String, List<String>> missing(JsonObject answer) {
        Map<String, List<String>> missing = new TreeMap<>();
        for (JsonValue v : answer.getJsonArray("missing")) {
            JsonObject m = v.asJsonObject();
            missing.put(m.getString("name") + " " + m.getString("activityType"),
                    m.getJsonArray("periods").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        }
        return missing;
    }

    @Test
    @DisplayName("LX-ORGLIFE-6 LX-ORGLIFE-7 LX-ORGLIFE-8 a branch's compliance: each requirement met in a period by one activity of its type, only periods ended by the month asked, quarter ends included")
    void branchCompliance() {
        JsonObject may = compliance(COUNTY_NODE, village, "2025-05", null);
        assertEquals(Map.of("东村党支部 ThemedPartyDay", List.of("2025-05")), missing(may), "Q2 has not ended in May");
        JsonObject june = compliance(COUNTY_NODE, village, "2025-06", null);
        assertEquals(Map.of("东村党支部 ThemedPartyDay", List.of("2025-05"), "东村党支部 PartyLecture", List.of("2025-Q2")), missing(june));
        JsonObject december = compliance(COUNTY_NODE, village, "2025-12", null);
        assertEquals(List.of("2025"), missing(december).get("东村党支部 OrganizationalLifeMeeting"), "the yearly ones once December is through");
        assertEquals(List.of("2025-Q3", "2025-Q4"), missing(december).get("东村党支部 BranchGeneralMeeting"));
        JsonObject meetings = requirement(june, "BranchGeneralMeeting");
        assertEquals(2, meetings.getInt("required"));
        assertEquals(2, meetings.getInt("met"));
        assertEquals(0, june.getInt("compliant"));
        assertEquals(1, june.getInt("organizationsChecked"));
    }

    @Test
    @DisplayName("LX-ORGLIFE-11 a branch of seven full members owes a committee meeting a month, a party group a group meeting a month")
    void committeeAndGroups() {
        JsonObject answer = compliance(COUNTY_NODE, big, "2025-02", null);
        Map<String, List<String>> missing = missing(answer);
        assertEquals(List.of("2025-01", "2025-02"), missing.get("青山县人民医院党支部 BranchCommitteeMeeting"));
        assertEquals(List.of("2025-01", "2025-02"), missing.get("青山县人民医院党支部第一党小组 PartyGroupMeeting"));
        assertEquals(2, answer.getInt("organizationsChecked"));
        assertFalse(missing(compliance(COUNTY_NODE, village, "2025-02", null)).containsKey("东村党支部 BranchCommitteeMeeting"),
                "a branch of fewer than seven full members has no committee");
    }

    @Test
    @DisplayName("LX-ORGLIFE-9 the province sees its subtree's compliance live: counts summed, organizations listed, no people")
    void provinceCompliance() {
        JsonObject answer = compliance(PROVINCE_NODE, province, "2025-06", "subtree");
        Map<String, List<String>> missing = missing(answer);
        assertEquals(List.of("2025-05"), missing.get("东村党支部 ThemedPartyDay"));
        assertEquals(List.of("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"), missing.get("省直机关第一党支部 ThemedPartyDay"));
        assertEquals(4, answer.getInt("organizationsChecked"), "two branches of the county, its party group, the branch of the province");
        assertEquals(List.of(COUNTY_NODE, PROVINCE_NODE), answer.getJsonObject("completeness").getJsonArray("nodes").stream()
                .map(n -> n.asJsonObject().getString("node")).sorted().toList());
        assertFalse(answer.toString().contains("/members/"), "no member IRI in a federated answer");
        assertFalse(answer.toString().contains("医生"));
        JsonObject themed = requirement(answer, "ThemedPartyDay");
        assertEquals(18, themed.getInt("required"), "three branches, six months");
        assertEquals(5, themed.getInt("met"));
        assertEquals(3, themed.getInt("organizationsMissing"));
    }

    @Test
    @DisplayName("LX-ORGLIFE-10 the compliance of an organization outside the caller's subtree is 404; activities are read only within it")
    void access() {
        HttpResponse<String> outside = NodeClient.as(NodeClient.tokenFor(village, "secretary")).get(COUNTY_NODE + "/statistics/compliance?organization="
                + enc(big) + "&year=2025", "application/json");
        assertEquals(404, outside.statusCode());
        String held = activity(COUNTY_NODE, big, "PartyLecture", "2024-03-01");
        assertEquals(404, NodeClient.as(NodeClient.tokenFor(village, "secretary")).get(held, Fixtures.JSON_LD).statusCode());
        assertEquals(200, NodeClient.as(NodeClient.tokenFor(county, "secretary")).get(held, Fixtures.JSON_LD).statusCode());
    }

    private static JsonObject requirement(JsonObject answer, String type) {
        return answer.getJsonArray("requirements").stream().map(JsonValue::asJsonObject).filter(r -> r.getString("activityType").equals(type))
                .findFirst().orElseThrow();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
