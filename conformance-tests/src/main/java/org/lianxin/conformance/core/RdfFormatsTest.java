package org.lianxin.conformance.core;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.core.Records.JSON_LD;
import static org.lianxin.conformance.core.Records.N_TRIPLES;
import static org.lianxin.conformance.core.Records.TURTLE;

import java.time.LocalDate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** Section 3.2 and 3.3: one graph in three formats; writes in JSON-LD and in Turtle. */
class RdfFormatsTest {

    private static final String NAME = "欧阳娜仁高娃";
    private static final String ADDRESS = "内蒙古自治区呼和浩特市赛罕区大学西街235号";
    private static final String SCHEMA = "http://schema.org/";

    /** A member in Turtle; {@code subject} is an IRI in angle brackets, or [] for a POST. */
    static String memberTurtle(String subject, String name, String branch, String nationalId) {
        return """
                @prefix lx: <https://w3id.org/lianxin/ns#> .
                @prefix schema: <http://schema.org/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                %s a lx:Member ;
                  schema:name "%s" ; schema:gender schema:Female ; lx:ethnicity "蒙古族" ;
                  schema:birthDate "1992-02-29"^^xsd:date ; lx:nationalIdNumber "%s" ;
                  schema:address "%s" ;
                  lx:stage lx:ProbationaryMember ; lx:branch <%s> ;
                  lx:applicationDate "2013-03-01"^^xsd:date ; lx:activistDate "2013-09-01"^^xsd:date ;
                  lx:candidateDate "2014-10-01"^^xsd:date ; lx:admissionDate "2015-07-01"^^xsd:date .
                """.formatted(subject, name, nationalId, ADDRESS, branch);
    }

    static String organizationTurtle(String subject, String name, String parent) {
        return """
                @prefix lx: <https://w3id.org/lianxin/ns#> .
                @prefix org: <http://www.w3.org/ns/org#> .
                @prefix schema: <http://schema.org/> .
                %s a lx:PartyOrganization, org:Organization ; schema:name "%s" ;
                  lx:organizationType lx:Branch ; org:subOrganizationOf <%s> .
                """.formatted(subject, name, parent);
    }

    static String femaleIdBornOnLeapDay() {
        return Records.sandbox().nationalId(LocalDate.of(1992, 2, 29), false);
    }

