package org.lianxin.node.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Problems;
import org.lianxin.node.testing.Trees;

/**
 * Tasks (spec chapter 13) across three levels on three nodes over HTTP — a province node, a city
 * node registered under it, a county node registered under the city — against what the test
 * itself knows it asked. Each test asks for a due year of its own, so the tests do not see each
 * other's tasks in the figures they check.
 */
class TasksIT {

    static final String PROVINCE_NODE = NodeClient.serverUrl() + "/nodes/tasks-province";
    static final String CITY_NODE = NodeClient.serverUrl() + "/nodes/tasks-city";
    static final String COUNTY_NODE = NodeClient.serverUrl() + "/nodes/tasks-county";

    static String province;
    static String provinceBranch;
    static String city;
    static String cityBranch;
    static String county;
    static String village;
    static String school;

    @BeforeAll
    static void federation() {
        province = Trees.organizationOn(PROVINCE_NODE, "岭东省委", "ProvincialCommittee", NodeClient.top(PROVINCE_NODE));
        provinceBranch = Trees.organizationOn(PROVINCE_NODE, "省直机关第一党支部", "Branch", province);
        city = Trees.organizationOn(CITY_NODE, "青州市委", "MunicipalCommittee", province);
        cityBranch = Trees.organizationOn(CITY_NODE, "青州市直机关党支部", "Branch", city);
        county = Trees.organizationOn(COUNTY_NODE, "青山县委", "CountyCommittee", city);
        village = Trees.organizationOn(COUNTY_NODE, "东村党支部", "Branch", county);
        school = Trees.organizationOn(COUNTY_NODE, "青山县第一中学党支部", "Branch", county);
        for (String branch : List.of(provinceBranch, cityBranch, village, school)) {
            String node = branch.substring(0, branch.indexOf("/organizations/"));
            HttpResponse<String> created = NodeClient.as(NodeClient.tokenFor(branch, "secretary")).post(node + "/members", Fixtures.JSON_LD,
                    Fixtures.member("党员" + branch.substring(branch.length() - 4), branch));
            assertEquals(201, created.statusCode(), created.body());
        }
        Trees.registerChild(PROVINCE_NODE, CITY_NODE);
        Trees.registerChild(CITY_NODE, COUNTY_NODE);
    }

    static NodeClient.As secretary(String organization) {
        return NodeClient.as(NodeClient.tokenFor(organization, "secretary"));
    }

    static String nodeOf(String organization) {
        return organization.substring(0, organization.indexOf("/organizations/"));
    }

    static String dataRequest(String issuer, String name, String due, String extra) {
        return """
                {"@context": "%s", "type": "Task", "taskKind": "DataRequest", "issuedBy": "%s", "name": "%s", "dueDate": "%s"%s}"""
                .formatted(Fixtures.CONTEXT, issuer, name, due, extra);
    }

    static String actionRequest(String issuer, String topic, String due, String extra) {
        return """
                {"@context": "%s", "type": "Task", "taskKind": "ActionRequest", "issuedBy": "%s", "name": "主题党日：%s",
                 "dueDate": "%s", "activityType": "ThemedPartyDay", "topic": "%s"%s}"""
                .formatted(Fixtures.CONTEXT, issuer, topic, due, topic, extra);
    }

    static HttpResponse<String> issue(String issuer, String body) {
        return secretary(issuer).post(nodeOf(issuer) + "/tasks", Fixtures.JSON_LD, body);
    }

    static JsonObject issued(String issuer, String body) {
        HttpResponse<String> created = issue(issuer, body);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(NodeClient.json(created).getString("id"), created.headers().firstValue("Location").orElseThrow());
        return NodeClient.json(created);
    }

