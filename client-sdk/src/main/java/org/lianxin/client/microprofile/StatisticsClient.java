package org.lianxin.client.microprofile;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The federated statistics, {@code {base}/statistics/...}: plain JSON with a completeness report; a
 * 424 when a node below did not answer, unless {@code partial} is true.
 */
@RegisterRestClient(configKey = LianxinRestClient.CONFIG_KEY)
@Path("/statistics")
@Produces(LianxinRestClient.JSON)
public interface StatisticsClient {

    /**
     * Member counts over organizations (spec 7.9).
     *
     * @param authorization the Authorization header
     * @param organizations the organizations, IRIs or ids
     * @param groupBy       none, stage, gender, ethnicity, education, ageBand, orgType or childOrganization; null for none
     * @param scope         local or subtree; null for subtree
     * @param partial       true to take an incomplete answer, or null
     * @return the statistic, with {@code completeness}
     */
    @GET
    @Path("members")
    JsonObject members(@HeaderParam("Authorization") String authorization, @QueryParam("organization") List<String> organizations,
                       @QueryParam("groupBy") String groupBy, @QueryParam("scope") String scope, @QueryParam("partial") Boolean partial);

    /**
     * The dues collection of a month (spec 9.7).
     *
     * @param authorization the Authorization header
     * @param organizations the organizations, IRIs or ids
     * @param month         the month, yyyy-MM
     * @param scope         local or subtree; null for subtree
     * @param partial       true to take an incomplete answer, or null
     * @return the statistic, with {@code completeness}
     */
    @GET
    @Path("dues")
    JsonObject dues(@HeaderParam("Authorization") String authorization, @QueryParam("organization") List<String> organizations,
                    @QueryParam("month") String month, @QueryParam("scope") String scope, @QueryParam("partial") Boolean partial);

    /**
     * Meeting compliance over a year (spec 12.5).
     *
     * @param authorization the Authorization header
     * @param organizations the organizations, IRIs or ids
     * @param year          the year
     * @param through       the last month counted, yyyy-MM, or null
     * @param scope         local or subtree; null for subtree
     * @param partial       true to take an incomplete answer, or null
     * @return the statistic, with {@code completeness}
     */
    @GET
    @Path("compliance")
    JsonObject compliance(@HeaderParam("Authorization") String authorization, @QueryParam("organization") List<String> organizations,
                          @QueryParam("year") int year, @QueryParam("through") String through, @QueryParam("scope") String scope,
                          @QueryParam("partial") Boolean partial);

    /**
     * The burden report of tasks over a period (spec 13.11).
     *
     * @param authorization the Authorization header
     * @param organizations the organizations, IRIs or ids
     * @param period        yyyy or yyyy-MM
     * @param scope         local or subtree; null for subtree
     * @param partial       true to take an incomplete answer, or null
     * @return the report, with {@code completeness}
     */
    @GET
    @Path("tasks")
    JsonObject tasks(@HeaderParam("Authorization") String authorization, @QueryParam("organization") List<String> organizations,
                     @QueryParam("period") String period, @QueryParam("scope") String scope, @QueryParam("partial") Boolean partial);

    /**
     * The completion of a course, or of the courses due in a period (spec 16.8).
     *
     * @param authorization the Authorization header
     * @param organizations the organizations, IRIs or ids
     * @param course        the course's IRI, or null with a period
     * @param period        yyyy or yyyy-MM, or null with a course
     * @param scope         local or subtree; null for subtree
     * @param partial       true to take an incomplete answer, or null
     * @return the statistic, with {@code completeness}
     */
    @GET
    @Path("learning")
    JsonObject learning(@HeaderParam("Authorization") String authorization, @QueryParam("organization") List<String> organizations,
                        @QueryParam("course") String course, @QueryParam("period") String period, @QueryParam("scope") String scope,
                        @QueryParam("partial") Boolean partial);

    /**
     * The reach of a notice over organizations of this node (spec 17.8).
     *
     * @param authorization the Authorization header
     * @param organizations the organizations, IRIs or ids
     * @param notice        the notice's IRI, on this node or a node above
     * @param scope         local or subtree; null for subtree
     * @param partial       true to take an incomplete answer, or null
     * @return the reach, with {@code completeness}
     */
    @GET
    @Path("notice-reach")
    JsonObject noticeReach(@HeaderParam("Authorization") String authorization, @QueryParam("organization") List<String> organizations,
                           @QueryParam("notice") String notice, @QueryParam("scope") String scope, @QueryParam("partial") Boolean partial);

    /**
     * How the requests of residents were served (spec 18.8).
     *
     * @param authorization the Authorization header
     * @param organizations the organizations, IRIs or ids
     * @param scope         local or subtree; null for subtree
     * @param partial       true to take an incomplete answer, or null
     * @return the statistic, with {@code completeness}
     */
    @GET
    @Path("service")
    JsonObject service(@HeaderParam("Authorization") String authorization, @QueryParam("organization") List<String> organizations,
                       @QueryParam("scope") String scope, @QueryParam("partial") Boolean partial);
}
