package org.lianxin.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

class JsonLdContextsTest {

    private static final String MEMBER = "http://localhost:9080/nodes/demo/members/m1";

    private static String record(String contextUrl) {
        return """
            {"@context": "%s", "id": "%s", "type": "Member", "stage": "Applicant"}
            """.formatted(contextUrl, MEMBER);
    }

    private static void assertMemberApplicant(Graph graph) {
        Node member = NodeFactory.createURI(MEMBER);
        assertTrue(graph.contains(member, RDF.type.asNode(), LX.Member.asNode()));
        assertTrue(graph.contains(member, LX.stage.asNode(), LX.Applicant.asNode()));
        assertEquals(2, graph.size());
    }

    @Test
    void canonicalContextIsServedLocally() {
        assertMemberApplicant(JsonLdContexts.parse(record(JsonLdContexts.CONTEXT_IRI), MEMBER));
    }

    @Test
    void nodeCopyOfContextIsServedLocally() {
        String nodeCopy = "http://localhost:9080/nodes/demo/spec/context.jsonld";
        assertMemberApplicant(JsonLdContexts.parse(record(nodeCopy), MEMBER));
    }

    /** Parses without logging the expected error. */
    private static void parseQuietly(String json) {
        JsonLdContexts.parser().errorHandler(ErrorHandlerFactory.errorHandlerNoLogging)
                .fromString(json).base(MEMBER).parse(GraphFactory.createDefaultGraph());
    }

    @Test
    void otherRemoteContextsAreRefused() {
        RiotException ex = assertThrows(RiotException.class,
                () -> parseQuietly(record("http://localhost:1/other/context.jsonld")));
        assertTrue(ex.getMessage().contains("refused http://localhost:1/other/context.jsonld"), ex.getMessage());
    }

    @Test
    void importsAreRefused() {
        String json = """
            {"@context": [{"@import": "http://localhost:1/evil.jsonld"}], "id": "%s"}
            """.formatted(MEMBER);
        RiotException ex = assertThrows(RiotException.class, () -> parseQuietly(json));
        assertTrue(ex.getMessage().contains("refused http://localhost:1/evil.jsonld"), ex.getMessage());
    }

    @Test
    void recognizesContextUrls() {
        assertTrue(JsonLdContexts.isLianxinContext(URI.create(JsonLdContexts.CONTEXT_IRI)));
        assertTrue(JsonLdContexts.isLianxinContext(URI.create("https://party.example.cn/nodes/x/spec/context.jsonld")));
        assertFalse(JsonLdContexts.isLianxinContext(URI.create("https://w3id.org/lianxin/other.jsonld")));
        assertFalse(JsonLdContexts.isLianxinContext(URI.create("https://example.org/spec/context.jsonld/x")));
        assertFalse(JsonLdContexts.isLianxinContext(null));
    }
}
