package org.lianxin.node.rosters;

import java.util.Map;
import java.util.Optional;

import org.lianxin.node.problems.Problem.FieldError;

/** What a branch secretary can do about a broken member rule (spec Table 15.5): the report's suggestion. */
final class RosterSuggestions {

    private static final Map<String, String> BY_RULE = Map.ofEntries(
            Map.entry("national-id-check-digit", "Check the number against the ID card: the last character is computed from the first 17."),
            Map.entry("national-id-birth-date", "Characters 7–14 of the ID number are the birth date: check both."),
            Map.entry("national-id-gender", "Character 17 of the ID number is odd for men, even for women: check both."),
            Map.entry("national-id-unique", "Another member of this node has this ID number: check the number, or ask the organization holding that member."),
            Map.entry("stage-dates", "Fill in the dates the stage requires (spec Table 5.3), or correct the stage."),
            Map.entry("date-order", "The development dates follow one another (spec Table 5.4): check their order."),
            Map.entry("applicant-age", "The application is on or after the 18th birthday: check both dates."),
            Map.entry("branch-local", "Give a branch of this node."),
            Map.entry("transfer-open", "The member is being transferred: wait until the transfer is finished."),
            Map.entry("sh:MinCountConstraintComponent", "Fill in this column."),
            Map.entry("sh:MaxLengthConstraintComponent", "Shorten the value."),
            Map.entry("sh:PatternConstraintComponent", "Check the value's format (spec Table 5.1)."),
            Map.entry("sh:InConstraintComponent", "Use a value of the code list (spec 5.8)."),
            Map.entry("sh:DatatypeConstraintComponent", "Write the date as yyyy-mm-dd."));

    private RosterSuggestions() {}

    static String of(FieldError error, Optional<RosterColumn> column) {
        String rule = error.rule();
        if (BY_RULE.containsKey(rule)) {
            return BY_RULE.get(rule);
        }
        if (error.requirement().equals("LX-CORE-50")) {
            return "The birth date is before today.";
        }
        return column.map(c -> "Check the value of " + c.header() + ".").orElse("Check the row against spec chapter 5.");
    }
}
