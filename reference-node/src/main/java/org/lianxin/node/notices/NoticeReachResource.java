package org.lianxin.node.notices;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.lianxin.node.federation.FederatedAnswers;
import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.QueryContext;
import org.lianxin.node.federation.SubtreeFanOut;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.nodes.NodeDescriptions;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Records;
import org.lianxin.node.records.References;
import org.lianxin.node.security.Access;

/**
 * {@code {base}/statistics/notice-reach}: a node's part of the reach of a notice of any node over a
 * subtree (spec 17.8), for its parent and for its own secretaries — numbers, never persons.
 */
@Path("/nodes/{node}/statistics/notice-reach")
@RequestScoped
public class NoticeReachResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @Inject
    FederationSettings settings;

    @Inject
    SubtreeFanOut subtree;

    @PathParam("node")
    String nodeId;

    @Context
    HttpHeaders headers;

    /** LX-NOTICE-12, -13. */
    @GET
    public Response reach(@QueryParam("organization") List<String> organizations, @QueryParam("notice") String notice,
                          @QueryParam("scope") String scope, @QueryParam("partial") String partial) throws Exception {
        LogicalNode node = nodes.node(nodeId);
        QueryContext context = QueryContext.of(headers, settings, node.base());
        if (notice == null || !notice.matches(References.ABSOLUTE_IRI)) {
            throw ProblemException.badRequest("notice is the absolute IRI of a notice.");
        }
        boolean withChildren = FederatedAnswers.subtreeScope(scope);
        List<Node> roots = FederatedAnswers.organizations(node, records, organizations, access.managed()); // LX-NOTICE-13
        Node iri = NodeFactory.createURI(notice);
        SubtreeFanOut.Summed<NoticeReach> reach = sum(subtree, node, roots, iri, context, withChildren, FederatedAnswers.flag(partial, "partial"));
        return json(reach.value().toJson().add("notice", notice)
                .add("organizations", JSON.createArrayBuilder(roots.stream().map(Node::getURI).toList()))
                .add("roots", JSON.createArrayBuilder(NodeDescriptions.authoritativeFor(node).stream().map(Node::getURI).toList()))
                .add("scope", withChildren ? "subtree" : "local")
                .add("completeness", reach.completeness().toJson()).build().toString());
    }

    /** The reach of {@code notice} over {@code roots}: this node's members, and its in-scope children's answers (17.8). */
    static SubtreeFanOut.Summed<NoticeReach> sum(SubtreeFanOut subtree, LogicalNode node, List<Node> roots, Node notice, QueryContext context,
                                                 boolean withChildren, boolean allowPartial) throws Exception {
        return subtree.sum(node, roots, context, withChildren, allowPartial, () -> NoticeReach.local(node, roots, notice),
                "/statistics/notice-reach", "notice=" + URLEncoder.encode(notice.getURI(), StandardCharsets.UTF_8),
                NoticeReach::fromJson, NoticeReach::plus, "not a notice reach answer");
    }

    static Response json(String body) {
        return Response.ok(body).type("application/json;charset=utf-8").build();
    }
}
