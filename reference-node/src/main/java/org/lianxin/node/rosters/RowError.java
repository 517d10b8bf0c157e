package org.lianxin.node.rosters;

import static org.lianxin.node.rdf.JsonP.JSON;

import jakarta.json.JsonObject;

import org.lianxin.node.members.Masking;

/**
 * One broken rule in one row of a roster (spec Table 15.4): where it is as the file shows it, the
 * value (masked when personal data), the rule and requirement it breaks, and what to do about it.
 *
 * @param row         the row number in the file, as a spreadsheet numbers it
 * @param column      the header of the column as the file has it; "" for the row as a whole
 * @param field       the key of Table 15.1 (the JSON key of the member record); "" for the row as a whole
 * @param value       the cell's text, masked for the sensitive columns
 * @param rule        the rule's name (Table 15.5, or a member rule of chapter 5)
 * @param requirement the ID of the requirement the value breaks
 * @param message     what is wrong
 * @param suggestion  how to put it right
 */
public record RowError(int row, String column, String field, String value, String rule, String requirement, String message,
                       String suggestion) {

    /** An error of a cell, its value masked when the column is sensitive. */
    static RowError of(int row, RosterLayout layout, RosterColumn column, String text, String rule, String requirement,
                       String message, String suggestion) {
        return new RowError(row, layout.header(column), column.key(), masked(column, text), rule, requirement, message, suggestion);
    }

    /** The text a report shows for a cell: the sensitive columns masked as a list masks them (spec Table 8.9). */
    static String masked(RosterColumn column, String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return switch (column) {
            case NATIONAL_ID -> Masking.nationalId(text);
            case TELEPHONE -> Masking.telephone(text);
            case ADDRESS -> Masking.address(text);
            case BIRTH_DATE -> "****";
            default -> text;
        };
    }

    public JsonObject toJson() {
        return JSON.createObjectBuilder().add("row", row).add("column", column).add("field", field).add("value", value)
                .add("rule", rule).add("requirement", requirement).add("message", message).add("suggestion", suggestion).build();
    }

    /** One line for a spreadsheet's error column. */
    public String line() {
        return (column.isEmpty() ? "" : column + ": ") + message + (suggestion.isEmpty() ? "" : " " + suggestion) + " [" + rule + ", " + requirement + "]";
    }
}
