package org.lianxin.node.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

/**
 * A Server-Sent Events subscription as a test holds one (spec 14.6): the events it received, in
 * order, each with the moment it arrived; and the comment and retry lines.
 */
public final class EventStream implements AutoCloseable {

    /** One event as received. */
    public record Event(String id, String type, JsonObject data, long receivedNanos) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> otherLines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile java.io.InputStream body;
    private volatile int status;

    private EventStream(String url, String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        body = response.body();
        reader = new Thread(this::read, "test-event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Subscribes to {@code url} as the holder of {@code token}, resuming after {@code lastEventId} when it is not null. */
    public static EventStream open(String url, String token, String lastEventId) throws Exception {
        return new EventStream(url, token, lastEventId);
    }

    public int status() {
        return status;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String type = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, type, NodeClient.jsonOf(data.toString()), System.nanoTime()));
                    }
                    id = null;
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else {
                    otherLines.add(line);
                }
            }
        } catch (Exception e) {
            // closed
        }
    }

    /** The next event, waiting up to {@code seconds}; fails when none comes. */
    public Event next(int seconds) throws InterruptedException {
        Event e = events.poll(seconds, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no event within " + seconds + " s; lines seen: " + otherLines);
        }
        return e;
    }

    /** The next event of {@code type} about {@code message}, skipping others; fails when none comes within {@code seconds}. */
    public Event next(String type, String key, String value, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            Event e = events.poll(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e != null && e.type().equals(type) && value.equals(e.data().getString(key, ""))) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " event with " + key + " " + value + " within " + seconds + " s");
    }

    /** The events received so far and not taken. */
    public List<Event> drain() {
        List<Event> all = new ArrayList<>();
        events.drainTo(all);
        return all;
    }

    /** Lines that were not part of an event: comments and retry. */
    public List<String> otherLines() {
        return otherLines;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (Exception e) {
            // closed already
        }
        reader.interrupt();
    }
}
