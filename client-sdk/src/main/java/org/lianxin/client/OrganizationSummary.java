package org.lianxin.client;

import jakarta.json.JsonObject;

/**
 * An organization as a federated answer names it (spec Table 7.22): enough to show it, and the node
 * that holds it.
 *
 * @param id      the organization's IRI
 * @param name    its name
 * @param orgType its type
 * @param node    the base URL of the node that holds it
 */
public record OrganizationSummary(String id, String name, String orgType, String node) {

    static OrganizationSummary of(JsonObject json) {
        return new OrganizationSummary(JsonValues.string(json, "id"), JsonValues.string(json, "name"), JsonValues.string(json, "orgType"),
                JsonValues.string(json, "node"));
    }
}
