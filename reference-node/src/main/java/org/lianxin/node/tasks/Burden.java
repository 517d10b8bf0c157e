package org.lianxin.node.tasks;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.apache.jena.graph.Node;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.OrganizationLine;

/**
 * The burden report (spec 13.11, LX-TASK-18): for the branches of a subtree, the requests that
 * reached them in a period — received, merged into an equal one, answered by the data, left to
 * people — and the hours they would have cost and still cost. This is how a superior sees whether
 * it adds to the branches' load (层层加码) and what asking once saved.
 */
public record Burden(long branches, Counts dataRequests, Counts actionRequests, BigDecimal hoursAsked, BigDecimal hoursLeft) {

    /** The counts of one kind of task; received = merged + answeredByData + leftToPeople. */
    public record Counts(long received, long merged, long answeredByData, long leftToPeople) {
        static final Counts NONE = new Counts(0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(received + o.received, merged + o.merged, answeredByData + o.answeredByData, leftToPeople + o.leftToPeople);
        }

        JsonObjectBuilder toJson() {
            return JSON.createObjectBuilder().add("received", received).add("merged", merged)
                    .add("answeredByData", answeredByData).add("leftToPeople", leftToPeople);
        }

        static Counts fromJson(JsonObject o) {
            Counts c = new Counts(count(o, "received"), count(o, "merged"), count(o, "answeredByData"), count(o, "leftToPeople"));
            if (c.received != c.merged + c.answeredByData + c.leftToPeople) {
                throw new IllegalArgumentException("counts that do not add up");
            }
            return c;
        }
    }

    public Burden plus(Burden o) {
        return new Burden(branches + o.branches, dataRequests.plus(o.dataRequests), actionRequests.plus(o.actionRequests),
                hoursAsked.add(o.hoursAsked), hoursLeft.add(o.hoursLeft));
    }

    /** This node's part: each of its branches under {@code roots}, with the tasks due in {@code period} that reach it. */
    static Burden local(LogicalNode node, List<Node> roots, String period, List<TaskSummary> tasks, TaskSettings hours) {
        List<Branches.Branch> branches = Branches.under(node, roots);
        List<TaskSummary> inPeriod = tasks.stream().filter(t -> t.dueDate().toString().startsWith(period)).toList();
        Counts data = Counts.NONE;
        Counts action = Counts.NONE;
        BigDecimal asked = BigDecimal.ZERO;
        BigDecimal left = BigDecimal.ZERO;
        List<List<Node>> lines = node.store().read(tx -> branches.stream().map(b -> OrganizationLine.of(node, tx, b.iri())).toList());
        for (List<Node> line : lines) {
            Map<String, List<TaskSummary>> groups = new LinkedHashMap<>();
            inPeriod.stream().filter(t -> t.reaches(line)).forEach(t -> groups.computeIfAbsent(t.taskKey(), k -> new ArrayList<>()).add(t));
            for (List<TaskSummary> group : groups.values()) {
                TaskSummary first = group.get(0);
                BigDecimal each = hours.of(first.taskKind());
                long merged = group.size() - 1L;
                boolean byData = first.answeredByData();
                Counts counts = new Counts(group.size(), merged, byData ? 1 : 0, byData ? 0 : 1);
                if (first.dataRequest()) {
                    data = data.plus(counts);
                } else {
                    action = action.plus(counts);
                }
                asked = asked.add(each.multiply(BigDecimal.valueOf(group.size())));
                left = byData ? left : left.add(each);
            }
        }
        return new Burden(branches.size(), data, action, asked, left);
    }

    public JsonObjectBuilder toJson() {
        Counts all = dataRequests.plus(actionRequests);
        return JSON.createObjectBuilder().add("branches", branches)
                .add("received", all.received).add("merged", all.merged).add("answeredByData", all.answeredByData)
                .add("leftToPeople", all.leftToPeople)
                .add("hoursAsked", hoursAsked).add("hoursLeft", hoursLeft).add("hoursSaved", hoursAsked.subtract(hoursLeft))
                .add("byKind", JSON.createObjectBuilder().add("DataRequest", dataRequests.toJson()).add("ActionRequest", actionRequests.toJson()));
    }

    /** The numbers of a child's answer, or null when it is not a burden report. */
    static Burden fromJson(JsonObject answer) {
        try {
            JsonObject byKind = answer.getJsonObject("byKind");
            Burden b = new Burden(count(answer, "branches"), Counts.fromJson(byKind.getJsonObject("DataRequest")),
                    Counts.fromJson(byKind.getJsonObject("ActionRequest")), answer.getJsonNumber("hoursAsked").bigDecimalValue(),
                    answer.getJsonNumber("hoursLeft").bigDecimalValue());
            return b.hoursAsked.signum() < 0 || b.hoursLeft.signum() < 0 ? null : b;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long count(JsonObject o, String key) {
        long n = ((JsonNumber) o.get(key)).longValueExact();
        if (n < 0) {
            throw new IllegalArgumentException(key);
        }
        return n;
    }
}
