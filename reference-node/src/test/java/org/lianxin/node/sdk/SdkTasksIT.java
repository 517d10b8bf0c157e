package org.lianxin.node.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.client.Activity;
import org.lianxin.client.BurdenReport;
import org.lianxin.client.Inbox;
import org.lianxin.client.InboxItem;
import org.lianxin.client.LianxinClient;
import org.lianxin.client.PartialAnswerException;
import org.lianxin.client.ProblemException;
import org.lianxin.client.Task;
import org.lianxin.client.TaskAnswer;
import org.lianxin.client.TaskCompletion;
import org.lianxin.client.TaskProgress;
import org.lianxin.conformance.probes.ProbeNode;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;

/**
 * {@code client.tasks()} (spec chapter 13) against the reference node's {@code sdk} node over HTTP.
 * The tests work in a county of their own with one branch and one member, each test in a due year
 * of its own, so that their figures do not see each other's tasks.
 */
class SdkTasksIT {

    private static final String NODE = NodeClient.serverUrl() + "/nodes/sdk";
    private static String county;
    private static String branch;

    @BeforeAll
    static void tree() {
        county = Trees.organizationOn(NODE, "青河县委", "CountyCommittee", NodeClient.top(NODE));
        branch = Trees.organizationOn(NODE, "青河县东村党支部", "Branch", county);
        HttpResponse<String> created = NodeClient.post(NODE + "/members", Fixtures.JSON_LD, Fixtures.member("赵丽华", branch));
        assertEquals(201, created.statusCode(), created.body());
    }

    /** A client with the tests' administrator of the node's test organization: a secretary of the whole tree. */
    private static LianxinClient client() {
        return LianxinClient.builder(NODE).tokens(() -> NodeClient.token(NODE)).build();
    }

    @Test
    @DisplayName("the same figures asked twice: the second data request comes back Merged into the first, the data answered both, the branch's inbox holds one item answered by data, and the burden report counts 2 received, 1 merged, 4 hours saved")
    void sameFiguresAskedTwice() {
        LianxinClient client = client();
        Task first = client.tasks().dataRequest(county, "全县党员队伍统计", LocalDate.of(2041, 3, 31)).statistic("MemberCountsByStage")
                .description("各阶段党员人数，由数据直接回答。").execute();
        assertEquals("Answered", first.taskState(), first.toString());
        assertEquals("DataRequest\nMemberCountsByStage\n", first.taskKey());
        assertEquals(List.of(county), first.targets(), "no targets: the issuer's subtree");
        TaskAnswer answered = first.answer().orElseThrow();
        assertTrue(answered.complete());
        assertEquals(1, answered.memberStatistics().orElseThrow().total(), "the county's one member, counted by the data");

        Task second = client.tasks().dataRequest(county, "党员队伍统计（重复）", LocalDate.of(2041, 3, 15)).statistic("MemberCountsByStage")
                .targets(branch).execute();
        assertEquals("Merged", second.taskState());
        assertTrue(second.merged());
        assertEquals(Optional.of(first.id()), second.mergedInto(), "the issuer is told what it was merged into");
        assertEquals(first.taskKey(), second.taskKey());

        assertEquals(second.id(), client.tasks().read(second.id()).id());
        assertEquals(List.of(second.id()), client.tasks().list().state("Merged").issuedBy(county).pageSize(1).stream().map(Task::id).toList());
        assertEquals(1, client.tasks().answer(first.id()).memberStatistics().orElseThrow().total(), "computed again, now");

        Inbox inbox = client.tasks().inbox(branch);
        assertTrue(inbox.complete(), inbox.completeness().toString());
        InboxItem item = inbox.itemOf(first.id()).orElseThrow();
        assertEquals(InboxItem.Status.AnsweredByData, item.status());
        assertEquals(List.of(first.id(), second.id()), item.requests().stream().map(InboxItem.Request::id).toList(), "one item, both requests, first first");
        assertEquals(LocalDate.of(2041, 3, 15), item.dueDate(), "the earliest due date");
        assertEquals(Optional.of(first.id()), item.requests().get(1).mergedInto());
        assertEquals(NODE, item.first().node());

        BurdenReport burden = client.tasks().burden(branch, "2041");
        assertEquals(List.of(1L, 2L, 1L, 1L, 0L), List.of(burden.branches(), burden.received(), burden.merged(), burden.answeredByData(),
                burden.leftToPeople()), burden.toString());
        assertEquals(0, new BigDecimal("4").compareTo(burden.hoursAsked()), "two data requests of two hours");
        assertEquals(0, BigDecimal.ZERO.compareTo(burden.hoursLeft()));
        assertEquals(0, new BigDecimal("4").compareTo(burden.hoursSaved()));
        assertEquals(new BurdenReport.Counts(2, 1, 1, 0), burden.dataRequests());
        assertEquals(new BurdenReport.Counts(0, 0, 0, 0), burden.actionRequests());
        assertTrue(burden.completeness().complete());
    }

