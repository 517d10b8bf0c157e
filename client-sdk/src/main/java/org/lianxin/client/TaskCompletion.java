package org.lianxin.client;

import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

/**
 * A branch's record that it did what a task key asks (spec 13.9); one completion completes every
 * request of its key for the branch.
 *
 * @param id          the completion's IRI, {@code {base}/task-completions/{id}}
 * @param completes   the request named when completing
 * @param completedBy the branch
 * @param evidence    the activities that show it was done (action requests)
 * @param note        the figures of the asked fields, or a remark
 * @param taskKey     the key it completes
 * @param completedAt when the node recorded it
 */
public record TaskCompletion(String id, String completes, String completedBy, List<String> evidence, Optional<String> note, String taskKey,
                             Optional<String> completedAt) {

    static TaskCompletion of(JsonObject json) {
        return new TaskCompletion(json.getString("id"), JsonValues.string(json, "completes"), JsonValues.string(json, "completedBy"),
                JsonValues.strings(json, "evidence"), JsonValues.optional(json, "note"), JsonValues.string(json, "taskKey"),
                JsonValues.optional(json, "completedAt"));
    }
}
