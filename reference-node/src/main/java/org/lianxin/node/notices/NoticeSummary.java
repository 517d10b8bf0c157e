package org.lianxin.node.notices;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
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
 * What a node tells of a notice to the nodes below and shows in a member's feed (Table 17.6): what
 * a member reads, and which organizations it reaches — never a person (LX-NOTICE-15).
 *
 * @param reaches for a notice of a node above, the roots of this node it reaches (LX-NOTICE-8);
 *                empty for this node's own notices, whose targets tell
 */
public record NoticeSummary(Node id, String node, Node publishedBy, String publisherName, String name, String text,
                            List<Node> attachments, String publishedAt, List<Node> targets, List<Node> reaches)
        implements Reaching<NoticeSummary> {

    /** Newest first, then by id (Tables 17.6 and 17.7); times of different nodes compared as instants. */
    static final Comparator<NoticeSummary> NEWEST_FIRST = Comparator.comparing(NoticeSummary::instant).reversed()
            .thenComparing(n -> n.id().getURI());

    Instant instant() {
        return OffsetDateTime.parse(publishedAt).toInstant();
    }

    /**
     * LX-NOTICE-7, the rule of LX-TASK-8: whether the notice reaches the organization whose line on
     * this node is {@code line} (the organization first, this node's root last): a target on the
     * line, or this node's root reached from above.
     */
    @Override
    public boolean reaches(List<Node> line) {
        return targets.stream().anyMatch(line::contains) || !line.isEmpty() && reaches.contains(line.get(line.size() - 1));
    }

    @Override
    public NoticeSummary reaching(List<Node> roots) {
        return new NoticeSummary(id, node, publishedBy, publisherName, name, text, attachments, publishedAt, targets, List.copyOf(roots));
    }

    /** The summary of a notice record of this node. */
    static NoticeSummary of(Node iri, Graph notice, String nodeBase, String publisherName) {
        return new NoticeSummary(iri, nodeBase, Lifecycle.value(notice, iri, LX.publishedBy.asNode()).orElse(iri), publisherName,
                text(notice, iri, SchemaOrg.name.asNode()), text(notice, iri, SchemaOrg.text.asNode()),
                notice.find(iri, LX.attachment.asNode(), Node.ANY).mapWith(Triple::getObject).toList().stream()
                        .sorted(Comparator.comparing(Node::getURI)).toList(),
                text(notice, iri, LX.publishedAt.asNode()),
                notice.find(iri, LX.target.asNode(), Node.ANY).mapWith(Triple::getObject).toList(), List.of());
    }

    /** The summary as Table 17.6 gives it; without {@code reaches} in a feed. */
    @Override
    public JsonObject toJson() {
        return fields().add("reaches", JSON.createArrayBuilder(reaches.stream().map(Node::getURI).toList())).build();
    }

    JsonObjectBuilder fields() {
        return JSON.createObjectBuilder().add("id", id.getURI()).add("node", node).add("publishedBy", publishedBy.getURI())
                .add("publisherName", publisherName).add("name", name).add("text", text)
                .add("attachments", JSON.createArrayBuilder(attachments.stream().map(Node::getURI).toList()))
                .add("publishedAt", publishedAt)
                .add("targets", JSON.createArrayBuilder(targets.stream().map(Node::getURI).toList()));
    }

    /** A summary another node sent, or empty when it is not one (the whole answer is then not used). */
    public static Optional<NoticeSummary> fromJson(JsonValue value) {
        try {
            JsonObject o = value.asJsonObject();
            NoticeSummary summary = new NoticeSummary(iri(o.getString("id")), o.getString("node"), iri(o.getString("publishedBy")),
                    o.getString("publisherName", ""), o.getString("name"), o.getString("text"), iris(o.getJsonArray("attachments")),
                    o.getString("publishedAt"), iris(o.getJsonArray("targets")), iris(o.getJsonArray("reaches")));
            summary.instant(); // a time that is no xsd:dateTime with a zone is no summary
            return Optional.of(summary);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Node> iris(JsonArray array) {
        return array == null ? List.of() : array.getValuesAs(JsonString.class).stream().map(s -> iri(s.getString())).toList();
    }

    private static Node iri(String value) {
        if (!value.matches(References.ABSOLUTE_IRI)) {
            throw new IllegalArgumentException("not an IRI: " + value);
        }
        return NodeFactory.createURI(value);
    }

    private static String text(Graph g, Node s, Node p) {
        return Lifecycle.value(g, s, p).filter(Node::isLiteral).map(Node::getLiteralLexicalForm).orElse("");
    }
}
