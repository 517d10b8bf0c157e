package org.lianxin.node.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.OrganizationLine;
import org.lianxin.node.security.Caller;
import org.lianxin.node.security.Residents;

/**
 * The open event streams of the node's subscribers (spec 14.6). Every 25 ms the node looks at
 * each logical node's last event number (kept until the node's next write, so looking costs nothing
 * while nothing is written); when it grew, every subscription of that node reads the
 * events after the last one it sent, in order, and sends those its caller may see (LX-FEEDBACK-15).
 * Reading from the store rather than passing events around is what makes a resumed subscription
 * miss nothing and see nothing twice (LX-FEEDBACK-17). A comment line keeps idle streams open and
 * finds the closed ones (LX-FEEDBACK-18).
 */
@ApplicationScoped
public class EventStreams {

    private static final Logger LOG = Logger.getLogger(EventStreams.class.getName());
    private static final Duration POLL = Duration.ofMillis(25);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    /** The reconnection delay the node suggests to clients (the SSE retry field). */
    public static final long RETRY_MILLIS = 2000;

    @Inject
    HostedNodes nodes;

    @Inject
    Residents residents;

    @Inject
    @ConfigProperty(name = "lianxin.events.retain", defaultValue = "P7D")
    String retain;

    private ScheduledExecutorService timer;
    private ExecutorService senders;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

    /** One open stream: whose, on which node, and the number of the last event it has been sent (or skipped). */
    static final class Subscription {
        final LogicalNode node;
        final Caller caller;
        final List<Node> persons;
        final List<Node> line;
        final SseEventSink sink;
        final Sse sse;
        long lastSent;

        Subscription(LogicalNode node, Caller caller, List<Node> persons, List<Node> line, SseEventSink sink, Sse sse, long lastSent) {
            this.node = node;
            this.caller = caller;
            this.persons = persons;
            this.line = line;
            this.sink = sink;
            this.sse = sse;
            this.lastSent = lastSent;
        }
    }

    @PostConstruct
    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lianxin-events"));
        senders = Executors.newFixedThreadPool(4, r -> daemon(r, "lianxin-event-sender"));
        timer.scheduleWithFixedDelay(guarded(this::poll), POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(guarded(this::keepAlive), KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(guarded(this::prune), 1, 3600, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        senders.shutdownNow();
        subscriptions.forEach(s -> s.sink.close());
    }

    /** A periodic task that one failure does not stop (a scheduled task that throws is never run again). */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event streams: " + e.getMessage(), e);
            }
        };
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Opens a stream for {@code caller}: from the event after {@code lastEventId} when the client
     * resumes, else from the next event written.
     */
    public void subscribe(LogicalNode node, Caller caller, Optional<Long> lastEventId, SseEventSink sink, Sse sse) {
        List<Node> line = caller.managesSubtree()
                ? node.store().read(tx -> OrganizationLine.of(node, tx, NodeFactory.createURI(caller.actingFor().orElseThrow())))
                : List.of();
        long from = lastEventId.orElseGet(() -> node.store().read(EventLog::last));
        Subscription subscription = new Subscription(node, caller, residents.persons(caller), line, sink, sse, from);
        subscriptions.add(subscription); // an event written since {@code from} was read is sent by the first catch-up
        // The first write commits the response, which runs the response filters: on the request's own
        // thread, while its request scope is active; later events are written from the node's threads.
        OutboundSseEvent hello = sse.newEventBuilder().comment("lianxin events of " + node.base()).reconnectDelay(RETRY_MILLIS).build();
        if (send(subscription, hello)) {
            senders.execute(guarded(() -> catchUp(subscription)));
        }
    }

    /** Whether the subscription's caller, who is {@code persons}, may see {@code event} (LX-FEEDBACK-15, LX-SERVICE-13). */
    static boolean visible(Caller caller, List<Node> persons, List<Node> line, Event event) {
        if (persons.stream().anyMatch(event.members()::contains)) {
            return true;
        }
        if (!caller.managesSubtree()) {
            return false;
        }
        Node actingFor = NodeFactory.createURI(caller.actingFor().get());
        return event.organizations().contains(actingFor) || event.reach().stream().anyMatch(line::contains);
    }

    private void catchUp(Subscription s) {
        synchronized (s) {
            while (s.sink != null && !s.sink.isClosed()) {
                List<Event> events = EventLog.after(s.node, s.lastSent, 200);
                if (events.isEmpty()) {
                    return;
                }
                for (Event e : events) {
                    if (visible(s.caller, s.persons, s.line, e)) {
                        OutboundSseEvent out = s.sse.newEventBuilder().id(Long.toString(e.id())).name(e.type())
                                .reconnectDelay(RETRY_MILLIS).data(String.class, e.data().toString()).build();
                        if (!send(s, out)) {
                            return;
                        }
                    }
                    s.lastSent = e.id();
                }
            }
        }
    }

    /** Sends one event and waits for it to be written; a failed stream is closed and forgotten. */
    private boolean send(Subscription s, OutboundSseEvent event) {
        try {
            s.sink.send(event).toCompletableFuture().get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            subscriptions.remove(s);
            try {
                s.sink.close();
            } catch (RuntimeException closing) {
                LOG.log(Level.FINE, "closing a broken event stream", closing);
            }
            return false;
        }
    }

    private void poll() {
        for (LogicalNode node : nodes.all()) {
            if (subscriptions.stream().noneMatch(s -> s.node.base().equals(node.base()))) {
                continue;
            }
            long last = node.store().derived("last-event", EventLog::last);
            Long seen = lastSeen.put(node.base(), last);
            if (seen == null || seen != last) {
                subscriptions.stream().filter(s -> s.node.base().equals(node.base()))
                        .forEach(s -> senders.execute(guarded(() -> catchUp(s))));
            }
        }
    }

    private void keepAlive() {
        for (Subscription s : subscriptions) {
            if (s.sink.isClosed()) {
                subscriptions.remove(s);
                continue;
            }
            senders.execute(() -> {
                synchronized (s) {
                    send(s, s.sse.newEventBuilder().comment("keep-alive").build());
                }
            });
        }
    }

    private void prune() {
        Duration keep = Duration.parse(retain);
        for (LogicalNode node : nodes.all()) {
            try {
                EventLog.prune(node, keep);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot prune the events of " + node.base(), e);
            }
        }
    }
}