    private static String literal(Graph graph, String subject, String property) {
        var found = graph.find(NodeFactory.createURI(subject), NodeFactory.createURI(property), Node.ANY).toList();
        assertEquals(1, found.size(), () -> "one " + property + " of " + subject + " in the graph read back");
        return found.get(0).getObject().getLiteralLexicalForm();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("JSON-LD, Turtle and N-Triples of one resource are isomorphic graphs")
    @Verifies(id = "LX-CORE-10", level = "MUST", of = "Core")
    @ValueSource(strings = {"member", "organization", "page", "description"})
    void theThreeFormatsCarryOneGraph(String kind) {
        String branch = Records.sandbox().newBranch();
        String member = Records.members() + "/" + Sandbox.uniqueId("kit");
        Http.put(member, JSON_LD, Sandbox.withId(Records.sandbox().memberBody(NAME, branch)
                .replace("\"address\": \"", "\"address\": \"" + ADDRESS).replace("\"type\": \"Member\"",
                        "\"type\": \"Member\", \"memberships\": [{\"type\": \"Membership\", \"organization\": \"" + branch
                                + "\", \"post\": \"Secretary\", \"memberDuring\": {\"type\": \"Interval\", \"startDate\": \"2020-01-06\"}}]"), member))
                .expect(201);
        Records.sandbox().track(member);
        String url = switch (kind) {
            case "member" -> member;
            case "organization" -> branch;
            case "page" -> Records.members() + "?branch=" + Records.encode(branch);
            default -> Current.base() + "/.well-known/lianxin";
        };
        Graph[] graphs = new Graph[3];
        String[] types = {JSON_LD, TURTLE, N_TRIPLES};
        for (int i = 0; i < 3; i++) {
            Response read = kind.equals("member") ? Records.read(url, types[i]) : Http.get(url, "Accept", types[i]);
            assertEquals(200, read.status(), read.body());
            assertEquals(types[i], read.mediaType());
            graphs[i] = Records.graph(read, url);
            assertTrue(graphs[i].size() > 0, "an empty graph in " + types[i]);
        }
        assertTrue(graphs[0].isIsomorphicWith(graphs[1]), "the JSON-LD and Turtle answers carry different graphs");
        assertTrue(graphs[1].isIsomorphicWith(graphs[2]), "the Turtle and N-Triples answers carry different graphs");
    }

    @Test
    @DisplayName("a member PUT in Turtle is stored with every triple sent, Chinese text unchanged")
    @Verifies(id = "LX-CORE-11", level = "MUST", of = "Core")
    void putInTurtle() {
        String branch = Records.sandbox().newBranch();
        String iri = Records.members() + "/" + Sandbox.uniqueId("kit");
        String turtle = memberTurtle("<" + iri + ">", NAME, branch, femaleIdBornOnLeapDay());
        Response put = Http.put(iri, TURTLE, turtle);
        if (put.status() == 201) {
            Records.sandbox().track(iri);
        }
        assertEquals(201, put.status(), () -> "a valid member in Turtle answered " + put.status() + ": " + put.body());
        Graph stored = Records.graph(Records.read(iri, N_TRIPLES).expect(200), iri);
        for (Triple t : RDFParser.fromString(turtle, Lang.TURTLE).toGraph().find().toList()) {
            assertTrue(stored.contains(t), "the stored record lacks the triple sent " + t);
        }
        assertEquals(NAME, literal(stored, iri, SCHEMA + "name"));
        assertEquals(ADDRESS, literal(stored, iri, SCHEMA + "address"));
    }

    @Test
    @DisplayName("a member POSTed in Turtle is created (201) and reads back")
    @Verifies(id = "LX-CORE-11", level = "MUST", of = "Core")
    void postInTurtle() {
        String branch = Records.sandbox().newBranch();
        Response post = Http.post(Records.members(), TURTLE, memberTurtle("[]", NAME, branch, femaleIdBornOnLeapDay()));
        post.header("Location").filter(l -> post.status() == 201).ifPresent(Records.sandbox()::track);
        assertEquals(201, post.status(), () -> "a valid member in Turtle answered " + post.status() + ": " + post.body());
        String iri = post.header("Location").orElseThrow(() -> new AssertionError("no Location"));
        assertEquals(NAME, literal(Records.graph(Records.read(iri, TURTLE).expect(200), iri), iri, SCHEMA + "name"));
    }

    @Test
    @DisplayName("an organization is created in Turtle by PUT and by POST, and in JSON-LD by PUT and by POST")
    @Verifies(id = "LX-CORE-11", level = "MUST", of = "Core")
    void organizationsInBothMediaTypes() {
        String parent = Records.sandbox().organization();
        String iri = Records.organizations() + "/" + Sandbox.uniqueId("kit");
        Response put = Http.put(iri, TURTLE, organizationTurtle("<" + iri + ">", "龟兹党支部", parent));
        if (put.status() == 201) {
            Records.sandbox().track(iri);
        }
        assertEquals(201, put.status(), () -> "PUT in Turtle: " + put.status() + " " + put.body());
        assertEquals("龟兹党支部", Records.json(iri).getString("name", null));

        Response post = Http.post(Records.organizations(), TURTLE, organizationTurtle("[]", "楼兰党支部", parent));
        post.header("Location").filter(l -> post.status() == 201).ifPresent(Records.sandbox()::track);
        assertEquals(201, post.status(), () -> "POST in Turtle: " + post.status() + " " + post.body());

        String jsonIri = Records.organizations() + "/" + Sandbox.uniqueId("kit");
        Response putJson = Http.put(jsonIri, JSON_LD, Sandbox.withId(Sandbox.organizationBody("高昌党支部", "Branch", parent), jsonIri));
        if (putJson.status() == 201) {
            Records.sandbox().track(jsonIri);
        }
        assertEquals(201, putJson.status(), () -> "PUT in JSON-LD: " + putJson.status() + " " + putJson.body());
        Response postJson = Http.post(Records.organizations(), JSON_LD, Sandbox.organizationBody("于阗党支部", "Branch", parent));
        postJson.header("Location").filter(l -> postJson.status() == 201).ifPresent(Records.sandbox()::track);
        assertEquals(201, postJson.status(), () -> "POST in JSON-LD: " + postJson.status() + " " + postJson.body());
    }
}
