package org.lianxin.client;

/**
 * A federated answer that some node below did not contribute to (spec 7.6). The SDK never hands such
 * an answer back as if it were complete: the caller opts in with {@code allowPartial()}, or gets
 * this exception, which carries the completeness report saying which nodes did not answer.
 */
public class PartialAnswerException extends ProblemException {

    private static final long serialVersionUID = 1L;

    private final transient Completeness completeness;

    /**
     * The 424 problem of a federated query, with the completeness report it carried.
     *
     * @param problem      the node's 424 problem report
     * @param completeness which nodes answered and which did not
     */
    public PartialAnswerException(ProblemException problem, Completeness completeness) {
        super(problem.status(), problem.type(), problem.title(), problem.detail(), problem.errors(), problem.report());
        this.completeness = completeness;
    }

    /**
     * The completeness report: {@link Completeness#missing()} names the nodes that did not answer.
     *
     * @return the report
     */
    public Completeness completeness() {
        return completeness;
    }
}
