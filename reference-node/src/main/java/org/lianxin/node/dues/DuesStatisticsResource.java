package org.lianxin.node.dues;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
import org.lianxin.node.federation.Completeness;
import org.lianxin.node.federation.Completeness.NodeStatus;
import org.lianxin.node.federation.Completeness.Status;
import org.lianxin.node.federation.FederatedAnswers;
import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.QueriesInFlight;
import org.lianxin.node.federation.QueryContext;
import org.lianxin.node.federation.Registrations.Child;
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
    QueriesInFlight inFlight;

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
        try (AutoCloseable running = inFlight.enter(node.base(), context)) {
            Instant started = Instant.now();
            DuesCollection collection = LocalDuesCollection.of(node, roots, asked, rates);
            List<NodeStatus> statuses = new ArrayList<>();
            statuses.add(new NodeStatus(node.base(), Status.ANSWERED, null, started, 0));
            if (withChildren) {
                // LX-DUES-24: Table 9.15, one request per in-scope child; the sums are added, the rate computed after.
                for (var answer : subtree.ask(node, roots, context, statuses,
                        (child, childRoots) -> List.of(new SubtreeFanOut.Call(collectionUrl(child, childRoots, asked), null)),
                        DuesCollection::fromJson, "not a dues statistics answer")) {
                    collection = collection.plus(answer.value());
                }
            }
            Completeness completeness = new Completeness(context.queryId(), Instant.now(), FederatedAnswers.merge(statuses));
            FederatedAnswers.requireComplete(completeness, allowPartial);
            String answer = collection.toJson(roots, NodeDescriptions.authoritativeFor(node), asked, withChildren)
                    .add("completeness", completeness.toJson()).build().toString();
            return Response.ok(answer).type("application/json;charset=utf-8").build();
        }
    }

    /** Children are asked with partial=true: their report says what is missing below them, and this node decides. */
    private static URI collectionUrl(Child child, List<Node> roots, YearMonth month) {
        String organizations = roots.stream().map(r -> "organization=" + URLEncoder.encode(r.getURI(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(child.base() + "/statistics/dues?" + organizations + "&month=" + month + "&scope=subtree&partial=true");
    }
}
