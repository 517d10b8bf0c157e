package org.lianxin.client;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The completeness report of a federated answer (spec 7.6): which nodes answered, and which did
 * not and why.
 *
 * @param queryId  the query's id, the same on every node it reached
 * @param complete whether every node in scope answered
 * @param nodes    each node asked, with its status
 */
public record Completeness(String queryId, boolean complete, List<NodeStatus> nodes) {

    /** One node's part: its base URL, status (answered, failed, timed-out, refused, rejected) and the reason if any. */
    public record NodeStatus(String node, String status, String reason) {}

    static Completeness of(JsonObject json) {
        List<NodeStatus> nodes = json.getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                .map(n -> new NodeStatus(n.getString("node"), n.getString("status"), n.getString("reason", null))).toList();
        return new Completeness(json.getString("queryId", null), json.getBoolean("complete"), nodes);
    }

    /** The nodes that did not answer. */
    public List<NodeStatus> missing() {
        return nodes.stream().filter(n -> !n.status().equals("answered")).toList();
    }

    @Override
    public String toString() {
        return (complete ? "complete" : "incomplete") + ": " + nodes.size() + " node(s), "
                + (nodes.size() - missing().size()) + " answered" + (missing().isEmpty() ? "" : ", missing " + missing());
    }
}
