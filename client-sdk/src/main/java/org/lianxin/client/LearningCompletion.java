package org.lianxin.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

/**
 * The completion statistic of a course, or of the courses due in a period, over subtrees（学习完成情况,
 * spec 16.8): numbers, never people. {@code assigned = completed + started + notStarted}.
 *
 * @param organizations  the organizations asked about
 * @param roots          the node's roots
 * @param course         the course counted, when asked by course
 * @param period         the period, when asked by period
 * @param scope          local or subtree
 * @param members        the member records counted
 * @param assigned       the assignments of those members to the courses considered
 * @param completed      those completed
 * @param started        those started and not completed
 * @param notStarted     the others
 * @param overdue        those not completed whose course is past its due date
 * @param completionRate {@code completed / assigned} to four decimals, 0 when nothing is assigned
 * @param completeness   which nodes answered
 */
public record LearningCompletion(List<String> organizations, List<String> roots, Optional<String> course, Optional<String> period, String scope,
                                 long members, long assigned, long completed, long started, long notStarted, long overdue,
                                 BigDecimal completionRate, Completeness completeness) {

    static LearningCompletion of(JsonObject json) {
        return new LearningCompletion(JsonValues.strings(json, "organizations"), JsonValues.strings(json, "roots"),
                JsonValues.optional(json, "course"), JsonValues.optional(json, "period"), JsonValues.string(json, "scope"),
                JsonValues.count(json, "members"), JsonValues.count(json, "assigned"), JsonValues.count(json, "completed"),
                JsonValues.count(json, "started"), JsonValues.count(json, "notStarted"), JsonValues.count(json, "overdue"),
                JsonValues.decimal(json, "completionRate"), Completeness.of(json.getJsonObject("completeness")));
    }
}
