package org.lianxin.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * An import of a roster（名册导入, spec 15.5, Table 15.4): where it stands while the node reads and
 * writes its rows, and its report once it is done. Only the caller who started it reads it
 * (LX-ROSTER-19); the node may forget it an hour after it finished (LX-ROSTER-22).
 *
 * @param id        the import's IRI, {@code {base}/members/imports/{id}}
 * @param state     Queued, Running, Done or Failed
 * @param dryRun    whether it checks the rows and writes nothing (LX-ROSTER-7)
 * @param rowsDone  the data rows checked, and unless a dry run written, so far
 * @param rowsTotal all the data rows of the file, once counted
 * @param started   when it started
 * @param finished  when it finished, Done or Failed
 * @param error     for Failed: why it stopped
 * @param report    once Done: what became of every row
 * @param other     the resource's other keys, kept as JSON
 */
public record RosterImport(String id, String state, boolean dryRun, long rowsDone, Optional<Long> rowsTotal, Optional<String> started,
                           Optional<String> finished, Optional<String> error, Optional<Report> report, Map<String, JsonValue> other) {

    private static final Set<String> TYPED = Set.of("id", "type", "state", "dryRun", "rowsDone", "rowsTotal", "started", "finished", "error",
            "report");

    /**
     * What an import did, or would do in a dry run (Table 15.4): each data row counted once as
     * created, updated, unchanged or rejected (LX-ROSTER-9), and every error of every rejected row.
     *
     * @param dryRun    whether nothing was written
     * @param created   rows that made a new member
     * @param updated   rows that changed the member of their national ID number (LX-ROSTER-10)
     * @param unchanged rows that gave the values the member had: nothing written (LX-ROSTER-11)
     * @param rejected  rows with at least one error: nothing written
     * @param errors    every broken rule of every rejected row, in row order (LX-ROSTER-8)
     * @param other     the report's other keys, kept as JSON
     */
    public record Report(boolean dryRun, long created, long updated, long unchanged, long rejected, List<RowError> errors,
                         Map<String, JsonValue> other) {

        private static final Set<String> TYPED = Set.of("dryRun", "created", "updated", "unchanged", "rejected", "errors");

        static Report of(JsonObject json) {
            List<RowError> errors = json.containsKey("errors")
                    ? json.getJsonArray("errors").stream().map(JsonValue::asJsonObject).map(RowError::of).toList() : List.of();
            return new Report(json.getBoolean("dryRun", false), JsonValues.count(json, "created"), JsonValues.count(json, "updated"),
                    JsonValues.count(json, "unchanged"), JsonValues.count(json, "rejected"), errors, JsonValues.other(json, TYPED));
        }

        /**
         * The errors of one row of the file.
         *
         * @param row the row number as the file shows it
         * @return its errors; none when the row went in
         */
        public List<RowError> errorsOf(int row) {
            return errors.stream().filter(e -> e.row() == row).toList();
        }
    }

    /**
     * One broken rule in one row（行错误, Table 15.5), where the secretary finds it in the file.
     *
     * @param row         the row number as the file shows it: a spreadsheet's row number; in CSV the record number, the header being 1
     * @param column      the column's header as the file has it; empty for the row as a whole
     * @param field       the key of Table 15.1, e.g. {@code gender}
     * @param value       the cell's text, masked for 公民身份号码, 联系电话 and 家庭住址, {@code ****} for 出生日期
     * @param rule        the rule broken, e.g. {@code roster-code}, {@code roster-date}, {@code duplicate-in-file}, or a rule of a member record
     * @param requirement the ID of the requirement broken, e.g. LX-ROSTER-4
     * @param message     what is wrong
     * @param suggestion  what to do about it
     * @param other       the error's other keys, kept as JSON
     */
    public record RowError(int row, String column, String field, String value, String rule, String requirement, String message,
                           String suggestion, Map<String, JsonValue> other) {

        private static final Set<String> TYPED = Set.of("row", "column", "field", "value", "rule", "requirement", "message", "suggestion");

        static RowError of(JsonObject json) {
            return new RowError((int) JsonValues.count(json, "row"), json.getString("column", ""), json.getString("field", ""),
                    json.getString("value", ""), json.getString("rule", ""), json.getString("requirement", ""), json.getString("message", ""),
                    json.getString("suggestion", ""), JsonValues.other(json, TYPED));
        }
    }

    static RosterImport of(JsonObject json) {
        return new RosterImport(json.getString("id"), json.getString("state"), json.getBoolean("dryRun", false), JsonValues.count(json, "rowsDone"),
                Optional.ofNullable(JsonValues.decimal(json, "rowsTotal")).map(java.math.BigDecimal::longValueExact),
                JsonValues.optional(json, "started"), JsonValues.optional(json, "finished"), JsonValues.optional(json, "error"),
                Optional.ofNullable(json.get("report")).filter(r -> r.getValueType() == JsonValue.ValueType.OBJECT)
                        .map(r -> Report.of(r.asJsonObject())),
                JsonValues.other(json, TYPED));
    }

    /**
     * Whether it is over: Done or Failed.
     *
     * @return true when the node reads no more rows of it
     */
    public boolean over() {
        return state.equals("Done") || state.equals("Failed");
    }
}
