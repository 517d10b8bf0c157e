package org.lianxin.client.microprofile;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The node description, {@code GET {base}/.well-known/lianxin} (spec 2.2): open, no token. */
@RegisterRestClient(configKey = LianxinRestClient.CONFIG_KEY)
@Path("/.well-known/lianxin")
public interface NodeClient {

    /**
     * The node description: spec version, conformance classes, roots and endpoints.
     *
     * @return the description as JSON-LD
     */
    @GET
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject description();

    /**
     * The node description as Turtle.
     *
     * @return the description as Turtle
     */
    @GET
    @Produces(LianxinRestClient.TURTLE)
    String turtle();
}
