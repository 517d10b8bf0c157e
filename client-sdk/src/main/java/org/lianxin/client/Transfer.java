package org.lianxin.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * An organizational-relationship transfer (spec chapter 10) as one of its two nodes keeps it.
 *
 * @param id                the transfer record's IRI on the node that was asked
 * @param state             Requested, Approved, Accepted, Rejected, Completed or Cancelled
 * @param transferredMember the member record at the sending node
 * @param fromOrganization  the sending branch
 * @param toOrganization    the receiving organization, on any node
 * @param letterNumber      the introduction letter's number, once approved
 * @param letterValidUntil  the last day the receiving organization may accept
 * @param newMember         the member's record at the receiving node, once accepted
 * @param rejectionReason   why it was rejected or cancelled
 * @param other             the record's other keys, kept as JSON
 */
public record Transfer(String id, String state, String transferredMember, String fromOrganization, String toOrganization,
                       String letterNumber, String letterValidUntil, String newMember, String rejectionReason, Map<String, JsonValue> other) {

    private static final Set<String> TYPED = Set.of("@context", "id", "transferState", "transferredMember", "fromOrganization",
            "toOrganization", "letterNumber", "letterValidUntil", "newMember", "rejectionReason");

    static Transfer of(JsonObject json) {
        Map<String, JsonValue> other = new LinkedHashMap<>();
        json.forEach((k, v) -> {
            if (!TYPED.contains(k)) {
                other.put(k, v);
            }
        });
        return new Transfer(json.getString("id"), json.getString("transferState", null), json.getString("transferredMember", null),
                json.getString("fromOrganization", null), json.getString("toOrganization", null), json.getString("letterNumber", null),
                json.getString("letterValidUntil", null), json.getString("newMember", null), json.getString("rejectionReason", null),
                Map.copyOf(other));
    }

    /** Whether the transfer is finished: Rejected, Completed or Cancelled. */
    public boolean finished() {
        return Set.of("Rejected", "Completed", "Cancelled").contains(state);
    }
}
