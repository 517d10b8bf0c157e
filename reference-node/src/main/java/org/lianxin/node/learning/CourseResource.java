package org.lianxin.node.learning;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.QueryContext;
import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.publications.FromAbove;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.ListFilter;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Access;
import org.lianxin.node.security.CurrentCaller;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/** {@code {base}/courses}: the courses this node's organizations publish (spec 16.4). */
@Path("/nodes/{node}/courses")
@RequestScoped
public class CourseResource {

    private static final String ID = "{id: [A-Za-z0-9_-]{1,64}}";

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @Inject
    Courses courses;

    @Inject
    FromAbove fromAbove;

    @Inject
    CurrentCaller current;

    @Inject
    FederationSettings settings;

    @PathParam("node")
    String nodeId;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    /** LX-LEARN-2: publishes a course. */
    @POST
    @Consumes("*/*")
    public Response publish(InputStream body) {
        LogicalNode node = node();
        Record stored = courses.publish(node, records.courseEndpoints().input(node, body, headers), access);
        return records.courseEndpoints().written(node, stored, headers, 201);
    }

    /** LX-LEARN-6: the courses the caller may read, by state and publisher. */
    @GET
    public Response list(@QueryParam("state") String state, @QueryParam("publishedBy") String publishedBy) {
        ListFilter filter = new ListFilter().term(state, "state", LX.courseState, List.of("Published", "Withdrawn"))
                .iri(publishedBy, "publishedBy", LX.publishedBy);
        return records.courseEndpoints().list(node(), "/courses", filter.selection(), uri, headers, access);
    }

    /** LX-LEARN-6, -19. */
    @GET
    @Path(ID)
    public Response read(@PathParam("id") String id) {
        return records.courseEndpoints().read(node(), id, headers, access);
    }

    /** LX-LEARN-7. */
    @POST
    @Path(ID + "/withdraw")
    @Consumes("*/*")
    public Response withdraw(@PathParam("id") String id) {
        LogicalNode node = node();
        Record seen = records.courses().live(node, id, access);
        return records.courseEndpoints().written(node, courses.withdraw(node, seen, access), headers);
    }

    /** LX-LEARN-9: a registered child asks, with its node credential, which courses from here and above reach its roots. */
    @GET
    @Path("inbound")
    public Response inbound(@QueryParam("dueFrom") String dueFrom, @QueryParam("dueTo") String dueTo) {
        LogicalNode node = node();
        Child child = fromAbove.callingChild(node, current.get().orElseThrow(), "courses");
        LocalDate today = LocalDate.now(Lifecycle.CHINA);
        FromAbove.Seen<CourseSummary> seen = courses.seen(node, FromAbove.day(dueFrom, "dueFrom", today.minusDays(366)),
                FromAbove.day(dueTo, "dueTo", LocalDate.of(9999, 12, 31)));
        var list = JSON.createArrayBuilder();
        fromAbove.forChild(node, child, seen.items(), Comparator.comparing(CourseSummary::dueDate).thenComparing(c -> c.id().getURI())) // Table 16.8
                .forEach(c -> list.add(c.toJson()));
        String queryId = QueryContext.of(headers, settings, node.base()).queryId();
        return Response.ok(JSON.createObjectBuilder().add("courses", list).add("completeness", seen.completeness(queryId).toJson()).build().toString())
                .type("application/json;charset=utf-8").build();
    }

    private LogicalNode node() {
        return nodes.node(nodeId);
    }
}
