package org.lianxin.client;

import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

/**
 * A child node registered below a node (spec Table 7.4).
 *
 * @param base           the child's base URL
 * @param roots          its registered roots: its authoritativeFor as checked at registration
 * @param registered     when it was registered
 * @param status         active or suspended
 * @param reason         why the registration is suspended, only with suspended
 * @param parentNotified only in the answer to a registration: whether the child took the parent
 */
public record ChildRegistration(String base, List<String> roots, String registered, String status, Optional<String> reason,
                                Optional<Boolean> parentNotified) {

    static ChildRegistration of(JsonObject json) {
        return new ChildRegistration(JsonValues.string(json, "base"), JsonValues.strings(json, "roots"), JsonValues.string(json, "registered"),
                JsonValues.string(json, "status"), JsonValues.optional(json, "reason"),
                json.containsKey("parentNotified") ? Optional.of(json.getBoolean("parentNotified")) : Optional.empty());
    }

    /**
     * Whether the node asks the child in federated queries.
     *
     * @return true when the status is active
     */
    public boolean active() {
        return "active".equals(status);
    }
}
