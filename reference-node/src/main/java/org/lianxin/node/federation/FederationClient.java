package org.lianxin.node.federation;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lianxin.node.federation.Completeness.Status;
import org.lianxin.node.security.Caller;
import org.lianxin.node.security.TokenVerifier;

/**
 * HTTP calls from this node to other nodes. Every call is checked against the allowlist first,
 * never follows a redirect, carries the query's id, hops and remaining time, and is bounded: a
 * connect timeout, the caller's deadline as its request timeout, a circuit breaker per node and a
 * limit on each asking node's calls in flight. A node's failure becomes a {@link ChildCall} status, never an exception.
 *
 * <p>Plain {@code java.net.http} rather than MicroProfile Rest Client and Fault Tolerance: the nodes
 * are only known at run time, and MicroProfile's circuit breaker and bulkhead are per method, so one
 * dead child would open the breaker for all (STACK.md).
 */
@ApplicationScoped
public class FederationClient {

    @Inject
    FederationSettings settings;

    private ExecutorService executor;
    private HttpClient http;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        executor = Executors.newFixedThreadPool(Math.max(2, settings.concurrency()), r -> {
            Thread t = new Thread(r, "lianxin-federation");
            t.setDaemon(true);
            return t;
        });
        http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .build();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** GET {@code url} (JSON) on the node {@code node} within {@code context}'s child budget. */
    public CompletableFuture<ChildCall> get(String node, URI url, QueryContext context) {
        return send(node, HttpRequest.newBuilder(url).GET().header("Accept", "application/json"), context, context.childBudget());
    }

    /** A call outside any query (registration, notification), with its own time budget and the caller's token. */
    public CompletableFuture<ChildCall> send(String node, HttpRequest.Builder request, Duration timeout, String authorization) {
        QueryContext context = new QueryContext(java.util.UUID.randomUUID().toString(), QueryContext.DEFAULT_HOPS,
                System.nanoTime() + timeout.toNanos(), authorization, "");
        return send(node, request, context, timeout);
    }

    /** The same call, waited for: registration runs on a request thread and has nothing else to do. */
    public ChildCall call(String node, HttpRequest.Builder request, Duration timeout, String authorization) {
        return send(node, request, timeout, authorization).join();
    }

    /** The answer to a message: its HTTP status and body, or, when there was none, why (status 0). */
    public record Answer(int status, String contentType, String body, String failure) {
        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Sends a message to another node and waits for its answer, whatever its status: a transfer's
     * messages (spec 10.5), whose sender acts on 201, 404, 409 and 422 alike and retries the rest
     * itself. The allowlist applies; redirects are not followed.
     */
    public Answer message(HttpRequest.Builder request, Duration timeout, String authorization) {
        URI url = request.build().uri();
        if (!settings.allows(url)) {
            return new Answer(0, null, null, "host not allowed");
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(timeout).header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(), null);
        } catch (java.io.IOException e) {
            return new Answer(0, null, null, e instanceof HttpTimeoutException ? "no answer in time" : "unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, null, "interrupted");
        }
    }

