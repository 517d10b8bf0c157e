package org.lianxin.node.learning;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.QueryContext;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Access;
import org.lianxin.node.store.Record;

/** {@code {base}/members/{id}/courses}: a member's courses from every level, with what they studied (LX-LEARN-14, -15). */
@Path("/nodes/{node}/members/{id: [A-Za-z0-9_-]{1,64}}/courses")
@RequestScoped
public class MemberCoursesResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @Inject
    CourseList courseList;

    @Inject
    FederationSettings settings;

    @PathParam("node")
    String nodeId;

    @PathParam("id")
    String id;

    @Context
    HttpHeaders headers;

    @GET
    public Response courses() {
        LogicalNode node = nodes.node(nodeId);
        Record member = records.members().live(node, id, access); // the member themself, or the managers of their branch (LX-LEARN-14)
        CourseList.Listed listed = courseList.of(node, member.iri(), member.graph());
        String queryId = QueryContext.of(headers, settings, node.base()).queryId();
        return Response.ok(CourseList.toJson(member.iri(), listed.entries(), listed.seen().completeness(queryId)).toString())
                .type("application/json;charset=utf-8").build();
    }
}
