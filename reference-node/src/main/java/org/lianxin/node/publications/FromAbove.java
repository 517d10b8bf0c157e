package org.lianxin.node.publications;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.lianxin.node.federation.ChildCall;
import org.lianxin.node.federation.Completeness;
import org.lianxin.node.federation.Completeness.NodeStatus;
import org.lianxin.node.federation.Completeness.Status;
import org.lianxin.node.federation.FederatedAnswers;
import org.lianxin.node.federation.Federation;
import org.lianxin.node.federation.FederationClient;
import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.OrganizationLine;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.security.Caller;
import org.lianxin.node.security.NodeCredentials;

/**
 * What reaches a node from above (spec 13.6, used again by chapters 16 and 17): a node sees its
 * own publications and those its parent tells it of when asked at an inbound route with the
 * node's own credential; the parent answers with its own and those its parent told it, so one
 * question climbs the whole line of ancestors. A parent answers a child only about that child's
 * registered roots (LX-TASK-12); the child then decides, for its own organizations and callers,
 * who sees what.
 */
@ApplicationScoped
public class FromAbove {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Federation federation;

    @Inject
    FederationClient client;

    @Inject
    NodeCredentials credentials;

    /** The publications a node sees, and the completeness of that view: this node, and every node above that was asked. */
    public record Seen<T>(List<T> items, List<NodeStatus> statuses) {

        public Completeness completeness(String queryId) {
            return new Completeness(queryId, Instant.now(), FederatedAnswers.merge(statuses));
        }
    }

    /**
     * This node's own publications {@code local} and those of the nodes above: the array {@code listKey}
     * of the parent's answer to {@code GET {parent}{pathAndQuery}}. An answer that is not wholly
     * understood is not used, and the completeness report says so (LX-TASK-14).
     */
    public <T extends Reaching<T>> Seen<T> seen(LogicalNode node, List<T> local, String pathAndQuery, String listKey,
                                                Function<JsonValue, Optional<T>> parse) {
        List<T> items = new ArrayList<>(local);
        List<NodeStatus> statuses = new ArrayList<>();
        statuses.add(new NodeStatus(node.base(), Status.ANSWERED, null, Instant.now(), 0));
        federation.state(node).parent().ifPresent(parent -> items.addAll(ask(node, parent, pathAndQuery, listKey, parse, statuses)));
        return new Seen<>(List.copyOf(items), statuses);
    }

    private <T> List<T> ask(LogicalNode node, String parent, String pathAndQuery, String listKey, Function<JsonValue, Optional<T>> parse,
                            List<NodeStatus> statuses) {
        Optional<String> authorization = credentials.authorization(node, parent);
        if (authorization.isEmpty()) {
            statuses.add(new NodeStatus(parent, Status.FAILED, "this node has no credential to call other nodes", null, 0));
            return List.of();
        }
        ChildCall call = client.call(parent, HttpRequest.newBuilder(URI.create(parent + pathAndQuery)).GET().header("Accept", "application/json"),
                TIMEOUT, authorization.get());
        Optional<JsonObject> answer = call.answered() ? call.json() : Optional.empty();
        String misunderstood = "not an inbound " + listKey + " answer";
        if (answer.isEmpty() || !(answer.get().get(listKey) instanceof JsonArray list)) {
            statuses.add(new NodeStatus(parent, call.answered() ? Status.FAILED : call.status(),
                    call.answered() ? misunderstood : call.reason(), null, call.elapsedMs()));
            return List.of();
        }
        List<T> above = new ArrayList<>();
        for (JsonValue v : list) {
            Optional<T> item = parse.apply(v);
            if (item.isEmpty()) {
                statuses.add(new NodeStatus(parent, Status.FAILED, misunderstood, null, call.elapsedMs()));
                return List.of();
            }
            above.add(item.get());
        }
        try {
            statuses.addAll(Completeness.nodesOfAnswer(answer.get()));
        } catch (RuntimeException e) {
            statuses.add(new NodeStatus(parent, Status.FAILED, "not a valid completeness report", null, call.elapsedMs()));
            return List.of();
        }
        return above;
    }

    /**
     * LX-TASK-12: what this node tells its child {@code child}: the publications of {@code items} that
     * reach one of the child's roots, each with the roots it reaches, in the order of {@code order}.
     */
    public <T extends Reaching<T>> List<T> forChild(LogicalNode node, Child child, List<T> items, Comparator<T> order) {
        Map<Node, List<Node>> lines = node.store().read(tx -> {
            Map<Node, List<Node>> byRoot = new LinkedHashMap<>();
            child.roots().forEach((root, superior) -> byRoot.put(NodeFactory.createURI(root),
                    OrganizationLine.ofChildRoot(node, tx, NodeFactory.createURI(root), NodeFactory.createURI(superior))));
            return byRoot;
        });
        List<T> reaching = new ArrayList<>();
        for (T item : items) {
            List<Node> roots = lines.entrySet().stream().filter(e -> item.reaches(e.getValue())).map(Map.Entry::getKey).toList();
            if (!roots.isEmpty()) {
                reaching.add(item.reaching(roots));
            }
        }
        reaching.sort(order);
        return reaching;
    }

    /** The registered, active child node calling with its own credential (a token of the role node, LX-TASK-12); else 403. */
    public Child callingChild(LogicalNode node, Caller caller, String what) {
        return (caller.has(Caller.NODE) ? federation.state(node).child(Caller.Audience.normalized(caller.subject())).filter(Child::active)
                : Optional.<Child>empty())
                .orElseThrow(() -> ProblemException.forbidden("Only a registered child node asks for the " + what
                        + " that reach it, with a token of the role node."));
    }
}
