package org.lianxin.node.tasks;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.events.Event;
import org.lianxin.node.events.EventLog;
import org.lianxin.node.federation.ChildCall;
import org.lianxin.node.federation.FederationClient;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.rdf.RecordInput;
import org.lianxin.node.organizations.OrganizationLine;
import org.lianxin.node.publications.FromAbove;
import org.lianxin.node.problems.Problem;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.Records;
import org.lianxin.node.store.Record;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * Issuing a task (spec 13.4–13.7): the node checks it, computes its key, merges it into an
 * equivalent open task it sees (LX-TASK-9), answers a data request from the data at once
 * (LX-TASK-10), and stores it in one transaction with the event that announces it — only a task
 * that leaves something to people is announced and passed down (LX-TASK-22).
 */
@ApplicationScoped
public class Tasks {

    private static final Duration STATISTIC_TIMEOUT = Duration.ofSeconds(30);

    /** What a client states of a task; everything else is the node's to set (Table 13.3). */
    private static final List<Node> STATED = List.of(RDF.type.asNode(), LX.taskKind.asNode(), LX.issuedBy.asNode(), LX.target.asNode(),
            SchemaOrg.name.asNode(), SchemaOrg.description.asNode(), LX.dueDate.asNode(), LX.statistic.asNode(), LX.period.asNode(),
            LX.askedField.asNode(), LX.activityType.asNode(), LX.topic.asNode());

    @Inject
    Records records;

    @Inject
    ReachingTasks reaching;

    @Inject
    FederationClient client;

    @Inject
    TaskNotices notices;