    @Test
    @DisplayName("an action request is ToDo in the branch's inbox and ForBranches in the county's; completing it with its themed party day turns it Done, progress counts the branch, a second completion is refused (LX-TASK-16), and a cancelled task leaves the inbox and the burden report")
    void actionRequestCompleted() {
        LianxinClient client = client();
        Task task = client.tasks().actionRequest(county, "ThemedPartyDay", "学习贯彻　二十届三中全会精神", LocalDate.of(2042, 5, 20)).execute();
        assertEquals("Open", task.taskState());
        assertEquals(Optional.empty(), task.mergedInto());
        assertEquals("ActionRequest\nThemedPartyDay\n学习贯彻 二十届三中全会精神\n2042-05", task.taskKey(), "the topic normalized (13.5)");
        assertEquals("学习贯彻　二十届三中全会精神", task.name(), "named after the topic, as written");

        InboxItem todo = client.tasks().inbox(branch).itemOf(task.id()).orElseThrow();
        assertEquals(InboxItem.Status.ToDo, todo.status());
        assertEquals(county, todo.first().issuedBy());
        assertEquals("青河县委", todo.first().issuerName());
        assertEquals(InboxItem.Status.ForBranches, client.tasks().inbox(county).itemOf(task.id()).orElseThrow().status());

        TaskProgress before = client.tasks().progress(task.id());
        assertEquals(List.of(1L, 0L), List.of(before.branches(), before.completed()));
        assertEquals(List.of(branch), before.missing().stream().map(TaskProgress.Missing::organization).toList());

        ProblemException noEvidence = assertThrows(ProblemException.class, () -> client.tasks().complete(task.id(), branch, List.of(), null));
        assertEquals(422, noEvidence.status());
        assertEquals(List.of("LX-TASK-15"), noEvidence.requirements());
        Activity day = client.activities().record(branch, "ThemedPartyDay", LocalDate.of(2042, 5, 12), "学习贯彻二十届三中全会精神");
        TaskCompletion done = client.tasks().complete(task.id(), branch, List.of(day.id()), "全体党员参加");
        assertEquals(task.taskKey(), done.taskKey());
        assertEquals(List.of(day.id()), done.evidence());
        assertEquals(done.id(), client.tasks().completion(done.id()).id());

        InboxItem item = client.tasks().inbox(branch).itemOf(task.id()).orElseThrow();
        assertEquals(InboxItem.Status.Done, item.status());
        assertEquals(Optional.of(done.id()), item.completion());
        TaskProgress after = client.tasks().progress(task.id());
        assertEquals(List.of(1L, 1L), List.of(after.branches(), after.completed()));
        assertTrue(after.missing().isEmpty());
        ProblemException again = assertThrows(ProblemException.class, () -> client.tasks().complete(task.id(), branch, List.of(day.id()), null));
        assertEquals(409, again.status());
        assertEquals(List.of("LX-TASK-16"), again.requirements());

        Task withdrawn = client.tasks().actionRequest(county, "ThemedPartyDay", "待撤销的任务", LocalDate.of(2042, 5, 25)).execute();
        assertEquals("Cancelled", client.tasks().cancel(withdrawn.id()).taskState());
        assertEquals(409, assertThrows(ProblemException.class, () -> client.tasks().cancel(withdrawn.id())).status());
        assertTrue(client.tasks().inbox(branch).itemOf(withdrawn.id()).isEmpty(), "a cancelled task leaves the inbox");

        BurdenReport burden = client.tasks().burden(branch, "2042-05");
        assertEquals(List.of(1L, 0L, 0L, 1L), List.of(burden.received(), burden.merged(), burden.answeredByData(), burden.leftToPeople()),
                "the cancelled one is not counted: " + burden);
        assertEquals(0, new BigDecimal("4").compareTo(burden.hoursAsked()), "one action request of four hours");
        assertEquals(0, new BigDecimal("4").compareTo(burden.hoursLeft()));
        assertEquals(0, BigDecimal.ZERO.compareTo(burden.hoursSaved()));
        assertEquals(new BurdenReport.Counts(1, 0, 0, 1), burden.actionRequests());
    }

