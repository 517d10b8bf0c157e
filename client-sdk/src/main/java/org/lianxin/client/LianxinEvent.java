package org.lianxin.client;

import jakarta.json.JsonObject;

/**
 * One server-sent event of a node (spec 14.8, Table 14.12): a new message, a reply, a message's new
 * state or a new task. The data names records and organizations, never the text of a message: read
 * the record for that.
 *
 * @param id   the event's number, from a sequence of the node that only increases
 * @param type feedback, reply, feedback-state or task
 * @param data the event's JSON object, e.g. {@code {"message": ..., "replyId": ..., "repliedBy": ...}}
 */
public record LianxinEvent(String id, String type, JsonObject data) {

    /** The string under {@code key} of the data, or null; e.g. {@code message} or {@code task}. */
    public String get(String key) {
        return data.containsKey(key) && !data.isNull(key) ? JsonValues.text(data.get(key)) : null;
    }
}
