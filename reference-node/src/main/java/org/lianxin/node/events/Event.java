package org.lianxin.node.events;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;

import org.apache.jena.graph.Node;

/**
 * One event of a node's stream (spec 14.8): its place in the node's sequence, its type, its data,
 * and who may receive it — persons by IRI in {@code members} (a member by their member record, a
 * resident by their resident IRI, spec 18.7), callers acting for organizations by IRI, and callers
 * acting for an organization that one of {@code reach} is, or lies above (a task's targets).
 */
public record Event(long id, String type, JsonObject data, Instant at, List<Node> members, List<Node> organizations, List<Node> reach) {

    /** The event types of Table 14.7. */
    public static final String FEEDBACK = "feedback";
    public static final String REPLY = "reply";
    public static final String FEEDBACK_STATE = "feedback-state";
    public static final String TASK = "task";
    /** A thread assigned to a member or an organization (Table 18.7). */
    public static final String ASSIGNMENT = "assignment";
}
