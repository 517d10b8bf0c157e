package org.lianxin.conformance.tasks;

import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.tasks.TasksKit.actionRequest;
import static org.lianxin.conformance.Answers.assertRule;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.tasks.TasksKit.dataRequest;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.tasks.TasksKit.issued;
import static org.lianxin.conformance.Callers.secretaryOf;
import static org.lianxin.conformance.tasks.TasksKit.targets;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/**
 * 13.7: merging and answering by data on one node. A committee of the sandbox, a general branch
 * under it and a branch under each issue equivalent requests in an order the kit chooses, so that
 * the covering task issued first is known; the answer of a data request is compared with the
 * statistic the node gives for the same query (7.9), at the issue and again after a member is added.
 */
class MergeAndAnswerTest {

    private static String committee;
    private static String general;
    private static String branch;
    private static String lower;
    private static int year;

    @BeforeAll
    static void organizations() {
        committee = Current.sandbox().newOrganization("合并测试县委", "CountyCommittee");
        branch = Current.sandbox().newOrganization("县直机关党支部", "Branch", committee);
        general = Current.sandbox().newOrganization("县医院党总支", "GeneralBranch", committee);
        lower = Current.sandbox().newOrganization("县医院内科党支部", "Branch", general);
        Current.sandbox().newMember(branch);
        Current.sandbox().newMember(lower);
        year = TasksKit.freshYear();
    }

    @Test
    @DisplayName("LX-TASK-9 an equivalent request covered by a task already there is Merged into the one issued first and adds no work; one that is not covered, or of another month, is not")
    @Verifies(id = "LX-TASK-9", level = "MUST", of = "Tasks")
    void merged() {
        String topic = "重温入党誓词";
        JsonObject first = issued(committee, actionRequest(committee, topic, LocalDate.of(year, 6, 30).toString(), ""));
        assertEquals("Open", first.getString("taskState"));
        JsonObject again = issued(committee, actionRequest(committee, "重温入党誓词　", LocalDate.of(year, 6, 10).toString(), ""));
        assertEquals("Merged", again.getString("taskState", ""), "the same key, the same targets: " + again);
        assertEquals(first.getString("id"), again.getString("mergedInto", ""));
        JsonObject below = issued(general, actionRequest(general, " 重温入党誓词", LocalDate.of(year, 6, 20).toString(), ""));
        assertEquals("Merged", below.getString("taskState", ""), "covered by both, merged into the one issued first: " + below);
        assertEquals(first.getString("id"), below.getString("mergedInto", ""));
        JsonObject nextMonth = issued(committee, actionRequest(committee, topic, LocalDate.of(year, 7, 5).toString(), ""));
        assertEquals("Open", nextMonth.getString("taskState", ""), "another month is another key");

        JsonObject lowerFirst = issued(general, actionRequest(general, "学习《条例》", LocalDate.of(year, 8, 20).toString(), ""));
        JsonObject upperAfter = issued(committee, actionRequest(committee, "学习《条例》", LocalDate.of(year, 8, 25).toString(), ""));
        assertEquals("Open", lowerFirst.getString("taskState", ""));
        assertEquals("Open", upperAfter.getString("taskState", ""), "the general branch's task does not reach the committee's targets: " + upperAfter);

        JsonObject item = TasksKit.itemOf(TasksKit.inbox(lower), first.getString("id"));
        assertEquals(3, item.getJsonArray("requests").size(), "one item for the three requests of the key: " + item);
        assertEquals(LocalDate.of(year, 6, 10).toString(), item.getString("dueDate", ""), "the earliest due date");
        assertEquals(first.getString("name"), item.getString("name", ""), "the name of the request issued first");
        JsonObject progress = Answers.getJson(again.getString("id") + "/progress", secretaryOf(committee));
        assertEquals(first.getString("taskKey"), progress.getString("taskKey", ""));
    }

    @Test
    @DisplayName("LX-TASK-10 a data request with a statistic is answered at the issue with the statistic of Table 13.5: Answered without asked fields, Open with them; LX-TASK-11 GET answer computes it again, 409 task-answer without a statistic")
    @Verifies(id = "LX-TASK-10", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-11", level = "MUST", of = "Tasks")
    void answeredByData() {
        JsonObject statistic = statistic();
        JsonObject answered = issued(committee, dataRequest(committee, "各阶段党员人数", LocalDate.of(year, 9, 30).toString(),
                ", \"statistic\": \"MemberCountsByStage\""));
        assertEquals("Answered", answered.getString("taskState", ""), "complete, no asked fields: " + answered);
        OffsetDateTime.parse(answered.getString("answeredAt", ""));
        JsonObject answer = parse(answered.getString("answer", "{}"));
        assertEquals(statistic.getInt("total"), answer.getInt("total", -1), "the statistic of GET /statistics/members?groupBy=stage: " + answer);
        assertEquals(groups(statistic), groups(answer));
        assertTrue(answer.getJsonObject("completeness").getBoolean("complete"), answer.toString());

        JsonObject withFields = issued(committee, dataRequest(committee, "党员人数和志愿服务时长", LocalDate.of(year, 9, 30).toString(),
                ", \"statistic\": \"MemberCountsByStage\", \"askedFields\": [\"志愿服务时长（小时）\"]"));
        assertEquals("Open", withFields.getString("taskState", ""), "the asked field is left to people");
        assertEquals(statistic.getInt("total"), parse(withFields.getString("answer", "{}")).getInt("total", -1));

        Current.sandbox().newMemberFrom(Current.sandbox().memberBody("新党员", branch));
        Response now = Http.get(answered.getString("id") + "/answer", "Accept", "application/json", "Authorization", secretaryOf(committee));
        assertEquals(200, now.status(), now.body());
        assertEquals("application/json", now.mediaType());
        assertEquals(statistic.getInt("total") + 1, now.json().getInt("total", -1), "computed at the request: " + now.body());
        assertTrue(now.json().containsKey("completeness"), "with its completeness report");

        JsonObject action = issued(committee, actionRequest(committee, "无统计", LocalDate.of(year, 9, 30).toString(), ""));
        assertRule(Http.get(action.getString("id") + "/answer", "Accept", "application/json", "Authorization", secretaryOf(committee)), 409,
                "task-answer", "statistic", "the answer of an action request");
        JsonObject fieldsOnly = issued(committee, dataRequest(committee, "只填报", LocalDate.of(year, 9, 30).toString(),
                ", \"askedFields\": [\"困难党员人数\"]" + targets(branch)));
        assertRule(Http.get(fieldsOnly.getString("id") + "/answer", "Accept", "application/json", "Authorization", secretaryOf(committee)), 409,
                "task-answer", "statistic", "the answer of a data request without statistic");
    }

    private static JsonObject statistic() {
        return Answers.getJson(base() + "/statistics/members?organization=" + enc(committee) + "&groupBy=stage&scope=subtree&partial=true",
                secretaryOf(committee));
    }

    private static List<String> groups(JsonObject answer) {
        return answer.getJsonArray("groups").stream().map(JsonValue::asJsonObject).map(g -> g.getString("key", "") + "=" + g.getInt("count"))
                .sorted().toList();
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
