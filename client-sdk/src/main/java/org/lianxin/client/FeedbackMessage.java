package org.lianxin.client;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A member's message to an organization, with its thread of replies (spec 14.3), or its copy on the
 * node above once it was escalated there. Texts are as the member wrote them, character for
 * character (LX-FEEDBACK-20).
 *
 * @param id            the record's IRI, {@code {base}/feedback/{id}}
 * @param kind          Question, Suggestion, HelpRequest or Report
 * @param sender        the sender's member record
 * @param senderName    the sender's name when the message was sent
 * @param sentTo        the organization it was sent to
 * @param name          its subject, if given
 * @param text          the message
 * @param state         Open, Answered or Closed
 * @param sentAt        when it was sent
 * @param replies       the replies and follow-ups, oldest first
 * @param escalatedTo   the organizations above it climbed to, unanswered (14.6)
 * @param escalatedFrom on a copy, the record on the node below it came from
 * @param escalatedCopy its copy on the node above, once escalated there
 * @param rating        the sender's rating, 1 to 5, once rated
 * @param ratingComment the sender's comment with the rating
 */
public record FeedbackMessage(String id, String kind, String sender, String senderName, String sentTo, Optional<String> name, String text,
                              String state, Optional<String> sentAt, List<Reply> replies, List<String> escalatedTo,
                              Optional<String> escalatedFrom, Optional<String> escalatedCopy, Optional<Integer> rating,
                              Optional<String> ratingComment) {

    /**
     * One reply on a message: an organization's answer, or the sender's follow-up (no {@code repliedBy}).
     *
     * @param replyId   its id, the same on every record of the chain
     * @param text      what was written
     * @param repliedBy the organization that answered; empty for the sender's follow-up
     * @param sentAt    when it was written
     */
    public record Reply(String replyId, String text, Optional<String> repliedBy, String sentAt) {

        /** Whether an organization wrote it, rather than the sender following up. */
        public boolean fromOrganization() {
            return repliedBy.isPresent();
        }
    }

    static FeedbackMessage of(JsonObject json) {
        return new FeedbackMessage(json.getString("id"), JsonValues.string(json, "feedbackKind"), JsonValues.string(json, "sender"),
                JsonValues.string(json, "senderName"), JsonValues.string(json, "sentTo"), JsonValues.optional(json, "name"),
                JsonValues.string(json, "text"), JsonValues.string(json, "feedbackState"), JsonValues.optional(json, "sentAt"), replies(json),
                JsonValues.strings(json, "escalatedTo"), JsonValues.optional(json, "escalatedFrom"), JsonValues.optional(json, "escalatedCopy"),
                JsonValues.optional(json, "rating").map(Integer::valueOf), JsonValues.optional(json, "ratingComment"));
    }

    /** The replies of a thread, a message or a service request (spec 14.3, 18.3), oldest first. */
    static List<Reply> replies(JsonObject json) {
        return json.containsKey("replies") ? asArray(json.get("replies")).stream().map(JsonValue::asJsonObject)
                .map(r -> new Reply(JsonValues.string(r, "replyId"), JsonValues.string(r, "text"), JsonValues.optional(r, "repliedBy"),
                        JsonValues.string(r, "sentAt")))
                .sorted(Comparator.comparing((Reply r) -> instant(r.sentAt())).thenComparing(Reply::replyId)).toList() : List.of();
    }

    private static List<JsonValue> asArray(JsonValue value) {
        return value instanceof jakarta.json.JsonArray array ? array : List.of(value);
    }

    /** The written time as an instant, to order replies: the node writes them as a set, in no order. */
    private static OffsetDateTime instant(String sentAt) {
        try {
            return OffsetDateTime.parse(sentAt);
        } catch (DateTimeParseException | NullPointerException e) {
            return OffsetDateTime.MIN;
        }
    }

    /** The last reply, if any. */
    public Optional<Reply> lastReply() {
        return replies.isEmpty() ? Optional.empty() : Optional.of(replies.get(replies.size() - 1));
    }

    /** Whether this record is a copy on the node above of a message sent on another node. */
    public boolean copy() {
        return escalatedFrom.isPresent();
    }
}
