package org.lianxin.node.nodes;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.apache.jena.graph.NodeFactory;
import org.lianxin.node.rdf.RdfFormat;
import org.lianxin.node.records.Records;
import org.lianxin.node.store.Record;

/** Node descriptions: one per hosted node, and the host's list of the nodes it hosts. */
@Path("/")
@RequestScoped
public class NodeDescriptionResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Context
    HttpHeaders headers;

    @GET
    @Path("nodes/{node}/.well-known/lianxin")
    public Response describe(@PathParam("node") String id) {
        RdfFormat format = RdfFormat.forAccept(headers.getHeaderString(HttpHeaders.ACCEPT));
        LogicalNode node = nodes.node(id);
        Record description = new Record(NodeFactory.createURI(node.base()), NodeDescriptions.describe(node));
        return records.representations().record(node.base(), description, format, 200).build();
    }

    /** The host's list: every node this process hosts, by base URL and description URL. */
    @GET
    @Path(".well-known/lianxin")
    public Response host() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (LogicalNode node : nodes.all()) {
            list.add(Json.createObjectBuilder()
                    .add("id", node.id())
                    .add("base", node.base())
                    .add("description", node.base() + "/.well-known/lianxin"));
        }
        return Response.ok(Json.createObjectBuilder().add("nodes", list).build().toString())
                .type("application/json;charset=utf-8").build();
    }
}
