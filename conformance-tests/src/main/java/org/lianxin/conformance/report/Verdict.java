package org.lianxin.conformance.report;

import java.util.List;

/**
 * What the run says of one requirement: the outcome of all the tests that check it (any failure
 * fails it; else any pass passes it; else cantTell), or inapplicable or untested.
 *
 * @param requirement the requirement
 * @param outcome     the outcome
 * @param tests       the results of the tests that check it
 * @param note        why it is untested, inapplicable or cantTell, when it is
 */
public record Verdict(Requirement requirement, Outcome outcome, List<TestResult> tests, String note) {

    /** Whether this verdict keeps the node from conforming to the requirement's class. */
    public boolean breaksConformance() {
        return requirement.mandatory() && outcome == Outcome.FAILED;
    }

    /** A SHOULD or MAY the node does not meet: reported, but the class still conforms. */
    public boolean warning() {
        return !requirement.mandatory() && outcome == Outcome.FAILED;
    }
}
