package org.lianxin.conformance.pipeline;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lianxin.conformance.pipeline.PipelineKit.body;
import static org.lianxin.conformance.pipeline.PipelineKit.extension;
import static org.lianxin.conformance.pipeline.PipelineKit.put;
import static org.lianxin.conformance.pipeline.PipelineKit.read;
import static org.lianxin.conformance.pipeline.PipelineKit.refusedUnchanged;
import static org.lianxin.conformance.pipeline.PipelineKit.request;
import static org.lianxin.conformance.pipeline.PipelineKit.step;
import static org.lianxin.conformance.pipeline.PipelineKit.stepped;
import static org.lianxin.conformance.pipeline.PipelineKit.steps;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.pipeline.PipelineKit.Dates;

/**
 * 11.4: the rules of the probation — full membership on the day it ends, a year after the admission
 * plus an extension; the confirmation vote on or after that day and its approval within three months;
 * one extension of 6 to 12 months, for a probationary member only.
 */
class ConfirmationRulesTest {

    private static final String NAME = "预备党员";
    private static String branch;

    @BeforeAll
    static void branch() {
        branch = Current.sandbox().newBranch();
    }

    private static String probationary(String admission, String... steps) {
        return PipelineKit.member(NAME, branch, "ProbationaryMember", Dates.probationary(admission), steps);
    }

    private static Response confirm(String member, String admission, String full, String... steps) {
        return put(member, body(NAME, branch, "FullMember", Dates.probationary(admission).withFull(full), steps));
    }

    @Test
    @DisplayName("fullMembershipDate other than the end of the probation, or in a record without admissionDate, is 422 probation-one-year: a year from 29 February 2024 ends on 28 February 2025")
    @Verifies(id = "LX-PIPELINE-7", level = "MUST", of = "Pipeline")
    void probationOfAYear() {
        String[] steps = {PipelineKit.dated("ConfirmationVote", "2025-02-28"), PipelineKit.dated("ConfirmationApproval", "2025-03-10")};
        String member = probationary("2024-02-29", steps);
        String before = read(member).body();
        refusedUnchanged(member, confirm(member, "2024-02-29", "2025-02-27", steps), 422, "probation-one-year", before);
        refusedUnchanged(member, confirm(member, "2024-02-29", "2025-03-01", steps), 422, "probation-one-year", before);
        Response onTheDay = confirm(member, "2024-02-29", "2025-02-28", steps);
        assertEquals(200, onTheDay.status(), onTheDay.body());

        Dates candidate = Dates.candidate("2021-07-01");
        String notAdmitted = PipelineKit.member("发展对象", branch, "DevelopmentCandidate", candidate);
        String was = read(notAdmitted).body();
        refusedUnchanged(notAdmitted, put(notAdmitted, body("发展对象", branch, "DevelopmentCandidate", candidate.withFull("2022-07-01"))),
                422, "probation-one-year", was);
    }

    @Test
    @DisplayName("with an extension of 6 months the probation from 31 August 2024 ends on 28 February 2026: the unextended end is 422 probation-one-year")
    @Verifies(id = "LX-PIPELINE-7", level = "MUST", of = "Pipeline")
    void probationExtended() {
        String[] steps = {extension("2025-08-01", 6), PipelineKit.dated("ConfirmationVote", "2026-02-28"), PipelineKit.dated("ConfirmationApproval", "2026-03-05")};
        String member = probationary("2024-08-31", steps);
        String before = read(member).body();
        refusedUnchanged(member, confirm(member, "2024-08-31", "2025-08-31", steps), 422, "probation-one-year", before);
        Response extended = confirm(member, "2024-08-31", "2026-02-28", steps);
        assertEquals(200, extended.status(), extended.body());
    }

    @Test
    @DisplayName("ConfirmationApproval after a vote before the end of the probation is 422 confirmation-vote; an approval outside the vote's day to three months after is 422 approval-within-3-months")
    @Verifies(id = "LX-PIPELINE-8", level = "MUST", of = "Pipeline")
    void confirmationByStep() {
        String member = probationary("2024-11-30");
        stepped(member, request("ConfirmationVote", "2025-11-29"));
        String before = read(member).body();
        refusedUnchanged(member, step(member, request("ConfirmationApproval", "2025-12-10")), 422, "confirmation-vote", before);
        stepped(member, request("ConfirmationVote", "2025-11-30"));
        before = read(member).body();
        refusedUnchanged(member, step(member, request("ConfirmationApproval", "2025-11-29")), 422, "approval-within-3-months", before);
        refusedUnchanged(member, step(member, request("ConfirmationApproval", "2026-03-01")), 422, "approval-within-3-months", before);
        JsonObject full = stepped(member, request("ConfirmationApproval", "2026-02-28"));
        assertEquals("FullMember", full.getString("stage"));
        assertEquals("2025-11-30", full.getString("fullMembershipDate"));
    }

