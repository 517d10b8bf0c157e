package org.lianxin.node.statistics;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import org.lianxin.node.federation.SubtreeFanOut;
import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.nodes.NodeDescriptions;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Access;

/**
 * {@code {base}/statistics/members}: member counts over the subtree of organizations, computed
 * where the members are. For the subtree, this node counts its own members and asks its children
 * in parallel; only numbers travel up. Every answer carries its completeness report.
 */
@Path("/nodes/{node}/statistics/members")
@RequestScoped
public class MemberStatisticsResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

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
    public Response members(@QueryParam("organization") List<String> organizations, @QueryParam("groupBy") String groupBy,
                            @QueryParam("scope") String scope, @QueryParam("partial") String partial) throws Exception {
        LogicalNode node = nodes.node(nodeId);
        QueryContext context = QueryContext.of(headers, settings, node.base());
        Grouping grouping = Grouping.of(groupBy);
        boolean subtree = FederatedAnswers.subtreeScope(scope);
        boolean allowPartial = FederatedAnswers.flag(partial, "partial");
        List<Node> roots = FederatedAnswers.organizations(node, records, organizations, access.managed()); // LX-SEC-26
        try (AutoCloseable running = inFlight.enter(node.base(), context)) {
            Instant started = Instant.now();
            Map<String, Long> counts = new TreeMap<>(LocalMemberCounts.count(node, roots, grouping, LocalDate.now()));
            List<NodeStatus> statuses = new ArrayList<>();
            statuses.add(new NodeStatus(node.base(), Status.ANSWERED, null, started, 0));
            if (subtree) {
                askChildren(node, roots, grouping, context, counts, statuses);
            }
            Completeness completeness = new Completeness(context.queryId(), Instant.now(), FederatedAnswers.merge(statuses));
            FederatedAnswers.requireComplete(completeness, allowPartial);
            JsonArrayBuilder groups = JSON.createArrayBuilder();
            counts.forEach((key, count) -> groups.add(JSON.createObjectBuilder().add("key", key).add("count", count)));
            JsonObject answer = JSON.createObjectBuilder()
                    .add("organizations", JSON.createArrayBuilder(roots.stream().map(Node::getURI).toList()))
                    .add("roots", JSON.createArrayBuilder(NodeDescriptions.authoritativeFor(node).stream().map(Node::getURI).toList()))
                    .add("groupBy", grouping.parameter())
                    .add("scope", subtree ? "subtree" : "local")
                    .add("total", counts.values().stream().mapToLong(Long::longValue).sum())
                    .add("groups", groups)
                    .add("completeness", completeness.toJson())
                    .build();
            return Response.ok(answer.toString()).type("application/json;charset=utf-8").build();
        }
    }

    /** Asks the children holding part of the subtree, merges their numbers and statuses. */
    private void askChildren(LogicalNode node, List<Node> roots, Grouping grouping, QueryContext context,
                             Map<String, Long> counts, List<NodeStatus> statuses) {
        var answers = subtree.ask(node, roots, context, statuses, (child, childRoots) -> grouping == Grouping.CHILD_ORGANIZATION
                // One call per root: its total counts under the sub-organization of the query's organization it lies under.
                ? childRoots.stream().map(root -> new SubtreeFanOut.Call(statisticsUrl(child, List.of(root), Grouping.NONE),
                        FederatedAnswers.directlyUnder(node, child.roots().get(root.getURI()), root.getURI(), roots))).toList()
                : List.of(new SubtreeFanOut.Call(statisticsUrl(child, childRoots, grouping), null)),
                MemberStatisticsResource::groupsOf, "not a statistics answer");
        for (var answer : answers) {
            if (grouping == Grouping.CHILD_ORGANIZATION) {
                counts.merge(answer.call().key(), answer.value().values().stream().mapToLong(Long::longValue).sum(), Long::sum);
            } else {
                answer.value().forEach((k, v) -> counts.merge(k, v, Long::sum));
            }
        }
    }

    /** Children are always asked with partial=true: their report says what is missing below them, and this node decides. */
    private static URI statisticsUrl(Child child, List<Node> roots, Grouping grouping) {
        String organizations = roots.stream().map(r -> "organization=" + URLEncoder.encode(r.getURI(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(child.base() + "/statistics/members?" + organizations + "&groupBy=" + grouping.parameter()
                + "&scope=subtree&partial=true");
    }

    /** The groups of a child's answer, or null when it is not a statistics answer. */
    private static Map<String, Long> groupsOf(JsonObject answer) {
        try {
            Map<String, Long> groups = new TreeMap<>();
            for (JsonValue g : answer.getJsonArray("groups")) {
                JsonObject group = g.asJsonObject();
                long count = ((JsonNumber) group.get("count")).longValueExact();
                if (count < 0) {
                    return null;
                }
                groups.merge(group.getString("key"), count, Long::sum);
            }
            return groups;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
