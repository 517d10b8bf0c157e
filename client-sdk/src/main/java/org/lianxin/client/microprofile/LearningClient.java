package org.lianxin.client.microprofile;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Remote education, {@code {base}/courses}, {@code {base}/study-records} and a member's courses
 * (spec chapter 16). The completion statistic is {@link StatisticsClient#learning}.
 */
@RegisterRestClient(configKey = LianxinRestClient.CONFIG_KEY)
@Path("/")
public interface LearningClient {

    /**
     * A page of the courses published on this node that the caller may read.
     *
     * @param authorization the Authorization header
     * @param state         Published or Withdrawn, or null
     * @param publishedBy   the publisher's IRI, or null
     * @param modifiedSince only courses changed since this xsd:dateTime, or null
     * @param limit         the page size, or null
     * @param cursor        the cursor of a {@code next} URL, or null
     * @return the page
     */
    @GET
    @Path("courses")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject list(@HeaderParam("Authorization") String authorization, @QueryParam("state") String state,
                    @QueryParam("publishedBy") String publishedBy, @QueryParam("modifiedSince") String modifiedSince,
                    @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    /**
     * Publishes a course for the publisher's subtree.
     *
     * @param authorization the Authorization header
     * @param record        the Course record, without {@code id}
     * @return the course as stored, Published
     */
    @POST
    @Path("courses")
    @Consumes(LianxinRestClient.JSON_LD)
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject publish(@HeaderParam("Authorization") String authorization, JsonObject record);

    /**
     * The course {@code id}.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @return the record
     */
    @GET
    @Path("courses/{id}")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject read(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /**
     * Withdraws the course: it leaves every course list at once.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @return the record, Withdrawn
     */
    @POST
    @Path("courses/{id}/withdraw")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject withdraw(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /**
     * A page of the study records the caller may read.
     *
     * @param authorization the Authorization header
     * @param learner       only the records of this member (its IRI), or null
     * @param course        only the records of this course (its IRI), or null
     * @param modifiedSince only records changed since this xsd:dateTime, or null
     * @param limit         the page size, or null
     * @param cursor        the cursor of a {@code next} URL, or null
     * @return the page
     */
    @GET
    @Path("study-records")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject studyRecords(@HeaderParam("Authorization") String authorization, @QueryParam("learner") String learner,
                            @QueryParam("course") String course, @QueryParam("modifiedSince") String modifiedSince,
                            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    /**
     * Records what a member studied of a course: the first record of the learner and the course.
     *
     * @param authorization the Authorization header, the member's or a secretary's of the member's branch
     * @param record        the StudyRecord record, without {@code id}
     * @return the record as stored
     */
    @POST
    @Path("study-records")
    @Consumes(LianxinRestClient.JSON_LD)
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject study(@HeaderParam("Authorization") String authorization, JsonObject record);

    /**
     * The study record {@code id}.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @return the record
     */
    @GET
    @Path("study-records/{id}")
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject studyRecord(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /**
     * Replaces the study record {@code id} of the same learner and course.
     *
     * @param authorization the Authorization header
     * @param id            its id on the node
     * @param record        the record, its {@code id} the record's IRI
     * @return the record as stored
     */
    @PUT
    @Path("study-records/{id}")
    @Consumes(LianxinRestClient.JSON_LD)
    @Produces(LianxinRestClient.JSON_LD)
    JsonObject replaceStudyRecord(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, JsonObject record);

    /**
     * The courses the member {@code id} is assigned today, of every level, with what the member did of
     * each and the completeness of the nodes above.
     *
     * @param authorization the Authorization header
     * @param id            the member's id on the node
     * @return the course list
     */
    @GET
    @Path("members/{id}/courses")
    @Produces(LianxinRestClient.JSON)
    JsonObject courses(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);
}
