package org.lianxin.node.federation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.apache.jena.graph.Node;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.security.Caller;

/**
 * What lies above the node's roots, as the parent node says (spec 8.6, LX-SEC-23): for the
 * superior organization of a root, held by the parent, that organization and all its ancestors.
 * Asked with the caller's token as a query of its own (LX-SEC-28, LX-SEC-32), and kept for 5
 * minutes per node and superior (forgotten when the parent changes): ancestors are directory data,
 * the same whoever asks (LX-SEC-27).
 * When the parent cannot be asked, nothing is known to lie above: access fails closed.
 */
@ApplicationScoped
public class Superiors {

    static final Duration KEPT = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private record Known(String parent, Set<String> above, long until) {}

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    @Inject
    Federation federation;

    @Inject
    FederationClient client;

    /** {@code superior} and its ancestors, if the node's parent holds it and tells; else empty. */
    public Set<String> above(LogicalNode node, Node superior, Caller caller) {
        Optional<String> parent = federation.state(node).parent();
        if (parent.isEmpty() || !superior.isURI() || !superior.getURI().startsWith(parent.get() + "/organizations/")) {
            return Set.of();
        }
        String key = node.base() + " " + superior.getURI();
        Known cached = known.get(key);
        if (cached != null && cached.parent().equals(parent.get()) && System.nanoTime() < cached.until()) {
            return cached.above();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(superior.getURI() + "/ancestors"))
                .GET().header("Accept", "application/json");
        // A new query id (FederationClient.call): the parent may be answering the query that reached this node (LX-SEC-32).
        ChildCall call = client.call(parent.get(), request, TIMEOUT, caller.authorization());
        Optional<JsonObject> answer = call.json().filter(a -> call.answered());
        if (answer.isEmpty()) {
            return Set.of();
        }
        Set<String> above = new HashSet<>();
        above.add(superior.getURI());
        JsonValue ancestors = answer.get().get("ancestors");
        if (ancestors instanceof jakarta.json.JsonArray list) {
            for (JsonValue a : list) {
                if (a instanceof JsonObject o && o.get("id") instanceof JsonString id) {
                    above.add(id.getString());
                }
            }
        }
        known.put(key, new Known(parent.get(), Set.copyOf(above), System.nanoTime() + KEPT.toNanos()));
        return Set.copyOf(above);
    }
}
