package org.lianxin.conformance.pipeline;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lianxin.conformance.pipeline.PipelineKit.read;
import static org.lianxin.conformance.pipeline.PipelineKit.refusedUnchanged;
import static org.lianxin.conformance.pipeline.PipelineKit.request;
import static org.lianxin.conformance.pipeline.PipelineKit.sponsors;
import static org.lianxin.conformance.pipeline.PipelineKit.step;
import static org.lianxin.conformance.pipeline.PipelineKit.stepped;
import static org.lianxin.conformance.pipeline.PipelineKit.training;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.pipeline.PipelineKit.Dates;

/**
 * 11.4: the rules up to the admission as probationary member — a year as activist, two sponsors, 24
 * hours of training, the approval within three months of the vote — with dates on both sides of
 * each limit: leap days, month ends, quarter ends (a period of years or months ends as 《民法典》
 * 第二百零二条 says).
 */
class AdmissionRulesTest {

    private static String branch;
    private static String s1;
    private static String s2;

    @BeforeAll
    static void setUp() {
        branch = Current.sandbox().newBranch();
        s1 = PipelineKit.fullMember("介绍人张", branch);
        s2 = PipelineKit.fullMember("介绍人李", branch);
    }

    @ParameterizedTest(name = "activist {0}, candidate {1}: {2}")
    @DisplayName("CandidateDesignation less than a year after activistDate is 422 with rule activist-one-year; on the day a year after, it is taken")
    @CsvSource({
            "2024-02-29, 2025-02-27, 422",
            "2024-02-29, 2025-02-28, 200",
            "2023-03-31, 2024-03-30, 422",
            "2023-03-31, 2024-03-31, 200",
            "2023-12-31, 2024-12-30, 422",
            "2023-12-31, 2024-12-31, 200"})
    @Verifies(id = "LX-PIPELINE-3", level = "MUST", of = "Pipeline")
    void activistOneYear(String activist, String candidate, int status) {
        String member = PipelineKit.member("积极分子", branch, "Activist", Dates.activist(activist));
        String before = read(member).body();
        Response answer = step(member, request("CandidateDesignation", candidate));
        if (status == 422) {
            refusedUnchanged(member, answer, 422, "activist-one-year", before);
        } else {
            assertEquals(200, answer.status(), answer.body());
            assertEquals(candidate, answer.json().getString("candidateDate"));
        }
    }

    @Test
    @DisplayName("a PUT that moves candidateDate to less than a year after activistDate, or sets it without activistDate, is 422 with rule activist-one-year")
    @Verifies(id = "LX-PIPELINE-3", level = "MUST", of = "Pipeline")
    void activistOneYearOnPut() {
        Dates dates = Dates.activist("2023-05-10").withCandidate("2024-06-01");
        String member = PipelineKit.member("发展对象", branch, "DevelopmentCandidate", dates);
        String before = read(member).body();
        refusedUnchanged(member, PipelineKit.put(member, PipelineKit.body("发展对象", branch, "DevelopmentCandidate", dates.withCandidate("2024-05-09"))),
                422, "activist-one-year", before);
        Response onTheDay = PipelineKit.put(member, PipelineKit.body("发展对象", branch, "DevelopmentCandidate", dates.withCandidate("2024-05-10")));
        assertEquals(200, onTheDay.status(), onTheDay.body());

        String applicant = PipelineKit.member("申请人", branch, "Applicant", Dates.applicant("2023-05-10"));
        String was = read(applicant).body();
        refusedUnchanged(applicant, PipelineKit.put(applicant, PipelineKit.body("申请人", branch, "Applicant", Dates.applicant("2023-05-10")
                .withCandidate("2025-05-10"))), 422, "activist-one-year", was);
    }

    /** A development candidate with {@code steps} (the vote among them); the approval dated {@code approval}; the answer. */
    private static Response admit(String approval, String... steps) {
        String member = PipelineKit.member("发展对象", branch, "DevelopmentCandidate", Dates.candidate("2021-07-01"), steps);
        String before = read(member).body();
        Response answer = step(member, request("AdmissionApproval", approval));
        if (answer.status() != 200) {
            assertEquals(before, read(member).body(), "a refused step leaves the record as it was");
        }
        return answer;
    }

    private static void admitted(Response answer, String admission) {
        assertEquals(200, answer.status(), answer.body());
        JsonObject record = answer.json();
        assertEquals("ProbationaryMember", record.getString("stage"));
        assertEquals(admission, record.getString("admissionDate"));
    }

