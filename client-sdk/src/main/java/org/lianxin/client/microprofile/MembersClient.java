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

/** Member records, {@code {base}/members} (spec chapter 5). */
@RegisterRestClient(configKey = LianxinRestClient.CONFIG_KEY)
@Path("/members")
public interface MembersClient {

    /**
     * A page of the node's member records that satisfy every filter given; lists are masked.
     *
     * @param authorization the Authorization header
     * @param branch        only the members of this branch (its IRI), or null
     * @param stage         only the members in this stage, or null
     * @param limit         the page size, or null
     * @param cursor        the cursor of a {@code next} URL, or null
     * @return the page
     */
    @GET
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject list(@HeaderParam("Authorization") String authorization, @QueryParam("branch") String branch,
                    @QueryParam("stage") String stage, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    /**
     * Creates a member record; the node chooses its id.
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
     * The member {@code id}: masked, or in full with a purpose (URL-encoded), which the node audits.
     *
     * @param authorization the Authorization header
     * @param purpose       the Lianxin-Purpose header, URL-encoded, or null for a masked read
     * @param id            its id on the node
     * @return the record
     */
    @GET
    @Path("{id}")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject read(@HeaderParam("Authorization") String authorization, @HeaderParam("Lianxin-Purpose") String purpose,
                    @PathParam("id") String id);

    /**
     * Creates or replaces the member record {@code id}.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param record        the record, with {@code id} its IRI
     * @return the record as stored
     */
    @PUT
    @Path("{id}")
    @Consumes(LianxinRestClient.JSON_LD)
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject put(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, JsonObject record);

    /**
     * Deletes the member record {@code id}; a tombstone remains.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     */
    @DELETE
    @Path("{id}")
    void delete(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);
}
