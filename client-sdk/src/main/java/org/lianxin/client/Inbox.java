package org.lianxin.client;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * What is asked of an organization, each thing once (spec 13.8): one item per task key, however
 * many levels asked for it. An inbox is never refused for being incomplete: when the node could not
 * ask the nodes above, it gives its own items and its completeness report names the node that did
 * not answer, so check {@link #complete()} before showing the list as the whole.
 *
 * @param organization the organization
 * @param items        one per task key, by due date
 * @param toDo         how many items are {@link InboxItem.Status#ToDo}
 * @param completeness the node and the nodes above it asked for their tasks
 */
public record Inbox(String organization, List<InboxItem> items, long toDo, Completeness completeness) {

    static Inbox of(JsonObject json) {
        return new Inbox(json.getString("organization"), json.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(InboxItem::of).toList(),
                JsonValues.count(json, "toDo"), Completeness.of(json.getJsonObject("completeness")));
    }

    /** Whether every node above answered, so that the items are all there are. */
    public boolean complete() {
        return completeness.complete();
    }

    /** The items whose status is {@code status}. */
    public List<InboxItem> items(InboxItem.Status status) {
        return items.stream().filter(i -> i.status() == status).toList();
    }

    /** The item that holds the request {@code task}, if the inbox has it. */
    public java.util.Optional<InboxItem> itemOf(String task) {
        return items.stream().filter(i -> i.requests().stream().anyMatch(r -> r.id().equals(task))).findFirst();
    }
}
