package org.lianxin.node.tasks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
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
import org.lianxin.node.federation.Completeness;
import org.lianxin.node.federation.FederatedAnswers;
import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.QueryContext;
import org.lianxin.node.federation.SubtreeFanOut;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.nodes.NodeDescriptions;
import org.lianxin.node.publications.FromAbove;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Access;

import static org.lianxin.node.rdf.JsonP.JSON;

/**
 * The two subtree statistics of tasks (spec 13.10, 13.11): the burden report at
 * {@code {base}/statistics/tasks} and a task's progress at {@code {base}/statistics/task-progress},
 * each computed where the branches are and added up the tree like the dues statistic.
 */
@Path("/nodes/{node}/statistics")
@RequestScoped
public class TaskStatisticsResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @Inject
    ReachingTasks reaching;

    @Inject
    TaskSettings hours;

    @Inject
    FederationSettings settings;

    @Inject
    SubtreeFanOut subtree;

    @PathParam("node")
    String nodeId;

    @Context
    HttpHeaders headers;

    /** LX-TASK-18: the burden report of the branches in the subtree, for a year or a month. */
    @GET
    @Path("tasks")
    public Response burden(@QueryParam("organization") List<String> organizations, @QueryParam("period") String period,
                           @QueryParam("scope") String scope, @QueryParam("partial") String partial) throws Exception {
        LogicalNode node = nodes.node(nodeId);
        QueryContext context = QueryContext.of(headers, settings, node.base());
        if (period == null || !period.matches("\\d{4}(-(0[1-9]|1[0-2]))?")) {
            throw ProblemException.badRequest("period is a year (yyyy) or a month (yyyy-mm).");
        }
        LocalDate from = period.length() == 4 ? Year.parse(period).atDay(1) : YearMonth.parse(period).atDay(1);
        LocalDate to = period.length() == 4 ? Year.parse(period).atMonth(12).atEndOfMonth() : YearMonth.parse(period).atEndOfMonth();
        boolean withChildren = FederatedAnswers.subtreeScope(scope);
        boolean allowPartial = FederatedAnswers.flag(partial, "partial");
        List<Node> roots = FederatedAnswers.organizations(node, records, organizations, access.managed()); // LX-TASK-19
        FromAbove.Seen<TaskSummary> seen = reaching.of(node, from, to);
        SubtreeFanOut.Summed<Burden> burden = subtree.sum(node, roots, context, withChildren, true,
                () -> Burden.local(node, roots, period, seen.items(), hours), "/statistics/tasks", "period=" + period,
                Burden::fromJson, Burden::plus, "not a task burden answer");
        // The tasks from above are part of this node's answer: the nodes asked for them count too (LX-TASK-14).
        List<Completeness.NodeStatus> statuses = new ArrayList<>(burden.completeness().nodes());
        statuses.addAll(seen.statuses());
        Completeness completeness = new Completeness(context.queryId(), java.time.Instant.now(), FederatedAnswers.merge(statuses));
        FederatedAnswers.requireComplete(completeness, allowPartial);
        return answer(burden.value().toJson().add("period", period), node, roots, withChildren, completeness);
    }

    /** LX-TASK-17: a node's part of a task's progress, asked by the node above with the caller's token. */
    @GET
    @Path("task-progress")
    public Response progress(@QueryParam("organization") List<String> organizations, @QueryParam("taskKey") String key,
                             @QueryParam("scope") String scope, @QueryParam("partial") String partial) throws Exception {
        LogicalNode node = nodes.node(nodeId);
        QueryContext context = QueryContext.of(headers, settings, node.base());
        if (key == null || key.isEmpty()) {
            throw ProblemException.badRequest("taskKey is the key of the task (13.5).");
        }
        boolean withChildren = FederatedAnswers.subtreeScope(scope);
        List<Node> roots = FederatedAnswers.organizations(node, records, organizations, access.managed()); // LX-TASK-19
        SubtreeFanOut.Summed<Progress> progress = subtree.sum(node, roots, context, withChildren, FederatedAnswers.flag(partial, "partial"),
                () -> Progress.local(node, roots, key), "/statistics/task-progress", "taskKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8),
                Progress::fromJson, Progress::plus, "not a task progress answer");
        return answer(progress.value().toJson().add("taskKey", key), node, roots, withChildren, progress.completeness());
    }

    /** A subtree statistic's answer: its numbers, what it is about, and its completeness report (Table 7.13). */
    private static Response answer(jakarta.json.JsonObjectBuilder numbers, LogicalNode node, List<Node> roots, boolean withChildren,
                                   Completeness completeness) {
        return TaskResource.json(numbers
                .add("organizations", JSON.createArrayBuilder(roots.stream().map(Node::getURI).toList()))
                .add("roots", JSON.createArrayBuilder(NodeDescriptions.authoritativeFor(node).stream().map(Node::getURI).toList()))
                .add("scope", withChildren ? "subtree" : "local")
                .add("completeness", completeness.toJson()).build().toString());
    }
}
