package org.lianxin.client;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The superior organizations of an organization up to the root, across nodes (spec Table 7.21), with
 * the completeness report of the federated query that found them.
 *
 * @param organization the organization asked about
 * @param ancestors    its superiors, nearest first, up to an organization without a superior
 * @param completeness which nodes answered
 */
public record Ancestors(OrganizationSummary organization, List<OrganizationSummary> ancestors, Completeness completeness) {

    static Ancestors of(JsonObject json) {
        return new Ancestors(OrganizationSummary.of(json.getJsonObject("organization")),
                json.getJsonArray("ancestors").stream().map(JsonValue::asJsonObject).map(OrganizationSummary::of).toList(),
                Completeness.of(json.getJsonObject("completeness")));
    }

    /**
     * The root: the topmost superior, or the organization itself when it has none.
     *
     * @return the organization at the top of the chain
     */
    public OrganizationSummary root() {
        return ancestors.isEmpty() ? organization : ancestors.get(ancestors.size() - 1);
    }
}
