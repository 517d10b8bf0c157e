package org.lianxin.node.federation;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.apache.jena.graph.Node;
import org.lianxin.node.federation.Completeness.NodeStatus;
import org.lianxin.node.federation.Completeness.Status;
import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.nodes.LogicalNode;

/**
 * The children's part of a subtree statistic (member counts, dues collection): asks every in-scope
 * child at once, checks each answer as 7.8 says, and hands back the numbers of those that pass.
 * Every child asked ends up in {@code statuses}, with the nodes of its own completeness report.
 */
@ApplicationScoped
public class SubtreeFanOut {

    @Inject
    Federation federation;

    @Inject
    FanOut fanOut;

    @Inject
    QueriesInFlight inFlight;

    /** One request to a child: its URL, and the key its answer counts under (null when it has none). */
    public record Call(URI url, String key) {}

    /** A statistic over a subtree: this node's value plus its children's, and the completeness report. */
    public record Summed<T>(T value, Completeness completeness) {}

    /**
     * The flow of a statistic whose children's values add to this node's own (the dues collection of
     * 9.7, the compliance of 12.5): within the query's limits (LX-FED-34), this node's {@code local}
     * value, then, for scope subtree, one request per in-scope child at {@code path} below its base
     * with the query's {@code parameters}, its roots and {@code partial=true}, read by {@code numbers}
     * and added by {@code plus}; refused with 424 when incomplete unless {@code allowPartial}.
     */
    public <T> Summed<T> sum(LogicalNode node, List<Node> roots, QueryContext context, boolean withChildren, boolean allowPartial,
                             java.util.function.Supplier<T> local, String path, String parameters, Function<JsonObject, T> numbers,
                             java.util.function.BinaryOperator<T> plus, String notAnAnswer) throws Exception {
        try (AutoCloseable running = inFlight.enter(node.base(), context)) {
            java.time.Instant started = java.time.Instant.now();
            T value = local.get();
            List<NodeStatus> statuses = new ArrayList<>();
            statuses.add(new NodeStatus(node.base(), Status.ANSWERED, null, started, 0));
            if (withChildren) {
                for (Answer<T> answer : ask(node, roots, context, statuses,
                        (child, childRoots) -> List.of(new Call(childUrl(child, path, childRoots, parameters), null)), numbers, notAnAnswer)) {
                    value = plus.apply(value, answer.value());
                }
            }
            Completeness completeness = new Completeness(context.queryId(), java.time.Instant.now(), FederatedAnswers.merge(statuses));
            FederatedAnswers.requireComplete(completeness, allowPartial);
            return new Summed<>(value, completeness);
        }
    }

    /** A child is asked for its in-scope roots with partial=true: its report says what is missing below it, and this node decides. */
    private static URI childUrl(Child child, String path, List<Node> roots, String parameters) {
        String organizations = roots.stream().map(r -> "organization=" + java.net.URLEncoder.encode(r.getURI(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return URI.create(child.base() + path + "?" + organizations + "&" + parameters + "&scope=subtree&partial=true");
    }

    /** A child's answer that passed the checks, as the statistic reads it. */
    public record Answer<T>(Call call, T value) {}

    /**
     * Asks the in-scope children of {@code roots}: {@code calls} gives the requests to one child for
     * its in-scope roots; {@code numbers} reads an answer, null when it is not one of this statistic
     * (the child is then reported failed with {@code notAnAnswer}).
     */
    public <T> List<Answer<T>> ask(LogicalNode node, List<Node> roots, QueryContext context, List<NodeStatus> statuses,
                                   BiFunction<Child, List<Node>, List<Call>> calls, Function<JsonObject, T> numbers, String notAnAnswer) {
        Set<String> localSubtree = SubtreeScope.localSubtree(node, roots);
        Map<Child, List<Node>> inScope = SubtreeScope.childrenIn(federation.state(node).children(), localSubtree);
        // One round per call index: a child asked several times is asked one after the other, since
        // parallel requests with one query id would look like a loop to it (LX-FED-21).
        List<Map<String, URI>> rounds = new ArrayList<>();
        Map<String, Child> childOfCall = new LinkedHashMap<>();
        Map<String, Call> callOf = new LinkedHashMap<>();
        inScope.forEach((child, childRoots) -> {
            if (!child.active()) {
                statuses.add(new NodeStatus(child.base(), Status.REJECTED, "registration suspended: " + child.reason(), null, 0));
                return;
            }
            List<Call> toChild = calls.apply(child, childRoots);
            for (int i = 0; i < toChild.size(); i++) {
                while (rounds.size() <= i) {
                    rounds.add(new LinkedHashMap<>());
                }
                // The first call is named by the child's base: the client keeps its circuit breaker under that name (LX-FED-32).
                String id = i == 0 ? child.base() : child.base() + " " + i;
                rounds.get(i).put(id, toChild.get(i).url());
                childOfCall.put(id, child);
                callOf.put(id, toChild.get(i));
            }
        });
        List<Answer<T>> answers = new ArrayList<>();
        for (Map<String, URI> round : rounds) {
            List<String> ids = new ArrayList<>(round.keySet());
            List<ChildCall> outcomes = fanOut.get(round, context);
            for (int i = 0; i < outcomes.size(); i++) {
                Child child = childOfCall.get(ids.get(i));
                T value = checked(node, child, outcomes.get(i), statuses, numbers, notAnAnswer);
                if (value != null) {
                    answers.add(new Answer<>(callOf.get(ids.get(i)), value));
                }
            }
        }
        return answers;
    }

    private <T> T checked(LogicalNode node, Child child, ChildCall outcome, List<NodeStatus> statuses,
                          Function<JsonObject, T> numbers, String notAnAnswer) {
        ChildCall call = FederatedAnswers.renamed(outcome, child.base());
        if (!call.answered()) {
            statuses.add(new NodeStatus(child.base(), call.status(), call.reason(), null, call.elapsedMs()));
            return null;
        }
        JsonObject answer = FederatedAnswers.checked(federation, node, child, call, statuses);
        if (answer == null) {
            return null;
        }
        if (!asked(answer, child)) {
            // LX-FED-36: an answer about organizations outside the child's reach is dropped whole.
            statuses.add(new NodeStatus(child.base(), Status.REJECTED, "answer outside its subtree", null, call.elapsedMs()));
            return null;
        }
        T value = numbers.apply(answer);
        if (value == null) {
            statuses.add(new NodeStatus(child.base(), Status.FAILED, notAnAnswer, null, call.elapsedMs()));
            return null;
        }
        statuses.addAll(Completeness.nodesOfAnswer(answer));
        return value;
    }

    /** The answer is about organizations of the child's registered roots, as asked (Table 7.13). */
    private static boolean asked(JsonObject answer, Child child) {
        if (!(answer.get("organizations") instanceof JsonArray organizations)) {
            return false;
        }
        return organizations.stream().allMatch(o -> o instanceof JsonString s && child.roots().containsKey(s.getString()));
    }
}
