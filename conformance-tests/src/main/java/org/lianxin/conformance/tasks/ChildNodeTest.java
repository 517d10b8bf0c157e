package org.lianxin.conformance.tasks;

import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Callers;
import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.tasks.TasksKit.actionRequest;
import static org.lianxin.conformance.Answers.assertNoPerson;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.tasks.TasksKit.counts;
import static org.lianxin.conformance.tasks.TasksKit.dataRequest;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.tasks.TasksKit.hours;
import static org.lianxin.conformance.tasks.TasksKit.issued;
import static org.lianxin.conformance.Answers.strings;
import static org.lianxin.conformance.tasks.TasksKit.targets;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.federation.StubNode;
import org.lianxin.conformance.fixtures.RegisteredChild;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * 13.6, 13.10, 13.11 with the node as the parent: the kit's {@link StubNode} plays a child node
 * registered under a committee of the sandbox, with one root. As that child it asks the node's
 * inbound query with its node credential (a token of the role node whose sub is its base URL); as
 * that child it answers the node's progress and burden requests with figures the kit chose, which
 * the node must add to its own. Other callers of the inbound query must be refused.
 */
class ChildNodeTest {

    private static StubNode child;
    private static RegisteredChild registered;
    private static String caller;
    private static String committee;
    private static String branch;
    private static int year;
    private static String village;

    @BeforeAll
    static void child() {
        Inapplicable.unless(Kit.current().claims("Federation"), "the node does not claim Federation");
        committee = Current.sandbox().newOrganization("下发测试市委", "MunicipalCommittee");
        branch = Current.sandbox().newOrganization("市直机关党支部", "Branch", committee);
        year = TasksKit.freshYear();
        registered = RegisteredChild.under(committee, 24, null, s -> {
            village = s.organization("village");
            s.on("POST", "/tasks/notices", c -> new StubNode.Reply(202, null, null));
            s.on("GET", "/statistics/task-progress", c -> StubNode.Reply.json(Json.createObjectBuilder()
                    .add("taskKey", TasksKit.parameter(c.query(), "taskKey")).add("organizations", Json.createArrayBuilder().add(s.organization("root")))
                    .add("roots", Json.createArrayBuilder().add(s.organization("root"))).add("scope", "subtree").add("branches", 2).add("completed", 1)
                    .add("missing", Json.createArrayBuilder().add(Json.createObjectBuilder().add("organization", village).add("name", "桩村党支部")))
                    .add("completeness", s.completeness(c)).build()));
            s.on("GET", "/statistics/tasks", c -> StubNode.Reply.json(childBurden(c)));
        });
        child = registered.stub();
        caller = "Bearer " + Kit.current().tokens().actingFor(committee, registered.audience(), "organization-admin", "secretary");
    }

    @AfterAll
    static void unregister() {
        if (registered != null) {
            registered.close();
        }
    }

    /** The child's burden report: 3 requests for its 2 branches, one merged, one answered by data, one left; 2 and 4 hours. */
    private static JsonObject childBurden(StubNode.Call c) {
        JsonObject kind = Json.createObjectBuilder().add("received", 0).add("merged", 0).add("answeredByData", 0).add("leftToPeople", 0).build();
        return Json.createObjectBuilder().add("organizations", Json.createArrayBuilder().add(child.organization("root")))
                .add("roots", Json.createArrayBuilder().add(child.organization("root"))).add("period", TasksKit.parameter(c.query(), "period"))
                .add("scope", "subtree").add("branches", 2).add("received", 3).add("merged", 1).add("answeredByData", 1).add("leftToPeople", 1)
                .add("hoursAsked", 8).add("hoursLeft", 4).add("hoursSaved", 4)
                .add("byKind", Json.createObjectBuilder().add("DataRequest", Json.createObjectBuilder().add("received", 2).add("merged", 1)
                        .add("answeredByData", 1).add("leftToPeople", 0)).add("ActionRequest", Json.createObjectBuilder(kind).add("received", 1)
                        .add("leftToPeople", 1)))
                .add("completeness", child.completeness(c)).build();
    }

    private static Response inbound(String query, String authorization) {
        return Http.get(base() + "/tasks/inbound" + query, "Accept", "application/json", "Authorization", authorization);
    }

