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
 * Tasks, {@code {base}/tasks} (spec chapter 13): issued once, merged or answered by data. A branch's
 * inbox is {@link OrganizationsClient#inbox(String, String)}; completions are {@link TaskCompletionsClient}.
 */
@RegisterRestClient(configKey = LianxinRestClient.CONFIG_KEY)
@Path("/tasks")
public interface TasksClient {

    /**
     * A page of the tasks issued on this node that the caller may read.
     *
     * @param authorization the Authorization header
     * @param state         Open, Answered, Merged or Cancelled, or null
     * @param issuedBy      the issuing organization's IRI, or null
     * @param limit         the page size, or null
     * @param cursor        the cursor of a {@code next} URL, or null
     * @return the page
     */
    @GET
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject list(@HeaderParam("Authorization") String authorization, @QueryParam("state") String state,
                    @QueryParam("issuedBy") String issuedBy, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    /**
     * Issues a task: a data or action request.
     *
     * @param authorization the Authorization header
     * @param record        the Task record, without {@code id}
     * @return the task as stored: Open, Answered or Merged
     */
    @POST
    @Consumes(LianxinRestClient.JSON_LD)
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject issue(@HeaderParam("Authorization") String authorization, JsonObject record);

    /**
     * The task {@code id}.
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
     * Withdraws the task.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @return the record, Cancelled
     */
    @POST
    @Path("{id}/cancel")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject cancel(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /**
     * Which branches have completed the task, counted live over the federation.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param partial       true to take an incomplete answer, or null
     * @return the progress, with {@code completeness}
     */
    @GET
    @Path("{id}/progress")
    @Produces(LianxinRestClient.JSON)
    JsonObject progress(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                        @QueryParam("partial") Boolean partial);

    /**
     * The statistic of a data request, computed now.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @return the answer
     */
    @GET
    @Path("{id}/answer")
    @Produces(LianxinRestClient.JSON)
    JsonObject answer(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);
}
