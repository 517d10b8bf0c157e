package org.lianxin.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A resident's request to a service point（服务请求, spec 18.3), with its thread of replies as a
 * feedback message has, or its copy on the node above once escalated there (no sender, no contact).
 * Texts are as the resident wrote them, character for character (LX-SERVICE-17).
 *
 * @param id              the record's IRI, {@code {base}/service-requests/{id}}
 * @param serviceCategory ElderlyCare, Employment, MedicalCare, Assistance, Environment, Dispute or OtherService
 * @param name            its subject, if given
 * @param text            the request
 * @param sentTo          the service point it was sent to
 * @param contact         the resident's contact: telephone and address masked unless read with a purpose (LX-SERVICE-4); never on a copy
 * @param sender          the resident's IRI, derived by the node from the token; never on a copy
 * @param assignedTo      the member or organization charged with it, if assigned
 * @param state           Open, Answered or Closed
 * @param sentAt          when it was sent
 * @param replies         the replies and follow-ups, oldest first
 * @param escalatedTo     the organizations above it climbed to, unanswered
 * @param escalatedFrom   on a copy, the record on the node below it came from
 * @param rating          the resident's rating, 1 to 5, once rated
 * @param ratingComment   the resident's comment with the rating
 * @param other           the record's other keys (e.g. {@code escalatedCopy}, {@code created}), kept as JSON
 */
public record ServiceRequest(String id, String serviceCategory, Optional<String> name, String text, String sentTo, Optional<Contact> contact,
                             Optional<String> sender, Optional<String> assignedTo, String state, Optional<String> sentAt,
                             List<FeedbackMessage.Reply> replies, List<String> escalatedTo, Optional<String> escalatedFrom,
                             Optional<Integer> rating, Optional<String> ratingComment, Map<String, JsonValue> other) {

    private static final Set<String> TYPED = Set.of("@context", "id", "type", "serviceCategory", "name", "text", "sentTo", "contact", "sender",
            "assignedTo", "feedbackState", "sentAt", "replies", "escalatedTo", "escalatedFrom", "rating", "ratingComment");

    /**
     * The resident's contact（联系方式, Table 18.5): personal data of the resident.
     *
     * @param name      the resident's name
     * @param telephone a mobile number or a landline with area code
     * @param address   the address, if given
     */
    public record Contact(String name, String telephone, Optional<String> address) {

        /**
         * A contact to send with a request.
         *
         * @param name      the resident's name
         * @param telephone a mobile number (11 digits) or a landline with area code
         * @param address   the address, or null
         * @return the contact
         */
        public static Contact of(String name, String telephone, String address) {
            return new Contact(name, telephone, Optional.ofNullable(address));
        }

        JsonObject json() {
            var json = Json.createObjectBuilder().add("name", name).add("telephone", telephone);
            address.ifPresent(a -> json.add("address", a));
            return json.build();
        }
    }

    static ServiceRequest of(JsonObject json) {
        Optional<Contact> contact = Optional.ofNullable(json.get("contact")).filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject)
                .map(c -> new Contact(JsonValues.string(c, "name"), JsonValues.string(c, "telephone"), JsonValues.optional(c, "address")));
        return new ServiceRequest(json.getString("id"), JsonValues.string(json, "serviceCategory"), JsonValues.optional(json, "name"),
                JsonValues.string(json, "text"), JsonValues.string(json, "sentTo"), contact, JsonValues.optional(json, "sender"),
                JsonValues.optional(json, "assignedTo"), JsonValues.string(json, "feedbackState"), JsonValues.optional(json, "sentAt"),
                FeedbackMessage.replies(json), JsonValues.strings(json, "escalatedTo"), JsonValues.optional(json, "escalatedFrom"),
                JsonValues.integer(json, "rating"), JsonValues.optional(json, "ratingComment"), JsonValues.other(json, TYPED));
    }

    /** The last reply, if any. */
    public Optional<FeedbackMessage.Reply> lastReply() {
        return replies.isEmpty() ? Optional.empty() : Optional.of(replies.get(replies.size() - 1));
    }
}
