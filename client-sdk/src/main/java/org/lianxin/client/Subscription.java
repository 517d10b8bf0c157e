package org.lianxin.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * A live subscription to a node's server-sent events (spec 14.8), read by one daemon thread of its
 * own. When the connection drops, the subscription waits what the node asked with {@code retry:}
 * (or the default), asks the token supplier for a token again, and reconnects with
 * {@code Last-Event-ID} set to the id of the last event it delivered; the node sends what happened
 * in between first (LX-FEEDBACK-17). So the listener sees every event once, in order: an event
 * whose numeric id is not above the last one delivered is never delivered again.
 *
 * <p>The listener runs on the subscription's thread, one event at a time; an exception it throws
 * is passed to the failure handler and the next event is delivered all the same. Close the
 * subscription to end it; the thread ends with it. Before the first event arrives there is no id to
 * resume from: a drop then resumes with the events emitted after the new connection opens, unless
 * the subscription was started {@code after} an id.
 */
public final class Subscription implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Subscription.class.getName());
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /** How long {@code subscribe()} waits for the node's first line. */
    private static final Duration FIRST_LINE = Duration.ofSeconds(5);

    /** Opens one connection: the response to {@code GET {base}/events}, with a token asked for again when {@code renew}. */
    interface Connector {
        HttpResponse<InputStream> open(String lastEventId, boolean renew) throws IOException, InterruptedException;
    }

    private final Connector connector;
    private final Consumer<LianxinEvent> listener;
    private final Consumer<? super LianxinException> failures;
    private final String url;
    private final AtomicInteger connections = new AtomicInteger();
    private final java.util.concurrent.CountDownLatch begun = new java.util.concurrent.CountDownLatch(1);
    private volatile long retryMillis;
    private volatile String lastEventId;
    private volatile boolean closed;
    private volatile InputStream body;
    private Thread thread;

    private Subscription(String url, Connector connector, String after, Duration retry, Consumer<LianxinEvent> listener,
                         Consumer<? super LianxinException> failures) {
        this.url = url;
        this.connector = connector;
        this.lastEventId = after;
        this.retryMillis = retry.toMillis();
        this.listener = listener;
        this.failures = failures;
    }

    /**
     * Connects once in the caller's thread, so that a refused subscription (401, 406, a class the node
     * does not claim) fails here, then reads on a daemon thread of its own; returns once the node has
     * written something on the stream (its retry field or a comment), or after 5 s.
     */
    static Subscription start(String url, Connector connector, String after, Duration retry, Consumer<LianxinEvent> listener,
                              Consumer<? super LianxinException> failures) {
        Subscription subscription = new Subscription(url, connector, after, retry, listener, failures);
        HttpResponse<InputStream> first;
        try {
            first = subscription.connect(false);
        } catch (IOException e) {
            throw new LianxinException("No answer from " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LianxinException("Interrupted", e);
        }
        if (first.statusCode() != 200) {
            throw refused(first);
        }
        subscription.body = first.body();
        subscription.connections.incrementAndGet();
        subscription.thread = new Thread(subscription::run, "lianxin-events " + url);
        subscription.thread.setDaemon(true);
        subscription.thread.start();
        try {
            // The node writes its retry field before any event (LX-FEEDBACK-18), once it has set the
            // stream's start: waiting for that first line (on this connection, or on the one opened
            // again at once when the node ended this one empty) makes every event after subscribe()
            // returns one this subscription sees.
            subscription.begun.await(FIRST_LINE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            subscription.close();
            Thread.currentThread().interrupt();
            throw new LianxinException("Interrupted", e);
        }
        return subscription;
    }

    /** One connection attempt; a 401 is answered once with a token asked for again. */
    private HttpResponse<InputStream> connect(boolean renew) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = connector.open(lastEventId, renew);
        if (response.statusCode() == 401 && !renew) {
            response.body().close();
            response = connector.open(lastEventId, true);
        }
        return response;
    }

    private void run() {
        int failed = 0;
        int hollow = 0;
        while (!closed) {
            InputStream stream = body;
            if (stream != null) {
                failed = 0;
                hollow = read(stream) ? 0 : hollow + 1;
                body = null;
            }
            if (closed) {
                break;
            }
            // A stream the node ended without writing anything is opened again at once (twice at most):
            // until the first event there is no id to resume from, and the wait would lose what happens in it.
            long wait = hollow > 0 && hollow <= 2 ? 0
                    : Math.min(retryMillis << Math.min(failed, 4), Math.max(retryMillis, MAX_WAIT.toMillis()));
            try {
                Thread.sleep(wait);
                HttpResponse<InputStream> response = connect(true); // tokens are renewed: ask the supplier again
                int status = response.statusCode();
                if (status == 200) {
                    body = response.body();
                    connections.incrementAndGet();
                    if (closed) {
                        response.body().close();
                    }
                    continue;
                }
                LianxinException refused = refused(response);
                if (status == 429 || status >= 500) {
                    failed++;
                    retryAfter(response).ifPresent(seconds -> retryMillis = Math.max(retryMillis, seconds * 1000));
                    fail(refused);
                } else {
                    fail(refused); // 400, 401 again, 403, 404, 406: trying again will not help
                    closed = true;
                    begun.countDown();
                }
            } catch (InterruptedException e) {
                break; // closed
            } catch (IOException e) {
                hollow = 0;
                failed++;
                if (!closed) {
                    LOG.log(System.Logger.Level.DEBUG, "reconnecting to " + url + " failed: " + e.getMessage());
                }
            }
        }
    }

    /**
     * Reads one connection's events until it ends (HTML Standard 9.2.6); whether the node wrote
     * anything on it (a field or a comment), rather than ending it at once.
     */
    private boolean read(InputStream stream) {
        boolean wrote = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String idBuffer = lastEventId;
            String type = "";
            StringBuilder data = new StringBuilder();
            boolean first = true;
            String line;
            while (!closed && (line = lines.readLine()) != null) {
                if (!line.isEmpty()) {
                    wrote = true;
                    begun.countDown();
                }
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                first = false;
                if (line.isEmpty()) {
                    String previous = lastEventId;
                    lastEventId = idBuffer; // before the listener runs: it may ask where the subscription stands
                    if (data.length() > 0) {
                        data.setLength(data.length() - 1); // the last line feed
                        dispatch(idBuffer, previous, type.isEmpty() ? "message" : type, data.toString());
                    }
                    type = "";
                    data.setLength(0);
                    continue;
                }
                if (line.startsWith(":")) {
                    continue; // a comment: keep-alive
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "event" -> type = value;
                    case "data" -> data.append(value).append('\n');
                    case "id" -> {
                        if (value.indexOf('\0') < 0) {
                            idBuffer = value;
                        }
                    }
                    case "retry" -> {
                        if (value.matches("\\d{1,9}")) {
                            retryMillis = Long.parseLong(value);
                        }
                    }
                    default -> { /* ignored, as the standard says */ }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.DEBUG, "the event stream of " + url + " dropped: " + e.getMessage());
            }
        }
        return wrote;
    }

    /** Hands one event to the listener, unless its id says it was delivered already. */
    private void dispatch(String id, String previous, String type, String data) {
        if (!after(id, previous)) {
            return; // LX-FEEDBACK-17 says the node sends none twice; this client makes sure
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(data))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            fail(new LianxinException("The event " + id + " of " + url + " does not hold a JSON object: " + data, e));
            return;
        }
        try {
            listener.accept(new LianxinEvent(id, type, json));
        } catch (RuntimeException e) {
            fail(new LianxinException("The listener failed on the event " + id + ": " + e.getMessage(), e));
        }
    }

    /** Whether the event {@code id} comes after {@code last}: numbers compared as numbers; anything else is new. */
    private static boolean after(String id, String last) {
        if (id == null || last == null || !id.matches("\\d{1,18}") || !last.matches("\\d{1,18}")) {
            return true;
        }
        return Long.parseLong(id) > Long.parseLong(last);
    }

    private void fail(LianxinException e) {
        try {
            failures.accept(e);
        } catch (RuntimeException ignored) {
            LOG.log(System.Logger.Level.WARNING, "the failure handler failed", ignored);
        }
    }

    private static Optional<Long> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::trim).filter(v -> v.matches("\\d{1,6}")).map(Long::parseLong);
    }

    private static ProblemException refused(HttpResponse<InputStream> response) {
        String text;
        try (InputStream in = response.body()) {
            text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        return LianxinClient.problem(response.statusCode(), text);
    }

    /** The id of the last event delivered (or the one it was started after): where a reconnection resumes. */
    public Optional<String> lastEventId() {
        return Optional.ofNullable(lastEventId);
    }

    /** How many times the subscription has connected: 1, and one more for every reconnection. */
    public int connections() {
        return connections.get();
    }

    /** Whether it is still open: not closed, and not given up after a refusal that trying again would not change. */
    public boolean isOpen() {
        return !closed;
    }

    /** Ends the subscription: the connection is closed and the thread ends; no event is delivered after it returns, unless called from the listener. */
    @Override
    public void close() {
        closed = true;
        begun.countDown();
        InputStream stream = body;
        Thread reader = thread;
        if (reader != null) {
            reader.interrupt();
        }
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // closed already
            }
        }
        if (reader != null && reader != Thread.currentThread()) {
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
