package org.lianxin.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A task（工作任务, spec 13.3): a data request or an action request of an organization for its
 * subtree, as the node that holds the issuer stored it.
 *
 * @param id           the task's IRI, {@code {base}/tasks/{id}}
 * @param taskKind     DataRequest or ActionRequest
 * @param issuedBy     the issuing organization
 * @param targets      the organizations whose subtrees it is for; the node gives {@code [issuedBy]} when none were named
 * @param name         its title
 * @param description  its description, if any
 * @param dueDate      the day it is due
 * @param statistic    for a data request: MemberCountsByStage, DuesCollection or MeetingCompliance, if asked
 * @param period       for a data request: {@code yyyy} or {@code yyyy-mm}, if given
 * @param askedFields  for a data request: the figures the standard does not cover, left to the branches
 * @param activityType for an action request: the activity asked for, e.g. ThemedPartyDay
 * @param topic        for an action request: its topic
 * @param taskState    Open, Answered, Merged or Cancelled (Table 13.6)
 * @param issuedAt     when the node stored it
 * @param taskKey      the equivalence key (13.5): two requests with the same key are the same request
 * @param mergedInto   for a Merged task, the task it was merged into, issued before it
 * @param answer       for a data request with a statistic, the answer the data gave when it was issued
 * @param answeredAt   when that answer was computed
 * @param other        the record's other keys, kept as JSON
 */
public record Task(String id, String taskKind, String issuedBy, List<String> targets, String name, Optional<String> description,
                   LocalDate dueDate, Optional<String> statistic, Optional<String> period, List<String> askedFields,
                   Optional<String> activityType, Optional<String> topic, String taskState, Optional<String> issuedAt, String taskKey,
                   Optional<String> mergedInto, Optional<TaskAnswer> answer, Optional<String> answeredAt, Map<String, JsonValue> other) {

    private static final Set<String> TYPED = Set.of("@context", "id", "type", "taskKind", "issuedBy", "targets", "name", "description",
            "dueDate", "statistic", "period", "askedFields", "activityType", "topic", "taskState", "issuedAt", "taskKey", "mergedInto",
            "answer", "answeredAt");

    static Task of(JsonObject json) {
        Optional<String> statistic = JsonValues.optional(json, "statistic");
        Optional<TaskAnswer> answer = JsonValues.optional(json, "answer")
                .map(text -> TaskAnswer.of(statistic.orElse(null), LianxinClient.json(text)));
        return new Task(json.getString("id"), JsonValues.string(json, "taskKind"), JsonValues.string(json, "issuedBy"),
                JsonValues.strings(json, "targets"), JsonValues.string(json, "name"), JsonValues.optional(json, "description"),
                JsonValues.date(json, "dueDate"), statistic, JsonValues.optional(json, "period"), JsonValues.strings(json, "askedFields"),
                JsonValues.optional(json, "activityType"), JsonValues.optional(json, "topic"), JsonValues.string(json, "taskState"),
                JsonValues.optional(json, "issuedAt"), JsonValues.string(json, "taskKey"), JsonValues.optional(json, "mergedInto"),
                answer, JsonValues.optional(json, "answeredAt"), JsonValues.other(json, TYPED));
    }

    /** Whether the node merged it into an equivalent task already there (13.7): it was sent to nobody. */
    public boolean merged() {
        return "Merged".equals(taskState);
    }

    /** Whether it is a data request. */
    public boolean dataRequest() {
        return "DataRequest".equals(taskKind);
    }
}
