package org.lianxin.node.rdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;
import org.lianxin.spec.JsonLdContexts;

/** Writes in JSON-LD and Turtle, reads in all three formats: the same graph, Chinese text byte for byte. */
class RdfFormatsIT {

    private static final String NAME = "欧阳娜仁高娃";
    private static final String ADDRESS = "内蒙古自治区呼和浩特市赛罕区大学西街235号（内蒙古大学）";

    @Test
    @DisplayName("LX-CORE-10 LX-CORE-11 a Turtle write reads back as the same graph in all three formats, Chinese byte for byte")
    void turtleWriteReadsBackTheSameInEveryFormat() {
        String branch = Trees.branch();
        String id = Fixtures.uniqueId("m");
        String iri = NodeClient.nodeBase() + "/members/" + id;
        LocalDate birth = LocalDate.of(1992, 2, 29);
        String turtle = """
                @prefix lx: <https://w3id.org/lianxin/ns#> .
                @prefix schema: <http://schema.org/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                <%s> a lx:Member ;
                  schema:name "%s" ; schema:gender schema:Female ; lx:ethnicity "蒙古族" ;
                  schema:birthDate "%s"^^xsd:date ; lx:nationalIdNumber "%s" ;
                  schema:address "%s" ;
                  lx:stage lx:ProbationaryMember ; lx:branch <%s> ;
                  lx:applicationDate "2013-03-01"^^xsd:date ; lx:activistDate "2013-09-01"^^xsd:date ;
                  lx:candidateDate "2014-10-01"^^xsd:date ; lx:admissionDate "2026-07-01"^^xsd:date .
                """.formatted(iri, NAME, birth, Fixtures.nationalId(birth, false), ADDRESS, branch);
        HttpResponse<String> put = NodeClient.put(iri, Fixtures.TURTLE, turtle);
        assertEquals(201, put.statusCode(), put.body());

        Graph fromJsonLd = read(iri, Fixtures.JSON_LD);
        Graph fromTurtle = read(iri, Fixtures.TURTLE);
        Graph fromNTriples = read(iri, Fixtures.N_TRIPLES);
        assertTrue(fromJsonLd.isIsomorphicWith(fromTurtle), "JSON-LD and Turtle answers carry the same graph");
        assertTrue(fromTurtle.isIsomorphicWith(fromNTriples), "Turtle and N-Triples answers carry the same graph");

        Graph sent = RDFParser.fromString(turtle, Lang.TURTLE).toGraph();
        sent.find().forEach(t -> assertTrue(fromJsonLd.contains(t), "kept: " + t));
        for (Graph g : new Graph[] {fromJsonLd, fromTurtle, fromNTriples}) {
            assertArrayEquals(NAME.getBytes(StandardCharsets.UTF_8), literal(g, iri, "http://schema.org/name").getBytes(StandardCharsets.UTF_8));
            assertArrayEquals(ADDRESS.getBytes(StandardCharsets.UTF_8), literal(g, iri, "http://schema.org/address").getBytes(StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.JSON_LD, Fixtures.TURTLE, Fixtures.N_TRIPLES})
    @DisplayName("LX-CORE-8 LX-CORE-11 a JSON-LD write reads back in each format")
    void jsonLdWriteReadsBackInEachFormat(String format) {
        String member = Trees.member(NAME, Trees.branch());
        Graph graph = read(member, format);
        assertEquals(NAME, literal(graph, member, "http://schema.org/name"));
        assertTrue(graph.contains(NodeFactory.createURI(member), NodeFactory.createURI("https://w3id.org/lianxin/ns#stage"),
                NodeFactory.createURI("https://w3id.org/lianxin/ns#FullMember")));
    }

    @Test
    @DisplayName("LX-CORE-9 LX-CORE-12 RDF/XML is refused: 406 to read, 415 to write")
    void rdfXmlIsRefused() {
        String member = Trees.member("李娜", Trees.branch());
        assertEquals(406, NodeClient.get(member, "application/rdf+xml").statusCode());
        HttpResponse<String> write = NodeClient.put(member, "application/rdf+xml", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>");
        assertEquals(415, write.statusCode());
        assertTrue(write.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    }

    @Test
    @DisplayName("LX-CORE-15 a remote @context is refused with 400 and never fetched")
    void aRemoteContextIsNeverFetched() {
        String body = Fixtures.member("李娜", Trees.branch()).replace(Fixtures.CONTEXT, "http://203.0.113.1/evil-context.jsonld");
        HttpResponse<String> response = NodeClient.post(NodeClient.nodeBase() + "/members", Fixtures.JSON_LD, body);
        assertEquals(400, response.statusCode(), response.body());
    }

    /** A full read: with a stated purpose, else the record comes masked (spec 8.7). */
    private static Graph read(String iri, String format) {
        HttpResponse<String> response = NodeClient.get(iri, format, "Lianxin-Purpose", "format%20test");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith(format));
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        if (format.equals(Fixtures.JSON_LD)) {
            return JsonLdContexts.parse(new ByteArrayInputStream(bytes), iri);
        }
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(format.equals(Fixtures.TURTLE) ? Lang.TURTLE : Lang.NTRIPLES).parse(g);
        return g;
    }

    private static String literal(Graph g, String subject, String property) {
        Node s = NodeFactory.createURI(subject);
        return g.find(s, NodeFactory.createURI(property), Node.ANY).next().getObject().getLiteralLexicalForm();
    }
}