    @Test
    @DisplayName("LX-TASK-12 the inbound query of a registered child gives exactly the tasks reaching its root, with what reaches it, and is 403 to anyone else; LX-TASK-20 a cancelled task is not given; LX-TASK-23 it names no person")
    @Verifies(id = "LX-TASK-12", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-20", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-23", level = "MUST NOT", of = "Tasks")
    void inboundQuery() {
        Current.sandbox().newMemberFrom(Current.sandbox().memberBody("诸葛红梅", branch));
        JsonObject reaching = issued(committee, actionRequest(committee, "开展主题党日", LocalDate.of(year, 5, 20).toString(), ""));
        JsonObject answered = issued(committee, dataRequest(committee, "党员人数", LocalDate.of(year, 3, 1).toString(), ", \"statistic\": \"MemberCountsByStage\""));
        JsonObject branchOnly = issued(committee, actionRequest(committee, "仅机关支部", LocalDate.of(year, 5, 20).toString(), targets(branch)));
        JsonObject cancelled = issued(committee, actionRequest(committee, "撤销的任务", LocalDate.of(year, 5, 21).toString(), ""));
        Http.post(cancelled.getString("id") + "/cancel", "application/json", "", "Authorization", caller).expect(200);
        JsonObject later = issued(committee, actionRequest(committee, "明年的任务", LocalDate.of(year + 1, 1, 10).toString(), ""));

        Response answer = inbound("?dueFrom=" + year + "-01-01&dueTo=" + year + "-12-31", Callers.nodeToken(child.base()));
        assertEquals(200, answer.status(), answer.body());
        assertEquals("application/json", answer.mediaType());
        List<JsonObject> tasks = answer.json().getJsonArray("tasks").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(Set.of(answered.getString("id"), reaching.getString("id")), tasks.stream().map(t -> t.getString("id", "")).collect(Collectors.toSet()),
                "exactly the tasks due in the year that reach the child's root: not the branch's, the cancelled or the later one");
        JsonObject summary = tasks.stream().filter(t -> t.getString("id", "").equals(reaching.getString("id"))).findFirst().orElseThrow();
        assertEquals(List.of("ActionRequest", committee, "下发测试市委", base(), reaching.getString("name"), LocalDate.of(year, 5, 20).toString(),
                "Open", reaching.getString("taskKey"), "ThemedPartyDay", "开展主题党日"),
                List.of(summary.getString("taskKind", ""), summary.getString("issuedBy", ""), summary.getString("issuerName", ""),
                        summary.getString("node", ""), summary.getString("name", ""), summary.getString("dueDate", ""), summary.getString("taskState", ""),
                        summary.getString("taskKey", ""), summary.getString("activityType", ""), summary.getString("topic", "")), summary.toString());
        assertEquals(List.of(child.organization("root")), strings(summary, "reaches"));
        assertEquals(List.of(committee), strings(summary, "targets"));
        assertEquals(answered.getString("taskState"), tasks.stream().filter(t -> t.getString("id", "").equals(answered.getString("id"))).findFirst()
                .orElseThrow().getString("taskState", ""), "the state as stored");
        assertTrue(answer.json().containsKey("completeness"), answer.body());
        assertNoPerson(answer.body(), "LX-TASK-23: an inbound answer", "诸葛红梅");
        Response all = inbound("?dueFrom=" + year + "-01-01", Callers.nodeToken(child.base()));
        assertTrue(all.json().getJsonArray("tasks").stream().anyMatch(t -> t.asJsonObject().getString("id", "").equals(later.getString("id"))),
                "no dueTo: the later task too");
        assertTrue(all.json().getJsonArray("tasks").stream().noneMatch(t -> t.asJsonObject().getString("id", "").equals(branchOnly.getString("id"))));

        assertEquals(403, inbound("", caller).status(), "a person does not ask the inbound query");
        assertEquals(403, inbound("", Callers.nodeToken("http://localhost:9/nodes/" + Sandbox.uniqueId("stranger"))).status(), "a node that is not a child");
        assertEquals(400, inbound("?dueFrom=" + year + "/01/01", Callers.nodeToken(child.base())).status(), "a dueFrom that is not a date");
    }

