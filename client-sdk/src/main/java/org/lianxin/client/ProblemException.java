package org.lianxin.client;

import java.util.List;

/**
 * A node refused a request with an RFC 9457 problem report (spec 3.6): its HTTP status, type, title
 * and detail, and each failing field with the rule it broke and the requirement ID that rule is.
 */
public class ProblemException extends LianxinException {

    private static final long serialVersionUID = 1L;

    /**
     * One failing field of a problem report (spec Table 3.5).
     *
     * @param field       the field, e.g. nationalId
     * @param rule        the rule it broke
     * @param message     what is wrong, for a person
     * @param requirement the requirement ID of the rule, e.g. LX-CORE-51
     */
    public record FieldError(String field, String rule, String message, String requirement) {}

    /** The HTTP status. */
    private final int status;
    /** The problem type URI. */
    private final String type;
    /** The title. */
    private final String title;
    /** The detail. */
    private final String detail;
    private final transient List<FieldError> errors;
    /** The problem report as sent. */
    private final String report;

    /**
     * A problem without the report's text.
     *
     * @param status the HTTP status
     * @param type   the problem type URI
     * @param title  its title
     * @param detail its detail
     * @param errors the failing fields
     */
    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        this(status, type, title, detail, errors, "");
    }

    /**
     * The same, with the whole problem report as the node sent it.
     *
     * @param status the HTTP status
     * @param type   the problem type URI
     * @param title  its title
     * @param detail its detail
     * @param errors the failing fields
     * @param report the problem report as sent (JSON), or null
     */
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

    /**
     * The HTTP status, e.g. 404, 409, 422.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * The problem type URI (spec 3.6), about:blank when the node gave none.
     *
     * @return the type
     */
    public String type() {
        return type;
    }

    /**
     * The problem's title.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The problem's detail, for a person.
     *
     * @return the detail
     */
    public String detail() {
        return detail;
    }

    /**
     * Each failing field, with its rule and requirement ID.
     *
     * @return the failing fields; empty when the problem names none
     */
    public List<FieldError> errors() {
        return errors;
    }

    /** The requirement IDs the failing fields name, e.g. LX-CORE-51. */
    public List<String> requirements() {
        return errors.stream().map(FieldError::requirement).filter(r -> r != null && !r.isEmpty()).distinct().toList();
    }
}
