package org.lianxin.node.problems;

import java.util.List;

/** Thrown to answer a request with a {@link Problem}; {@link ProblemMapper} writes it. */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String detail) {
        return Problem.of(400, detail).exception();
    }

    public static ProblemException notFound(String what) {
        return Problem.of(404, what + " does not exist on this node.").exception();
    }

    /** 403: the caller may see the record but not do this to it (spec 8.6); never used to hide a record. */
    public static ProblemException forbidden(String detail) {
        return Problem.of(403, detail).exception();
    }

    public static ProblemException gone(String what) {
        return Problem.of(410, what + " was deleted; only its tombstone remains.").exception();
    }

    public static ProblemException conflict(String detail, List<Problem.FieldError> errors) {
        return Problem.of(409, detail).withErrors(errors).exception();
    }

    /** 422 for a record that breaks one rule of the spec. */
    public static ProblemException invalid(String field, String rule, String message, String requirement) {
        return Problem.of(422, message).withErrors(List.of(new Problem.FieldError(field, rule, message, requirement))).exception();
    }
}
