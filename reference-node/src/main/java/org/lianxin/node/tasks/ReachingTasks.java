package org.lianxin.node.tasks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.lianxin.node.federation.ChildCall;
import org.lianxin.node.federation.Completeness;
import org.lianxin.node.federation.Completeness.NodeStatus;
import org.lianxin.node.federation.Completeness.Status;
import org.lianxin.node.federation.Federation;
import org.lianxin.node.federation.FederationClient;
import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.OrganizationLine;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.security.NodeCredentials;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * The tasks that reach a node (spec 13.6): its own, and those of every node above, which its parent
 * tells it when asked at {@code {parent}/tasks/inbound} with the node's own credential. A parent
 * answers a child only about that child's registered roots (LX-TASK-12); the child then decides,
 * for its own organizations and its own callers, who sees what.
 */
@ApplicationScoped
public class ReachingTasks {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Federation federation;

    @Inject
    FederationClient client;

    @Inject
    NodeCredentials credentials;

    /** The tasks a node sees, and the completeness of that view: this node, and the nodes above that were asked. */
    public record Seen(List<TaskSummary> tasks, List<NodeStatus> statuses) {

        public Completeness completeness(String queryId) {
            return new Completeness(queryId, Instant.now(), org.lianxin.node.federation.FederatedAnswers.merge(statuses));
        }
    }

    /** The tasks not Cancelled, due between {@code from} and {@code to}, of this node and from above. */
    public Seen of(LogicalNode node, LocalDate from, LocalDate to) {
        List<TaskSummary> tasks = new ArrayList<>(local(node, from, to));
        List<NodeStatus> statuses = new ArrayList<>();
        statuses.add(new NodeStatus(node.base(), Status.ANSWERED, null, Instant.now(), 0));
        federation.state(node).parent().ifPresent(parent -> fromAbove(node, parent, from, to, tasks, statuses));
        return new Seen(List.copyOf(tasks), statuses);
    }

    /** This node's own tasks in the range, kept until the node's next write. */
    List<TaskSummary> local(LogicalNode node, LocalDate from, LocalDate to) {
        String query = "SELECT ?t WHERE { GRAPH ?t { ?t a <" + LX.Task.getURI() + "> ; <" + LX.dueDate.getURI() + "> ?due ; <"
                + LX.taskState.getURI() + "> ?state } FILTER (?state != <" + LX.NS + "Cancelled>) "
                + "FILTER (STR(?due) >= \"" + from + "\" && STR(?due) <= \"" + to + "\") } ORDER BY ?t";
        return node.store().derived("tasks " + from + " " + to, tx -> {
            List<TaskSummary> tasks = new ArrayList<>();
            for (var row : tx.select(QueryFactory.create(query))) {
                Node t = row.get(Var.alloc("t"));
                Graph g = tx.get(t).orElseThrow();
                Node issuer = Lifecycle.value(g, t, LX.issuedBy.asNode()).orElse(t);
                String name = tx.get(issuer).flatMap(o -> Lifecycle.value(o, issuer, SchemaOrg.name.asNode()))
                        .map(Node::getLiteralLexicalForm).orElse("");
                tasks.add(TaskSummary.of(t, g, node.base(), name));
            }
            return List.copyOf(tasks);
        });
    }

    private void fromAbove(LogicalNode node, String parent, LocalDate from, LocalDate to, List<TaskSummary> tasks, List<NodeStatus> statuses) {
        Optional<String> authorization = credentials.authorization(node, parent);
        if (authorization.isEmpty()) {
            statuses.add(new NodeStatus(parent, Status.FAILED, "this node has no credential to call other nodes", null, 0));
            return;
        }
        URI url = URI.create(parent + "/tasks/inbound?dueFrom=" + from + "&dueTo=" + to);
        ChildCall call = client.call(parent, HttpRequest.newBuilder(url).GET().header("Accept", "application/json"), TIMEOUT, authorization.get());
        Optional<JsonObject> answer = call.answered() ? call.json() : Optional.empty();
        if (answer.isEmpty() || !(answer.get().get("tasks") instanceof JsonArray list)) {
            statuses.add(new NodeStatus(parent, call.answered() ? Status.FAILED : call.status(),
                    call.answered() ? "not an inbound tasks answer" : call.reason(), null, call.elapsedMs()));
            return;
        }
        List<TaskSummary> above = new ArrayList<>();
        for (JsonValue v : list) {
            Optional<TaskSummary> summary = TaskSummary.fromJson(v);
            if (summary.isEmpty()) {
                statuses.add(new NodeStatus(parent, Status.FAILED, "not an inbound tasks answer", null, call.elapsedMs()));
                return;
            }
            above.add(summary.get());
        }
        try {
            statuses.addAll(Completeness.nodesOfAnswer(answer.get()));
        } catch (RuntimeException e) {
            statuses.add(new NodeStatus(parent, Status.FAILED, "not a valid completeness report", null, call.elapsedMs()));
            return;
        }
        tasks.addAll(above);
    }

    /**
     * LX-TASK-12: what this node tells its child {@code child}: the tasks it sees that reach one of
     * the child's roots, each with the roots it reaches.
     */
    public List<TaskSummary> forChild(LogicalNode node, Child child, Seen seen) {
        Map<Node, List<Node>> lines = node.store().read(tx -> {
            Map<Node, List<Node>> byRoot = new java.util.LinkedHashMap<>();
            child.roots().forEach((root, superior) -> byRoot.put(NodeFactory.createURI(root),
                    OrganizationLine.ofChildRoot(node, tx, NodeFactory.createURI(root), NodeFactory.createURI(superior))));
            return byRoot;
        });
        List<TaskSummary> reaching = new ArrayList<>();
        for (TaskSummary task : seen.tasks()) {
            List<Node> roots = lines.entrySet().stream().filter(e -> task.reaches(e.getValue())).map(Map.Entry::getKey).toList();
            if (!roots.isEmpty()) {
                reaching.add(task.reaching(roots));
            }
        }
        reaching.sort(java.util.Comparator.comparing(TaskSummary::dueDate).thenComparing(t -> t.id().getURI())); // Table 13.10
        return reaching;
    }
}
