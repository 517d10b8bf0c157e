package org.lianxin.conformance.tasks;

import org.lianxin.conformance.Answers;
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
import static org.lianxin.conformance.tasks.TasksKit.inbox;
import static org.lianxin.conformance.tasks.TasksKit.issued;
import static org.lianxin.conformance.tasks.TasksKit.itemOf;
import static org.lianxin.conformance.tasks.TasksKit.itemsOf;
import static org.lianxin.conformance.Callers.secretaryOf;
import static org.lianxin.conformance.Answers.strings;
import static org.lianxin.conformance.tasks.TasksKit.targets;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Verifies;

/**
 * 13.6, 13.8, 13.10 to 13.12 on one node: who a task reaches, the inbox, the progress and the burden
 * report. A county committee of the sandbox has a branch, a joint branch, a temporary branch and a
 * general branch with a branch and a party group below; the kit issues four requests whose reach
 * and grouping it knows, and checks every count against them. The hours of a kind are the node's
 * policy: the kit learns them from one branch's report and checks the committee's sums with them.
 */
class InboxAndReportsTest {

    private static String committee;
    private static String branch;
    private static String joint;
    private static String temporary;
    private static String general;
    private static String lower;
    private static String group;
    private static String beside;
    private static int year;
    private static JsonObject forGeneral;
    private static JsonObject forAll;
    private static JsonObject againBelow;
    private static JsonObject fields;
    private static JsonObject counted;

    @BeforeAll
    static void tasks() {
        committee = Current.sandbox().newOrganization("覆盖测试县委", "CountyCommittee");
        branch = Current.sandbox().newOrganization("县委机关党支部", "Branch", committee);
        joint = Current.sandbox().newOrganization("个体工商户联合党支部", "JointBranch", committee);
        temporary = Current.sandbox().newOrganization("培训班临时党支部", "TemporaryBranch", committee);
        general = Current.sandbox().newOrganization("县中学党总支", "GeneralBranch", committee);
        lower = Current.sandbox().newOrganization("县中学教师党支部", "Branch", general);
        group = Current.sandbox().newOrganization("县委机关第一党小组", "PartyGroup", branch);
        beside = Current.sandbox().newOrganization("邻县县委", "CountyCommittee");
        Current.sandbox().newMemberFrom(Current.sandbox().memberBody("欧阳秀英", branch));
        year = TasksKit.freshYear();
        forGeneral = issued(committee, actionRequest(committee, "开展“我为群众办实事”", LocalDate.of(year, 4, 20).toString(), targets(general)));
        forAll = issued(committee, actionRequest(committee, "学习《中国共产党纪律处分条例》", LocalDate.of(year, 4, 30).toString(), ""));
        againBelow = issued(general, actionRequest(general, "学习《中国共产党纪律处分条例》", LocalDate.of(year, 4, 25).toString(), ""));
        fields = issued(committee, dataRequest(committee, "流动党员人数", LocalDate.of(year, 5, 31).toString(), ", \"askedFields\": [\"流动党员人数\"]"));
        counted = issued(committee, dataRequest(committee, "各阶段党员人数", LocalDate.of(year, 5, 31).toString(), ", \"statistic\": \"MemberCountsByStage\""));
    }

