package org.lianxin.node.federation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers, item by item, what a node's stored state says it owes another node (a transfer's
 * messages, an escalated feedback message, a reply): an attempt that finds no answer is made again
 * after the {@code backoff} of its attempt number; one that delivered looks again at once, since
 * another message may be due now. What is owed is always read from the store, never kept here, so
 * a restart loses nothing: the owner wakes its items again at start.
 */
public final class Courier implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Courier.class.getName());

    /** What one attempt came to. */
    public sealed interface Outcome permits Nothing, Delivered, Retry, Refused {}

    /** Nothing is owed (any more). */
    public record Nothing() implements Outcome {}

    /** A message was delivered and acted on; another may be due. */
    public record Delivered() implements Outcome {}

    /** No usable answer: tried again after the backoff. */
    public record Retry(String problem) implements Outcome {}

    /** A final answer that changes nothing: not repeated until the node restarts. */
    public record Refused(String problem) implements Outcome {}

    private final String name;
    private final IntFunction<Duration> backoff;
    private final int maxAttempts;
    private final ScheduledExecutorService timer;
    private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final Map<String, String> lastProblem = new ConcurrentHashMap<>();

    /** A courier whose thread is named {@code lianxin-{name}}; {@code backoff} gives the wait after attempt n (0-based). */
    public Courier(String name, IntFunction<Duration> backoff) {
        this(name, backoff, Integer.MAX_VALUE);
    }

    /** The same, giving an item up after {@code maxAttempts} attempts without an answer (best-effort messages). */
    public Courier(String name, IntFunction<Duration> backoff, int maxAttempts) {
        this.name = name;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lianxin-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Attempts {@code key} now; a newer wake replaces a waiting one. */
    public void wake(String key, Supplier<Outcome> attempt) {
        schedule(key, Duration.ZERO, attempt);
    }

    /** Runs {@code work} once after {@code delay} on the courier's thread (looking at the store at start). */
    public void later(Duration delay, Runnable work) {
        timer.schedule(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + ": " + e.getMessage(), e);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code work} every {@code period} on the courier's thread. */
    public void every(Duration period, Runnable work) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + ": " + e.getMessage(), e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why the last attempt for {@code key} failed, if it did (for the operator's log and tests). */
    public Optional<String> problem(String key) {
        return Optional.ofNullable(lastProblem.get(key));
    }

    private void schedule(String key, Duration delay, Supplier<Outcome> attempt) {
        ScheduledFuture<?> next = timer.schedule(() -> run(key, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = scheduled.put(key, next);
        if (previous != null && !previous.isDone()) {
            previous.cancel(false); // woken again: the newest schedule counts
        }
    }

    private void run(String key, Supplier<Outcome> attempt) {
        Outcome outcome;
        try {
            outcome = attempt.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + " " + key + ": attempt failed", e);
            outcome = new Retry(String.valueOf(e.getMessage()));
        }
        if (outcome instanceof Retry r && attempts.getOrDefault(key, 0) + 1 >= maxAttempts) {
            outcome = new Refused("given up after " + maxAttempts + " attempts: " + r.problem());
        }
        if (outcome instanceof Retry r) {
            int n = attempts.merge(key, 1, Integer::sum);
            lastProblem.put(key, r.problem());
            Duration wait = backoff.apply(n - 1);
            LOG.info(() -> name + " " + key + ": not delivered (" + r.problem() + "), again in " + wait.toSeconds() + " s");
            schedule(key, wait, attempt);
            return;
        }
        attempts.remove(key);
        if (outcome instanceof Refused r) {
            lastProblem.put(key, r.problem());
            LOG.warning(() -> name + " " + key + ": refused for good (" + r.problem() + ")");
            return;
        }
        lastProblem.remove(key);
        if (outcome instanceof Delivered) {
            schedule(key, Duration.ZERO, attempt);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
