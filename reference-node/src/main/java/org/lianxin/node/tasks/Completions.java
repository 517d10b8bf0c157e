package org.lianxin.node.tasks;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.rdf.RecordInput;
import org.lianxin.node.problems.Problem;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.Records;
import org.lianxin.node.store.Record;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.LX;

/**
 * A branch completes a task (spec 13.8, LX-TASK-15, -16): once per task key, which completes every
 * request with that key for the branch, however many levels asked.
 */
@ApplicationScoped
public class Completions {

    private static final List<Node> STATED = List.of(RDF.type.asNode(), LX.completes.asNode(), LX.completedBy.asNode(),
            LX.evidence.asNode(), LX.note.asNode());

    @Inject
    Records records;

    @Inject
    Inbox inbox;

    /** LX-TASK-15: the completion as stored. */
    public Record complete(LogicalNode node, Record input, RecordGuard guard) {
        RecordCollection completions = records.completions();
        Node iri = input.iri();
        Graph completion = RecordInput.stated(input, STATED);
        RecordValidator.reject(completions.validate(new Record(iri, completion)));
        Node branch = Lifecycle.value(completion, iri, LX.completedBy.asNode()).orElseThrow();
        Node task = Lifecycle.value(completion, iri, LX.completes.asNode()).orElseThrow();
        // Table 13.14, in its order.
        node.store().read(tx -> {
            guard.writing(completions.kind(), iri, Optional.empty(), Optional.of(completion));
            if (!guard.writes(completions.kind())) {
                throw ProblemException.forbidden("Only a secretary or organization admin over the branch completes its tasks.");
            }
            RecordValidator.reject(completions.kind().check(node, tx, iri, completion));
            if (!guard.writable(node, tx, completions.kind(), iri, completion)) {
                throw ProblemException.forbidden("Only a secretary or organization admin over the branch completes its tasks."); // LX-TASK-15
            }
            return null;
        });
        Inbox.Item item = inbox.of(node, branch).items().stream()
                .filter(i -> i.requests().stream().anyMatch(r -> r.id().equals(task)))
                .filter(i -> i.status() == Inbox.Status.ToDo || i.status() == Inbox.Status.Done)
                .findFirst().orElseThrow(() -> ProblemException.invalid("completes", "task-completion",
                        "completes names a task the branch has to do: one in its inbox, ToDo or Done.", "LX-TASK-15"));
        if (item.status() == Inbox.Status.Done) {
            throw Problem.of(409, "The branch completed this task already.").withErrors(List.of(new Problem.FieldError(
                    "completes", "task-completed", "Completed already: " + item.completion().map(Node::getURI).orElse(""), "LX-TASK-16")))
                    .withLocation(item.completion().map(Node::getURI).orElse(null)).exception();
        }
        TaskSummary first = item.requests().get(0);
        if (first.dataRequest() && !completion.contains(iri, LX.note.asNode(), Node.ANY)) {
            throw ProblemException.invalid("note", "task-note", "A data request's askedFields are answered in note.", "LX-TASK-15");
        }
        completion.add(iri, LX.taskKey.asNode(), NodeFactory.createLiteralString(item.taskKey()));
        completion.add(iri, LX.completedAt.asNode(), Lifecycle.dateTime(Instant.now()));
        Graph stored = node.store().write(tx -> {
            if (!first.dataRequest()) {
                checkEvidence(tx, completion, iri, branch, first);
            }
            return completions.writeIn(node, tx, new Record(iri, completion));
        });
        return Records.asStored(node, iri, stored);
    }

    /** LX-TASK-15: an action request is completed with the activity it asked for, held by the branch. */
    private static void checkEvidence(RecordTransaction tx, Graph completion, Node iri, Node branch, TaskSummary task) {
        List<Node> evidence = completion.find(iri, LX.evidence.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
        Node type = NodeFactory.createURI(LX.NS + task.activityType().orElse(""));
        boolean shown = !evidence.isEmpty() && evidence.stream().allMatch(a -> tx.get(a)
                .filter(g -> !Lifecycle.isTombstone(g, a) && g.contains(a, RDF.type.asNode(), LX.Activity.asNode())
                        && g.contains(a, LX.heldBy.asNode(), branch) && g.contains(a, LX.activityType.asNode(), type))
                .isPresent());
        if (!shown) {
            throw ProblemException.invalid("evidence", "task-evidence",
                    "evidence names activities of this node held by the branch, of the activity type the task asks for.", "LX-TASK-15");
        }
    }

    /** The completion of {@code organization} for {@code key}, if it made one. */
    static Optional<Node> existing(RecordTransaction tx, Node organization, String key) {
        return tx.find(Node.ANY, Node.ANY, LX.completedBy.asNode(), organization).stream().map(Quad::getGraph)
                .filter(c -> tx.find(c, c, LX.taskKey.asNode(), NodeFactory.createLiteralString(key)).size() > 0)
                .filter(c -> tx.find(c, c, RDF.type.asNode(), LX.Tombstone.asNode()).isEmpty())
                .findFirst();
    }

    /** Every completion of {@code organization}, by task key. */
    static Map<String, Node> ofOrganization(RecordTransaction tx, Node organization) {
        Map<String, Node> byKey = new HashMap<>();
        for (Quad q : tx.find(Node.ANY, Node.ANY, LX.completedBy.asNode(), organization)) {
            Node c = q.getGraph();
            if (tx.find(c, c, RDF.type.asNode(), LX.Tombstone.asNode()).isEmpty()) {
                tx.find(c, c, LX.taskKey.asNode(), Node.ANY).forEach(k -> byKey.putIfAbsent(k.getObject().getLiteralLexicalForm(), c));
            }
        }
        return byKey;
    }
}
