package org.lianxin.node.tasks;

import java.io.InputStream;
import java.util.ArrayList;
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

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.RdfFormat;
import org.lianxin.node.rdf.RecordInput;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.Records;
import org.lianxin.node.records.References;
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
        Node iri = records.completions().iri(node, RecordCollection.newId());
        Record input = new Record(iri, RecordInput.readNew(body, RdfFormat.forContentType(headers.getMediaType()), iri));
        return records.completionEndpoints().written(node, completions.complete(node, input, access), headers, 201);
    }

    /** The completions the caller may read, by branch. */
    @GET
    public Response list(@QueryParam("completedBy") String completedBy) {
        List<String> patterns = new ArrayList<>();
        if (completedBy != null) {
            if (!completedBy.matches(References.ABSOLUTE_IRI)) {
                throw ProblemException.badRequest("completedBy is the absolute IRI of an organization."); // LX-CORE-37
            }
            patterns.add("?r <" + LX.completedBy.getURI() + "> " + NodeFmtLib.strNT(NodeFactory.createURI(completedBy)) + " .");
        }
        String live = patterns.isEmpty() ? "" : "GRAPH ?r { " + String.join("\n", patterns) + " }";
        return records.completionEndpoints().list(nodes.node(nodeId), "/task-completions", new RecordCollection.Selection(live, live),
                uri, headers, access);
    }

    @GET
    @Path(ID)
    public Response read(@PathParam("id") String id) {
        return records.completionEndpoints().read(nodes.node(nodeId), id, headers, access);
    }
}
