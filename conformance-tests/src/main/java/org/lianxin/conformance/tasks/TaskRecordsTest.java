package org.lianxin.conformance.tasks;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.tasks.TasksKit.actionRequest;
import static org.lianxin.conformance.Answers.assertRule;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.tasks.TasksKit.dataRequest;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.tasks.TasksKit.issue;
import static org.lianxin.conformance.tasks.TasksKit.issued;
import static org.lianxin.conformance.Answers.listed;
import static org.lianxin.conformance.Callers.secretaryOf;
import static org.lianxin.conformance.tasks.TasksKit.targets;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/**
 * 13.2 to 13.5: the task record. A committee of the sandbox with two branches, and a second
 * committee beside it, issue and are refused tasks as their secretaries; the kit computes the
 * equivalence key of each task itself (NFKC, white space, lower case) and compares it character
 * for character; the list and the reads must give exactly the tasks the kit issued, and a refused
 * request must leave nothing behind.
 */
class TaskRecordsTest {

    private static String committee;
    private static String branchA;
    private static String branchB;
    private static String beside;
    private static int year;

    @BeforeAll
    static void organizations() {
        committee = Current.sandbox().newOrganization("任务测试县委", "CountyCommittee");
        branchA = Current.sandbox().newOrganization("东村党支部", "Branch", committee);
        branchB = Current.sandbox().newOrganization("西村党支部", "Branch", committee);
        beside = Current.sandbox().newOrganization("邻县县委", "CountyCommittee");
        year = TasksKit.freshYear();
    }

    @Test
    @DisplayName("LX-TASK-1 the node description lists the endpoints of Table 13.2")
    @Verifies(id = "LX-TASK-1", level = "MUST", of = "Tasks")
    void endpoints() {
        for (String[] rel : new String[][] {{"tasks", "/tasks"}, {"task-completions", "/task-completions"}, {"task-inbound", "/tasks/inbound"},
                {"task-notices", "/tasks/notices"}, {"task-statistics", "/statistics/tasks"}}) {
            assertEquals(base() + rel[1], Kit.current().endpoint(rel[0]).orElse(null), "the endpoint " + rel[0]);
        }
    }

    @Test
    @DisplayName("LX-TASK-2 a valid task is 201 with Location and the task as stored; LX-TASK-7 its taskKey is the key of 13.5 character for character; LX-TASK-21 it is read and listed as stored")
    @Verifies(id = "LX-TASK-2", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-7", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-21", level = "MUST", of = "Tasks")
    void storedWithStateTimeAndKey() {
        String committee = Current.sandbox().newOrganization("任务记录测试县委", "CountyCommittee");
        String topic = "学习贯彻　二十届三中全会精神（２０２５年） ";
        LocalDate due = LocalDate.of(year, 7, 25);
        JsonObject action = issued(committee, actionRequest(committee, topic, due.toString(), ", \"description\": \"各支部组织党员逐条学习。\""));
        assertEquals("Open", action.getString("taskState", ""), "an action request no task covers is Open: " + action);
        OffsetDateTime.parse(action.getString("issuedAt", ""));
        assertEquals(TasksKit.actionKey("ThemedPartyDay", topic, due), action.getString("taskKey", ""));
        assertEquals("ActionRequest\nThemedPartyDay\n学习贯彻 二十届三中全会精神(2025年)\n" + year + "-07", action.getString("taskKey", ""));
        assertEquals("主题党日：" + topic, action.getString("name", ""), "the name as given");
        assertEquals("各支部组织党员逐条学习。", action.getString("description", ""));

        JsonObject data = issued(committee, dataRequest(committee, "流动党员和困难党员情况", LocalDate.of(year, 3, 10).toString(),
                ", \"askedFields\": [\"流动党员人数\", \"困难党员　人数\", \"ＡＰＰ 使用人数\", \"流动党员人数\"]"));
        assertEquals("DataRequest\n\n\napp 使用人数\n困难党员 人数\n流动党员人数", data.getString("taskKey", ""));
        assertEquals(TasksKit.dataKey(null, null, "流动党员人数", "困难党员　人数", "ＡＰＰ 使用人数"), data.getString("taskKey", ""));
        assertEquals("Open", data.getString("taskState", ""), "asked fields are left to people");

        for (JsonObject task : List.of(action, data)) {
            Response read = Http.get(task.getString("id"), "Accept", TasksKit.JSON_LD, "Authorization", secretaryOf(committee));
            assertEquals(200, read.status(), read.body());
            for (String key : List.of("id", "taskKind", "issuedBy", "name", "dueDate", "taskState", "issuedAt", "taskKey")) {
                assertEquals(task.get(key), read.json().get(key), "GET gives the task as stored: " + key);
            }
        }
        String list = base() + "/tasks?issuedBy=" + enc(committee);
        assertEquals(Set.of(action.getString("id"), data.getString("id")), Set.copyOf(listed(list, secretaryOf(committee))),
                "exactly the committee's tasks");
        assertEquals(Set.of(action.getString("id"), data.getString("id")), Set.copyOf(listed(list + "&state=Open", secretaryOf(committee))));
        assertEquals(List.of(), listed(list + "&state=Merged", secretaryOf(committee)), "no task of the committee is Merged");
        assertEquals(List.of(), listed(list, secretaryOf(beside)), "the tasks are not readable outside the committee's subtree");
        assertFalse(listed(base() + "/tasks?issuedBy=" + enc(beside), secretaryOf(committee)).contains(action.getString("id")));
        assertEquals(400, Http.get(base() + "/tasks?state=Pending", "Accept", TasksKit.JSON_LD, "Authorization", secretaryOf(committee)).status(),
                "a state that is not of Table 13.6");
    }

