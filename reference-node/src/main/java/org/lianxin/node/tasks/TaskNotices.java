package org.lianxin.node.tasks;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.lianxin.node.events.Event;
import org.lianxin.node.events.EventLog;
import org.lianxin.node.federation.Courier;
import org.lianxin.node.federation.Federation;
import org.lianxin.node.federation.FederationClient;
import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.federation.SubtreeScope;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.JsonP;
import org.lianxin.node.security.Caller;
import org.lianxin.node.security.NodeCredentials;

/**
 * Tells the nodes below of a new task, so that their subscribers see it at once (spec 13.9,
 * LX-TASK-22): a notice to each child whose roots the task reaches, which announces it and passes
 * it on. A notice is tried a few times; the inbox, asked live, stays the authority.
 */
@ApplicationScoped
public class TaskNotices {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 4;

    @Inject
    Federation federation;

    @Inject
    FederationClient client;

    @Inject
    NodeCredentials credentials;

    private final Courier courier = new Courier("task-notices", attempt -> Duration.ofSeconds(1L << Math.min(attempt, 4)), ATTEMPTS);

    @PreDestroy
    void stop() {
        courier.close();
    }

    /** Passes {@code task}, which reaches the subtrees of {@code reached} (organizations of this node), to the children below them. */
    public void pass(LogicalNode node, TaskSummary task, List<Node> reached) {
        Set<String> subtree = SubtreeScope.localSubtree(node, reached);
        SubtreeScope.childrenIn(federation.state(node).children(), subtree).forEach((child, roots) -> {
            if (!child.active()) {
                return;
            }
            JsonObject body = JSON.createObjectBuilder().add("task", task.reaching(roots).toJson()).build();
            String key = child.base() + " " + task.id().getURI();
            courier.wake(key, () -> deliver(node, child, body));
        });
    }

    private Courier.Outcome deliver(LogicalNode node, Child child, JsonObject body) {
        Optional<String> authorization = credentials.authorization(node, child.base());
        if (authorization.isEmpty()) {
            return new Courier.Refused("this node has no credential to call other nodes");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(child.base() + "/tasks/notices"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        FederationClient.Answer answer = client.message(request, TIMEOUT, authorization.get());
        if (answer.delivered()) {
            return new Courier.Nothing();
        }
        return new Courier.Retry(answer.status() == 0 ? answer.failure() : "HTTP " + answer.status());
    }

    /** A notice from the parent node: announced here to whoever acts for an organization it reaches, and passed on. */
    public void receive(LogicalNode node, Caller caller, String body) {
        Optional<String> parent = federation.state(node).parent();
        if (!caller.has(Caller.NODE) || parent.isEmpty() || !Caller.Audience.normalized(caller.subject()).equals(parent.get())) {
            throw ProblemException.forbidden("Only this node's registered parent sends task notices, with a token of the role node.");
        }
        TaskSummary task = JsonP.object(body).map(o -> o.get("task")).flatMap(TaskSummary::fromJson)
                .orElseThrow(() -> ProblemException.badRequest("The body is {\"task\": a task summary of Table 13.9}."));
        List<Node> roots = task.reaches().stream().filter(node::holdsOrganization).toList();
        if (roots.isEmpty()) {
            return;
        }
        JsonObject data = JSON.createObjectBuilder().add("task", task.id().getURI()).add("taskKind", task.taskKind())
                .add("name", task.name()).add("dueDate", task.dueDate().toString()).add("issuedBy", task.issuedBy().getURI())
                .add("node", task.node()).build();
        node.store().write(tx -> EventLog.append(tx, Event.TASK, data, List.of(), List.of(), roots));
        pass(node, task, roots.stream().map(r -> NodeFactory.createURI(r.getURI())).toList());
    }
}