    /** LX-TASK-2..10: a new task, as stored. */
    public Record issue(LogicalNode node, Record input, RecordGuard guard, String authorization) {
        RecordCollection tasks = records.tasks();
        Node iri = input.iri();
        Graph task = RecordInput.stated(input, STATED);
        RecordValidator.reject(tasks.validate(new Record(iri, task)));
        Node issuer = Lifecycle.value(task, iri, LX.issuedBy.asNode()).orElseThrow();
        if (!task.contains(iri, LX.target.asNode(), Node.ANY)) {
            task.add(iri, LX.target.asNode(), issuer); // LX-TASK-4: no targets is the issuer's subtree
        }
        node.store().read(tx -> {
            guard.writing(tasks.kind(), iri, Optional.empty(), Optional.of(task));
            RecordValidator.reject(tasks.kind().check(node, tx, iri, task));
            if (!guard.writes(tasks.kind()) || !guard.writable(node, tx, tasks.kind(), iri, task)) {
                throw ProblemException.forbidden("Only a secretary or organization admin over the issuing organization issues its tasks."); // LX-TASK-3
            }
            return null;
        });
        List<Node> targets = task.find(iri, LX.target.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
        String key = TaskSummary.keyOf(task, iri);
        Optional<TaskSummary> into = equivalent(node, key, targets);
        task.add(iri, LX.taskKey.asNode(), NodeFactory.createLiteralString(key));
        task.add(iri, LX.issuedAt.asNode(), Lifecycle.dateTime(Instant.now()));
        into.ifPresent(e -> task.add(iri, LX.mergedInto.asNode(), e.id()));
        boolean asked = task.contains(iri, LX.askedField.asNode(), Node.ANY);
        Optional<JsonObject> answer = task.contains(iri, LX.statistic.asNode(), Node.ANY)
                ? statistic(node, task, iri, authorization) : Optional.empty();
        answer.ifPresent(a -> {
            task.add(iri, LX.answer.asNode(), NodeFactory.createLiteralString(a.toString()));
            task.add(iri, LX.answeredAt.asNode(), Lifecycle.dateTime(Instant.now()));
        });
        Node state = into.isPresent() ? LX.Merged.asNode() : answer.filter(Tasks::complete).isPresent() && !asked ? LX.Answered.asNode() : LX.Open.asNode();
        task.add(iri, LX.taskState.asNode(), state);
        boolean action = task.contains(iri, LX.taskKind.asNode(), LX.ActionRequest.asNode());
        Graph stored = node.store().write(tx -> {
            if (into.isEmpty()) {
                // The same request issued on this node since it looked (a second click): checked again under the one writer.
                sameHere(node, tx, key, targets).ifPresent(e -> {
                    Lifecycle.set(task, iri, LX.mergedInto.asNode(), e);
                    Lifecycle.set(task, iri, LX.taskState.asNode(), LX.Merged.asNode());
                });
            }
            Graph g = tasks.writeIn(node, tx, new Record(iri, task));
            if (!g.contains(iri, LX.mergedInto.asNode(), Node.ANY) && (asked || action)) {
                EventLog.append(tx, Event.TASK, eventData(iri, g, node.base()), List.of(), List.of(), targets);
            }
            return g;
        });
        if (!stored.contains(iri, LX.mergedInto.asNode(), Node.ANY) && (asked || action)) {
            notices.pass(node, summary(node, iri, stored), targets);
        }
        return Records.asStored(node, iri, stored);
    }

    /** The data of a task event (Table 14.7): what it is and when it is due, nothing more. */
    static JsonObject eventData(Node iri, Graph task, String nodeBase) {
        return JSON.createObjectBuilder().add("task", iri.getURI())
                .add("taskKind", Lifecycle.value(task, iri, LX.taskKind.asNode()).map(Node::getLocalName).orElse(""))
                .add("name", Lifecycle.value(task, iri, SchemaOrg.name.asNode()).map(Node::getLiteralLexicalForm).orElse(""))
                .add("dueDate", Lifecycle.value(task, iri, LX.dueDate.asNode()).map(Node::getLiteralLexicalForm).orElse(""))
                .add("issuedBy", Lifecycle.value(task, iri, LX.issuedBy.asNode()).map(Node::getURI).orElse(""))
                .add("node", nodeBase).build();
    }

    TaskSummary summary(LogicalNode node, Node iri, Graph task) {
        Node issuer = Lifecycle.value(task, iri, LX.issuedBy.asNode()).orElse(iri);
        String name = node.store().read(tx -> tx.get(issuer)).flatMap(o -> Lifecycle.value(o, issuer, SchemaOrg.name.asNode()))
                .map(Node::getLiteralLexicalForm).orElse("");
        return TaskSummary.of(iri, task, node.base(), name);
    }

    /**
     * LX-TASK-9: the earliest issued open task with the same key that reaches every target, among
     * the tasks this node sees. When the parent cannot be asked, only this node's tasks are seen:
     * a branch may then be asked twice, but nothing is lost.
     */
    private Optional<TaskSummary> equivalent(LogicalNode node, String key, List<Node> targets) {
        LocalDate today = LocalDate.now(Lifecycle.CHINA);
        FromAbove.Seen<TaskSummary> seen = reaching.of(node, today, LocalDate.of(9999, 12, 31));
        List<List<Node>> lines = node.store().read(tx -> targets.stream().map(t -> OrganizationLine.of(node, tx, t)).toList());
        return seen.items().stream()
                .filter(t -> t.taskKey().equals(key) && lines.stream().allMatch(t::reaches))
                .min(Comparator.comparing(TaskSummary::issuedAt));
    }

    /** An open task of this node with {@code key} that reaches every one of {@code targets}, the earliest issued (LX-TASK-9). */
    private static Optional<Node> sameHere(LogicalNode node, RecordTransaction tx, String key, List<Node> targets) {
        String today = LocalDate.now(Lifecycle.CHINA).toString();
        List<List<Node>> lines = targets.stream().map(t -> OrganizationLine.of(node, tx, t)).toList();
        return tx.find(Node.ANY, Node.ANY, LX.taskKey.asNode(), NodeFactory.createLiteralString(key)).stream()
                .map(q -> q.getGraph())
                .filter(t -> tx.get(t).filter(g -> !g.contains(t, LX.taskState.asNode(), LX.Cancelled.asNode())
                        && Lifecycle.value(g, t, LX.dueDate.asNode()).filter(d -> d.getLiteralLexicalForm().compareTo(today) >= 0).isPresent()
                        && lines.stream().allMatch(line -> g.find(t, LX.target.asNode(), Node.ANY).mapWith(Triple::getObject).toList()
                                .stream().anyMatch(line::contains))).isPresent())
                .min(java.util.Comparator.comparing(t -> tx.get(t).flatMap(g -> Lifecycle.value(g, t, LX.issuedAt.asNode()))
                        .map(Node::getLiteralLexicalForm).orElse("")));
    }

    /**
     * LX-TASK-10: the data request's statistic over its targets, computed by this node's own
     * statistics route with the issuing caller's rights; empty when it could not be computed.
     */
    Optional<JsonObject> statistic(LogicalNode node, Graph task, Node iri, String authorization) {
        String statistic = Lifecycle.value(task, iri, LX.statistic.asNode()).map(Node::getLocalName).orElseThrow();
        String period = Lifecycle.value(task, iri, LX.period.asNode()).map(Node::getLiteralLexicalForm).orElse("");
        String path = switch (statistic) {
            case "DuesCollection" -> "/statistics/dues?month=" + period;
            case "MeetingCompliance" -> "/statistics/compliance?year=" + period.substring(0, 4)
                    + (period.length() == 7 ? "&through=" + period : "");
            default -> "/statistics/members?groupBy=stage";
        };
        String organizations = task.find(iri, LX.target.asNode(), Node.ANY).mapWith(Triple::getObject).toList().stream()
                .map(t -> "organization=" + URLEncoder.encode(t.getURI(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        URI url = URI.create(node.base() + path + "&" + organizations + "&scope=subtree&partial=true");
        ChildCall call = client.call(node.base(), HttpRequest.newBuilder(url).GET().header("Accept", "application/json"),
                STATISTIC_TIMEOUT, authorization);
        return call.answered() ? call.json() : Optional.empty();
    }

    static boolean complete(JsonObject answer) {
        return answer.get("completeness") instanceof JsonObject c && c.get("complete") == JsonValue.TRUE;
    }

    /** LX-TASK-11: the data request's statistic now; a task still Open becomes Answered when it is complete. */
    public JsonObject answerNow(LogicalNode node, Record task, String authorization) {
        Node iri = task.iri();
        if (!task.graph().contains(iri, LX.statistic.asNode(), Node.ANY)) {
            throw ProblemException.conflict("The task asks for no statistic; nothing to compute.",
                    List.of(new FieldError("statistic", "task-answer", "Only a data request with a statistic has an answer.", "LX-TASK-11")));
        }
        JsonObject answer = statistic(node, task.graph(), iri, authorization)
                .orElseThrow(() -> Problem.of(503, "The statistic could not be computed now; try again.").exception());
        boolean open = Lifecycle.value(task.graph(), iri, LX.taskState.asNode()).filter(LX.Open.asNode()::equals).isPresent();
        if (complete(answer) && open && !task.graph().contains(iri, LX.askedField.asNode(), Node.ANY)) {
            node.store().write(tx -> {
                Graph before = tx.get(iri).orElseThrow();
                if (!before.contains(iri, LX.taskState.asNode(), LX.Open.asNode())) {
                    return null;
                }
                Graph after = Lifecycle.withoutDates(before, iri);
                Lifecycle.set(after, iri, LX.taskState.asNode(), LX.Answered.asNode());
                Lifecycle.set(after, iri, LX.answer.asNode(), NodeFactory.createLiteralString(answer.toString()));
                Lifecycle.set(after, iri, LX.answeredAt.asNode(), Lifecycle.dateTime(Instant.now()));
                tx.put(iri, Lifecycle.stamped(after, iri, Optional.of(before), Lifecycle.writeTime(Optional.of(before), iri)));
                return null;
            });
        }
        return answer;
    }

    /** LX-TASK-20: the issuer withdraws the task; it leaves every inbox. */
    public Record cancel(LogicalNode node, Record seen, RecordGuard guard) {
        Node iri = seen.iri();
        RecordCollection tasks = records.tasks();
        if (!node.store().read(tx -> guard.writable(node, tx, tasks.kind(), iri, seen.graph()))) {
            throw ProblemException.forbidden("Only a secretary or organization admin over the issuing organization cancels its tasks."); // LX-TASK-20
        }
        Graph stored = node.store().write(tx -> {
            Graph before = tx.get(iri).orElseThrow();
            if (before.contains(iri, LX.taskState.asNode(), LX.Cancelled.asNode())) {
                throw ProblemException.conflict("The task is Cancelled already.",
                        List.of(new FieldError("taskState", "task-state", "A Cancelled task cannot be cancelled again.", "LX-TASK-20")));
            }
            Graph after = Lifecycle.withoutDates(before, iri);
            Lifecycle.set(after, iri, LX.taskState.asNode(), LX.Cancelled.asNode());
            Graph g = Lifecycle.stamped(after, iri, Optional.of(before), Lifecycle.writeTime(Optional.of(before), iri));
            tx.put(iri, g);
            return g;
        });
        return Records.asStored(node, iri, stored);
    }
}
