package org.lianxin.conformance.tasks;

import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.tasks.TasksKit.actionRequest;
import static org.lianxin.conformance.tasks.TasksKit.activity;
import static org.lianxin.conformance.Answers.assertRule;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.tasks.TasksKit.complete;
import static org.lianxin.conformance.tasks.TasksKit.dataRequest;
import static org.lianxin.conformance.tasks.TasksKit.inbox;
import static org.lianxin.conformance.tasks.TasksKit.issued;
import static org.lianxin.conformance.tasks.TasksKit.itemOf;
import static org.lianxin.conformance.Callers.secretaryOf;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/**
 * 13.9: completions. Two branches of a committee of the sandbox complete an action request with
 * activities of their own and a data request with a note; the kit breaks each rule of Table 13.14
 * in turn and expects the status and rule of the first check it fails, then completes, and checks
 * that one completion completes every request of its key for its branch.
 */
class CompletionsTest {

    private static String committee;
    private static String branch;
    private static String other;
    private static int year;

    @BeforeAll
    static void organizations() {
        committee = Current.sandbox().newOrganization("完成测试县委", "CountyCommittee");
        branch = Current.sandbox().newOrganization("南村党支部", "Branch", committee);
        other = Current.sandbox().newOrganization("北村党支部", "Branch", committee);
        year = TasksKit.freshYear();
    }

    @Test
    @DisplayName("LX-TASK-15 a completion passing Table 13.14 is 201 with its key and time; each failed check gives its status and rule; LX-TASK-16 a second completion of the key is 409 task-completed with the Location of the first, which completes every request of the key")
    @Verifies(id = "LX-TASK-15", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-16", level = "MUST", of = "Tasks")
    void actionRequestCompleted() {
        LocalDate due = LocalDate.of(year, 6, 30);
        JsonObject task = issued(committee, actionRequest(committee, "重温入党誓词", due.toString(), ""));
        JsonObject same = issued(committee, actionRequest(committee, "重温入党誓词", due.minusDays(5).toString(), ""));
        assertEquals("Merged", same.getString("taskState", ""));
        JsonObject answered = issued(committee, dataRequest(committee, "党员人数", due.toString(), ", \"statistic\": \"MemberCountsByStage\""));
        String beside = Current.sandbox().newOrganization("邻县县委", "CountyCommittee");
        JsonObject elsewhere = issued(beside, actionRequest(beside, "邻县的任务", due.toString(), ""));

        String day = activity(branch, "ThemedPartyDay", due.minusDays(10));
        String lecture = activity(branch, "PartyLecture", due.minusDays(10));
        String othersDay = activity(other, "ThemedPartyDay", due.minusDays(10));
        Response byOther = Http.post(base() + "/task-completions", TasksKit.JSON_LD, TasksKit.completion(task.getString("id"), branch, day, null),
                "Authorization", secretaryOf(other));
        assertEquals(403, byOther.status(), "another branch does not complete for this one: " + byOther.body());
        assertRule(complete(committee, task.getString("id"), day, null), 422, "task-completion", "completes", "a committee has nothing to do");
        assertRule(complete(branch, answered.getString("id"), null, null), 422, "task-completion", "completes", "a request the data answered");
        assertRule(complete(branch, elsewhere.getString("id"), day, null), 422, "task-completion", "completes", "a task that does not reach the branch");
        assertRule(complete(branch, task.getString("id"), null, null), 422, "task-evidence", "evidence", "no evidence");
        assertRule(complete(branch, task.getString("id"), lecture, null), 422, "task-evidence", "evidence", "an activity of another type");
        assertRule(complete(branch, task.getString("id"), othersDay, null), 422, "task-evidence", "evidence", "another branch's activity");

        Response done = complete(branch, task.getString("id"), day, "已于本月组织全体党员重温入党誓词。");
        assertEquals(201, done.status(), done.body());
        JsonObject completion = done.json();
        assertEquals(completion.getString("id", ""), done.header("Location").orElse(""));
        assertTrue(completion.getString("id", "").startsWith(base() + "/task-completions/"), completion.toString());
        assertEquals(task.getString("taskKey"), completion.getString("taskKey", ""));
        OffsetDateTime.parse(completion.getString("completedAt", ""));
        assertEquals("已于本月组织全体党员重温入党誓词。", completion.getString("note", ""));
        JsonObject read = Http.get(completion.getString("id"), "Accept", TasksKit.JSON_LD, "Authorization", secretaryOf(branch)).expect(200).json();
        assertEquals(completion.getString("taskKey"), read.getString("taskKey", ""));
        assertTrue(Answers.listed(base() + "/task-completions", secretaryOf(branch)).contains(completion.getString("id")));

        JsonObject item = itemOf(inbox(branch), same.getString("id"));
        assertEquals("Done", item.getString("status", ""), "one completion completes every request of the key: " + item);
        assertEquals(completion.getString("id"), item.getString("completion", ""));
        assertEquals("ToDo", itemOf(inbox(other), task.getString("id")).getString("status", ""), "the other branch has not");
        for (JsonObject request : List.of(task, same)) {
            Response again = complete(branch, request.getString("id"), day, null);
            assertRule(again, 409, "task-completed", "completes", "the key is completed already");
            assertEquals(completion.getString("id"), again.header("Location").orElse(""), "the 409 names the completion that exists");
        }
        JsonObject progress = Answers.getJson(same.getString("id") + "/progress", secretaryOf(committee));
        assertEquals(List.of(2, 1), List.of(progress.getInt("branches"), progress.getInt("completed")), "the completion counts for the merged request");
    }

    @Test
    @DisplayName("LX-TASK-15 a data request with asked fields is completed with a note holding the figures, 422 task-note without one")
    @Verifies(id = "LX-TASK-15", level = "MUST", of = "Tasks")
    void dataRequestCompleted() {
        JsonObject task = issued(committee, dataRequest(committee, "志愿服务统计", LocalDate.of(year, 8, 31).toString(),
                ", \"statistic\": \"MemberCountsByStage\", \"askedFields\": [\"志愿服务时长（小时）\"]"));
        assertRule(complete(branch, task.getString("id"), null, null), 422, "task-note", "note", "asked fields without a note");
        Response done = complete(branch, task.getString("id"), null, "志愿服务时长：126 小时（含周末）");
        assertEquals(201, done.status(), done.body());
        assertEquals("志愿服务时长：126 小时（含周末）", done.json().getString("note", ""));
        assertEquals("Done", itemOf(inbox(branch), task.getString("id")).getString("status", ""));
    }
}
