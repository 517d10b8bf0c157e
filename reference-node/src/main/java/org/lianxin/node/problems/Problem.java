package org.lianxin.node.problems;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 * Its type and title follow from the status, as the spec's Table 3.4 fixes them (LX-CORE-19).
 *
 * @param type   a URI naming the kind of problem
 * @param title  the fixed summary of that kind
 * @param status the HTTP status
 * @param detail what went wrong this time, for a person; never personal data
 * @param errors the broken rules, one entry each (LX-CORE-20); empty when the problem is not about fields
 * @param completeness for an incomplete federated answer, its completeness report; else null
 * @param location the record the problem is about, for a Location header; else null
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, JsonObject completeness,
                      String location) {

    private static final String TYPES = "https://w3id.org/lianxin/problems/";

    /** Table 3.4: status → type slug and title. */
    private static final Map<Integer, String[]> KINDS = Map.ofEntries(
            Map.entry(400, new String[] {"bad-request", "Bad request"}),
            Map.entry(401, new String[] {"unauthorized", "Unauthorized"}),
            Map.entry(403, new String[] {"forbidden", "Forbidden"}),
            Map.entry(404, new String[] {"not-found", "Not found"}),
            Map.entry(406, new String[] {"not-acceptable", "Not acceptable"}),
            Map.entry(409, new String[] {"conflict", "Conflict"}),
            Map.entry(410, new String[] {"gone", "Gone"}),
            Map.entry(413, new String[] {"too-large", "Content too large"}),
            Map.entry(415, new String[] {"unsupported-media-type", "Unsupported media type"}),
            Map.entry(424, new String[] {"incomplete", "Incomplete answer"}),
            Map.entry(422, new String[] {"validation", "Validation failed"}));

    /**
     * One broken rule (spec Table 3.5).
     *
     * @param field       the JSON keys from the record to the offending value, joined with '.'; "" for the whole record
     * @param rule        a SHACL constraint component ({@code sh:MinCountConstraintComponent}) or the name of a rule of the spec
     * @param message     what is wrong, for a person
     * @param requirement the ID of the requirement broken, e.g. LX-CORE-51
     */
    public record FieldError(String field, String rule, String message, String requirement) {}

    public static Problem of(int status, String detail) {
        String[] kind = KINDS.getOrDefault(status, new String[] {"http-" + status, "HTTP " + status});
        return new Problem(TYPES + kind[0], kind[1], status, detail, List.of(), null, null);
    }

    public Problem withErrors(List<FieldError> errors) {
        return new Problem(type, title, status, detail, List.copyOf(errors), completeness, location);
    }

    public Problem withCompleteness(JsonObject report) {
        return new Problem(type, title, status, detail, errors, report, location);
    }

    /** The same, naming in a Location header the record the problem is about (the completion that exists already, LX-TASK-16). */
    public Problem withLocation(String iri) {
        return new Problem(type, title, status, detail, errors, completeness, iri);
    }

    public ProblemException exception() {
        return new ProblemException(this);
    }
}
