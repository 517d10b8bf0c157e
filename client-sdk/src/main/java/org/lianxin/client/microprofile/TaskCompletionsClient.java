package org.lianxin.client.microprofile;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A branch completes what its inbox asks: {@code {base}/task-completions} (spec 13.10). */
@RegisterRestClient(configKey = LianxinRestClient.CONFIG_KEY)
@Path("/task-completions")
@Produces(LianxinRestClient.JSON_LD)
public interface TaskCompletionsClient {

    /**
     * Completes a request for a branch of this node.
     *
     * @param authorization the Authorization header
     * @param record        the TaskCompletion record: {@code completes}, {@code completedBy}, evidence or note
     * @return the completion as stored
     */
    @POST
    @Consumes(LianxinRestClient.JSON_LD)
    JsonObject complete(@HeaderParam("Authorization") String authorization, JsonObject record);

    /**
     * The completion {@code id}.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @return the record
     */
    @GET
    @Path("{id}")
    JsonObject read(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);
}
