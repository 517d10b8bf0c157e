package org.lianxin.conformance.pipeline;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.pipeline.PipelineKit.Dates;

/**
 * 11.6, Table 11.5: the due list of a committee whose branch has a member for every row of the
 * table and some who are due for nothing, asked on the days before, at and after each limit.
 */
class DueListTest {

    /** One expected item: the member, its name and stage, the next step, dueFrom and overdueFrom (null: none). */
    private record Due(String member, String name, String stage, String next, String dueFrom, String overdueFrom) {}

    private static String committee;
    private static String branch;
    private static Due talk;
    private static Due leapActivist;
    private static Due activist;
    private static Due approval;
    private static Due vote;
    private static Due confirmationApproval;
    private static Due earlyVote;

    @BeforeAll
    static void members() {
        branch = Current.sandbox().newBranch();
        committee = Http.get(branch, "Accept", PipelineKit.JSON_LD).expect(200).json().getString("subOrganizationOf");
        talk = due("谈话对象欧阳", "Applicant", Dates.applicant("2026-01-31"), "Talk", "2026-01-31", "2026-03-01");
        PipelineKit.member("已谈话者", branch, "Applicant", Dates.applicant("2026-01-31"), PipelineKit.dated("Talk", "2026-02-10"));
        leapActivist = due("闰日积极分子", "Activist", Dates.activist("2024-02-29"), "CandidateDesignation", "2025-02-28", null);
        activist = due("积极分子司马", "Activist", Dates.activist("2025-02-28"), "CandidateDesignation", "2026-02-28", null);
        approval = due("待审批发展对象", "DevelopmentCandidate", Dates.candidate("2024-03-01"), "AdmissionApproval", "2025-11-30", "2026-03-01",
                PipelineKit.dated("AdmissionVote", "2025-11-30"));
        PipelineKit.member("未表决发展对象", branch, "DevelopmentCandidate", Dates.candidate("2024-03-01"));
        vote = due("待转正预备党员", "ProbationaryMember", Dates.probationary("2025-02-28"), "ConfirmationVote", "2026-02-28", null);
        confirmationApproval = due("待批转正者", "ProbationaryMember", Dates.probationary("2024-03-31"), "ConfirmationApproval", "2025-03-31", "2025-07-01",
                PipelineKit.dated("ConfirmationVote", "2025-03-31"));
        earlyVote = due("提前表决者", "ProbationaryMember", Dates.probationary("2025-01-31"), "ConfirmationVote", "2026-01-31", null,
                PipelineKit.dated("ConfirmationVote", "2025-06-01"));
        PipelineKit.fullMember("正式党员", branch);
        String deleted = PipelineKit.member("已删除申请人", branch, "Applicant", Dates.applicant("2024-01-01"));
        Http.delete(deleted).expect(204);
    }

    private static Due due(String name, String stage, Dates dates, String next, String dueFrom, String overdueFrom, String... steps) {
        return new Due(PipelineKit.member(name, branch, stage, dates, steps), name, stage, next, dueFrom, overdueFrom);
    }

    private static JsonObject list(String organization, String on) {
        Response answer = Http.get(base() + "/development/due?organization=" + enc(organization) + (on == null ? "" : "&on=" + on),
                "Accept", "application/json");
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.mediaType().equals("application/json"), "the due list is application/json: " + answer.mediaType());
        return answer.json();
    }

    /** The items expected on {@code on}: those due, ordered by dueFrom then member IRI, overdue when on ≥ overdueFrom. */
    private static List<String> expected(String on, Due... all) {
        List<Due> due = new ArrayList<>();
        for (Due d : all) {
            if (d.dueFrom().compareTo(on) <= 0) {
                due.add(d);
            }
        }
        due.sort(Comparator.comparing(Due::dueFrom).thenComparing(Due::member));
        return due.stream().map(d -> line(d.member(), d.name(), d.stage(), branch, d.next(), d.dueFrom(), d.overdueFrom(),
                d.overdueFrom() != null && d.overdueFrom().compareTo(on) <= 0)).toList();
    }

    private static String line(String member, String name, String stage, String branchIri, String next, String dueFrom, String overdueFrom, boolean overdue) {
        return String.join(" | ", member, name, stage, branchIri, next, dueFrom, String.valueOf(overdueFrom), String.valueOf(overdue));
    }

    private static List<String> items(JsonObject answer) {
        return answer.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(i -> line(i.getString("member", "?"), i.getString("name", "?"),
                i.getString("stage", "?"), i.getString("branch", "?"), i.getString("next", "?"), i.getString("dueFrom", "?"),
                i.get("overdueFrom") == null || i.get("overdueFrom") == JsonValue.NULL ? "null" : i.getString("overdueFrom"),
                i.getBoolean("overdue"))).toList();
    }

    private Due[] all() {
        return new Due[] {talk, leapActivist, activist, approval, vote, confirmationApproval, earlyVote};
    }

    @Test
    @DisplayName("the answer names the organization and the day, and has the items of Table 11.5 with every key")
    @Verifies(id = "LX-PIPELINE-12", level = "MUST", of = "Pipeline")
    void shape() {
        JsonObject answer = list(committee, "2026-03-01");
        assertEquals(List.of(committee), answer.getJsonArray("organizations").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("2026-03-01", answer.getString("on"));
        for (JsonValue item : answer.getJsonArray("items")) {
            assertTrue(item.asJsonObject().keySet().containsAll(Set.of("member", "name", "stage", "branch", "next", "dueFrom", "overdueFrom", "overdue")),
                    item.toString());
        }
        assertEquals(expected("2026-03-01", all()), items(answer));
    }

    @Test
    @DisplayName("a member is listed from dueFrom on, not the day before: a year from 29 February 2024 is due on 28 February 2025")
    @Verifies(id = "LX-PIPELINE-12", level = "MUST", of = "Pipeline")
    void dueFrom() {
        for (String on : List.of("2025-02-27", "2025-02-28", "2025-03-30", "2025-03-31", "2025-11-29", "2025-11-30", "2026-01-30", "2026-01-31",
                "2026-02-27", "2026-02-28")) {
            assertEquals(expected(on, all()), items(list(committee, on)), "on " + on);
        }
    }

    @Test
    @DisplayName("a step is overdue from the day after its limit: a talk a month after 31 January, an approval three months after 30 November or 31 March")
    @Verifies(id = "LX-PIPELINE-12", level = "MUST", of = "Pipeline")
    void overdue() {
        for (String on : List.of("2025-06-30", "2025-07-01", "2026-02-28", "2026-03-01", "2026-06-30")) {
            assertEquals(expected(on, all()), items(list(committee, on)), "on " + on);
        }
    }

    @Test
    @DisplayName("the organization may be given by its id; the branch gives the same list; on defaults to today in China")
    @Verifies(id = "LX-PIPELINE-12", level = "MUST", of = "Pipeline")
    void organizationAndDay() {
        assertEquals(items(list(committee, "2026-03-01")), items(list(PipelineKit.id(branch), "2026-03-01")));
        JsonObject today = list(branch, null);
        LocalDate china = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String on = today.getString("on");
        assertTrue(on.equals(china.toString()) || on.equals(china.minusDays(1).toString()) || on.equals(china.plusDays(1).toString()),
                "on is today in China (" + china + "): " + on);
        assertEquals(expected(on, all()), items(today));
    }
}
