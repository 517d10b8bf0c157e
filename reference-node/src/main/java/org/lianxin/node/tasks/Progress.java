package org.lianxin.node.tasks;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.lianxin.node.nodes.LogicalNode;

/**
 * How far the branches a task reaches have done it (spec 13.10, LX-TASK-17): counted where the
 * branches are, added up the tree; the branches still missing are listed by organization, never
 * by person.
 */
public record Progress(long branches, long completed, List<Branches.Branch> missing) {

    public Progress plus(Progress other) {
        List<Branches.Branch> both = new ArrayList<>(missing);
        both.addAll(other.missing);
        return new Progress(branches + other.branches, completed + other.completed, both);
    }

    /** This node's part: its branches under {@code roots} and which of them completed {@code key}. */
    static Progress local(LogicalNode node, List<Node> roots, String key) {
        List<Branches.Branch> branches = Branches.under(node, roots);
        if (key.startsWith("DataRequest\n") && key.split("\n", -1).length == 3) {
            return new Progress(branches.size(), branches.size(), List.of()); // answered by the data: nothing for a branch to do (13.10)
        }
        List<Branches.Branch> missing = node.store().read(tx -> branches.stream()
                .filter(b -> Completions.existing(tx, b.iri(), key).isEmpty()).toList());
        return new Progress(branches.size(), branches.size() - missing.size(), missing);
    }

    public JsonObjectBuilder toJson() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        missing.forEach(b -> list.add(JSON.createObjectBuilder().add("organization", b.iri().getURI()).add("name", b.name())));
        return JSON.createObjectBuilder().add("branches", branches).add("completed", completed).add("missing", list);
    }

    /** The numbers of a child's answer, or null when it is not a progress answer. */
    static Progress fromJson(JsonObject answer) {
        try {
            long branches = ((JsonNumber) answer.get("branches")).longValueExact();
            long completed = ((JsonNumber) answer.get("completed")).longValueExact();
            List<Branches.Branch> missing = new ArrayList<>();
            for (JsonValue v : answer.getJsonArray("missing")) {
                JsonObject m = v.asJsonObject();
                missing.add(new Branches.Branch(NodeFactory.createURI(m.getString("organization")), m.getString("name")));
            }
            return branches < 0 || completed < 0 || completed > branches || missing.size() != branches - completed ? null
                    : new Progress(branches, completed, missing);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
