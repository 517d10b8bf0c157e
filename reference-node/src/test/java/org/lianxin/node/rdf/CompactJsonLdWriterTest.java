package org.lianxin.node.rdf;

import org.lianxin.spec.ContextTerms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lianxin.spec.JsonLdContexts;
import org.lianxin.spec.SpecResources;

/**
 * The node's own compact JSON-LD writer is checked against a real JSON-LD 1.1 processor (Titanium,
 * through Jena): expanding what it writes gives back the very graph it was given.
 */
class CompactJsonLdWriterTest {

    private static final ContextTerms TERMS = new ContextTerms(SpecResources.contextJson());
    private static final CompactJsonLdWriter WRITER = new CompactJsonLdWriter(TERMS);

    @ParameterizedTest
    @ValueSource(strings = {
            "examples/members/activist.ttl", "examples/members/applicant.ttl",
            "examples/members/full-member-with-posts.ttl", "examples/members/probationary-member.ttl",
            "examples/organizations/county-committee.ttl", "examples/organizations/hospital-committee.ttl"})
    void writtenJsonExpandsToTheSameGraph(String example) {
        Graph graph = SpecResources.graph(example);
        Node root = root(graph);
        JsonObject written = WRITER.object(graph, root);
        String document = Json.createObjectBuilder().add("@context", JsonLdContexts.CONTEXT_IRI).addAll(Json.createObjectBuilder(written)).build().toString();

        Graph expanded = JsonLdContexts.parse(document, root.getURI());

        assertTrue(graph.isIsomorphicWith(expanded), () -> "not the same graph:\n" + document);
    }

    @ParameterizedTest
    @ValueSource(strings = {"examples/members/full-member-with-posts.ttl"})
    void writesShortKeysAndNestsMemberships(String example) {
        Graph graph = SpecResources.graph(example);
        JsonObject written = WRITER.object(graph, root(graph));
        assertEquals("Member", written.getString("type"));
        assertTrue(written.containsKey("name") && written.containsKey("birthDate") && written.containsKey("branch"), written.toString());
        assertTrue(written.getJsonArray("memberships").getJsonObject(0).containsKey("post"), written.toString());
        assertTrue(!written.toString().contains("http://schema.org/"), "no full IRIs where a short key exists");
    }

    private static Node root(Graph graph) {
        List<Node> roots = graph.find().mapWith(t -> t.getSubject()).filterKeep(Node::isURI).toSet().stream().toList();
        assertEquals(1, roots.size(), "one root in the example");
        return NodeFactory.createURI(roots.get(0).getURI());
    }
}
