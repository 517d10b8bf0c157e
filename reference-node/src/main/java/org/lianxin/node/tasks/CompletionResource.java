package org.lianxin.node.tasks;

import java.io.InputStream;

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

import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.ListFilter;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Access;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/** {@code {base}/task-completions}: a branch says it did what a task asked (spec 13.8). */
@Path("/nodes/{node}/task-completions")
@RequestScoped
public class CompletionResource {

    private static final String ID = "{id: [A-Za-z0-9_-]{1,64}}";

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @Inject
    Completions completions;

    @PathParam("node")
    String nodeId;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    /** LX-TASK-15, -16. */
    @POST
    @Consumes("*/*")
    public Response complete(InputStream body) {
        LogicalNode node = nodes.node(nodeId);
        Record input = records.completionEndpoints().input(node, body, headers);
        return records.completionEndpoints().written(node, completions.complete(node, input, access), headers, 201);
    }

    /** The completions the caller may read, by branch. */
    @GET
    public Response list(@QueryParam("completedBy") String completedBy) {
        return records.completionEndpoints().list(nodes.node(nodeId), "/task-completions",
                new ListFilter().iri(completedBy, "completedBy", LX.completedBy).selection(), uri, headers, access);
    }

    @GET
    @Path(ID)
    public Response read(@PathParam("id") String id) {
        return records.completionEndpoints().read(nodes.node(nodeId), id, headers, access);
    }
}
