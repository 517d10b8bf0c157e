package org.lianxin.node.development;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.spec.LX;

/** The time rules of spec 11.4 with dates on both sides of each limit, leap days and month ends included. */
class DevelopmentRulesTest {

    private static final Node MEMBER = NodeFactory.createURI("http://localhost/nodes/a/members/m");
    private static final Node S1 = NodeFactory.createURI("http://localhost/nodes/a/members/s1");
    private static final Node S2 = NodeFactory.createURI("http://localhost/nodes/a/members/s2");
    private static final Node REMOTE = NodeFactory.createURI("http://other/nodes/b/members/s3");

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    private static Step step(Step.Type type, String day) {
        return new Step(type, d(day), List.of(), Optional.empty(), Optional.empty());
    }

    private static Development member(Node stage, String activist, String candidate, String admission, String full, List<Step> steps) {
        return new Development(MEMBER, Optional.of(stage), Optional.of(d("2020-01-10")), Optional.ofNullable(activist).map(LocalDate::parse),
                Optional.ofNullable(candidate).map(LocalDate::parse), Optional.ofNullable(admission).map(LocalDate::parse),
                Optional.ofNullable(full).map(LocalDate::parse), steps);
    }

    private static List<String> rules(Development before, Development after) {
        return DevelopmentRules.check(Optional.of(before), after, s -> s.equals(REMOTE) ? Optional.empty() : Optional.of(!s.getURI().endsWith("not-full")))
                .stream().map(FieldError::rule).toList();
    }

    @ParameterizedTest(name = "activist {0}, candidate {1}: {2}")
    @CsvSource({
            "2023-03-15, 2024-03-14, activist-one-year",
            "2023-03-15, 2024-03-15, ",
            "2024-02-29, 2025-02-27, activist-one-year",
            "2024-02-29, 2025-02-28, ", // 《民法典》第二百零二条: no 29 February in 2025, the month's last day ends the year
            "2023-02-28, 2024-02-27, activist-one-year",
            "2023-02-28, 2024-02-28, "})
    @DisplayName("LX-PIPELINE-3 a development candidate was an activist for at least a year")
    void activistOneYear(String activist, String candidate, String rule) {
        Development before = member(LX.Activist.asNode(), activist, null, null, null, List.of());
        Development after = member(LX.DevelopmentCandidate.asNode(), activist, candidate, null, null, List.of());
        assertEquals(rule == null ? List.of() : List.of(rule), rules(before, after));
    }

