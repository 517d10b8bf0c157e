package org.lianxin.client;

import jakarta.json.JsonObject;

/**
 * One member of the development due list (spec 11.6): the next step, from when it is due, and
 * whether it is overdue on the day asked.
 */
public record DueItem(String member, String name, String stage, String branch, String next, String dueFrom, String overdueFrom, boolean overdue) {

    static DueItem of(JsonObject json) {
        return new DueItem(json.getString("member"), json.getString("name"), json.getString("stage"), json.getString("branch"),
                json.getString("next"), json.getString("dueFrom"), json.isNull("overdueFrom") ? null : json.getString("overdueFrom"),
                json.getBoolean("overdue"));
    }
}