    @Test
    @DisplayName("an admission needs Sponsors steps on or before the vote naming two distinct live full members of the node other than the candidate: else 422 two-sponsors")
    @Verifies(id = "LX-PIPELINE-4", level = "MUST", of = "Pipeline")
    void twoSponsors() {
        String vote = "2025-11-30";
        String trained = training("2025-11-01", "24");
        String voted = PipelineKit.dated("AdmissionVote", vote);
        admitted(admit("2025-12-10", sponsors("2025-10-10", s1, s2), trained, voted), vote);
        admitted(admit("2025-12-10", sponsors(vote, s1, s2), trained, voted), vote);
        admitted(admit("2025-12-10", sponsors("2025-09-01", s1), sponsors("2025-10-01", s2), trained, voted), vote);
        PipelineKit.refused(admit("2025-12-10", sponsors("2025-10-10", s1), trained, voted), 422, "two-sponsors");
        PipelineKit.refused(admit("2025-12-10", sponsors("2025-10-10", s1, s1), trained, voted), 422, "two-sponsors");
        PipelineKit.refused(admit("2025-12-10", sponsors("2025-12-01", s1, s2), trained, voted), 422, "two-sponsors");
        PipelineKit.refused(admit("2025-12-10", trained, voted), 422, "two-sponsors");
        String applicant = PipelineKit.member("申请人", branch, "Applicant", Dates.applicant("2024-03-01"));
        PipelineKit.refused(admit("2025-12-10", sponsors("2025-10-10", s1, applicant), trained, voted), 422, "two-sponsors");
        String probationary = PipelineKit.member("预备党员", branch, "ProbationaryMember", Dates.probationary("2025-03-01"));
        PipelineKit.refused(admit("2025-12-10", sponsors("2025-10-10", probationary, s2), trained, voted), 422, "two-sponsors");
        String never = Current.base() + "/members/" + org.lianxin.conformance.fixtures.Sandbox.uniqueId("never");
        PipelineKit.refused(admit("2025-12-10", sponsors("2025-10-10", s1, never), trained, voted), 422, "two-sponsors");
        String deleted = PipelineKit.fullMember("已故介绍人", branch);
        org.lianxin.conformance.Http.delete(deleted).expect(204);
        PipelineKit.refused(admit("2025-12-10", sponsors("2025-10-10", deleted, s2), trained, voted), 422, "two-sponsors");
    }

    @Test
    @DisplayName("the candidate is not their own sponsor, and a sponsor held by another node is not checked")
    @Verifies(id = "LX-PIPELINE-4", level = "MUST", of = "Pipeline")
    void sponsorsOfTheCandidate() {
        String member = PipelineKit.member("自荐者", branch, "DevelopmentCandidate", Dates.candidate("2021-07-01"),
                training("2025-11-01", "24"), PipelineKit.dated("AdmissionVote", "2025-11-30"));
        stepped(member, "{\"step\": \"Sponsors\", \"date\": \"2025-10-10\", \"sponsors\": [\"" + s1 + "\", \"" + member + "\"]}");
        String before = read(member).body();
        refusedUnchanged(member, step(member, request("AdmissionApproval", "2025-12-10")), 422, "two-sponsors", before);

        String elsewhere = "https://lianxin.invalid/nodes/other/members/" + org.lianxin.conformance.fixtures.Sandbox.uniqueId("sponsor");
        admitted(admit("2025-12-10", sponsors("2025-10-10", s1, elsewhere), training("2025-11-01", "24"), PipelineKit.dated("AdmissionVote", "2025-11-30")),
                "2025-11-30");
    }

    @Test
    @DisplayName("an admission needs Training steps of 24 hours in all on or before the vote: else 422 training-24-hours")
    @Verifies(id = "LX-PIPELINE-5", level = "MUST", of = "Pipeline")
    void training24Hours() {
        String vote = "2025-11-30";
        String sponsored = sponsors("2025-10-10", s1, s2);
        String voted = PipelineKit.dated("AdmissionVote", vote);
        admitted(admit("2025-12-10", sponsored, training("2025-10-20", "16"), training(vote, "8"), voted), vote);
        PipelineKit.refused(admit("2025-12-10", sponsored, training("2025-10-20", "23.5"), voted), 422, "training-24-hours");
        PipelineKit.refused(admit("2025-12-10", sponsored, training("2025-10-20", "16"), training("2025-12-01", "8"), voted), 422, "training-24-hours");
        PipelineKit.refused(admit("2025-12-10", sponsored, voted), 422, "training-24-hours");
    }

    @ParameterizedTest(name = "vote {0}, approval {1}: {2}")
    @DisplayName("AdmissionApproval dated outside the vote's day to three months after it is 422 with rule approval-within-3-months")
    @CsvSource({
            "2025-11-30, 2026-02-28, 200",
            "2025-11-30, 2026-03-01, 422",
            "2023-11-30, 2024-02-29, 200",
            "2023-11-30, 2024-03-01, 422",
            "2025-06-30, 2025-09-30, 200",
            "2025-06-30, 2025-10-01, 422",
            "2025-03-31, 2025-06-30, 200",
            "2025-03-31, 2025-07-01, 422",
            "2025-06-15, 2025-06-15, 200",
            "2025-06-15, 2025-06-14, 422"})
    @Verifies(id = "LX-PIPELINE-6", level = "MUST", of = "Pipeline")
    void approvalWithinThreeMonths(String vote, String approval, int status) {
        Response answer = admit(approval, sponsors("2023-01-10", s1, s2), training("2023-02-10", "24"), PipelineKit.dated("AdmissionVote", vote));
        if (status == 422) {
            PipelineKit.refused(answer, 422, "approval-within-3-months");
        } else {
            admitted(answer, vote);
        }
    }
}
