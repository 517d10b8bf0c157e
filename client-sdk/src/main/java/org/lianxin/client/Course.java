package org.lianxin.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A course（课程, spec 16.3) an organization publishes for the members of its subtree, as the node
 * that holds the publisher stored it.
 *
 * @param id              the course's IRI, {@code {base}/courses/{id}}
 * @param publishedBy     the publishing organization
 * @param targets         the organizations whose subtrees it is for; the node gives {@code [publishedBy]} when none were named
 * @param name            its title
 * @param description     its summary, if any
 * @param materials       links to its materials
 * @param expectedMinutes the minutes it is expected to take
 * @param audience        AllMembers, ProbationaryMembers, Activists or Secretaries (Table 16.4); empty means AllMembers
 * @param dueDate         the day it is due
 * @param courseState     Published or Withdrawn
 * @param publishedAt     when the node stored it
 * @param other           the record's other keys, kept as JSON
 */
public record Course(String id, String publishedBy, List<String> targets, String name, Optional<String> description, List<String> materials,
                     int expectedMinutes, List<String> audience, LocalDate dueDate, String courseState, Optional<String> publishedAt,
                     Map<String, JsonValue> other) {

    private static final Set<String> TYPED = Set.of("@context", "id", "type", "publishedBy", "targets", "name", "description", "materials",
            "expectedMinutes", "audience", "dueDate", "courseState", "publishedAt");

    static Course of(JsonObject json) {
        return new Course(json.getString("id"), JsonValues.string(json, "publishedBy"), JsonValues.strings(json, "targets"),
                JsonValues.string(json, "name"), JsonValues.optional(json, "description"), JsonValues.strings(json, "materials"),
                JsonValues.integer(json, "expectedMinutes").orElse(0), JsonValues.strings(json, "audience"), JsonValues.date(json, "dueDate"),
                JsonValues.string(json, "courseState"), JsonValues.optional(json, "publishedAt"), JsonValues.other(json, TYPED));
    }

    /** Whether its publisher withdrew it: it is in no course list and no statistic (LX-LEARN-7). */
    public boolean withdrawn() {
        return "Withdrawn".equals(courseState);
    }
}
