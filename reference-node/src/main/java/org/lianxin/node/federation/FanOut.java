package org.lianxin.node.federation;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lianxin.node.federation.Completeness.Status;

/**
 * Asks several nodes at once and waits for them no longer than the query's deadline allows: a
 * child that has not answered by then is abandoned and reported as timed out, never waited for.
 */
@ApplicationScoped
public class FanOut {

    @Inject
    FederationClient client;

    /**
     * GETs each URL (node base → URL) in parallel; the outcomes in the order given. The request
     * thread waits here: server.xml keeps enough request threads ready that queries waiting on slow
     * children do not hold up others (LX-FED-34).
     */
    public List<ChildCall> get(Map<String, URI> calls, QueryContext context) {
        if (context.hops() <= 0) {
            return calls.keySet().stream().map(n -> new ChildCall(n, null, Status.REFUSED, "hop limit reached", 0)).toList();
        }
        Map<String, CompletableFuture<ChildCall>> pending = new LinkedHashMap<>();
        calls.forEach((node, url) -> pending.put(node, client.get(node, url, context)));
        long waitMillis = context.childBudget().toMillis() + 20;
        try {
            CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new)).get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the ones not done are reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ChildCall> outcomes = new ArrayList<>();
        pending.forEach((node, future) -> {
            if (future.isDone() && !future.isCompletedExceptionally()) {
                outcomes.add(future.join());
            } else {
                future.cancel(true);
                outcomes.add(new ChildCall(node, null, Status.TIMED_OUT, "no answer within the deadline", waitMillis));
            }
        });
        return outcomes;
    }
}
