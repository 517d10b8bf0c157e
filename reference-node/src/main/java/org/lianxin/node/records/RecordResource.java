package org.lianxin.node.records;

import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;

/**
 * The routes every record collection has (spec 3.8, 3.9): create, read, replace and delete one
 * record. A collection's resource adds its list and whatever else is its own.
 */
public abstract class RecordResource {

    /** A record id in a path: what no record can have is a 404 without looking. */
    protected static final String ID = "{id: [A-Za-z0-9_-]{1,64}}";

    @Inject
    protected HostedNodes nodes;

    @Inject
    protected Records records;

    /** The caller's rights: every route of a collection is guarded (spec 8.6). */
    @Inject
    protected org.lianxin.node.security.Access access;

    @PathParam("node")
    protected String nodeId;

    @Context
    protected HttpHeaders headers;

    @Context
    protected UriInfo uri;

    /** The HTTP side of this resource's collection. */
    protected abstract RecordEndpoints endpoints();

    protected LogicalNode node() {
        return nodes.node(nodeId);
    }

    @POST
    @Consumes("*/*")
    public Response create(InputStream body) {
        return endpoints().create(node(), body, headers, access);
    }

    @GET
    @Path(ID)
    public Response read(@PathParam("id") String id) {
        return endpoints().read(node(), id, headers, access);
    }

    @PUT
    @Path(ID)
    @Consumes("*/*")
    public Response replace(@PathParam("id") String id, InputStream body) {
        return endpoints().replace(node(), id, body, headers, access);
    }

    @DELETE
    @Path(ID)
    public Response delete(@PathParam("id") String id) {
        return endpoints().delete(node(), id, access);
    }
}
