package org.lianxin.node.tasks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.publications.FromAbove;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * The tasks that reach a node (spec 13.6): its own, and those of every node above, which its parent
 * tells it when asked at {@code {parent}/tasks/inbound} — the mechanism of {@link FromAbove}.
 */
@ApplicationScoped
public class ReachingTasks {

    @Inject
    FromAbove fromAbove;

    /** The tasks not Cancelled, due between {@code from} and {@code to}, of this node and from above. */
    public FromAbove.Seen<TaskSummary> of(LogicalNode node, LocalDate from, LocalDate to) {
        return fromAbove.seen(node, local(node, from, to), "/tasks/inbound?dueFrom=" + from + "&dueTo=" + to, "tasks", TaskSummary::fromJson);
    }

    /** This node's own tasks in the range, kept until the node's next write. */
    List<TaskSummary> local(LogicalNode node, LocalDate from, LocalDate to) {
        String query = "SELECT ?t WHERE { GRAPH ?t { ?t a <" + LX.Task.getURI() + "> ; <" + LX.dueDate.getURI() + "> ?due ; <"
                + LX.taskState.getURI() + "> ?state } FILTER (?state != <" + LX.NS + "Cancelled>) "
                + "FILTER (STR(?due) >= \"" + from + "\" && STR(?due) <= \"" + to + "\") } ORDER BY ?t";
        return node.store().derived("tasks " + from + " " + to, tx -> {
            List<TaskSummary> tasks = new ArrayList<>();
            for (var row : tx.select(QueryFactory.create(query))) {
                Node t = row.get(Var.alloc("t"));
                Graph g = tx.get(t).orElseThrow();
                Node issuer = Lifecycle.value(g, t, LX.issuedBy.asNode()).orElse(t);
                String name = tx.get(issuer).flatMap(o -> Lifecycle.value(o, issuer, SchemaOrg.name.asNode()))
                        .map(Node::getLiteralLexicalForm).orElse("");
                tasks.add(TaskSummary.of(t, g, node.base(), name));
            }
            return List.copyOf(tasks);
        });
    }

    /** LX-TASK-12: what this node tells its child: the tasks it sees that reach one of the child's roots, by due date (Table 13.10). */
    public List<TaskSummary> forChild(LogicalNode node, Child child, FromAbove.Seen<TaskSummary> seen) {
        return fromAbove.forChild(node, child, seen.items(), Comparator.comparing(TaskSummary::dueDate).thenComparing(t -> t.id().getURI()));
    }
}
