package org.lianxin.node.spec;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.spec.SpecResources;

/**
 * The spec's own machine-readable files, served by every node from the spec jar: the JSON-LD context
 * its answers refer to (so no client ever fetches it from elsewhere), the vocabulary, the shapes
 * every write is checked against, and the requirement manifest.
 */
@Path("/nodes/{node}/spec")
@RequestScoped
public class SpecFileResource {

    /** All the shapes files as one Turtle document, written once. */
    private static final String SHAPES = turtle(SpecResources.shapesGraph());

    @Inject
    HostedNodes nodes;

    @GET
    @Path("context.jsonld")
    public Response context(@PathParam("node") String node) {
        return file(node, SpecResources.contextJson(), "application/ld+json");
    }

    @GET
    @Path("vocabulary.ttl")
    public Response vocabulary(@PathParam("node") String node) {
        return file(node, SpecResources.text(SpecResources.VOCABULARY), "text/turtle");
    }

    @GET
    @Path("shapes.ttl")
    public Response shapes(@PathParam("node") String node) {
        return file(node, SHAPES, "text/turtle");
    }

    @GET
    @Path("requirements.ttl")
    public Response requirements(@PathParam("node") String node) {
        return file(node, SpecResources.text(SpecResources.REQUIREMENTS), "text/turtle");
    }

    private static String turtle(org.apache.jena.graph.Graph graph) {
        java.io.StringWriter out = new java.io.StringWriter();
        org.apache.jena.riot.RDFDataMgr.write(out, graph, org.apache.jena.riot.RDFFormat.TURTLE_PRETTY);
        return out.toString();
    }

    private Response file(String node, String content, String mediaType) {
        nodes.node(node); // 404 for a node this process does not host
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(content).type(mediaType + ";charset=utf-8").cacheControl(cache).build();
    }
}
