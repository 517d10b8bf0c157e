package org.lianxin.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One entry of a node's append-only audit log (spec 8.9, Table 8.12): who did what to which record,
 * for which organization, and how the node answered. Keys the SDK does not type are kept in
 * {@link #other()}.
 *
 * @param id            the entry's id, unique on the node, opaque
 * @param at            when the node answered the request
 * @param actor         the {@code sub} of the caller's token
 * @param actingFor     the organization the caller acted for, when the token names one
 * @param roles         the roles of the token: member, secretary, organization-admin, node-operator, node
 * @param action        read-full, create, replace, delete, lookup, register-child, remove-child, set-parent,
 *                      clear-parent, or a transfer-* action
 * @param record        the record concerned (for a child node, its base URL), when there is one
 * @param organizations the organizations the entry is listed under (Table 8.13)
 * @param purpose       with read-full, the purpose the caller stated
 * @param outcome       the HTTP status of the answer
 * @param other         the entry's other keys, as JSON
 */
public record AuditEntry(String id, String at, String actor, Optional<String> actingFor, List<String> roles, String action,
                         Optional<String> record, List<String> organizations, Optional<String> purpose, int outcome,
                         Map<String, JsonValue> other) {

    private static final Set<String> TYPED = Set.of("id", "at", "actor", "actingFor", "roles", "action", "record", "organizations",
            "purpose", "outcome");

    static AuditEntry of(JsonObject json) {
        Map<String, JsonValue> other = new LinkedHashMap<>();
        json.forEach((k, v) -> {
            if (!TYPED.contains(k)) {
                other.put(k, v);
            }
        });
        return new AuditEntry(JsonValues.string(json, "id"), JsonValues.string(json, "at"), JsonValues.string(json, "actor"),
                JsonValues.optional(json, "actingFor"), JsonValues.strings(json, "roles"), JsonValues.string(json, "action"),
                JsonValues.optional(json, "record"), JsonValues.strings(json, "organizations"), JsonValues.optional(json, "purpose"),
                (int) JsonValues.count(json, "outcome"), Map.copyOf(other));
    }
}
