package org.lianxin.node.nodes;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.health.Readiness;

import org.apache.jena.graph.NodeFactory;
import org.lianxin.node.rdf.RdfFormat;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.SecurityReadiness;
import org.lianxin.node.security.TokenVerifier;
import org.lianxin.node.store.Record;

/** Node descriptions: one per hosted node, and the host's list of the nodes it hosts. */
@Path("/")
@RequestScoped
public class NodeDescriptionResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    @Readiness // the qualifier of health checks
    SecurityReadiness security;

    @Inject
    TokenVerifier tokens;

    @Context
    HttpHeaders headers;

    /** LX-SEC-56: where a client gets a token; left out while the node has no issuer (LX-SEC-15). */
    private Optional<String> issuer() {
        return security.problem().isEmpty() ? Optional.of(tokens.issuer()) : Optional.empty();
    }

    @GET
    @Path("nodes/{node}/.well-known/lianxin")
    public Response describe(@PathParam("node") String id) {
        RdfFormat format = RdfFormat.forAccept(headers.getHeaderString(HttpHeaders.ACCEPT));
        LogicalNode node = nodes.node(id);
        Record description = new Record(NodeFactory.createURI(node.base()), NodeDescriptions.describe(node, issuer()));
        return records.representations().record(node.base(), description, format, 200)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /** LX-CORE-7: the host's list of the nodes it serves, as a page of their descriptions. */
    @GET
    @Path(".well-known/lianxin")
    public Response host() {
        RdfFormat format = RdfFormat.forAccept(headers.getHeaderString(HttpHeaders.ACCEPT));
        List<Record> descriptions = nodes.all().stream()
                .map(node -> new Record(NodeFactory.createURI(node.base()), NodeDescriptions.describe(node, issuer())))
                .toList();
        String contextNode = nodes.all().stream().findFirst().map(LogicalNode::base).orElse(nodes.origin());
        return records.representations().page(contextNode, nodes.origin() + "/.well-known/lianxin", descriptions, null, format)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }
}
