package org.lianxin.client;

import jakarta.json.JsonObject;

/**
 * An organization of the node that serves residents（服务点, spec 18.2): one with a {@code serviceArea}.
 *
 * @param organization its IRI, the {@code sentTo} of a request
 * @param name         its name
 * @param serviceArea  the community or village it serves
 */
public record ServicePoint(String organization, String name, String serviceArea) {

    static ServicePoint of(JsonObject json) {
        return new ServicePoint(json.getString("organization"), json.getString("name"), json.getString("serviceArea"));
    }
}
