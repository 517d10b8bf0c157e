package org.lianxin.node.service;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.apache.jena.graph.Node;
import org.lianxin.node.federation.FederatedAnswers;
import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.QueryContext;
import org.lianxin.node.federation.SubtreeFanOut;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.nodes.NodeDescriptions;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Access;

/**
 * {@code {base}/statistics/service}: how a subtree serves its residents (spec 18.8) — a federated
 * query like the dues statistic: this node's own part and its in-scope children's, asked in
 * parallel; only numbers travel, never a request, a resident or a contact (LX-SERVICE-14).
 */
@Path("/nodes/{node}/statistics/service")
@RequestScoped
public class ServiceStatisticsResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    ServiceSettings service;

    @Inject
    FederationSettings settings;

    @Inject
    SubtreeFanOut subtree;

    @Inject
    Access access;

    @Context
    HttpHeaders headers;

    @PathParam("node")
    String nodeId;

    @GET
    public Response statistic(@QueryParam("organization") List<String> organizations, @QueryParam("scope") String scope,
                              @QueryParam("partial") String partial) throws Exception {
        LogicalNode node = nodes.node(nodeId);
        QueryContext context = QueryContext.of(headers, settings, node.base());
        boolean withChildren = FederatedAnswers.subtreeScope(scope);
        boolean allowPartial = FederatedAnswers.flag(partial, "partial");
        List<Node> roots = FederatedAnswers.organizations(node, records, organizations, access.managed()); // LX-SERVICE-16
        SubtreeFanOut.Summed<ServiceStatistics> sum = subtree.sum(node, roots, context, withChildren, allowPartial,
                () -> LocalServiceStatistics.of(node, roots, service.answerWithin()), "/statistics/service", "",
                ServiceStatistics::fromJson, ServiceStatistics::plus, "not a service statistics answer");
        String answer = sum.value().toJson(roots, NodeDescriptions.authoritativeFor(node), service.answerWithinText(), withChildren)
                .add("completeness", sum.completeness().toJson()).build().toString();
        return Response.ok(answer).type("application/json;charset=utf-8").build();
    }
}
