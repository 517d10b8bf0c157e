package org.lianxin.client;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * How many of the branches a task reaches have completed its key, and which have not (spec 13.10):
 * organizations, never people, counted live over the federation.
 *
 * @param task          the task
 * @param taskKey       its key
 * @param organizations its targets
 * @param branches      the branches counted
 * @param completed     how many of them completed the key
 * @param missing       the branches that have not
 * @param completeness  which nodes answered
 */
public record TaskProgress(String task, String taskKey, List<String> organizations, long branches, long completed, List<Missing> missing,
                           Completeness completeness) {

    /** A branch that has not completed the task. */
    public record Missing(String organization, String name) {}

    static TaskProgress of(JsonObject json) {
        return new TaskProgress(JsonValues.string(json, "task"), JsonValues.string(json, "taskKey"), JsonValues.strings(json, "organizations"),
                JsonValues.count(json, "branches"), JsonValues.count(json, "completed"),
                json.getJsonArray("missing").stream().map(JsonValue::asJsonObject)
                        .map(m -> new Missing(m.getString("organization"), m.getString("name", null))).toList(),
                Completeness.of(json.getJsonObject("completeness")));
    }
}