    static JsonObject inbox(String organization) {
        String id = organization.substring(organization.lastIndexOf('/') + 1);
        HttpResponse<String> answer = secretary(organization).get(nodeOf(organization) + "/organizations/" + id + "/inbox", "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
        return NodeClient.json(answer);
    }

    /** The inbox item that holds the request {@code task}. */
    static JsonObject itemOf(JsonObject inbox, String task) {
        return inbox.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getJsonArray("requests").stream().anyMatch(r -> r.asJsonObject().getString("id").equals(task)))
                .findFirst().orElseThrow(() -> new AssertionError(task + " is not in " + inbox));
    }

    static JsonObject burden(String organization, String period) {
        HttpResponse<String> answer = secretary(organization).get(nodeOf(organization) + "/statistics/tasks?organization="
                + enc(organization) + "&period=" + period + "&scope=subtree", "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
        return NodeClient.json(answer);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String activity(String branch, String type, String day) {
        HttpResponse<String> created = secretary(branch).post(nodeOf(branch) + "/activities", Fixtures.JSON_LD, """
                {"@context": "%s", "type": "Activity", "activityType": "%s", "heldBy": "%s", "startDate": "%s", "topic": "主题党日"}"""
                .formatted(Fixtures.CONTEXT, type, branch, day));
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    static HttpResponse<String> complete(String branch, String task, String evidence, String note) {
        return secretary(branch).post(nodeOf(branch) + "/task-completions", Fixtures.JSON_LD, """
                {"@context": "%s", "type": "TaskCompletion", "completes": "%s", "completedBy": "%s"%s%s}"""
                .formatted(Fixtures.CONTEXT, task, branch, evidence == null ? "" : ", \"evidence\": [\"" + evidence + "\"]",
                        note == null ? "" : ", \"note\": \"" + note + "\""));
    }

    @Test
    @DisplayName("LX-TASK-1 the node claims Tasks and names the routes of Table 13.2; LX-TASK-2 a task is stored with its state, time and key; LX-TASK-21 listed and read back")
    void routesAndRecord() {
        JsonObject description = NodeClient.json(NodeClient.get(COUNTY_NODE + "/.well-known/lianxin", "application/json"));
        assertTrue(description.getJsonArray("conformanceClasses").contains(jakarta.json.Json.createValue("Tasks")));
        Set<String> rels = description.getJsonArray("endpoints").stream()
                .map(e -> e.asJsonObject().getString("rel") + " " + e.asJsonObject().getString("href")).collect(Collectors.toSet());
        for (String rel : List.of("tasks /tasks", "task-completions /task-completions", "task-inbound /tasks/inbound",
                "task-notices /tasks/notices", "task-statistics /statistics/tasks")) {
            String[] parts = rel.split(" ");
            assertTrue(rels.contains(parts[0] + " " + COUNTY_NODE + parts[1]), rel + " in " + rels);
        }
        JsonObject task = issued(county, actionRequest(county, "学习　《中国共产党章程》 ", "2030-05-20",
                ", \"description\": \"各支部组织党员逐条学习党章。\""));
        assertEquals("Open", task.getString("taskState"));
        assertEquals(List.of(county), task.getJsonArray("targets").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList(), "no targets: the issuer's subtree");
        assertEquals("ActionRequest\nThemedPartyDay\n学习 《中国共产党章程》\n2030-05", task.getString("taskKey"));
        assertTrue(task.containsKey("issuedAt"));
        JsonObject read = NodeClient.json(secretary(county).get(task.getString("id"), Fixtures.JSON_LD));
        assertEquals("各支部组织党员逐条学习党章。", read.getString("description"));
        JsonObject listed = NodeClient.json(secretary(county).get(COUNTY_NODE + "/tasks?state=Open&issuedBy=" + enc(county), Fixtures.JSON_LD));
        assertTrue(listed.getJsonArray("items").stream().anyMatch(i -> i.asJsonObject().getString("id").equals(task.getString("id"))));
        HttpResponse<String> stranger = secretary(cityBranch).get(task.getString("id"), Fixtures.JSON_LD);
        assertEquals(404, stranger.statusCode(), "a task is read under its issuer's subtree only");
    }

    @Test
    @DisplayName("LX-TASK-2 a task that breaks the shapes is a 422 report and stores nothing; LX-TASK-3 only who manages the issuer issues; LX-TASK-4 targets; LX-TASK-5 due date; LX-TASK-6 kinds")
    void refusals() {
        HttpResponse<String> noDue = issue(county, """
                {"@context": "%s", "type": "Task", "taskKind": "DataRequest", "issuedBy": "%s", "name": "无截止日期", "statistic": "MemberCountsByStage"}"""
                .formatted(Fixtures.CONTEXT, county));
        assertEquals(422, noDue.statusCode(), noDue.body());
        HttpResponse<String> member = NodeClient.as(NodeClient.memberToken(COUNTY_NODE + "/members/x")).post(COUNTY_NODE + "/tasks",
                Fixtures.JSON_LD, dataRequest(county, "成员无权", "2030-01-31", ", \"statistic\": \"MemberCountsByStage\""));
        assertEquals(403, member.statusCode(), member.body());
        HttpResponse<String> below = secretary(village).post(COUNTY_NODE + "/tasks", Fixtures.JSON_LD,
                dataRequest(county, "下级无权", "2030-01-31", ", \"statistic\": \"MemberCountsByStage\""));
        assertEquals(403, below.statusCode(), "LX-TASK-3: a branch secretary does not issue for the county");
        HttpResponse<String> foreignIssuer = secretary(county).post(COUNTY_NODE + "/tasks", Fixtures.JSON_LD,
                dataRequest(city, "他节点", "2030-01-31", ", \"statistic\": \"MemberCountsByStage\""));
        Problems.assertError(foreignIssuer, "issuedBy", "task-issuer", "LX-TASK-3");
        HttpResponse<String> outside = issue(county, dataRequest(county, "范围外", "2030-01-31",
                ", \"statistic\": \"MemberCountsByStage\", \"targets\": [\"" + cityBranch + "\"]"));
        Problems.assertError(outside, "targets", "task-target", "LX-TASK-4");
        HttpResponse<String> nested = issue(county, dataRequest(county, "重叠", "2030-01-31",
                ", \"statistic\": \"MemberCountsByStage\", \"targets\": [\"" + county + "\", \"" + village + "\"]"));
        Problems.assertError(nested, "targets", "task-target", "LX-TASK-4");
        HttpResponse<String> past = issue(county, dataRequest(county, "过期", LocalDate.now().minusDays(3).toString(),
                ", \"statistic\": \"MemberCountsByStage\""));
        Problems.assertError(past, "dueDate", "task-due-date", "LX-TASK-5");
        HttpResponse<String> noPeriod = issue(county, dataRequest(county, "党费无月份", "2030-01-31", ", \"statistic\": \"DuesCollection\""));
        Problems.assertError(noPeriod, "taskKind", "task-kind", "LX-TASK-6");
        HttpResponse<String> nothingAsked = issue(county, dataRequest(county, "空", "2030-01-31", ""));
        Problems.assertError(nothingAsked, "taskKind", "task-kind", "LX-TASK-6");
        HttpResponse<String> mixed = issue(county, actionRequest(county, "混合", "2030-01-31", ", \"statistic\": \"MemberCountsByStage\""));
        Problems.assertError(mixed, "taskKind", "task-kind", "LX-TASK-6");
        JsonObject listed = NodeClient.json(secretary(county).get(COUNTY_NODE + "/tasks?issuedBy=" + enc(county), Fixtures.JSON_LD));
        assertFalse(listed.toString().contains("2030-01-31"), "LX-TASK-24: nothing of a refused task is stored");
    }

    @Test
    @DisplayName("LX-TASK-7 keys are normalized; LX-TASK-9 a city's data request equal to the province's is merged, LX-TASK-10 both are answered from the data and the branch is asked nothing; LX-TASK-18 the burden report counts one answered by data")
    void theSameFiguresAskedTwice() {
        JsonObject first = issued(province, dataRequest(province, "全省党员队伍统计", "2031-03-31", ", \"statistic\": \"MemberCountsByStage\""));
        assertEquals("Answered", first.getString("taskState"), first.toString());
        JsonObject answer = NodeClient.jsonOf(first.getString("answer"));
        assertTrue(answer.getJsonObject("completeness").getBoolean("complete"), answer.toString());
        assertEquals(4, answer.getInt("total"), "the members of the four branches, counted where they are: " + answer);
        JsonObject second = issued(city, dataRequest(city, "全市党员队伍统计（重复）", "2031-03-15", ", \"statistic\": \"MemberCountsByStage\""));
        assertEquals("Merged", second.getString("taskState"));
        assertEquals(first.getString("id"), second.getString("mergedInto"), "the issuer is told what it was merged with");
        JsonObject cityAnswer = NodeClient.jsonOf(second.getString("answer"));
        assertEquals(3, cityAnswer.getInt("total"), "the city gets its own figures: " + cityAnswer);

        JsonObject inbox = inbox(village);
        JsonObject item = itemOf(inbox, first.getString("id"));
        assertEquals("AnsweredByData", item.getString("status"));
        assertEquals(2, item.getJsonArray("requests").size());
        assertTrue(inbox.getJsonObject("completeness").getBoolean("complete"));
        assertEquals(3, inbox.getJsonObject("completeness").getJsonArray("nodes").size(), inbox.toString());

        JsonObject branch = burden(village, "2031");
        assertEquals(List.of(2, 1, 1, 0), List.of(branch.getInt("received"), branch.getInt("merged"), branch.getInt("answeredByData"),
                branch.getInt("leftToPeople")), branch.toString());
        assertEquals(4, branch.getJsonNumber("hoursAsked").intValueExact());
        assertEquals(0, branch.getJsonNumber("hoursLeft").intValueExact());
        JsonObject whole = burden(province, "2031");
        // The province's branch got one request; the city's and the county's two branches two each.
        assertEquals(4, whole.getInt("branches"), whole.toString());
        assertEquals(List.of(7, 3, 4, 0), List.of(whole.getInt("received"), whole.getInt("merged"), whole.getInt("answeredByData"),
                whole.getInt("leftToPeople")), whole.toString());
        assertEquals(14, whole.getJsonNumber("hoursSaved").intValueExact());
        assertTrue(whole.getJsonObject("completeness").getBoolean("complete"));

        HttpResponse<String> now = secretary(province).get(first.getString("id") + "/answer", "application/json");
        assertEquals(200, now.statusCode(), now.body());
        assertEquals(4, NodeClient.json(now).getInt("total"), "LX-TASK-11: the statistic, computed now");
    }

    @Test
    @DisplayName("LX-TASK-9 two equal action requests merge and LX-TASK-16 completing once completes both; LX-TASK-15 a completion shows its activity; LX-TASK-17 progress per task; a different topic does not merge")
    void actionRequestsMerge() {
        JsonObject byProvince = issued(province, actionRequest(province, "学习贯彻　二十届三中全会精神", "2032-06-30", ""));
        JsonObject byCity = issued(city, actionRequest(city, " 学习贯彻 二十届三中全会精神", "2032-06-15", ""));
        JsonObject other = issued(city, actionRequest(city, "学习《条例》", "2032-06-15", ""));
        assertEquals("Open", byProvince.getString("taskState"));
        assertEquals("Merged", byCity.getString("taskState"));
        assertEquals(byProvince.getString("id"), byCity.getString("mergedInto"));
        assertEquals("Open", other.getString("taskState"), "a different topic is another task");

        JsonObject item = itemOf(inbox(village), byCity.getString("id"));
        assertEquals("ToDo", item.getString("status"));
        assertEquals("2032-06-15", item.getString("dueDate"), "the earliest due date of the requests");
        assertEquals(2, item.getJsonArray("requests").size());

        HttpResponse<String> noEvidence = complete(village, byCity.getString("id"), null, null);
        Problems.assertError(noEvidence, "evidence", "task-evidence", "LX-TASK-15");
        String lecture = activity(village, "PartyLecture", "2032-06-10");
        Problems.assertError(complete(village, byCity.getString("id"), lecture, null), "evidence", "task-evidence", "LX-TASK-15");
        HttpResponse<String> byOther = NodeClient.as(NodeClient.tokenFor(school, "secretary")).post(COUNTY_NODE + "/task-completions",
                Fixtures.JSON_LD, """
                {"@context": "%s", "type": "TaskCompletion", "completes": "%s", "completedBy": "%s"}"""
                        .formatted(Fixtures.CONTEXT, byCity.getString("id"), village));
        assertEquals(403, byOther.statusCode(), "LX-TASK-15: a branch completes its own tasks only");
        String day = activity(village, "ThemedPartyDay", "2032-06-12");
        HttpResponse<String> done = complete(village, byCity.getString("id"), day, null);
        assertEquals(201, done.statusCode(), done.body());
        assertEquals(byCity.getString("taskKey"), NodeClient.json(done).getString("taskKey"));

        JsonObject after = itemOf(inbox(village), byProvince.getString("id"));
        assertEquals("Done", after.getString("status"), "once completes every request of the key");
        assertEquals("ToDo", itemOf(inbox(village), other.getString("id")).getString("status"));
        HttpResponse<String> again = complete(village, byProvince.getString("id"), day, null);
        Problems.assertError(again, "completes", "task-completed", "LX-TASK-16");
        assertEquals(done.headers().firstValue("Location"), again.headers().firstValue("Location"), "the 409 names the completion that exists");

        JsonObject provinceProgress = progress(province, byProvince.getString("id"));
        assertEquals(4, provinceProgress.getInt("branches"), provinceProgress.toString());
        assertEquals(1, provinceProgress.getInt("completed"));
        assertEquals(3, provinceProgress.getJsonArray("missing").size());
        assertFalse(provinceProgress.getJsonArray("missing").toString().contains(village));
        JsonObject cityProgress = progress(city, byCity.getString("id"));
        assertEquals(List.of(3, 1), List.of(cityProgress.getInt("branches"), cityProgress.getInt("completed")), "the same completion counts for the city's request");

        JsonObject branch = burden(village, "2032-06");
        assertEquals(List.of(3, 1, 0, 2), List.of(branch.getInt("received"), branch.getInt("merged"), branch.getInt("answeredByData"),
                branch.getInt("leftToPeople")), branch.toString());
        assertEquals(12, branch.getJsonNumber("hoursAsked").intValueExact());
        assertEquals(8, branch.getJsonNumber("hoursLeft").intValueExact());
    }

    static JsonObject progress(String issuer, String task) {
        HttpResponse<String> answer = secretary(issuer).get(task + "/progress", "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
        return NodeClient.json(answer);
    }

    @Test
    @DisplayName("LX-TASK-13 the branch inbox merges tasks from three levels on three nodes, one item per key; LX-TASK-8 a task reaches the subtrees of its targets only; LX-TASK-12 only a registered child asks inbound; LX-TASK-23 no person in them")
    void oneInboxThreeLevels() {
        JsonObject p = issued(province, actionRequest(province, "开展“我为群众办实事”", "2033-04-30", ""));
        JsonObject c = issued(city, actionRequest(city, "学习《中国共产党纪律处分条例》", "2033-04-30", ""));
        JsonObject k = issued(county, actionRequest(county, "重温入党誓词", "2033-04-30", ""));
        JsonObject schoolOnly = issued(county, actionRequest(county, "校园安全", "2033-04-30", ", \"targets\": [\"" + school + "\"]"));
        JsonObject inbox = inbox(village);
        Set<String> nodes = inbox.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("dueDate").equals("2033-04-30"))
                .flatMap(i -> i.getJsonArray("requests").stream().map(r -> r.asJsonObject().getString("node"))).collect(Collectors.toSet());
        assertEquals(Set.of(PROVINCE_NODE, CITY_NODE, COUNTY_NODE), nodes);
        for (JsonObject t : List.of(p, c, k)) {
            assertEquals("ToDo", itemOf(inbox, t.getString("id")).getString("status"));
        }
        assertFalse(inbox.toString().contains(schoolOnly.getString("id")), "a task for the school's subtree does not reach the village");
        assertTrue(inbox(school).toString().contains(schoolOnly.getString("id")));
        assertTrue(inbox.getInt("toDo") >= 3);
        assertEquals("ForBranches", itemOf(inbox(county), p.getString("id")).getString("status"), "a county committee's branches act");
        assertFalse(inbox.toString().contains("nationalId") || inbox.toString().contains("/members/"), "LX-TASK-23");

        HttpResponse<String> asUser = secretary(province).get(PROVINCE_NODE + "/tasks/inbound", "application/json");
        assertEquals(403, asUser.statusCode(), "LX-TASK-12: a person does not ask inbound");
        HttpResponse<String> asStranger = NodeClient.as(NodeClient.nodeToken(COUNTY_NODE, PROVINCE_NODE)).get(PROVINCE_NODE + "/tasks/inbound", "application/json");
        assertEquals(403, asStranger.statusCode(), "LX-TASK-12: the county is not the province's child");
        HttpResponse<String> asChild = NodeClient.as(NodeClient.nodeToken(CITY_NODE, PROVINCE_NODE)).get(PROVINCE_NODE + "/tasks/inbound", "application/json");
        assertEquals(200, asChild.statusCode(), asChild.body());
        JsonObject provinceTask = NodeClient.json(asChild).getJsonArray("tasks").stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("id").equals(p.getString("id"))).findFirst().orElseThrow();
        assertEquals(List.of(jakarta.json.Json.createValue(city)), provinceTask.getJsonArray("reaches"));
    }

    @Test
    @DisplayName("LX-TASK-10 a data request with fields no node holds leaves exactly those to people; LX-TASK-15 the branch answers them in a note; LX-TASK-20 a cancelled task leaves every inbox; LX-TASK-19 statistics for managers only")
    void leftToPeopleAndCancelled() {
        JsonObject task = issued(city, dataRequest(city, "志愿服务统计", "2034-02-28",
                ", \"statistic\": \"MemberCountsByStage\", \"askedFields\": [\"志愿服务时长（小时）\"]"));
        assertEquals("Open", task.getString("taskState"), "the figures are answered, the field is not");
        assertTrue(task.containsKey("answer"));
        JsonObject item = itemOf(inbox(village), task.getString("id"));
        assertEquals("ToDo", item.getString("status"));
        assertEquals(List.of(jakarta.json.Json.createValue("志愿服务时长（小时）")), item.getJsonArray("askedFields"));
        Problems.assertError(complete(village, task.getString("id"), null, null), "note", "task-note", "LX-TASK-15");
        HttpResponse<String> done = complete(village, task.getString("id"), null, "志愿服务时长：126 小时");
        assertEquals(201, done.statusCode(), done.body());
        assertEquals("志愿服务时长：126 小时", NodeClient.json(done).getString("note"));

        JsonObject cancelled = issued(city, actionRequest(city, "待撤销", "2034-02-28", ""));
        HttpResponse<String> byBranch = secretary(cityBranch).post(cancelled.getString("id") + "/cancel", "application/json", "");
        assertEquals(404, byBranch.statusCode(), "a branch does not see, let alone cancel, its superior's task");
        HttpResponse<String> cancel = secretary(city).post(cancelled.getString("id") + "/cancel", "application/json", "");
        assertEquals(200, cancel.statusCode(), cancel.body());
        assertEquals("Cancelled", NodeClient.json(cancel).getString("taskState"));
        assertEquals(409, secretary(city).post(cancelled.getString("id") + "/cancel", "application/json", "").statusCode());
        assertFalse(inbox(village).toString().contains(cancelled.getString("id")));

        HttpResponse<String> memberAsks = NodeClient.as(NodeClient.memberToken(COUNTY_NODE + "/members/x"))
                .get(COUNTY_NODE + "/statistics/tasks?organization=" + enc(county) + "&period=2034", "application/json");
        assertEquals(404, memberAsks.statusCode(), "LX-TASK-19: " + memberAsks.body());
        HttpResponse<String> sibling = secretary(cityBranch).get(COUNTY_NODE + "/statistics/tasks?organization=" + enc(county) + "&period=2034",
                "application/json");
        assertEquals(404, sibling.statusCode(), "LX-TASK-19: outside the caller's subtree");
    }

    @Test
    @DisplayName("LX-TASK-14 when the parent node cannot be asked the inbox gives the local items and says what is missing; LX-TASK-22 only the parent sends notices")
    void parentUnreachable() {
        String orphanNode = NodeClient.serverUrl() + "/nodes/tasks-orphan";
        String orphanCounty = Trees.organizationOn(orphanNode, "孤县委", "CountyCommittee", city);
        String orphanBranch = Trees.organizationOn(orphanNode, "孤村党支部", "Branch", orphanCounty);
        Trees.registerChild(CITY_NODE, orphanNode);
        JsonObject local = issued(orphanCounty, actionRequest(orphanCounty, "本县任务", "2035-01-31", ""));
        // The city's operator, with a token for the city only: the city forgets its child, which is not told and keeps asking it.
        HttpResponse<String> minted = NodeClient.post(NodeClient.serverUrl() + "/demo/tokens", "application/json",
                "{\"sub\": \"operator\", \"groups\": [\"node-operator\"], \"audience\": [\"" + CITY_NODE + "\"]}");
        String cityOnly = NodeClient.json(minted).getString("token");
        HttpResponse<String> removed = NodeClient.as(cityOnly).delete(CITY_NODE + "/federation/children?base=" + enc(orphanNode));
        assertTrue(removed.statusCode() == 204 || removed.statusCode() == 200, removed.body());
        JsonObject inbox = inbox(orphanBranch);
        assertEquals("ToDo", itemOf(inbox, local.getString("id")).getString("status"));
        assertFalse(inbox.getJsonObject("completeness").getBoolean("complete"), inbox.toString());

        HttpResponse<String> forged = NodeClient.as(NodeClient.nodeToken(PROVINCE_NODE, COUNTY_NODE)).post(COUNTY_NODE + "/tasks/notices",
                "application/json", "{\"task\": {}}");
        assertEquals(403, forged.statusCode(), "LX-TASK-22: the province is not the county's parent");
    }

    @Test
    @DisplayName("LX-TASK-9 the same request issued twice at once (a double click) is sent once: the other is merged into it")
    void sameRequestAtOnce() throws Exception {
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            String body = actionRequest(county, "同时发出的同一任务", "2036-03-31", "");
            List<java.util.concurrent.Future<JsonObject>> issued = two.invokeAll(List.of(() -> issued(county, body), () -> issued(county, body)));
            List<String> states = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<JsonObject> f : issued) {
                states.add(f.get().getString("taskState"));
            }
            java.util.Collections.sort(states);
            assertEquals(List.of("Merged", "Open"), states);
            assertEquals(1, itemOf(inbox(village), issued.get(0).get().getString("id")).getJsonArray("requests").size() - 1,
                    "one item, two requests");
        } finally {
            two.shutdownNow();
        }
    }
}
