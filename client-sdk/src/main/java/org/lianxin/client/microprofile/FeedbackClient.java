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
 * Members' messages to their organizations, {@code {base}/feedback} (spec chapter 14). Replies,
 * ratings and closing take plain JSON bodies and answer with the record.
 */
@RegisterRestClient(configKey = LianxinRestClient.CONFIG_KEY)
@Path("/feedback")
@Produces(LianxinRestClient.JSON_LD)
public interface FeedbackClient {

    /**
     * A page of the messages the caller may read.
     *
     * @param authorization the Authorization header
     * @param state         Open, Answered or Closed, or null
     * @param organization  only those sent or escalated to this organization (its IRI), or null
     * @param limit         the page size, or null
     * @param cursor        the cursor of a {@code next} URL, or null
     * @return the page
     */
    @GET
    JsonObject list(@HeaderParam("Authorization") String authorization, @QueryParam("state") String state,
                    @QueryParam("organization") String organization, @QueryParam("limit") Integer limit,
                    @QueryParam("cursor") String cursor);

    /**
     * As a member, sends a message.
     *
     * @param authorization the Authorization header, a member's token
     * @param record        the Feedback record: {@code feedbackKind}, {@code text}, perhaps {@code name} and {@code sentTo}
     * @return the message as stored
     */
    @POST
    @Consumes(LianxinRestClient.JSON_LD)
    JsonObject send(@HeaderParam("Authorization") String authorization, JsonObject record);

    /**
     * The message {@code id}, with its replies.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @return the record
     */
    @GET
    @Path("{id}")
    JsonObject read(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /**
     * Replies for the organization, or follows up as the sender.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param body          {@code {"text": ...}}
     * @return the record
     */
    @POST
    @Path("{id}/replies")
    @Consumes(LianxinRestClient.JSON)
    JsonObject reply(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, JsonObject body);

    /**
     * As the sender, rates the answer: the message is Closed.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param body          {@code {"rating": 1..5, "comment": ...}}
     * @return the record
     */
    @POST
    @Path("{id}/rating")
    @Consumes(LianxinRestClient.JSON)
    JsonObject rate(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, JsonObject body);

    /**
     * Closes the message.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @return the record
     */
    @POST
    @Path("{id}/close")
    JsonObject close(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);
}
