package org.lianxin.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A member's course list（我的课程, spec 16.7): the courses of every level the member is assigned
 * today, each with what the member did of it. Never refused for being incomplete: when the node could
 * not ask the nodes above, it gives its own courses, and {@link #complete()} is false.
 *
 * @param member       the member
 * @param courses      one per course assigned, by due date
 * @param toStudy      how many are not completed
 * @param completeness the node and the nodes above it asked for their courses
 */
public record MemberCourses(String member, List<Item> courses, long toStudy, Completeness completeness) {

    /**
     * One course of the list: its summary (names organizations, never people, LX-LEARN-20) and the member's status.
     *
     * @param id              the course
     * @param publishedBy     its publisher
     * @param publisherName   the publisher's name
     * @param node            the base URL of the node that holds the course
     * @param name            its title
     * @param description     its summary, if any
     * @param materials       its materials
     * @param expectedMinutes the minutes it is expected to take
     * @param audience        its audiences
     * @param dueDate         the day it is due
     * @param publishedAt     when it was published
     * @param studyStatus     NotStarted, Started or Completed
     * @param studyRecord     the member's study record of it, if any
     * @param minutesStudied  the minutes of that record, 0 without one
     * @param completedAt     when the member completed it, if so
     * @param overdue         not completed and past its due date
     */
    public record Item(String id, String publishedBy, String publisherName, String node, String name, Optional<String> description,
                       List<String> materials, int expectedMinutes, List<String> audience, LocalDate dueDate, String publishedAt,
                       String studyStatus, Optional<String> studyRecord, int minutesStudied, Optional<String> completedAt, boolean overdue) {

        static Item of(JsonObject json) {
            return new Item(json.getString("id"), JsonValues.string(json, "publishedBy"), JsonValues.string(json, "publisherName"),
                    JsonValues.string(json, "node"), JsonValues.string(json, "name"), JsonValues.optional(json, "description"),
                    JsonValues.strings(json, "materials"), JsonValues.integer(json, "expectedMinutes").orElse(0),
                    JsonValues.strings(json, "audience"), JsonValues.date(json, "dueDate"), JsonValues.string(json, "publishedAt"),
                    JsonValues.string(json, "studyStatus"), JsonValues.optional(json, "studyRecord"),
                    JsonValues.integer(json, "minutesStudied").orElse(0), JsonValues.optional(json, "completedAt"), json.getBoolean("overdue", false));
        }
    }

    static MemberCourses of(JsonObject json) {
        return new MemberCourses(json.getString("member"), json.getJsonArray("courses").stream().map(JsonValue::asJsonObject).map(Item::of).toList(),
                JsonValues.count(json, "toStudy"), Completeness.of(json.getJsonObject("completeness")));
    }

    /** Whether every node above answered, so that the courses are all there are. */
    public boolean complete() {
        return completeness.complete();
    }

    /** The course {@code course} of the list, if the member is assigned it. */
    public Optional<Item> course(String course) {
        return courses.stream().filter(c -> c.id().equals(course)).findFirst();
    }
}