    @Test
    @DisplayName("LX-TASK-8 a task reaches its targets and what lies below them, and the branches that act are those of type Branch, JointBranch and TemporaryBranch; LX-TASK-13 the inbox gives one item per key with the status of Table 13.12, 404 to a caller who may not read the organization")
    @Verifies(id = "LX-TASK-8", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-13", level = "MUST", of = "Tasks")
    void reachAndInbox() {
        assertEquals("Merged", againBelow.getString("taskState", ""), againBelow.toString());
        Map<String, Set<String>> expected = Map.of(branch, Set.of(forAll.getString("id"), fields.getString("id"), counted.getString("id")),
                joint, Set.of(forAll.getString("id"), fields.getString("id"), counted.getString("id")),
                temporary, Set.of(forAll.getString("id"), fields.getString("id"), counted.getString("id")),
                lower, Set.of(forGeneral.getString("id"), forAll.getString("id"), againBelow.getString("id"), fields.getString("id"), counted.getString("id")),
                group, Set.of(forAll.getString("id"), fields.getString("id"), counted.getString("id")),
                general, Set.of(forGeneral.getString("id"), forAll.getString("id"), againBelow.getString("id"), fields.getString("id"), counted.getString("id")),
                committee, Set.of(forAll.getString("id"), fields.getString("id"), counted.getString("id")),
                beside, Set.of());
        for (var e : expected.entrySet()) {
            JsonObject inbox = inbox(e.getKey());
            assertEquals(e.getKey(), inbox.getString("organization", ""));
            Set<String> mine = inbox.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                    .filter(i -> i.getString("dueDate", "").startsWith(year + "-"))
                    .flatMap(i -> i.getJsonArray("requests").stream().map(r -> r.asJsonObject().getString("id", ""))).collect(Collectors.toSet());
            assertEquals(e.getValue(), mine, "the requests reaching " + e.getKey());
            assertTrue(inbox.containsKey("completeness") && inbox.containsKey("toDo"), inbox.toString());
            assertNoPerson(inbox.toString(), "LX-TASK-23: an inbox", "欧阳秀英");
        }
        for (String acting : List.of(branch, joint, temporary, lower)) {
            JsonObject inbox = inbox(acting);
            assertEquals("ToDo", itemOf(inbox, forAll.getString("id")).getString("status", ""), acting + " acts");
            assertEquals("ToDo", itemOf(inbox, fields.getString("id")).getString("status", ""));
            assertEquals("AnsweredByData", itemOf(inbox, counted.getString("id")).getString("status", ""));
            long toDo = inbox.getJsonArray("items").stream().map(JsonValue::asJsonObject).filter(i -> i.getString("status", "").equals("ToDo")).count();
            assertEquals(toDo, inbox.getInt("toDo"), "toDo counts the items ToDo");
        }
        for (String following : List.of(general, committee, group)) {
            assertEquals("ForBranches", itemOf(inbox(following), forAll.getString("id")).getString("status", ""), following + " is not a branch");
        }
        JsonObject item = itemOf(inbox(lower), againBelow.getString("id"));
        assertEquals(2, item.getJsonArray("requests").size(), "the committee's and the general branch's request are one item: " + item);
        assertEquals(forAll.getString("taskKey"), item.getString("taskKey", ""));
        assertEquals(LocalDate.of(year, 4, 25).toString(), item.getString("dueDate", ""), "the earliest due date of the requests");
        JsonObject request = item.getJsonArray("requests").getJsonObject(0);
        assertEquals(forAll.getString("id"), request.getString("id", ""), "issued first first");
        assertEquals(List.of(committee, base(), "覆盖测试县委"), List.of(request.getString("issuedBy", ""), request.getString("node", ""),
                request.getString("issuerName", "")));
        List<String> order = inbox(lower).getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("dueDate", "").startsWith(year + "-")).map(i -> i.getString("dueDate") + "\u0000" + i.getString("taskKey")).toList();
        assertEquals(order.stream().sorted().toList(), order, "items by dueDate, then taskKey");

        assertEquals(404, Http.get(TasksKit.inboxUrl(lower), "Accept", "application/json", "Authorization", secretaryOf(branch)).status(),
                "a branch does not read another branch's inbox");
        assertEquals(404, Http.get(TasksKit.inboxUrl(committee), "Accept", "application/json", "Authorization", secretaryOf(beside)).status(),
                "nor another committee");
    }