    @Test
    @DisplayName("LX-TASK-12 the inbound answer gives its tasks ordered by dueDate, then id")
    @Verifies(id = "LX-TASK-12", level = "MUST", of = "Tasks")
    void inboundOrder() {
        int own = TasksKit.freshYear();
        JsonObject late = issued(committee, actionRequest(committee, "九月任务", LocalDate.of(own, 9, 1).toString(), ""));
        JsonObject early = issued(committee, actionRequest(committee, "二月任务", LocalDate.of(own, 2, 1).toString(), ""));
        JsonObject middle = issued(committee, dataRequest(committee, "五月统计", LocalDate.of(own, 5, 1).toString(), ", \"askedFields\": [\"五月数字\"]"));
        Response answer = inbound("?dueFrom=" + own + "-01-01&dueTo=" + own + "-12-31", Callers.nodeToken(child.base()));
        assertEquals(200, answer.status(), answer.body());
        assertEquals(List.of(early.getString("id"), middle.getString("id"), late.getString("id")), answer.json().getJsonArray("tasks").stream()
                .map(t -> t.asJsonObject().getString("id", "")).toList(), "Table 13.10: the tasks ordered by dueDate, then id");
    }

    @Test
    @DisplayName("LX-TASK-17 the progress of a task adds the child's branches, completions and missing organizations, asked with its root, the key, scope=subtree and partial=true")
    @Verifies(id = "LX-TASK-17", level = "MUST", of = "Tasks")
    void progressAcrossTheChild() {
        JsonObject task = issued(committee, actionRequest(committee, "联防联学", LocalDate.of(year + 2, 11, 20).toString(), ""));
        Response answer = Http.get(task.getString("id") + "/progress", "Accept", "application/json", "Authorization", caller);
        assertEquals(200, answer.status(), answer.body());
        JsonObject progress = answer.json();
        assertEquals(List.of(3, 1), List.of(progress.getInt("branches"), progress.getInt("completed")), "the node's branch and the child's two: " + progress);
        assertEquals(Set.of(branch, village), progress.getJsonArray("missing").stream().map(m -> m.asJsonObject().getString("organization", ""))
                .collect(Collectors.toSet()));
        StubNode.Call asked = child.calls("GET", "/statistics/task-progress").get(0);
        assertEquals(List.of(child.organization("root"), task.getString("taskKey"), "subtree", "true"), List.of(
                TasksKit.parameter(asked.query(), "organization"), TasksKit.parameter(asked.query(), "taskKey"),
                TasksKit.parameter(asked.query(), "scope"), TasksKit.parameter(asked.query(), "partial")), asked.query());
        assertTrue(progress.getJsonObject("completeness").getJsonArray("nodes").stream()
                .anyMatch(n -> n.asJsonObject().getString("node", "").equals(child.base())), progress.toString());
    }

    @Test
    @DisplayName("LX-TASK-18 the burden report with scope=subtree adds the counts and hours of the child's answer, asked with its root, the period, scope=subtree and partial=true")
    @Verifies(id = "LX-TASK-18", level = "MUST", of = "Tasks")
    void burdenAcrossTheChild() {
        issued(committee, actionRequest(committee, "联学联建", LocalDate.of(year + 2, 10, 20).toString(), ""));

        String period = (year + 2) + "-10";
        JsonObject local = Answers.getJson(base() + "/statistics/tasks?organization=" + enc(committee) + "&period=" + period + "&scope=local", caller);
        assertTrue(local.get("hoursAsked") instanceof jakarta.json.JsonNumber, "Table 13.17: hoursAsked is a number: " + local);
        JsonObject subtree = Answers.getJson(base() + "/statistics/tasks?organization=" + enc(committee) + "&period=" + period + "&scope=subtree", caller);
        assertEquals(List.of(1, 0, 0, 1), counts(local), "the node's one branch and the one task: " + local);
        assertEquals(local.getInt("branches") + 2, subtree.getInt("branches"), subtree.toString());
        assertEquals(List.of(4, 1, 1, 2), counts(subtree), "the node's counts plus the child's: " + subtree);
        assertEquals(List.of(2, 1, 1, 0), counts(subtree.getJsonObject("byKind").getJsonObject("DataRequest")), subtree.toString());
        assertEquals(hours(local, "hoursAsked") + 8, hours(subtree, "hoursAsked"), 0.001);
        assertEquals(hours(local, "hoursLeft") + 4, hours(subtree, "hoursLeft"), 0.001);
        StubNode.Call burden = child.calls("GET", "/statistics/tasks").get(0);
        assertEquals(List.of(child.organization("root"), period, "subtree", "true"), List.of(TasksKit.parameter(burden.query(), "organization"),
                TasksKit.parameter(burden.query(), "period"), TasksKit.parameter(burden.query(), "scope"),
                TasksKit.parameter(burden.query(), "partial")), burden.query());
    }
}