    private static List<Step> admissionSteps(String sponsorsDay, List<Node> sponsors, String trainingDay, String hours, String vote, String approval) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Step.Type.SPONSORS, d(sponsorsDay), sponsors, Optional.empty(), Optional.empty()));
        steps.add(new Step(Step.Type.TRAINING, d(trainingDay), List.of(), Optional.of(new BigDecimal(hours)), Optional.empty()));
        steps.add(step(Step.Type.ADMISSION_VOTE, vote));
        steps.add(step(Step.Type.ADMISSION_APPROVAL, approval));
        return steps;
    }

    private static List<String> admission(List<Step> steps, String vote) {
        Development before = member(LX.DevelopmentCandidate.asNode(), "2022-01-01", "2023-01-01", null, null, List.of());
        Development after = member(LX.ProbationaryMember.asNode(), "2022-01-01", "2023-01-01", vote, null, steps);
        return rules(before, after);
    }

    @ParameterizedTest(name = "vote {0}, approval {1}: {2}")
    @CsvSource({
            "2025-11-30, 2026-02-28, ",
            "2025-11-30, 2026-03-01, approval-within-3-months",
            "2023-11-30, 2024-02-29, ", // a leap year: the corresponding day exists
            "2023-11-30, 2024-03-01, approval-within-3-months",
            "2025-06-30, 2025-09-30, ", // a quarter end to a quarter end
            "2025-06-30, 2025-10-01, approval-within-3-months",
            "2025-06-30, 2025-06-29, approval-within-3-months"})
    @DisplayName("LX-PIPELINE-6 the higher committee approves an admission within three months of the branch's vote")
    void approvalWithinThreeMonths(String vote, String approval, String rule) {
        assertEquals(rule == null ? List.of() : List.of(rule), admission(admissionSteps("2023-05-01", List.of(S1, S2), "2023-06-01", "24", vote, approval), vote));
    }

    @Test
    @DisplayName("LX-PIPELINE-4 an admission needs two sponsors who are full members, named by the day of the vote")
    void twoSponsors() {
        String vote = "2024-01-10";
        assertEquals(List.of(), admission(admissionSteps("2023-05-01", List.of(S1, REMOTE), "2023-06-01", "24", vote, "2024-02-01"), vote),
                "a sponsor held by another node is not checked here");
        assertEquals(List.of("two-sponsors"), admission(admissionSteps("2023-05-01", List.of(S1), "2023-06-01", "24", vote, "2024-02-01"), vote));
        assertEquals(List.of("two-sponsors"), admission(admissionSteps("2023-05-01", List.of(S1, S1), "2023-06-01", "24", vote, "2024-02-01"), vote));
        assertEquals(List.of("two-sponsors"), admission(admissionSteps("2023-05-01",
                List.of(S1, NodeFactory.createURI("http://localhost/nodes/a/members/not-full")), "2023-06-01", "24", vote, "2024-02-01"), vote));
        assertEquals(List.of("two-sponsors"), admission(admissionSteps("2024-01-11", List.of(S1, S2), "2023-06-01", "24", vote, "2024-02-01"), vote),
                "sponsors named after the vote");
        assertEquals(List.of("two-sponsors"), admission(admissionSteps("2023-05-01", List.of(S1, MEMBER), "2023-06-01", "24", vote, "2024-02-01"), vote),
                "not their own sponsor");
    }

    @ParameterizedTest(name = "{0} hours on {1}: {2}")
    @CsvSource({"24, 2024-01-10, ", "23.5, 2024-01-10, training-24-hours", "24, 2024-01-11, training-24-hours", "30, 2023-12-01, "})
    @DisplayName("LX-PIPELINE-5 an admission needs 24 class hours of training by the day of the vote")
    void training(String hours, String day, String rule) {
        String vote = "2024-01-10";
        assertEquals(rule == null ? List.of() : List.of(rule), admission(admissionSteps("2023-05-01", List.of(S1, S2), day, hours, vote, "2024-02-01"), vote));
    }

    @Test
    @DisplayName("LX-PIPELINE-5 training hours add up over several sessions")
    void trainingSessionsAddUp() {
        String vote = "2024-01-10";
        List<Step> steps = new ArrayList<>(admissionSteps("2023-05-01", List.of(S1, S2), "2023-06-01", "16", vote, "2024-02-01"));
        steps.add(new Step(Step.Type.TRAINING, d("2023-07-01"), List.of(), Optional.of(new BigDecimal(8)), Optional.empty()));
        assertEquals(List.of(), admission(steps, vote));
    }

    private static List<String> confirmation(String admission, String full, List<Step> steps) {
        Development before = member(LX.ProbationaryMember.asNode(), "2020-01-01", "2021-01-01", admission, null, steps);
        Development after = member(LX.FullMember.asNode(), "2020-01-01", "2021-01-01", admission, full, steps);
        return rules(before, after);
    }

    @ParameterizedTest(name = "admitted {0}, full {1}, extended {2} months, vote {3}, approval {4}: {5}")
    @CsvSource({
            "2024-03-15, 2025-03-15, 0, 2025-03-15, 2025-06-15, ",
            "2024-03-15, 2025-03-14, 0, 2025-03-15, 2025-04-01, probation-one-year",
            "2024-03-15, 2025-03-16, 0, 2025-03-16, 2025-04-01, probation-one-year",
            "2024-02-29, 2025-02-28, 0, 2025-02-28, 2025-03-01, ",
            "2024-02-29, 2025-03-01, 0, 2025-03-01, 2025-03-02, probation-one-year",
            "2024-02-29, 2025-08-29, 6, 2025-08-29, 2025-09-01, ",
            "2024-02-29, 2026-02-28, 12, 2026-02-28, 2026-03-01, ",
            "2024-03-15, 2025-03-15, 0, 2025-03-14, 2025-04-01, confirmation-vote",
            "2024-03-15, 2025-03-15, 0, 2025-03-15, 2025-06-16, approval-within-3-months"})
    @DisplayName("LX-PIPELINE-7 LX-PIPELINE-8 full membership on the day the probation of a year, extended or not, ends; voted then and approved within three months")
    void probation(String admission, String full, int extension, String vote, String approval, String rule) {
        List<Step> steps = new ArrayList<>();
        if (extension > 0) {
            steps.add(new Step(Step.Type.PROBATION_EXTENSION, d(admission).plusMonths(11), List.of(), Optional.empty(), Optional.of(extension)));
        }
        steps.add(step(Step.Type.CONFIRMATION_VOTE, vote));
        steps.add(step(Step.Type.CONFIRMATION_APPROVAL, approval));
        assertEquals(rule == null ? List.of() : List.of(rule), confirmation(admission, full, steps));
    }

    @ParameterizedTest(name = "{0} months: {1}")
    @CsvSource({"5, extension-6-12-months", "6, ", "12, ", "13, extension-6-12-months"})
    @DisplayName("LX-PIPELINE-9 a probation is extended by six to twelve months")
    void extensionMonths(int months, String rule) {
        Development before = member(LX.ProbationaryMember.asNode(), "2020-01-01", "2021-01-01", "2024-03-15", null, List.of());
        Development after = member(LX.ProbationaryMember.asNode(), "2020-01-01", "2021-01-01", "2024-03-15", null,
                List.of(new Step(Step.Type.PROBATION_EXTENSION, d("2025-03-10"), List.of(), Optional.empty(), Optional.of(months))));
        assertEquals(rule == null ? List.of() : List.of(rule), rules(before, after));
    }

    @Test
    @DisplayName("LX-PIPELINE-9 a probation is extended once, and only a probationary member's")
    void extensionOnce() {
        Step first = new Step(Step.Type.PROBATION_EXTENSION, d("2025-03-10"), List.of(), Optional.empty(), Optional.of(6));
        Step second = new Step(Step.Type.PROBATION_EXTENSION, d("2025-09-10"), List.of(), Optional.empty(), Optional.of(6));
        Development once = member(LX.ProbationaryMember.asNode(), "2020-01-01", "2021-01-01", "2024-03-15", null, List.of(first));
        Development twice = member(LX.ProbationaryMember.asNode(), "2020-01-01", "2021-01-01", "2024-03-15", null, List.of(first, second));
        assertEquals(List.of("extension-once"), rules(once, twice));
        Development candidate = member(LX.DevelopmentCandidate.asNode(), "2020-01-01", "2021-01-01", null, null, List.of());
        Development extended = member(LX.DevelopmentCandidate.asNode(), "2020-01-01", "2021-01-01", null, null, List.of(first));
        assertEquals(List.of("extension-probationary"), rules(candidate, extended));
    }

    @Test
    @DisplayName("LX-PIPELINE-10 a new record keeps its history as given: the rules check what a write changes")
    void newRecordsKeepTheirHistory() {
        Development imported = member(LX.FullMember.asNode(), "2020-01-01", "2020-02-01", "2020-03-01", "2020-04-01", List.of());
        assertEquals(List.of(), DevelopmentRules.check(Optional.empty(), imported, s -> Optional.of(false)));
        assertEquals(List.of(), rules(imported, imported), "and a write that changes none of it passes too");
    }

    @ParameterizedTest(name = "applied {0}: talk overdue from {1}")
    @CsvSource({"2026-01-31, 2026-03-01", "2024-01-31, 2024-03-01", "2026-03-31, 2026-05-01", "2026-12-31, 2027-02-01"})
    @DisplayName("LX-PIPELINE-12 a talk is overdue the day after the month from the application has ended")
    void talkOverdue(String applied, String overdue) {
        org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        g.add(MEMBER, LX.stage.asNode(), LX.Applicant.asNode());
        g.add(MEMBER, LX.applicationDate.asNode(), NodeFactory.createLiteralDT(applied, org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate));
        DevelopmentDue.Item item = DevelopmentDue.next(g, MEMBER).orElseThrow();
        assertEquals(Step.Type.TALK, item.next());
        assertEquals(Optional.of(d(overdue)), item.overdueFrom());
        assertEquals(false, item.overdue(d(overdue).minusDays(1)));
        assertEquals(true, item.overdue(d(overdue)));
    }
}
