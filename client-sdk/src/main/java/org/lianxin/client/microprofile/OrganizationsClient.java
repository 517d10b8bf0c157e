package org.lianxin.client.microprofile;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Party organizations, {@code {base}/organizations} (spec chapter 4; ancestors, chapter 7). */
@RegisterRestClient(configKey = LianxinRestClient.CONFIG_KEY)
@Path("/organizations")
public interface OrganizationsClient {

    /**
     * A page of the node's organizations.
     *
     * @param authorization the Authorization header, {@code Bearer ...}
     * @param limit         the page size, or null for the node's
     * @param cursor        the cursor of a {@code next} URL, or null for the first page
     * @return the page: {@code items} and, unless it is the last, {@code next}
     */
    @GET
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject list(@HeaderParam("Authorization") String authorization, @QueryParam("limit") Integer limit,
                    @QueryParam("cursor") String cursor);

    /**
     * Creates an organization; the node chooses its id.
     *
     * @param authorization the Authorization header
     * @param record        the record, without {@code id}
     * @return the record as stored
     */
    @POST
    @Consumes(LianxinRestClient.JSON_LD)
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject create(@HeaderParam("Authorization") String authorization, JsonObject record);

    /**
     * The organization {@code id}.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @return the record
     */
    @GET
    @Path("{id}")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject read(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /**
     * Creates or replaces the organization {@code id}.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param record        the record, with {@code id} its IRI (or {@code ""})
     * @return the record as stored
     */
    @PUT
    @Path("{id}")
    @Consumes(LianxinRestClient.JSON_LD)
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject put(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, JsonObject record);

    /**
     * Deletes the organization {@code id}; a tombstone remains.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     */
    @DELETE
    @Path("{id}")
    void delete(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /**
     * A page of the organizations directly below {@code id} on this node.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param limit         the page size, or null
     * @param cursor        the cursor of a {@code next} URL, or null
     * @return the page
     */
    @GET
    @Path("{id}/children")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject children(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                        @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    /**
     * A page of the organization {@code id} and every organization below it on this node.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param limit         the page size, or null
     * @param cursor        the cursor of a {@code next} URL, or null
     * @return the page
     */
    @GET
    @Path("{id}/subtree")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject subtree(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                       @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    /**
     * The superiors of {@code id} up to the root, across nodes, with the completeness report; a 424
     * when a node did not answer, unless {@code partial}.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param partial       true to take an incomplete chain, or null
     * @return {@code organization}, {@code ancestors} and {@code completeness}
     */
    @GET
    @Path("{id}/ancestors")
    @Produces(LianxinRestClient.JSON)
    JsonObject ancestors(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                         @QueryParam("partial") Boolean partial);

    /**
     * What is asked of the organization {@code id}, each thing once, from this node and those above
     * (spec 13.9).
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @return the inbox, with its completeness report
     */
    @GET
    @Path("{id}/inbox")
    @Produces(LianxinRestClient.JSON)
    JsonObject inbox(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);
}
