package org.lianxin.node.dues;

import java.time.YearMonth;
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
 * {@code {base}/statistics/dues}: expected and paid dues and the collection rate of a month over the
 * subtree of organizations (spec 9.7), a federated query like the member statistic: this node's own
 * sums, and its in-scope children's, asked in parallel; only numbers travel up.
 */
@Path("/nodes/{node}/statistics/dues")
@RequestScoped
public class DuesStatisticsResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    DuesRates rates;

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
    public Response collection(@QueryParam("organization") List<String> organizations, @QueryParam("month") String month,
                               @QueryParam("scope") String scope, @QueryParam("partial") String partial) throws Exception {
        LogicalNode node = nodes.node(nodeId);
        QueryContext context = QueryContext.of(headers, settings, node.base());
        YearMonth asked = DuesMonths.parse(month, "month").orElseThrow(() -> DuesMonths.missing("month"));
        boolean withChildren = FederatedAnswers.subtreeScope(scope);
        boolean allowPartial = FederatedAnswers.flag(partial, "partial");
        List<Node> roots = FederatedAnswers.organizations(node, records, organizations, access.managed()); // LX-DUES-26
        // LX-DUES-24: Table 9.15, one request per in-scope child; the sums are added, the rate computed after.
        SubtreeFanOut.Summed<DuesCollection> collection = subtree.sum(node, roots, context, withChildren, allowPartial,
                () -> LocalDuesCollection.of(node, roots, asked, rates), "/statistics/dues", "month=" + asked,
                DuesCollection::fromJson, DuesCollection::plus, "not a dues statistics answer");
        String answer = collection.value().toJson(roots, NodeDescriptions.authoritativeFor(node), asked, withChildren)
                .add("completeness", collection.completeness().toJson()).build().toString();
        return Response.ok(answer).type("application/json;charset=utf-8").build();
    }
}
