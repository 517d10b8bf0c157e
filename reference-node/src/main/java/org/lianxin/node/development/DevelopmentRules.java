package org.lianxin.node.development;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.jena.graph.Node;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.spec.LX;

/**
 * The time rules between the stages (spec 11.4), from 《中国共产党发展党员工作细则》(2014) and the
 * CPC Constitution, checked on a write of a member record for what the write changes: a new record
 * — an import, a member arriving by transfer — keeps its history as given (LX-PIPELINE-10).
 */
public final class DevelopmentRules {

    /** 细则 第十五条: at least three days or 24 class hours of concentrated training. */
    static final BigDecimal TRAINING_HOURS = new BigDecimal(24);

    private DevelopmentRules() {}

    /**
     * The rules {@code after} breaks where it differs from {@code before}; {@code fullMember} says
     * whether a sponsor held by this node is a full member (empty for one held elsewhere).
     */
    public static List<FieldError> check(Optional<Development> before, Development after, java.util.function.Function<Node, Optional<Boolean>> fullMember) {
        List<FieldError> errors = new ArrayList<>();
        if (before.isEmpty()) {
            return errors;
        }
        Development was = before.get();
        if (after.candidateDate().isPresent() && !after.candidateDate().equals(was.candidateDate())) {
            candidate(after, errors);
        }
        if (after.admissionDate().isPresent() && !after.admissionDate().equals(was.admissionDate())) {
            admission(after, fullMember, errors);
        }
        if (after.fullMembershipDate().isPresent() && !after.fullMembershipDate().equals(was.fullMembershipDate())) {
            confirmation(after, errors);
        }
        if (after.steps(Step.Type.PROBATION_EXTENSION).size() > was.steps(Step.Type.PROBATION_EXTENSION).size()) {
            extension(was, after, errors);
        }
        return errors;
    }

    /** 细则 第十二条: a development candidate was an activist for at least a year (LX-PIPELINE-3). */
    private static void candidate(Development d, List<FieldError> errors) {
        LocalDate earliest = d.activistDate().map(a -> Periods.yearsAfter(a, 1)).orElse(LocalDate.MAX);
        if (d.candidateDate().get().isBefore(earliest)) {
            errors.add(new FieldError("candidateDate", "activist-one-year",
                    "A development candidate has been an activist for at least a year: candidateDate is on or after "
                            + d.activistDate().map(a -> Periods.yearsAfter(a, 1).toString()).orElse("a year after activistDate") + ".",
                    "LX-PIPELINE-3"));
        }
    }

    /**
     * Admission as probationary member: two sponsors who are full members (细则 第十三条, LX-PIPELINE-4), the
     * concentrated training (细则 第十五条, LX-PIPELINE-5), both before the branch's vote on admissionDate,
     * and the higher committee's approval within three months of it (细则 第二十七条, LX-PIPELINE-6).
     */
    private static void admission(Development d, java.util.function.Function<Node, Optional<Boolean>> fullMember, List<FieldError> errors) {
        LocalDate vote = d.admissionDate().get();
        Predicate<Step> byVote = s -> !s.date().isAfter(vote);
        HashSet<Node> sponsors = new HashSet<>();
        d.steps(Step.Type.SPONSORS).stream().filter(byVote).forEach(s -> sponsors.addAll(s.sponsors()));
        boolean sponsorsAreFull = sponsors.stream().allMatch(s -> fullMember.apply(s).orElse(true));
        if (sponsors.size() < 2 || !sponsorsAreFull || sponsors.contains(d.member())) {
            errors.add(new FieldError("developmentSteps", "two-sponsors",
                    "Admission needs a Sponsors step, on or before admissionDate, naming two full members other than the candidate.", "LX-PIPELINE-4"));
        }
        BigDecimal hours = d.steps(Step.Type.TRAINING).stream().filter(byVote).map(s -> s.hours().orElse(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (hours.compareTo(TRAINING_HOURS) < 0) {
            errors.add(new FieldError("developmentSteps", "training-24-hours",
                    "Admission needs Training steps of at least 24 class hours in all, on or before admissionDate.", "LX-PIPELINE-5"));
        }
        approvedWithinThreeMonths(d, vote, Step.Type.ADMISSION_APPROVAL, "LX-PIPELINE-6", errors);
    }

    /**
     * Full membership: the probation of a year, extended by the months of an extension, has ended
     * on fullMembershipDate (党章 第七条, LX-PIPELINE-7); the branch voted on or after that day and the
     * higher committee approved within three months of the vote (细则 第三十二、三十三条, LX-PIPELINE-8).
     */
    private static void confirmation(Development d, List<FieldError> errors) {
        Optional<LocalDate> end = d.probationEnd();
        if (end.isEmpty() || !end.equals(d.fullMembershipDate())) {
            errors.add(new FieldError("fullMembershipDate", "probation-one-year",
                    "fullMembershipDate is the day the probation ends: a year after admissionDate, plus the months of an extension"
                            + end.map(e -> " (" + e + ")").orElse("") + ".", "LX-PIPELINE-7"));
            return;
        }
        Optional<Step> vote = d.last(Step.Type.CONFIRMATION_VOTE);
        if (vote.isEmpty() || vote.get().date().isBefore(end.get())) {
            errors.add(new FieldError("developmentSteps", "confirmation-vote",
                    "Full membership needs a ConfirmationVote on or after the day the probation ends (" + end.get() + ").", "LX-PIPELINE-8"));
            return;
        }
        approvedWithinThreeMonths(d, vote.get().date(), Step.Type.CONFIRMATION_APPROVAL, "LX-PIPELINE-8", errors);
    }

    private static void approvedWithinThreeMonths(Development d, LocalDate vote, Step.Type approval, String requirement, List<FieldError> errors) {
        LocalDate latest = Periods.monthsAfter(vote, 3);
        boolean approved = d.steps(approval).stream().anyMatch(s -> !s.date().isBefore(vote) && !s.date().isAfter(latest));
        if (!approved) {
            errors.add(new FieldError("developmentSteps", "approval-within-3-months",
                    "The higher committee's " + approval.json() + " is dated from the vote (" + vote + ") to three months after it (" + latest + ").",
                    requirement));
        }
    }

    /** 党章 第七条: the probation may be extended once, by six months to a year (LX-PIPELINE-9). */
    private static void extension(Development was, Development after, List<FieldError> errors) {
        if (!was.steps(Step.Type.PROBATION_EXTENSION).isEmpty() || after.steps(Step.Type.PROBATION_EXTENSION).size() > 1) {
            errors.add(new FieldError("developmentSteps", "extension-once", "The probation is extended at most once.", "LX-PIPELINE-9"));
            return;
        }
        Step extension = after.steps(Step.Type.PROBATION_EXTENSION).get(0);
        int months = extension.months().orElse(0);
        if (months < 6 || months > 12) {
            errors.add(new FieldError("developmentSteps", "extension-6-12-months",
                    "A probation is extended by 6 to 12 months.", "LX-PIPELINE-9"));
        }
        if (!was.in(LX.ProbationaryMember.asNode()) || !after.in(LX.ProbationaryMember.asNode())) {
            errors.add(new FieldError("developmentSteps", "extension-probationary",
                    "Only the probation of a probationary member is extended.", "LX-PIPELINE-9"));
        }
    }
}
