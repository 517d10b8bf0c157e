package org.lianxin.client;

import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One page of a member's feed（党员通知列表, spec 17.6): the notices of every level that reach the
 * member, newest first, each with whether the member read it. Never refused for being incomplete:
 * when the node could not ask the nodes above, it gives its own notices and {@link #complete()} is false.
 *
 * @param member       the member
 * @param items        the notices of the page, newest first
 * @param unread       how many notices of the whole feed, every page, the member has not read
 * @param next         the next page, absent on the last
 * @param completeness the node and the nodes above it asked for their notices
 */
public record NoticeFeed(String member, List<Item> items, long unread, Optional<String> next, Completeness completeness) {

    /**
     * A notice of the feed: its summary (names organizations, never people, LX-NOTICE-15) and when the member read it.
     *
     * @param id            the notice
     * @param node          the base URL of the node that holds it
     * @param publishedBy   its publisher
     * @param publisherName the publisher's name
     * @param name          its title
     * @param text          its body
     * @param attachments   its documents
     * @param publishedAt   when it was published
     * @param targets       its targets
     * @param readAt        when the member read it; empty when the member has not
     */
    public record Item(String id, String node, String publishedBy, String publisherName, String name, String text, List<String> attachments,
                       String publishedAt, List<String> targets, Optional<String> readAt) {

        static Item of(JsonObject json) {
            return new Item(json.getString("id"), JsonValues.string(json, "node"), JsonValues.string(json, "publishedBy"),
                    JsonValues.string(json, "publisherName"), JsonValues.string(json, "name"), JsonValues.string(json, "text"),
                    JsonValues.strings(json, "attachments"), JsonValues.string(json, "publishedAt"), JsonValues.strings(json, "targets"),
                    JsonValues.optional(json, "readAt"));
        }

        /** Whether the member read it. */
        public boolean read() {
            return readAt.isPresent();
        }
    }

    static NoticeFeed of(JsonObject json) {
        return new NoticeFeed(json.getString("member"), json.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(Item::of).toList(),
                JsonValues.count(json, "unread"), JsonValues.optional(json, "next"), Completeness.of(json.getJsonObject("completeness")));
    }

    /** Whether every node above answered, so that the notices are all there are. */
    public boolean complete() {
        return completeness.complete();
    }

    /** The notice {@code notice} on this page, if there. */
    public Optional<Item> item(String notice) {
        return items.stream().filter(i -> i.id().equals(notice)).findFirst();
    }
}
