package org.lianxin.node.rdf;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the node. {@code jakarta.json.Json}'s static methods look the provider
 * up with a ServiceLoader on every call, through the server's class loaders: a profile of single
 * reads (issue 6, W4) found that lookup in a large share of each answer's JSON-LD.
 */
public final class JsonP {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonP() {}
}