    @Test
    @DisplayName("LX-TASK-3 403 to a member, to a branch for its committee and for another subtree, 422 task-issuer for an issuer the node does not hold; LX-TASK-4 task-target; LX-TASK-5 task-due-date; LX-TASK-6 task-kind; LX-TASK-2 422 for the shapes; LX-TASK-24 nothing stored")
    @Verifies(id = "LX-TASK-2", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-3", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-4", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-5", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-6", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-24", level = "MUST", of = "Tasks")
    void refusals() {
        String due = LocalDate.of(year, 1, 31).toString();
        String counts = ", \"statistic\": \"MemberCountsByStage\"";
        List<String> before = listed(base() + "/tasks?issuedBy=" + enc(committee), secretaryOf(committee));

        Response noDue = issue(committee, """
                {"@context": "%s", "type": "Task", "taskKind": "DataRequest", "issuedBy": "%s", "name": "无截止日期", "statistic": "MemberCountsByStage"}"""
                .formatted(org.lianxin.conformance.fixtures.Sandbox.CONTEXT, committee));
        assertEquals(422, noDue.status(), "no dueDate breaks the shapes: " + noDue.body());
        assertFalse(noDue.json().getJsonArray("errors").isEmpty(), "an error entry per result: " + noDue.body());
        Response longName = issue(committee, dataRequest(committee, "长".repeat(201), due, counts));
        assertEquals(422, longName.status(), "a name of 201 characters breaks the shapes: " + longName.body());
        Response badCompletion = Http.post(base() + "/task-completions", TasksKit.JSON_LD, """
                {"@context": "%s", "type": "TaskCompletion", "completes": "%s/tasks/x"}""".formatted(org.lianxin.conformance.fixtures.Sandbox.CONTEXT, base()),
                "Authorization", secretaryOf(branchA));
        assertEquals(422, badCompletion.status(), "a completion without completedBy breaks the shapes: " + badCompletion.body());

        String member = Kit.current().base() + "/members/" + org.lianxin.conformance.fixtures.Sandbox.uniqueId("m");
        Response byMember = Http.post(base() + "/tasks", TasksKit.JSON_LD, dataRequest(committee, "党员无权发布", due, counts),
                "Authorization", "Bearer " + Kit.current().tokens().member(member));
        assertEquals(403, byMember.status(), "LX-TASK-3: a member issues no task: " + byMember.body());
        Response byBranch = Http.post(base() + "/tasks", TasksKit.JSON_LD, dataRequest(committee, "下级无权", due, counts),
                "Authorization", secretaryOf(branchA));
        assertEquals(403, byBranch.status(), "LX-TASK-3: a branch secretary does not issue for its committee: " + byBranch.body());
        Response elsewhere = Http.post(base() + "/tasks", TasksKit.JSON_LD, dataRequest(beside, "越界发布", due, counts),
                "Authorization", secretaryOf(committee));
        assertEquals(403, elsewhere.status(), "LX-TASK-3: a committee does not issue for another subtree: " + elsewhere.body());
        String notHeld = "http://localhost:9/nodes/elsewhere/organizations/" + org.lianxin.conformance.fixtures.Sandbox.uniqueId("o");
        assertRule(Http.post(base() + "/tasks", TasksKit.JSON_LD, dataRequest(notHeld, "他节点组织", due, counts)), 422, "task-issuer", "issuedBy",
                "LX-TASK-3: an issuer the node does not hold");

        assertRule(issue(committee, dataRequest(committee, "范围外", due, counts + targets(branchA.replace(base(), "http://localhost:9/nodes/x")))),
                422, "task-target", "targets", "LX-TASK-4: a target the node does not hold");
        String besideBranch = Current.sandbox().newOrganization("邻县党支部", "Branch", beside);
        assertRule(issue(committee, dataRequest(committee, "越界对象", due, counts + targets(besideBranch))), 422, "task-target", "targets",
                "LX-TASK-4: a target outside the issuer's subtree");
        assertRule(issue(committee, dataRequest(committee, "重叠对象", due, counts + targets(committee, branchA))), 422, "task-target", "targets",
                "LX-TASK-4: a target below another target");
        assertRule(issue(branchA, dataRequest(branchA, "兄弟支部", due, counts + targets(branchB))), 422, "task-target", "targets",
                "LX-TASK-4: a target beside the issuer");

        assertRule(issue(committee, dataRequest(committee, "已过期", TasksKit.today().minusDays(1).toString(), counts)), 422, "task-due-date",
                "dueDate", "LX-TASK-5: due yesterday in China Standard Time");

        assertRule(issue(committee, dataRequest(committee, "党费无月份", due, ", \"statistic\": \"DuesCollection\"")), 422, "task-kind", "taskKind",
                "LX-TASK-6: DuesCollection without a period");
        assertRule(issue(committee, dataRequest(committee, "合规无期间", due, ", \"statistic\": \"MeetingCompliance\"")),
                422, "task-kind", "taskKind", "LX-TASK-6: MeetingCompliance without a period");
        assertRule(issue(committee, dataRequest(committee, "什么也不要", due, "")), 422, "task-kind", "taskKind",
                "LX-TASK-6: a data request that asks for nothing");
        assertRule(issue(committee, dataRequest(committee, "数据带活动", due, counts + ", \"activityType\": \"ThemedPartyDay\"")), 422, "task-kind",
                "taskKind", "LX-TASK-6: a data request with an activityType");
        assertRule(issue(committee, actionRequest(committee, "混合要求", due, counts)), 422, "task-kind", "taskKind",
                "LX-TASK-6: an action request with a statistic");

        Response dueToday = issue(committee, actionRequest(committee, "当日截止", TasksKit.today().toString(), ""));
        assertEquals(201, dueToday.status(), "LX-TASK-5: due today is not before today: " + dueToday.body());
        Http.post(dueToday.json().getString("id") + "/cancel", "application/json", "", "Authorization", secretaryOf(committee));

        List<String> after = listed(base() + "/tasks?issuedBy=" + enc(committee), secretaryOf(committee));
        after.removeAll(before);
        assertEquals(List.of(dueToday.json().getString("id")), after, "LX-TASK-24: a refused request stores nothing");
        assertEquals(List.of(), listed(base() + "/task-completions", secretaryOf(branchA)), "LX-TASK-24: a refused completion stores nothing");
    }

    @Test
    @DisplayName("LX-TASK-20 the issuer cancels a task (200, Cancelled), a second cancel is 409 task-state, and the task leaves the inbox and the burden report")
    @Verifies(id = "LX-TASK-20", level = "MUST", of = "Tasks")
    void cancelled() {
        String period = Integer.toString(year);
        JsonObject task = issued(committee, actionRequest(committee, "待撤销的学习任务", LocalDate.of(year, 11, 30).toString(), ""));
        assertEquals(1, TasksKit.itemsOf(TasksKit.inbox(branchA), task.getString("id")).size(), "the task is in the branch's inbox");
        int received = TasksKit.burden(branchA, period, "local").getInt("received");
        assertTrue(received >= 1, "the burden report counts the task");

        Response cancel = Http.post(task.getString("id") + "/cancel", "application/json", "", "Accept", TasksKit.JSON_LD,
                "Authorization", secretaryOf(committee));
        assertEquals(200, cancel.status(), cancel.body());
        assertEquals("Cancelled", cancel.json().getString("taskState", ""));
        assertEquals(task.getString("taskKey"), cancel.json().getString("taskKey", ""), "the task as stored");
        assertRule(Http.post(task.getString("id") + "/cancel", "application/json", "", "Authorization", secretaryOf(committee)), 409, "task-state",
                "taskState", "a task Cancelled already");
        assertEquals(List.of(), TasksKit.itemsOf(TasksKit.inbox(branchA), task.getString("id")), "a cancelled task leaves every inbox");
        assertEquals(received - 1, TasksKit.burden(branchA, period, "local").getInt("received"), "the burden report no longer counts it");
    }
}
