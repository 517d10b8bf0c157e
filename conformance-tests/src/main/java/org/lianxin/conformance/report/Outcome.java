package org.lianxin.conformance.report;

/** The outcomes of EARL (W3C Evaluation and Report Language), which the W3C test suites publish. */
public enum Outcome {
    /** The node does what the requirement asks. */
    PASSED("passed"),
    /** The node does not. For a MUST the class is not conformant; for a SHOULD it is a warning. */
    FAILED("failed"),
    /** The kit could not decide: a token it was not given, a precondition the node did not meet. */
    CANT_TELL("cantTell"),
    /** The requirement's class is not claimed by the node or not selected, or the requirement does not apply to the node as it runs. */
    INAPPLICABLE("inapplicable"),
    /** No test of the kit checks it over HTTP (say why in {@code Untested}), or none ran. */
    UNTESTED("untested");

    private final String earl;

    Outcome(String earl) {
        this.earl = earl;
    }

    /** The local name in the EARL namespace, and the word the reports use. */
    public String earl() {
        return earl;
    }
}
