package org.lianxin.conformance.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole run: the verdict on every requirement of the manifest and, per conformance class,
 * whether the node conforms.
 *
 * @param node     the base URL of the node tested
 * @param at       when the run ended
 * @param claimed  the classes the node's description claims
 * @param tested   the classes this run tested
 * @param verdicts one per requirement of the manifest, in its order
 * @param results  one per test that ran
 */
public record Summary(String node, Instant at, List<String> claimed, List<String> tested, List<Verdict> verdicts,
                      List<TestResult> results) {

    /** Whether the node conforms to a class. */
    public enum Conformance {
        /** Every MUST passed, or is checked by no test over HTTP (untested by design). */
        CONFORMS("conforms"),
        /** A MUST failed. */
        DOES_NOT_CONFORM("does not conform"),
        /** No MUST failed, but the kit could not decide some. */
        CANNOT_TELL("cannot tell"),
        /** The class was not tested. */
        NOT_TESTED("not tested");

        private final String words;

        Conformance(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The verdict on one class, with the count of its requirements per outcome. */
    public record ClassVerdict(String conformanceClass, Conformance conformance, Map<Outcome, Integer> counts, int warnings) {}

    /**
     * Verdicts from test results: each requirement of a tested class gets the outcome of its tests,
     * or untested (with the reason {@code untested} gives, if any); the others are inapplicable.
     */
    public static Summary of(String node, Manifest manifest, List<String> claimed, List<String> tested, List<TestResult> results,
                             Map<String, String> untested) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Requirement requirement : manifest.all()) {
            List<TestResult> tests = results.stream().filter(t -> t.requirements().contains(requirement.id())).toList();
            Outcome outcome;
            String note = "";
            if (!tested.contains(requirement.conformanceClass())) {
                outcome = Outcome.INAPPLICABLE;
                note = claimed.contains(requirement.conformanceClass()) ? "class not selected for this run" : "class not claimed by the node";
            } else if (tests.stream().anyMatch(t -> t.outcome() == Outcome.FAILED)) {
                outcome = Outcome.FAILED;
            } else if (tests.stream().anyMatch(t -> t.outcome() == Outcome.PASSED)) {
                outcome = Outcome.PASSED;
            } else if (!tests.isEmpty() && tests.stream().allMatch(t -> t.outcome() == Outcome.INAPPLICABLE)) {
                outcome = Outcome.INAPPLICABLE;
                note = tests.get(0).message();
            } else if (!tests.isEmpty()) {
                outcome = Outcome.CANT_TELL;
                note = tests.stream().filter(t -> t.outcome() == Outcome.CANT_TELL).findFirst().orElse(tests.get(0)).message();
            } else {
                outcome = Outcome.UNTESTED;
                note = untested.getOrDefault(requirement.id(), "no test of the kit checks it yet");
            }
            verdicts.add(new Verdict(requirement, outcome, tests, note));
        }
        return new Summary(node, Instant.now(), List.copyOf(claimed), List.copyOf(tested), verdicts, List.copyOf(results));
    }

    /** Per class of the manifest, in its order. */
    public List<ClassVerdict> classes(Set<String> untestedByDesign) {
        List<ClassVerdict> classes = new ArrayList<>();
        for (String c : verdicts.stream().map(v -> v.requirement().conformanceClass()).distinct().toList()) {
            List<Verdict> of = verdicts.stream().filter(v -> v.requirement().conformanceClass().equals(c)).toList();
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            of.forEach(v -> counts.merge(v.outcome(), 1, Integer::sum));
            int warnings = (int) of.stream().filter(Verdict::warning).count();
            Conformance conformance;
            if (!tested.contains(c)) {
                conformance = Conformance.NOT_TESTED;
            } else if (of.stream().anyMatch(Verdict::breaksConformance)) {
                conformance = Conformance.DOES_NOT_CONFORM;
            } else if (of.stream().anyMatch(v -> v.requirement().mandatory() && v.outcome() != Outcome.PASSED
                    && v.outcome() != Outcome.INAPPLICABLE
                    && !(v.outcome() == Outcome.UNTESTED && untestedByDesign.contains(v.requirement().id())))) {
                conformance = Conformance.CANNOT_TELL;
            } else {
                conformance = Conformance.CONFORMS;
            }
            classes.add(new ClassVerdict(c, conformance, counts, warnings));
        }
        return classes;
    }
}
