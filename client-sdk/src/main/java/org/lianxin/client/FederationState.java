package org.lianxin.client;

import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A node's place in the federation (spec Table 7.3): its parent node, if any, and the child nodes
 * registered below it.
 *
 * @param node     the node's base URL
 * @param parent   its parent node, empty when it has none
 * @param children its registered children, active or suspended, in the order of their base URLs
 */
public record FederationState(String node, Optional<Parent> parent, List<ChildRegistration> children) {

    /**
     * The parent node.
     *
     * @param base  its base URL
     * @param since when it took this node as child
     */
    public record Parent(String base, String since) {}

    static FederationState of(JsonObject json) {
        JsonValue parent = json.get("parent");
        Optional<Parent> above = parent instanceof JsonObject p ? Optional.of(new Parent(JsonValues.string(p, "base"), JsonValues.string(p, "since")))
                : Optional.empty();
        List<ChildRegistration> children = json.getJsonArray("children") == null ? List.of()
                : json.getJsonArray("children").stream().map(JsonValue::asJsonObject).map(ChildRegistration::of).toList();
        return new FederationState(JsonValues.string(json, "node"), above, children);
    }

    /**
     * The registration of the child at {@code base}, if it is registered.
     *
     * @param base the child's base URL
     * @return its registration, or empty
     */
    public Optional<ChildRegistration> child(String base) {
        return children.stream().filter(c -> c.base().equals(base)).findFirst();
    }
}
