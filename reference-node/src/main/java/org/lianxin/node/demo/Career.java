package org.lianxin.node.demo;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A member's way through the five stages, with the dates the record carries. Later dates are
 * null for earlier stages. Every date is strictly before the reference date, and the dates are in
 * order: application ≤ activist ≤ candidate ≤ admission ≤ full membership.
 */
record Career(Stage stage, LocalDate application, LocalDate activist, LocalDate candidate, LocalDate admission,
        LocalDate fullMembership) {

    enum Stage {
        APPLICANT("Applicant"), ACTIVIST("Activist"), DEVELOPMENT_CANDIDATE("DevelopmentCandidate"),
        PROBATIONARY_MEMBER("ProbationaryMember"), FULL_MEMBER("FullMember");

        final String concept;

        Stage(String concept) {
            this.concept = concept;
        }

        boolean isPartyMember() {
            return this == PROBATIONARY_MEMBER || this == FULL_MEMBER;
        }
    }

    /** Most people in a branch's records are full members; the pipeline holds the rest. */
    private static final Weighted<Stage> STAGES = Weighted.pairs(
            Stage.FULL_MEMBER, 82, Stage.PROBATIONARY_MEMBER, 6, Stage.DEVELOPMENT_CANDIDATE, 3,
            Stage.ACTIVIST, 6, Stage.APPLICANT, 3);

    static Stage drawStage(SplittableRandom random) {
        return STAGES.draw(random);
    }

    /**
     * Draws the dates of a career at {@code stage} as of {@code reference}.
     *
     * @param veteran a full member admitted 7 to 30 years ago (branch committee members), so that
     *                their full membership precedes any post of the last five years
     */
    static Career draw(SplittableRandom random, Stage stage, LocalDate reference, boolean veteran) {
        LocalDate candidate;
        LocalDate admission = null;
        LocalDate full = null;
        switch (stage) {
            case APPLICANT -> {
                return new Career(stage, Dates.daysBefore(random, reference, 1, 720), null, null, null, null);
            }
            case ACTIVIST -> {
                LocalDate activist = Dates.daysBefore(random, reference, 1, 1000);
                return new Career(stage, applicationBefore(random, activist), activist, null, null, null);
            }
            case DEVELOPMENT_CANDIDATE -> candidate = Dates.daysBefore(random, reference, 1, 300);
            case PROBATIONARY_MEMBER -> {
                // 党章 第七条: the probationary period is one year.
                admission = Dates.daysBefore(random, reference, 1, 360);
                candidate = candidateBefore(random, admission);
            }
            default -> {
                // 党章 第七条: probation is one year and may be extended, by at most one year; party
                // standing counts from the day probation ends, which is the full-membership date.
                int probationMonths = random.nextInt(100) < 96 ? 12 : (random.nextBoolean() ? 18 : 24);
                LocalDate latest = veteran ? reference.minusYears(7) : reference.minusMonths(probationMonths).minusDays(1);
                // Skewed towards recent years; the oldest members joined about sixty years ago, the
                // committee members of today within the last thirty.
                long span = latest.toEpochDay() - reference.minusYears(veteran ? 30 : 60).toEpochDay();
                admission = latest.minusDays((long) (Math.pow(random.nextDouble(), 1.3) * span));
                full = admission.plusMonths(probationMonths);
                candidate = candidateBefore(random, admission);
            }
        }
        // 发展党员工作细则 (2014): an activist is cultivated for at least one year before becoming a candidate.
        LocalDate activist = Dates.daysBefore(random, candidate, 366, 1100);
        return new Career(stage, applicationBefore(random, activist), activist, candidate, admission, full);
    }

    /** Vetting, training, the branch vote and the higher committee's approval (within 3 months) take months. */
    private static LocalDate candidateBefore(SplittableRandom random, LocalDate admission) {
        return Dates.daysBefore(random, admission, 90, 365);
    }

    /** An applicant is talked to within a month and may be chosen as activist weeks or months later. */
    private static LocalDate applicationBefore(SplittableRandom random, LocalDate activist) {
        return Dates.daysBefore(random, activist, 30, 540);
    }
}
