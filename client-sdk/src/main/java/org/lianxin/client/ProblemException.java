package org.lianxin.client;

import java.util.List;

/**
 * A node refused a request with an RFC 9457 problem report (spec 3.6): its HTTP status, type, title
 * and detail, and each failing field with the rule it broke and the requirement ID that rule is.
 */
public class ProblemException extends LianxinException {

    private static final long serialVersionUID = 1L;

    /** One failing field of a problem report (spec Table 3.5). */
    public record FieldError(String field, String rule, String message, String requirement) {}

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final transient List<FieldError> errors;
    private final String report;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        this(status, type, title, detail, errors, "");
    }

    /** The same, with the whole problem report as the node sent it. */
    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors, String report) {
        super("HTTP " + status + " " + title + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.report = report == null ? "" : report;
    }

    /** The problem report as the node sent it (JSON), e.g. for a log; empty when there was none. */
    public String report() {
        return report;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The requirement IDs the failing fields name, e.g. LX-CORE-51. */
    public List<String> requirements() {
        return errors.stream().map(FieldError::requirement).filter(r -> r != null && !r.isEmpty()).distinct().toList();
    }
}
