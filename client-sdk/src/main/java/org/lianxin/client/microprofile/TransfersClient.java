package org.lianxin.client.microprofile;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Transfers of a member's organizational relationship, {@code {base}/transfers} (spec chapter 10):
 * requested and approved on the member's node, accepted or rejected on the receiving one. The
 * actions take a plain JSON body ({@code {}} or {@code {"reason": ...}}) and answer with the record.
 */
@RegisterRestClient(configKey = LianxinRestClient.CONFIG_KEY)
@Path("/transfers")
@Produces(LianxinRestClient.JSON_LD)
public interface TransfersClient {

    /**
     * A page of the node's transfers of a member.
     *
     * @param authorization the Authorization header
     * @param member        the member's IRI (either of its IRIs), or null
     * @param state         only transfers in this state, or null
     * @param limit         the page size, or null
     * @param cursor        the cursor of a {@code next} URL, or null
     * @return the page
     */
    @GET
    JsonObject list(@HeaderParam("Authorization") String authorization, @QueryParam("member") String member,
                    @QueryParam("state") String state, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    /**
     * Requests a transfer: a Transfer record with {@code transferredMember} and {@code toOrganization}.
     *
     * @param authorization the Authorization header
     * @param record        the record, without {@code id}
     * @return the transfer as stored, Requested
     */
    @POST
    @Consumes(LianxinRestClient.JSON_LD)
    JsonObject request(@HeaderParam("Authorization") String authorization, JsonObject record);

    /**
     * The transfer {@code id}.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @return the record
     */
    @GET
    @Path("{id}")
    JsonObject read(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /**
     * The sending organization approves and issues the introduction letter.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param body          {@code {}}
     * @return the record
     */
    @POST
    @Path("{id}/approve")
    @Consumes(LianxinRestClient.JSON)
    JsonObject approve(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, JsonObject body);

    /**
     * The sending organization withdraws the transfer.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param body          {@code {"reason": ...}} or {@code {}}
     * @return the record
     */
    @POST
    @Path("{id}/cancel")
    @Consumes(LianxinRestClient.JSON)
    JsonObject cancel(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, JsonObject body);

    /**
     * The receiving organization accepts, on its node.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param body          {@code {}}
     * @return the record
     */
    @POST
    @Path("{id}/accept")
    @Consumes(LianxinRestClient.JSON)
    JsonObject accept(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, JsonObject body);

    /**
     * The receiving organization rejects, on its node.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param body          {@code {"reason": ...}}
     * @return the record
     */
    @POST
    @Path("{id}/reject")
    @Consumes(LianxinRestClient.JSON)
    JsonObject reject(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, JsonObject body);
}
