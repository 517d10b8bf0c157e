package org.lianxin.node.learning;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.time.LocalDate;
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
import org.lianxin.node.records.References;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * What a node tells of a course to the nodes below and to a member (Table 16.8): enough to list it,
 * to open its materials and to tell whom it reaches — organizations, never a person (LX-LEARN-20).
 *
 * @param reaches for a course of a node above, the roots of this node it reaches (LX-LEARN-9);
 *                empty for this node's own courses, whose targets tell
 */
public record CourseSummary(Node id, Node publishedBy, String publisherName, String node, String name, Optional<String> description,
                            List<String> materials, int expectedMinutes, List<String> audience, LocalDate dueDate, String publishedAt,
                            List<Node> targets, List<Node> reaches) implements Reaching<CourseSummary> {

    /**
     * LX-LEARN-8, by the rule of LX-TASK-8: whether the course reaches the organization whose line on
     * this node is {@code line} (the organization first, this node's root last).
     */
    @Override
    public boolean reaches(List<Node> line) {
        return Reaching.reaches(targets, reaches, line);
    }

    @Override
    public CourseSummary reaching(List<Node> roots) {
        return new CourseSummary(id, publishedBy, publisherName, node, name, description, materials, expectedMinutes, audience, dueDate,
                publishedAt, targets, List.copyOf(roots));
    }

    /** The summary of a course record of this node. */
    static CourseSummary of(Node iri, Graph course, String nodeBase, String publisherName) {
        List<String> audience = course.find(iri, LX.audience.asNode(), Node.ANY).mapWith(t -> t.getObject().getLocalName()).toList();
        return new CourseSummary(iri, Lifecycle.value(course, iri, LX.publishedBy.asNode()).orElse(iri), publisherName, nodeBase,
                text(course, iri, SchemaOrg.name.asNode()).orElse(""), text(course, iri, SchemaOrg.description.asNode()),
                course.find(iri, LX.material.asNode(), Node.ANY).mapWith(t -> t.getObject().getURI()).toList().stream().sorted().toList(),
                text(course, iri, LX.expectedMinutes.asNode()).map(Integer::parseInt).orElse(0),
                audience.isEmpty() ? List.of("AllMembers") : Audience.VALUES.stream().filter(audience::contains).toList(),
                text(course, iri, LX.dueDate.asNode()).map(LocalDate::parse).orElse(LocalDate.MIN),
                text(course, iri, LX.publishedAt.asNode()).orElse(""),
                course.find(iri, LX.target.asNode(), Node.ANY).mapWith(Triple::getObject).toList(), List.of());
    }

    @Override
    public JsonObject toJson() {
        return fields().build();
    }

    /** The keys of Table 16.8 but targets and reaches, which a member's course list leaves out (Table 16.10). */
    JsonObjectBuilder listed() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", id.getURI()).add("publishedBy", publishedBy.getURI()).add("publisherName", publisherName)
                .add("node", node).add("name", name);
        description.ifPresent(d -> json.add("description", d));
        return json.add("materials", JSON.createArrayBuilder(materials)).add("expectedMinutes", expectedMinutes)
                .add("audience", JSON.createArrayBuilder(audience)).add("dueDate", dueDate.toString()).add("publishedAt", publishedAt);
    }

    private JsonObjectBuilder fields() {
        return listed().add("targets", JSON.createArrayBuilder(targets.stream().map(Node::getURI).toList()))
                .add("reaches", JSON.createArrayBuilder(reaches.stream().map(Node::getURI).toList()));
    }

    /** A summary another node sent, or empty when it is not one (the whole answer is then not used). */
    static Optional<CourseSummary> fromJson(JsonValue value) {
        try {
            JsonObject o = value.asJsonObject();
            List<String> audience = strings(o.getJsonArray("audience"));
            if (audience.isEmpty() || !Audience.VALUES.containsAll(audience)) {
                return Optional.empty();
            }
            return Optional.of(new CourseSummary(iri(o.getString("id")), iri(o.getString("publishedBy")), o.getString("publisherName", ""),
                    o.getString("node"), o.getString("name"), Optional.ofNullable(o.getString("description", null)),
                    strings(o.getJsonArray("materials")), o.getInt("expectedMinutes"), audience, LocalDate.parse(o.getString("dueDate")),
                    o.getString("publishedAt", ""), strings(o.getJsonArray("targets")).stream().map(CourseSummary::iri).toList(),
                    strings(o.getJsonArray("reaches")).stream().map(CourseSummary::iri).toList()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static Node iri(String value) {
        if (!value.matches(References.ABSOLUTE_IRI)) {
            throw new IllegalArgumentException("not an IRI: " + value);
        }
        return NodeFactory.createURI(value);
    }

    private static Optional<String> text(Graph g, Node s, Node p) {
        return Lifecycle.value(g, s, p).filter(Node::isLiteral).map(Node::getLiteralLexicalForm);
    }
}
