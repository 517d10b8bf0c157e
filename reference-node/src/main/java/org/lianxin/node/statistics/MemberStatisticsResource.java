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
    Federation federation;

    @Inject
    FederationSettings settings;

    @Inject
    FanOut fanOut;

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
        // One round per root index: a child with several roots is asked about them one after the other,
        // since parallel requests with one query id would look like a loop to it (LX-FED-21).
        List<Map<String, URI>> rounds = new ArrayList<>();
        Map<String, Integer> callsPerChild = new LinkedHashMap<>();
        calls.forEach((callId, url) -> {
            int round = callsPerChild.merge(childOfCall.get(callId).base(), 1, Integer::sum) - 1;
            while (rounds.size() <= round) {
                rounds.add(new LinkedHashMap<>());
            }
            rounds.get(round).put(callId, url);
        });
        for (Map<String, URI> round : rounds) {
            List<String> callIds = new ArrayList<>(round.keySet());
            List<ChildCall> outcomes = fanOut.get(round, context);
            for (int i = 0; i < outcomes.size(); i++) {
                merge(node, grouping, callIds.get(i), childOfCall.get(callIds.get(i)), keyOfCall.get(callIds.get(i)),
                        outcomes.get(i), counts, statuses);
            }
        }
    }

    /** Merges one child's answer, after checking it, into the counts and the statuses. */
    private void merge(LogicalNode node, Grouping grouping, String callId, Child child, String key, ChildCall outcome,
                       Map<String, Long> counts, List<NodeStatus> statuses) {
        ChildCall call = FederatedAnswers.renamed(outcome, child.base());
        if (!call.answered()) {
            statuses.add(new NodeStatus(child.base(), call.status(), call.reason(), null, call.elapsedMs()));
            return;
        }
        JsonObject answer = FederatedAnswers.checked(federation, node, child, call, statuses);
        if (answer == null) {
            return;
        }
        if (!asked(answer, child)) {
            // LX-FED-36: an answer about organizations outside the child's reach is dropped whole.
            statuses.add(new NodeStatus(child.base(), Status.REJECTED, "answer outside its subtree", null, call.elapsedMs()));
            return;
        }
        Map<String, Long> childCounts = groupsOf(answer);
        if (childCounts == null) {
            statuses.add(new NodeStatus(child.base(), Status.FAILED, "not a statistics answer", null, call.elapsedMs()));
            return;
        }
        if (grouping == Grouping.CHILD_ORGANIZATION) {
            counts.merge(key, childCounts.values().stream().mapToLong(Long::longValue).sum(), Long::sum);
        } else {
            childCounts.forEach((k, v) -> counts.merge(k, v, Long::sum));
        }
        statuses.addAll(Completeness.nodesOfAnswer(answer));
    }

    /** The answer is about organizations of the child's registered roots, as asked. */
    private static boolean asked(JsonObject answer, Child child) {
        if (!(answer.get("organizations") instanceof jakarta.json.JsonArray organizations)) {
            return false;
        }
        return organizations.stream().allMatch(o -> o instanceof jakarta.json.JsonString s && child.roots().containsKey(s.getString()));
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
