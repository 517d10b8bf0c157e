package org.lianxin.client;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * What one member studied of one course（学习记录, spec 16.6), held by the member's node whatever
 * node holds the course; at most one per member and course (LX-LEARN-12).
 *
 * @param id             the record's IRI, {@code {base}/study-records/{id}}
 * @param learner        the member
 * @param course         the course, on any node
 * @param minutesStudied the minutes studied
 * @param completedAt    when the member completed the course, once completed
 * @param quizScore      the quiz score, 0 to 100, if given
 * @param other          the record's other keys (e.g. {@code created}, {@code modified}), kept as JSON
 */
public record StudyRecord(String id, String learner, String course, int minutesStudied, Optional<String> completedAt, Optional<Integer> quizScore,
                          Map<String, JsonValue> other) {

    private static final Set<String> TYPED = Set.of("@context", "id", "type", "learner", "course", "minutesStudied", "completedAt", "quizScore");

    static StudyRecord of(JsonObject json) {
        return new StudyRecord(json.getString("id"), JsonValues.string(json, "learner"), JsonValues.string(json, "course"),
                JsonValues.integer(json, "minutesStudied").orElse(0), JsonValues.optional(json, "completedAt"),
                JsonValues.integer(json, "quizScore"), JsonValues.other(json, TYPED));
    }

    /** Whether the member completed the course. */
    public boolean completed() {
        return completedAt.isPresent();
    }
}
