package org.lianxin.node.federation;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The completeness report of a federated answer (LX-FED): every node that was asked, whether it
 * answered, failed, timed out, refused or was rejected, and why. An answer is complete only when
 * every node answered; it is never silently partial.
 */
public record Completeness(String queryId, Instant asOf, List<NodeStatus> nodes) {

    /** What became of one node's part of the answer. */
    public record NodeStatus(String node, Status status, String reason, Instant asOf, long elapsedMs) {

        JsonObject toJson() {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("node", node).add("status", status.json());
            if (reason != null) {
                json.add("reason", reason);
            }
            if (asOf != null) {
                json.add("asOf", asOf.toString());
            }
            return json.add("elapsedMs", elapsedMs).build();
        }

        static NodeStatus fromJson(JsonObject json) {
            return new NodeStatus(json.getString("node"), Status.of(json.getString("status")),
                    json.containsKey("reason") ? json.getString("reason") : null,
                    json.containsKey("asOf") ? Instant.parse(json.getString("asOf")) : null,
                    json.getJsonNumber("elapsedMs").longValue());
        }
    }

    public enum Status {
        ANSWERED, FAILED, TIMED_OUT, REFUSED, REJECTED;

        public String json() {
            return this == TIMED_OUT ? "timedOut" : name().toLowerCase();
        }

        static Status of(String json) {
            for (Status s : values()) {
                if (s.json().equals(json)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown node status");
        }
    }

    public boolean complete() {
        return nodes.stream().allMatch(n -> n.status() == Status.ANSWERED);
    }

    public List<NodeStatus> missing() {
        return nodes.stream().filter(n -> n.status() != Status.ANSWERED).toList();
    }

    public JsonObject toJson() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        nodes.forEach(n -> list.add(n.toJson()));
        return JSON.createObjectBuilder()
                .add("queryId", queryId)
                .add("complete", complete())
                .add("asOf", asOf.toString())
                .add("nodes", list)
                .build();
    }

    /** The node statuses of a child's answer's own report, to be merged into this node's. */
    public static List<NodeStatus> nodesOfAnswer(JsonObject answer) {
        return nodesOf(answer.getJsonObject("completeness"));
    }

    static List<NodeStatus> nodesOf(JsonObject completeness) {
        List<NodeStatus> nodes = new ArrayList<>();
        for (JsonValue v : completeness.getJsonArray("nodes")) {
            nodes.add(NodeStatus.fromJson(v.asJsonObject()));
        }
        return nodes;
    }
}
