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
 * Service to the people, {@code {base}/service-points} and {@code {base}/service-requests} (spec
 * chapter 18). Replies, ratings and assignments take plain JSON bodies and answer with the request;
 * the statistic is {@link StatisticsClient#service}.
 */
@RegisterRestClient(configKey = LianxinRestClient.CONFIG_KEY)
@Path("/")
public interface ServiceClient {

    /**
     * The organizations of this node that serve residents.
     *
     * @param authorization the Authorization header, any valid token, a resident's included
     * @return {@code items}: organization, name and serviceArea of each
     */
    @GET
    @Path("service-points")
    @Produces(LianxinRestClient.JSON)
    JsonObject points(@HeaderParam("Authorization") String authorization);

    /**
     * A page of the requests the caller may read, contacts masked.
     *
     * @param authorization the Authorization header
     * @param state         Open, Answered or Closed, or null
     * @param organization  only those sent, escalated or assigned to this organization (its IRI), or null
     * @param modifiedSince only requests changed since this xsd:dateTime, or null
     * @param limit         the page size, or null
     * @param cursor        the cursor of a {@code next} URL, or null
     * @return the page
     */
    @GET
    @Path("service-requests")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject list(@HeaderParam("Authorization") String authorization, @QueryParam("state") String state,
                    @QueryParam("organization") String organization, @QueryParam("modifiedSince") String modifiedSince,
                    @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    /**
     * As a resident, sends a request to a service point.
     *
     * @param authorization the Authorization header, a resident's token
     * @param record        the ServiceRequest record: {@code serviceCategory}, {@code text}, {@code sentTo}, {@code contact}, perhaps {@code name}
     * @return the request as stored, Open, its contact masked
     */
    @POST
    @Path("service-requests")
    @Consumes(LianxinRestClient.JSON_LD)
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject send(@HeaderParam("Authorization") String authorization, JsonObject record);

    /**
     * The request {@code id} with its replies: the contact masked, or in full with a purpose (URL-encoded), which the node audits.
     *
     * @param authorization the Authorization header
     * @param purpose       the Lianxin-Purpose header, URL-encoded, or null for a masked read
     * @param id            its id on the node
     * @return the record
     */
    @GET
    @Path("service-requests/{id}")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject read(@HeaderParam("Authorization") String authorization, @HeaderParam("Lianxin-Purpose") String purpose,
                    @PathParam("id") String id);

    /**
     * Replies for the service point or as the member assigned, or follows up as the resident.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param body          {@code {"text": ...}}
     * @return the record
     */
    @POST
    @Path("service-requests/{id}/replies")
    @Consumes(LianxinRestClient.JSON)
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject reply(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, JsonObject body);

    /**
     * As the resident, rates the answer: the request is Closed.
     *
     * @param authorization the Authorization header, the resident's
     * @param id            its id on the node
     * @param body          {@code {"rating": 1..5, "comment": ...}}
     * @return the record
     */
    @POST
    @Path("service-requests/{id}/rating")
    @Consumes(LianxinRestClient.JSON)
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject rate(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, JsonObject body);

    /**
     * Closes the request, as its resident or for the service point.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @return the record, Closed
     */
    @POST
    @Path("service-requests/{id}/close")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject close(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /**
     * For the service point, charges a member or an organization of its subtree with the request.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param body          {@code {"assignedTo": IRI}}
     * @return the record, with its {@code assignedTo}
     */
    @POST
    @Path("service-requests/{id}/assignment")
    @Consumes(LianxinRestClient.JSON)
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject assign(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, JsonObject body);
}