    @Test
    @DisplayName("a PUT that confirms without a vote on or after the end is 422 confirmation-vote; with an approval three months and a day after the vote, 422 approval-within-3-months")
    @Verifies(id = "LX-PIPELINE-8", level = "MUST", of = "Pipeline")
    void confirmationByPut() {
        String member = probationary("2024-02-29");
        String before = read(member).body();
        refusedUnchanged(member, confirm(member, "2024-02-29", "2025-02-28", PipelineKit.dated("ConfirmationApproval", "2025-03-10")),
                422, "confirmation-vote", before);
        refusedUnchanged(member, confirm(member, "2024-02-29", "2025-02-28", PipelineKit.dated("ConfirmationVote", "2025-02-27"),
                PipelineKit.dated("ConfirmationApproval", "2025-03-10")), 422, "confirmation-vote", before);
        refusedUnchanged(member, confirm(member, "2024-02-29", "2025-02-28", PipelineKit.dated("ConfirmationVote", "2025-02-28"),
                PipelineKit.dated("ConfirmationApproval", "2025-05-29")), 422, "approval-within-3-months", before);
        Response approved = confirm(member, "2024-02-29", "2025-02-28", PipelineKit.dated("ConfirmationVote", "2025-02-28"),
                PipelineKit.dated("ConfirmationApproval", "2025-05-28"));
        assertEquals(200, approved.status(), approved.body());
    }

    @Test
    @DisplayName("an extension of 5 or 13 months, or without months, is 422 extension-6-12-months; 6 and 12 months are taken; a second extension is 422 extension-once")
    @Verifies(id = "LX-PIPELINE-9", level = "MUST", of = "Pipeline")
    void extensionByStep() {
        String member = probationary("2025-01-15");
        String before = read(member).body();
        refusedUnchanged(member, step(member, "{\"step\": \"ProbationExtension\", \"date\": \"2025-12-20\", \"months\": 5}"), 422, "extension-6-12-months", before);
        refusedUnchanged(member, step(member, "{\"step\": \"ProbationExtension\", \"date\": \"2025-12-20\", \"months\": 13}"), 422, "extension-6-12-months", before);
        refusedUnchanged(member, step(member, request("ProbationExtension", "2025-12-20")), 422, "extension-6-12-months", before);
        assertEquals(List.of("ProbationExtension 2025-12-20"), steps(stepped(member, "{\"step\": \"ProbationExtension\", \"date\": \"2025-12-20\", \"months\": 6}")));
        before = read(member).body();
        refusedUnchanged(member, step(member, "{\"step\": \"ProbationExtension\", \"date\": \"2026-01-20\", \"months\": 6}"), 422, "extension-once", before);

        String other = probationary("2025-01-15");
        assertEquals("ProbationaryMember", stepped(other, "{\"step\": \"ProbationExtension\", \"date\": \"2025-12-20\", \"months\": 12}").getString("stage"));
    }

    @Test
    @DisplayName("a PUT adding two extensions is 422 extension-once; one added to a development candidate's record, 422 extension-probationary")
    @Verifies(id = "LX-PIPELINE-9", level = "MUST", of = "Pipeline")
    void extensionByPut() {
        String member = probationary("2025-01-15");
        String before = read(member).body();
        refusedUnchanged(member, put(member, body(NAME, branch, "ProbationaryMember", Dates.probationary("2025-01-15"),
                extension("2025-12-20", 6), extension("2025-12-21", 6))), 422, "extension-once", before);

        Dates dates = Dates.candidate("2024-03-01");
        String candidate = PipelineKit.member("发展对象", branch, "DevelopmentCandidate", dates);
        String was = read(candidate).body();
        refusedUnchanged(candidate, put(candidate, body("发展对象", branch, "DevelopmentCandidate", dates, extension("2025-03-01", 6))),
                422, "extension-probationary", was);
    }
}
