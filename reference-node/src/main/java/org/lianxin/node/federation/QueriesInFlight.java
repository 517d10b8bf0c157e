package org.lianxin.node.federation;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.problems.ProblemException;

/**
 * The federated queries each hosted node is answering right now. A query that arrives at a node
 * already answering it has come round in a loop, and is refused: loops in a misconfigured
 * federation must not amplify.
 */
@ApplicationScoped
public class QueriesInFlight {

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** Marks the query as running on {@code node}; a 409 problem when it already is. */
    public AutoCloseable enter(String node, QueryContext context) {
        String key = node + " " + context.queryId();
        if (!running.add(key)) {
            throw ProblemException.conflict("This node is already answering this query: it came back in a loop.",
                    java.util.List.of(new FieldError("", "federation-loop", "The query reached a node it had visited.", "LX-FED-21")));
        }
        return () -> running.remove(key);
    }
}
