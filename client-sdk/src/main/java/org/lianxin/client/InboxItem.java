package org.lianxin.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One thing asked of an organization (spec Table 13.11): every request of one task key, from
 * whichever level and node, with what the organization has to do about it.
 *
 * @param taskKey      the key the requests share
 * @param taskKind     DataRequest or ActionRequest
 * @param name         the name of the request issued first
 * @param statistic    the statistic asked, if any
 * @param period       the period, if any
 * @param askedFields  the figures left to people, if any
 * @param activityType the activity asked for, if any
 * @param topic        its topic, if any
 * @param dueDate      the earliest due date of the requests
 * @param requests     every request of the key, issued first first
 * @param status       what the organization has to do (Table 13.12)
 * @param completion   with {@link Status#Done}, the completion record
 */
public record InboxItem(String taskKey, String taskKind, String name, Optional<String> statistic, Optional<String> period,
                        List<String> askedFields, Optional<String> activityType, Optional<String> topic, LocalDate dueDate,
                        List<Request> requests, Status status, Optional<String> completion) {

    /** The status of an item (Table 13.12). */
    public enum Status {
        /** A data request without asked fields: the data answered it and nobody acts（已由数据回答）. */
        AnsweredByData,
        /** The organization completed it（已完成）. */
        Done,
        /** The organization is a branch and has to act（待办）. */
        ToDo,
        /** The branches below act; the organization follows their progress（由党支部办理）. */
        ForBranches;

        static Status of(String value) {
            try {
                return valueOf(value);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new LianxinException("The node gave the inbox status " + value + ", which Lianxin " + LianxinClient.SPEC_VERSION
                        + " does not define.");
            }
        }
    }

    /**
     * One request of an item: who asked, on which node, by when, and whether it was merged.
     *
     * @param id         the task
     * @param issuedBy   the issuing organization
     * @param issuerName its name
     * @param node       the base URL of the node that holds the task
     * @param dueDate    its due date
     * @param taskState  Open, Answered or Merged
     * @param mergedInto the task it was merged into, when Merged
     */
    public record Request(String id, String issuedBy, String issuerName, String node, LocalDate dueDate, String taskState,
                          Optional<String> mergedInto) {}

    static InboxItem of(JsonObject json) {
        return new InboxItem(json.getString("taskKey"), JsonValues.string(json, "taskKind"), JsonValues.string(json, "name"),
                JsonValues.optional(json, "statistic"), JsonValues.optional(json, "period"), JsonValues.strings(json, "askedFields"),
                JsonValues.optional(json, "activityType"), JsonValues.optional(json, "topic"), JsonValues.date(json, "dueDate"),
                json.getJsonArray("requests").stream().map(JsonValue::asJsonObject).map(r -> new Request(r.getString("id"),
                        JsonValues.string(r, "issuedBy"), JsonValues.string(r, "issuerName"), JsonValues.string(r, "node"),
                        JsonValues.date(r, "dueDate"), JsonValues.string(r, "taskState"), JsonValues.optional(r, "mergedInto"))).toList(),
                Status.of(JsonValues.string(json, "status")), JsonValues.optional(json, "completion"));
    }

    /** The request issued first: the one whose name the item carries. */
    public Request first() {
        return requests.get(0);
    }
}
