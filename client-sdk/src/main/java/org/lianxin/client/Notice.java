package org.lianxin.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A notice（通知, spec 17.3) an organization publishes to its subtree, as the node that holds the
 * publisher stored it. Texts are as written, character for character.
 *
 * @param id          the notice's IRI, {@code {base}/notices/{id}}
 * @param publishedBy the publishing organization
 * @param targets     the organizations whose subtrees it is for; the node gives {@code [publishedBy]} when none were named
 * @param name        its title
 * @param text        its body
 * @param attachments links to its documents
 * @param publishedAt when the node stored it
 * @param withdrawnAt when its publisher withdrew it, if so
 * @param other       the record's other keys, kept as JSON
 */
public record Notice(String id, String publishedBy, List<String> targets, String name, String text, List<String> attachments,
                     Optional<String> publishedAt, Optional<String> withdrawnAt, Map<String, JsonValue> other) {

    private static final Set<String> TYPED = Set.of("@context", "id", "type", "publishedBy", "targets", "name", "text", "attachments",
            "publishedAt", "withdrawnAt");

    static Notice of(JsonObject json) {
        return new Notice(json.getString("id"), JsonValues.string(json, "publishedBy"), JsonValues.strings(json, "targets"),
                JsonValues.string(json, "name"), JsonValues.string(json, "text"), JsonValues.strings(json, "attachments"),
                JsonValues.optional(json, "publishedAt"), JsonValues.optional(json, "withdrawnAt"), JsonValues.other(json, TYPED));
    }

    /** Whether its publisher withdrew it: it is in no feed (LX-NOTICE-6). */
    public boolean withdrawn() {
        return withdrawnAt.isPresent();
    }
}