    private CompletableFuture<ChildCall> send(String node, HttpRequest.Builder request, QueryContext context, Duration budget) {
        long started = System.nanoTime();
        URI url = request.build().uri();
        if (!settings.allows(url)) {
            return done(new ChildCall(node, null, Status.REFUSED, "host not allowed", 0));
        }
        if (context.authorization() != null && !Caller.Audience.covers(TokenVerifier.audienceOf(context.authorization()), url)) {
            return done(new ChildCall(node, null, Status.FAILED, ChildCall.NOT_AUTHORIZED, 0)); // LX-SEC-29: the token is not for that node
        }
        CircuitBreaker breaker = breakers.computeIfAbsent(node, n -> new CircuitBreaker());
        if (!breaker.allows()) {
            return done(new ChildCall(node, null, Status.FAILED, "circuit open", 0));
        }
        if (budget.toMillis() <= 0) {
            return done(new ChildCall(node, null, Status.TIMED_OUT, "no time left", 0));
        }
        Semaphore permits = inFlight.computeIfAbsent(context.asker() == null ? "" : context.asker(), a -> new Semaphore(settings.concurrency()));
        if (!acquire(permits, budget)) {
            return done(new ChildCall(node, null, Status.TIMED_OUT, "too many calls in flight", elapsed(started)));
        }
        if (context.authorization() != null) {
            request.header("Authorization", context.authorization()); // token relay: the other node checks the caller itself
        }
        HttpRequest built = request.timeout(budget)
                .header(QueryContext.QUERY_ID, context.queryId())
                .header(QueryContext.HOPS, Integer.toString(Math.max(0, context.hops() - 1)))
                .header(QueryContext.DEADLINE, Long.toString(budget.toMillis()))
                .build();
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(built, HttpResponse.BodyHandlers.ofString())
                .orTimeout(budget.toMillis() + 50, TimeUnit.MILLISECONDS);
        // On the exchange itself, not on the stage returned: FanOut cancels that stage when it stops
        // waiting, and a cancelled stage never runs its function (the permit would be kept for ever,
        // LX-FED-35, and the breaker never told of the timeout).
        exchange.whenComplete((response, failure) -> {
            permits.release();
            ChildCall call = outcome(node, response, failure, elapsed(started));
            // LX-SEC-31: a refused caller says nothing about the node's health.
            breaker.record(call.status() == Status.ANSWERED || call.status() == Status.REFUSED || call.notAuthorized());
        });
        return exchange.handle((response, failure) -> outcome(node, response, failure, elapsed(started)));
    }

    private static boolean acquire(Semaphore permits, Duration budget) {
        try {
            return permits.tryAcquire(Math.min(budget.toMillis(), 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ChildCall outcome(String node, HttpResponse<String> response, Throwable failure, long elapsedMs) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof HttpTimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
                return new ChildCall(node, null, Status.TIMED_OUT, "no answer within the deadline", elapsedMs);
            }
            if (cause instanceof ConnectException) {
                return new ChildCall(node, null, Status.FAILED, "connection refused", elapsedMs);
            }
            return new ChildCall(node, null, Status.FAILED, "unreachable: " + cause.getClass().getSimpleName(), elapsedMs);
        }
        int status = response.statusCode();
        if (status == 409 && response.body().contains("federation-loop")) {
            return new ChildCall(node, null, Status.REFUSED, "loop: the query reached a node it had visited", elapsedMs);
        }
        if (status >= 300 && status < 400) {
            return new ChildCall(node, null, Status.FAILED, "HTTP " + status + " (redirects are not followed)", elapsedMs);
        }
        if (status == 401 || status == 403) {
            return new ChildCall(node, null, Status.FAILED, ChildCall.NOT_AUTHORIZED, elapsedMs); // LX-SEC-30
        }
        if (status != 200) {
            return new ChildCall(node, null, Status.FAILED, "HTTP " + status, elapsedMs);
        }
        return new ChildCall(node, response.body(), Status.ANSWERED, null, elapsedMs);
    }

    private static CompletableFuture<ChildCall> done(ChildCall call) {
        return CompletableFuture.completedFuture(call);
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Per node: opens after 3 failures in a row; lets one call through again after 10 s. */
    static final class CircuitBreaker {
        private static final int THRESHOLD = 3;
        private static final long OPEN_NANOS = Duration.ofSeconds(10).toNanos();
        private int failures;
        private long openedAt;

        synchronized boolean allows() {
            return failures < THRESHOLD || System.nanoTime() - openedAt > OPEN_NANOS;
        }

        synchronized void record(boolean success) {
            if (success) {
                failures = 0;
            } else if (++failures >= THRESHOLD) {
                openedAt = System.nanoTime();
            }
        }
    }
}
