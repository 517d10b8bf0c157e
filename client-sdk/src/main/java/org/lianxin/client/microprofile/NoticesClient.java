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
 * Notices, {@code {base}/notices}, and a member's feed and read receipts (spec chapter 17). The reach
 * over organizations of this node is {@link StatisticsClient#noticeReach}.
 */
@RegisterRestClient(configKey = LianxinRestClient.CONFIG_KEY)
@Path("/")
public interface NoticesClient {

    /**
     * A page of the notices published on this node that the caller may read.
     *
     * @param authorization the Authorization header
     * @param publishedBy   the publisher's IRI, or null
     * @param modifiedSince only notices changed since this xsd:dateTime, or null
     * @param limit         the page size, or null
     * @param cursor        the cursor of a {@code next} URL, or null
     * @return the page
     */
    @GET
    @Path("notices")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject list(@HeaderParam("Authorization") String authorization, @QueryParam("publishedBy") String publishedBy,
                    @QueryParam("modifiedSince") String modifiedSince, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    /**
     * Publishes a notice to the publisher's subtree.
     *
     * @param authorization the Authorization header
     * @param record        the Notice record, without {@code id}
     * @return the notice as stored
     */
    @POST
    @Path("notices")
    @Consumes(LianxinRestClient.JSON_LD)
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject publish(@HeaderParam("Authorization") String authorization, JsonObject record);

    /**
     * The notice {@code id}.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @return the record
     */
    @GET
    @Path("notices/{id}")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject read(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /**
     * Withdraws the notice: it leaves every feed at once.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @return the record, with its {@code withdrawnAt}
     */
    @POST
    @Path("notices/{id}/withdraw")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject withdraw(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /**
     * How many party members the notice is for, and how many read it, counted on every node below.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param partial       true to take an incomplete answer, or null
     * @return the reach, with {@code completeness}
     */
    @GET
    @Path("notices/{id}/reach")
    @Produces(LianxinRestClient.JSON)
    JsonObject reach(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, @QueryParam("partial") Boolean partial);

    /**
     * A page of the feed of the member {@code id}: the notices of every level that reach the member, newest first.
     *
     * @param authorization the Authorization header, the member's
     * @param id            the member's id on the node
     * @param limit         the page size, or null
     * @param cursor        the cursor of a {@code next} URL, or null
     * @return the page, with {@code unread} and {@code completeness}
     */
    @GET
    @Path("members/{id}/notices")
    @Produces(LianxinRestClient.JSON)
    JsonObject feed(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, @QueryParam("limit") Integer limit,
                    @QueryParam("cursor") String cursor);

    /**
     * As the member {@code id}, records that the member read a notice of the feed: once; again answers the first receipt.
     *
     * @param authorization the Authorization header, the member's
     * @param id            the member's id on the node
     * @param body          {@code {"notice": IRI}}
     * @return the receipt
     */
    @POST
    @Path("members/{id}/notices/read")
    @Consumes(LianxinRestClient.JSON)
    @Produces(LianxinRestClient.JSON)
    JsonObject markRead(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, JsonObject body);
}
