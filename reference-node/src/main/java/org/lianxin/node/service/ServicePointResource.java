package org.lianxin.node.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.lianxin.node.nodes.HostedNodes;

/** {@code {base}/service-points}: where residents send their requests (spec 18.2, LX-SERVICE-2). */
@Path("/nodes/{node}/service-points")
@RequestScoped
public class ServicePointResource {

    @Inject
    HostedNodes nodes;

    @PathParam("node")
    String nodeId;

    @GET
    public Response list() {
        return Response.ok(ServicePoints.of(nodes.node(nodeId)).toString()).type("application/json;charset=utf-8").build();
    }
}
