package org.lianxin.client;

import jakarta.json.JsonObject;

/** An activity of organizational life (spec 12.3): its type, the organization that held it, its day and topic. */
public record Activity(String id, String activityType, String heldBy, String startDate, String topic) {

    static Activity of(JsonObject json) {
        return new Activity(json.getString("id"), json.getString("activityType", null), json.getString("heldBy", null),
                json.getString("startDate", null), json.getString("topic", null));
    }
}