    @Test
    @DisplayName("LX-TASK-17 the progress counts the branches reached and names those missing by organization; LX-TASK-18 the burden report counts requests, merges, answers by data and hours; LX-TASK-23 neither names a person")
    @Verifies(id = "LX-TASK-17", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-18", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-8", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-23", level = "MUST NOT", of = "Tasks")
    void progressAndBurden() {
        JsonObject all = Answers.getJson(forAll.getString("id") + "/progress", secretaryOf(committee));
        assertEquals(forAll.getString("id"), all.getString("task", ""));
        assertEquals(forAll.getString("taskKey"), all.getString("taskKey", ""));
        assertEquals(4, all.getInt("branches"), "the branch, the joint and the temporary branch and the general branch's branch: " + all);
        assertEquals(0, all.getInt("completed"));
        assertEquals(Set.of(branch, joint, temporary, lower), all.getJsonArray("missing").stream()
                .map(m -> m.asJsonObject().getString("organization", "")).collect(Collectors.toSet()));
        assertTrue(all.getJsonArray("missing").stream().anyMatch(m -> m.asJsonObject().getString("name", "").equals("培训班临时党支部")), all.toString());
        assertEquals(1, Answers.getJson(forGeneral.getString("id") + "/progress", secretaryOf(committee)).getInt("branches"), "the general branch's one branch");
        JsonObject byData = Answers.getJson(counted.getString("id") + "/progress", secretaryOf(committee));
        assertEquals(List.of(4, 4), List.of(byData.getInt("branches"), byData.getInt("completed")), "answered by data: every branch has completed it");
        JsonObject part = Answers.getJson(base() + "/statistics/task-progress?organization=" + enc(committee) + "&taskKey=" + enc(forAll.getString("taskKey"))
                + "&scope=local", secretaryOf(committee));
        assertEquals(List.of(4, 0), List.of(part.getInt("branches"), part.getInt("completed")), part.toString());
        assertTrue(part.containsKey("roots") && part.containsKey("completeness"), part.toString());

        // One branch: the action request, the asked field and the request answered by data.
        JsonObject one = TasksKit.burden(branch, Integer.toString(year), "local");
        assertEquals(List.of(3, 0, 1, 2), counts(one), "received, merged, answeredByData, leftToPeople: " + one);
        double data = hours(one, "hoursAsked") - hours(one, "hoursLeft");
        double action = hours(one, "hoursLeft") - data;
        assertTrue(data >= 0 && action >= 0, "the hours of a request are not negative: " + one);
        // The committee: three branches as that one, and the general branch's branch with two more action requests, one merged.
        JsonObject whole = TasksKit.burden(committee, Integer.toString(year), "subtree");
        assertEquals(Integer.toString(year), whole.getString("period", ""));
        assertEquals(List.of(committee), strings(whole, "organizations"));
        assertEquals(4, whole.getInt("branches"), whole.toString());
        assertEquals(List.of(14, 1, 4, 9), counts(whole), "received, merged, answeredByData, leftToPeople: " + whole);
        assertEquals(List.of(8, 0, 4, 4), counts(whole.getJsonObject("byKind").getJsonObject("DataRequest")), whole.toString());
        assertEquals(List.of(6, 1, 0, 5), counts(whole.getJsonObject("byKind").getJsonObject("ActionRequest")), whole.toString());
        assertEquals(8 * data + 6 * action, hours(whole, "hoursAsked"), 0.001, whole.toString());
        assertEquals(4 * data + 5 * action, hours(whole, "hoursLeft"), 0.001, whole.toString());
        assertEquals(hours(whole, "hoursAsked") - hours(whole, "hoursLeft"), hours(whole, "hoursSaved"), 0.001);
        assertTrue(whole.getJsonObject("completeness").getBoolean("complete"), whole.toString());
        JsonObject may = TasksKit.burden(committee, year + "-05", "local");
        assertEquals(List.of(8, 0, 4, 4), counts(may), "only the requests due in May: " + may);

        for (JsonObject answer : List.of(all, part, one, whole)) {
            assertNoPerson(answer.toString(), "LX-TASK-23: a progress or burden report", "欧阳秀英");
        }
    }

    @Test
    @DisplayName("LX-TASK-17 the progress of a task names the task's targets as organizations, its issuer when it has none")
    @Verifies(id = "LX-TASK-17", level = "MUST", of = "Tasks")
    void progressNamesTheTargets() {
        assertEquals(List.of(committee), strings(Answers.getJson(forAll.getString("id") + "/progress", secretaryOf(committee)), "organizations"),
                "Table 13.15: organizations, the task's targets (13.3: none means issuedBy)");
        assertEquals(List.of(general), strings(Answers.getJson(forGeneral.getString("id") + "/progress", secretaryOf(committee)), "organizations"));
    }

    @Test
    @DisplayName("LX-TASK-19 statistics, progress, answers and tasks are 404 to a caller outside the subtree, below the issuer, or without the role secretary or organization-admin")
    @Verifies(id = "LX-TASK-19", level = "MUST", of = "Tasks")
    void hiddenFromOthers() {
        String member = "Bearer " + Kit.current().tokens().member(base() + "/members/" + org.lianxin.conformance.fixtures.Sandbox.uniqueId("m"));
        String burden = base() + "/statistics/tasks?organization=" + enc(committee) + "&period=" + year;
        String part = base() + "/statistics/task-progress?organization=" + enc(committee) + "&taskKey=" + enc(forAll.getString("taskKey"));
        for (String caller : List.of(member, secretaryOf(beside), secretaryOf(branch))) {
            for (String url : List.of(burden, part, forAll.getString("id"), forAll.getString("id") + "/progress", counted.getString("id") + "/answer")) {
                int status = Http.get(url, "Accept", "application/json", "Authorization", caller).status();
                assertEquals(404, status, "GET " + url + " by a caller who may not read it");
            }
        }
        assertEquals(200, Http.get(burden, "Accept", "application/json", "Authorization", secretaryOf(committee)).status());
        assertEquals(itemsOf(inbox(branch), forAll.getString("id")).size(), 1, "the branch sees the task in its inbox, not as a record");
    }
}