    @Test
    @DisplayName("a data request with a field no node holds stays Open, is ToDo for the branch, and is completed with the figure in a note")
    void fieldsLeftToPeople() {
        LianxinClient client = client();
        Task task = client.tasks().dataRequest(county, "志愿服务统计", LocalDate.of(2043, 2, 28)).statistic("MemberCountsByStage")
                .askedFields("志愿服务时长（小时）").execute();
        assertEquals("Open", task.taskState(), "the figures are answered, the field is not");
        assertTrue(task.answer().isPresent());
        assertEquals(List.of("志愿服务时长（小时）"), task.askedFields());
        InboxItem item = client.tasks().inbox(branch).itemOf(task.id()).orElseThrow();
        assertEquals(InboxItem.Status.ToDo, item.status());
        assertEquals(List.of("志愿服务时长（小时）"), item.askedFields());
        assertEquals(List.of("LX-TASK-15"), assertThrows(ProblemException.class,
                () -> client.tasks().complete(task.id(), branch, null, null)).requirements(), "the figure is asked for");
        assertEquals(Optional.of("志愿服务时长：126 小时"), client.tasks().complete(task.id(), branch, null, "志愿服务时长：126 小时").note());
        assertEquals(InboxItem.Status.Done, client.tasks().inbox(branch).itemOf(task.id()).orElseThrow().status());
    }

    @Test
    @DisplayName("the burden report with a node below that does not answer is a PartialAnswerException naming it, and with allowPartial() an answer whose completeness says so")
    void partialBurden() {
        try (ProbeNode probe = new ProbeNode(county).mode(ProbeNode.Mode.FAIL_500)) {
            String operator = NodeClient.tokenFor(NodeClient.top(NODE), List.of(probe.base()), "secretary", "organization-admin", "node-operator");
            HttpResponse<String> registered = NodeClient.as(operator).post(NODE + "/federation/children", "application/json",
                    "{\"base\": \"" + probe.base() + "\"}");
            assertEquals(201, registered.statusCode(), registered.body());
            try {
                PartialAnswerException refused = assertThrows(PartialAnswerException.class, () -> client().tasks().burden(county, "2044"));
                assertEquals(424, refused.status());
                assertEquals(List.of(probe.base()), refused.completeness().missing().stream().map(n -> n.node()).toList());
                BurdenReport partial = client().statistics().burden().organization(county).period("2044").subtree().allowPartial().execute();
                assertFalse(partial.completeness().complete());
                assertEquals(1, partial.branches(), "this node's own branch, counted");
            } finally {
                NodeClient.raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(NODE + "/federation/children?base="
                        + java.net.URLEncoder.encode(probe.base(), StandardCharsets.UTF_8))).DELETE()
                        .header("Authorization", "Bearer " + operator));
            }
        }
    }

    @Test
    @DisplayName("a task refused by the node is a ProblemException naming the rule: a due date in the past breaks LX-TASK-5")
    void refused() {
        ProblemException past = assertThrows(ProblemException.class, () -> client().tasks()
                .dataRequest(county, "过期", LocalDate.now().minusDays(3)).statistic("MemberCountsByStage").execute());
        assertEquals(422, past.status());
        assertEquals(List.of("LX-TASK-5"), past.requirements());
    }
}
