package org.lianxin.node.federation;

import java.time.Duration;
import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;

import org.lianxin.node.problems.ProblemException;

/**
 * What travels with every federated query: its id (loops are refused), the hops it may still
 * make, and the time left. A node keeps a margin of that time for itself to merge, and gives its
 * children the rest (LX-FED deadline propagation).
 *
 * @param queryId   the id of the whole federated query, the same on every node it reaches
 * @param hops      how many more levels the query may go down (or up)
 * @param deadline  when this node's answer is due, in {@link System#nanoTime()} terms
 * @param authorization the caller's Authorization header, relayed unchanged to other nodes (token
 *                  relay: each node checks the caller itself), or null
 * @param asker     the base of the node of this process that makes the calls: the limit on calls
 *                  in flight is each node's (LX-FED-35), and one process may host a whole federation
 */
public record QueryContext(String queryId, int hops, long deadline, String authorization, String asker) {

    public static final String QUERY_ID = "Lianxin-Query-Id";
    public static final String HOPS = "Lianxin-Hops";
    public static final String DEADLINE = "Lianxin-Deadline";
    static final int DEFAULT_HOPS = 16;

    /** The context of an incoming request to the node {@code asker}: its headers, or a new query with the defaults. */
    public static QueryContext of(HttpHeaders headers, FederationSettings settings, String asker) {
        String id = headers.getHeaderString(QUERY_ID);
        int hops = integer(headers.getHeaderString(HOPS), DEFAULT_HOPS, HOPS);
        long budget = integer(headers.getHeaderString(DEADLINE), settings.defaultDeadline().toMillis(), DEADLINE);
        if (budget <= 0 || hops < 0) {
            throw ProblemException.badRequest(DEADLINE + " is a positive number of milliseconds and " + HOPS + " a whole number ≥ 0.");
        }
        budget = Math.min(budget, settings.maxDeadline().toMillis());
        if (id == null || id.isBlank() || id.length() > 100) {
            id = UUID.randomUUID().toString();
        }
        return new QueryContext(id, hops, System.nanoTime() + Duration.ofMillis(budget).toNanos(),
                headers.getHeaderString(HttpHeaders.AUTHORIZATION), asker);
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** The budget of a child's call: what remains, less a margin for this node to merge (10 %, at least 50 ms). */
    public Duration childBudget() {
        long remaining = remaining().toMillis();
        long margin = Math.max(50, remaining / 10);
        return Duration.ofMillis(Math.max(0, remaining - margin));
    }

    private static long integer(String text, long fallback, String header) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(header + " is a whole number.");
        }
    }

    private static int integer(String text, int fallback, String header) {
        return (int) Math.min(Integer.MAX_VALUE, integer(text, (long) fallback, header));
    }
}
