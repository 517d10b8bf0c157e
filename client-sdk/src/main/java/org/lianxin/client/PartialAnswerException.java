package org.lianxin.client;

/**
 * A federated answer that some node below did not contribute to (spec 7.6). The SDK never hands such
 * an answer back as if it were complete: the caller opts in with {@code allowPartial()}, or gets
 * this exception, which carries the completeness report saying which nodes did not answer.
 */
public class PartialAnswerException extends ProblemException {

    private static final long serialVersionUID = 1L;

    private final transient Completeness completeness;

    public PartialAnswerException(ProblemException problem, Completeness completeness) {
        super(problem.status(), problem.type(), problem.title(), problem.detail(), problem.errors(), problem.report());
        this.completeness = completeness;
    }

    public Completeness completeness() {
        return completeness;
    }
}
