package org.lianxin.node.statistics;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
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
import org.lianxin.node.federation.ChildCall;
import org.lianxin.node.federation.Completeness;
import org.lianxin.node.federation.Completeness.NodeStatus;
import org.lianxin.node.federation.Completeness.Status;
import org.lianxin.node.federation.FanOut;
import org.lianxin.node.federation.Federation;
import org.lianxin.node.federation.FederatedAnswers;
import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.QueriesInFlight;
import org.lianxin.node.federation.QueryContext;
import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.federation.SubtreeScope;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.nodes.NodeDescriptions;
import org.lianxin.node.records.Records;

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
    Federation federation;

    @Inject
    FederationSettings settings;

    @Inject
    FanOut fanOut;

    @Inject
    QueriesInFlight inFlight;

    @Context
    HttpHeaders headers;

    @PathParam("node")
    String nodeId;

    @GET
    public Response members(@QueryParam("organization") List<String> organizations, @QueryParam("groupBy") String groupBy,
                            @QueryParam("scope") String scope, @QueryParam("partial") String partial) throws Exception {
        LogicalNode node = nodes.node(nodeId);
        QueryContext context = QueryContext.of(headers, settings);
        Grouping grouping = Grouping.of(groupBy);
        boolean subtree = FederatedAnswers.subtreeScope(scope);
        boolean allowPartial = FederatedAnswers.flag(partial, "partial");
        List<Node> roots = FederatedAnswers.organizations(node, records, organizations);
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
            JsonArrayBuilder groups = Json.createArrayBuilder();
            counts.forEach((key, count) -> groups.add(Json.createObjectBuilder().add("key", key).add("count", count)));
            JsonObject answer = Json.createObjectBuilder()
                    .add("organizations", Json.createArrayBuilder(roots.stream().map(Node::getURI).toList()))
                    .add("roots", Json.createArrayBuilder(NodeDescriptions.authoritativeFor(node).stream().map(Node::getURI).toList()))
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
        Set<String> localSubtree = SubtreeScope.localSubtree(node, roots);
        Map<Child, List<Node>> inScope = SubtreeScope.childrenIn(federation.state(node).children(), localSubtree);
        Map<String, URI> calls = new LinkedHashMap<>();
        Map<String, Child> childOfCall = new LinkedHashMap<>();
        Map<String, String> keyOfCall = new LinkedHashMap<>();
        inScope.forEach((child, childRoots) -> {
            if (!child.active()) {
                statuses.add(new NodeStatus(child.base(), Status.REJECTED, "registration suspended: " + child.reason(), null, 0));
                return;
            }
            if (grouping == Grouping.CHILD_ORGANIZATION) {
                // One call per root: its total counts under the sub-organization of the query's organization it lies under.
                for (Node root : childRoots) {
                    String call = child.base() + " " + root.getURI();
                    calls.put(call, statisticsUrl(child, List.of(root), Grouping.NONE));
                    childOfCall.put(call, child);
                    keyOfCall.put(call, FederatedAnswers.directlyUnder(node, child.roots().get(root.getURI()), root.getURI(), roots));
                }
            } else {
                calls.put(child.base(), statisticsUrl(child, childRoots, grouping));
                childOfCall.put(child.base(), child);
            }
        });
        List<String> callIds = new ArrayList<>(calls.keySet());
        List<ChildCall> outcomes = fanOut.get(calls, context);
        for (int i = 0; i < outcomes.size(); i++) {
            String callId = callIds.get(i);
            Child child = childOfCall.get(callId);
            ChildCall call = FederatedAnswers.renamed(outcomes.get(i), child.base());
            JsonObject answer = call.answered() ? FederatedAnswers.checked(federation, node, child, call, statuses) : null;
            if (answer == null) {
                continue;
            }
            Map<String, Long> childCounts = groupsOf(answer);
            if (childCounts == null) {
                statuses.add(new NodeStatus(child.base(), Status.FAILED, "not a statistics answer", null, call.elapsedMs()));
                continue;
            }
            if (grouping == Grouping.CHILD_ORGANIZATION) {
                long total = childCounts.values().stream().mapToLong(Long::longValue).sum();
                counts.merge(keyOfCall.get(callId), total, Long::sum);
            } else {
                childCounts.forEach((k, v) -> counts.merge(k, v, Long::sum));
            }
            statuses.addAll(Completeness.nodesOfAnswer(answer));
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
