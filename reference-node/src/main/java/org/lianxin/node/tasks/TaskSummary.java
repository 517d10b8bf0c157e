package org.lianxin.node.tasks;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.lianxin.node.publications.Reaching;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * What a node tells of a task to the nodes below (Table 13.9): enough to list it in an inbox, to
 * compare its key and to tell which organizations it reaches — never a person (LX-TASK-23).
 *
 * @param reaches for a task of a node above, the roots of this node it reaches (LX-TASK-12);
 *                empty for this node's own tasks, whose targets tell
 */
public record TaskSummary(Node id, String taskKind, Node issuedBy, String issuerName, String node, String name,
                          LocalDate dueDate, String issuedAt, String taskState, String taskKey, Optional<Node> mergedInto,
                          Optional<String> statistic, Optional<String> period, List<String> askedFields,
                          Optional<String> activityType, Optional<String> topic, List<Node> targets, List<Node> reaches)
        implements Reaching<TaskSummary> {

    public boolean dataRequest() {
        return taskKind.equals("DataRequest");
    }

    /** A data request nobody has to do anything for: the nodes' data answer it (LX-TASK-10). */
    public boolean answeredByData() {
        return dataRequest() && askedFields.isEmpty();
    }

    @Override
    public boolean reaches(List<Node> line) {
        return targets.stream().anyMatch(line::contains) || !line.isEmpty() && reaches.contains(line.get(line.size() - 1));
    }

    @Override
    public TaskSummary reaching(List<Node> roots) {
        return new TaskSummary(id, taskKind, issuedBy, issuerName, node, name, dueDate, issuedAt, taskState, taskKey, mergedInto,
                statistic, period, askedFields, activityType, topic, targets, List.copyOf(roots));
    }

    /** The summary of a task record of this node. */
    static TaskSummary of(Node iri, Graph task, String nodeBase, String issuerName) {
        return new TaskSummary(iri, local(task, iri, LX.taskKind).orElse(""), value(task, iri, LX.issuedBy.asNode()).orElse(iri),
                issuerName, nodeBase, text(task, iri, SchemaOrg.name.asNode()).orElse(""),
                text(task, iri, LX.dueDate.asNode()).map(LocalDate::parse).orElse(LocalDate.MIN),
                text(task, iri, LX.issuedAt.asNode()).orElse(""), local(task, iri, LX.taskState).orElse("Open"),
                text(task, iri, LX.taskKey.asNode()).orElse(""), value(task, iri, LX.mergedInto.asNode()),
                local(task, iri, LX.statistic), text(task, iri, LX.period.asNode()),
                task.find(iri, LX.askedField.asNode(), Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).toList(),
                local(task, iri, LX.activityType), text(task, iri, LX.topic.asNode()),
                task.find(iri, LX.target.asNode(), Node.ANY).mapWith(Triple::getObject).toList(), List.of());
    }

    /** The key of a task record as the client wrote it (LX-TASK-7). */
    static String keyOf(Graph task, Node iri) {
        if (local(task, iri, LX.taskKind).orElse("").equals("ActionRequest")) {
            return TaskKey.actionRequest(local(task, iri, LX.activityType).orElse(""), text(task, iri, LX.topic.asNode()).orElse(""),
                    YearMonth.from(LocalDate.parse(text(task, iri, LX.dueDate.asNode()).orElseThrow())));
        }
        return TaskKey.dataRequest(local(task, iri, LX.statistic), text(task, iri, LX.period.asNode()),
                task.find(iri, LX.askedField.asNode(), Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).toList());
    }

    @Override
    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", id.getURI()).add("taskKind", taskKind).add("issuedBy", issuedBy.getURI()).add("issuerName", issuerName)
                .add("node", node).add("name", name).add("dueDate", dueDate.toString()).add("issuedAt", issuedAt)
                .add("taskState", taskState).add("taskKey", taskKey);
        mergedInto.ifPresent(m -> json.add("mergedInto", m.getURI()));
        statistic.ifPresent(s -> json.add("statistic", s));
        period.ifPresent(p -> json.add("period", p));
        json.add("askedFields", JSON.createArrayBuilder(askedFields));
        activityType.ifPresent(a -> json.add("activityType", a));
        topic.ifPresent(t -> json.add("topic", t));
        json.add("targets", JSON.createArrayBuilder(targets.stream().map(Node::getURI).toList()));
        json.add("reaches", JSON.createArrayBuilder(reaches.stream().map(Node::getURI).toList()));
        return json.build();
    }

    /** A summary another node sent, or empty when it is not one (the whole answer is then not used). */
    static Optional<TaskSummary> fromJson(JsonValue value) {
        try {
            JsonObject o = value.asJsonObject();
            return Optional.of(new TaskSummary(iri(o.getString("id")), o.getString("taskKind"), iri(o.getString("issuedBy")),
                    o.getString("issuerName", ""), o.getString("node"), o.getString("name"), LocalDate.parse(o.getString("dueDate")),
                    o.getString("issuedAt", ""), o.getString("taskState"), o.getString("taskKey"),
                    Optional.ofNullable(o.getString("mergedInto", null)).map(TaskSummary::iri),
                    Optional.ofNullable(o.getString("statistic", null)), Optional.ofNullable(o.getString("period", null)),
                    strings(o.getJsonArray("askedFields")), Optional.ofNullable(o.getString("activityType", null)),
                    Optional.ofNullable(o.getString("topic", null)),
                    strings(o.getJsonArray("targets")).stream().map(TaskSummary::iri).toList(),
                    strings(o.getJsonArray("reaches")).stream().map(TaskSummary::iri).toList()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static Node iri(String value) {
        if (!value.matches(org.lianxin.node.records.References.ABSOLUTE_IRI)) {
            throw new IllegalArgumentException("not an IRI: " + value);
        }
        return NodeFactory.createURI(value);
    }

    private static Optional<Node> value(Graph g, Node s, Node p) {
        return Lifecycle.value(g, s, p);
    }

    private static Optional<String> text(Graph g, Node s, Node p) {
        return Lifecycle.value(g, s, p).filter(Node::isLiteral).map(Node::getLiteralLexicalForm);
    }

    /** A vocabulary value by its JSON name (lx:DataRequest → DataRequest). */
    private static Optional<String> local(Graph g, Node s, org.apache.jena.rdf.model.Property p) {
        return Lifecycle.value(g, s, p.asNode()).filter(Node::isURI).map(Node::getLocalName);
    }
}
