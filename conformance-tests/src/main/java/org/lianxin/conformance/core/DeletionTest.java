package org.lianxin.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.core.Records.JSON_LD;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** Section 3.9: 404 for what never was, 204 to delete, then a tombstone that answers 410. */
class DeletionTest {

    private static final String NAME = "褚红";
    /** The keys of Table 3.7 beyond id, type, deleted and modified: links, created and replacedBy. */
    private static final List<String> OPTIONAL_KEYS = List.of("branch", "subOrganizationOf", "created", "replacedBy");
    private static final List<String> OPTIONAL_PROPERTIES = List.of("http://purl.org/dc/terms/isReplacedBy", Records.LX + "branch", "http://www.w3.org/ns/org#subOrganizationOf",
            "http://purl.org/dc/terms/created");

    /** A new live record of the kind, in the sandbox. */
    private static String create(String kind) {
        String branch = Records.sandbox().newBranch();
        return kind.equals("member") ? Records.sandbox().newMemberFrom(Records.sandbox().memberBody(NAME, branch))
                : Records.sandbox().newOrganization(NAME + "党支部", "Branch", branch);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("GET and DELETE of a record IRI that no write created get 404")
    @Verifies(id = "LX-CORE-27", level = "MUST", of = "Core")
    @ValueSource(strings = {"member", "organization"})
    void neverCreatedIs404(String kind) {
        String iri = kind.equals("member") ? Records.unusedMember() : Records.unusedOrganization();
        assertEquals(404, Records.read(iri, JSON_LD).status(), "GET " + iri);
        assertEquals(404, Http.delete(iri).status(), "DELETE " + iri);
        assertEquals(404, Records.read(iri, JSON_LD).status(), "GET " + iri + " after the DELETE");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a DELETE of a live record answers 204")
    @Verifies(id = "LX-CORE-28", level = "MUST", of = "Core")
    @ValueSource(strings = {"member", "organization"})
    void deleteAnswers204(String kind) {
        String iri = create(kind);
        Response delete = Http.delete(iri);
        assertEquals(204, delete.status(), () -> "status " + delete.status() + ": " + delete.body());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @DisplayName("a GET of a deleted record answers 410 with the tombstone of Table 3.7, in the negotiated media type")
    @Verifies(id = "LX-CORE-29", level = "MUST", of = "Core")
    @CsvSource({"member,application/ld+json", "member,text/turtle", "member,application/n-triples", "organization,application/ld+json",
            "organization,text/turtle"})
    void deletedRecordsAnswerWithTheirTombstone(String kind, String accept) {
        String iri = create(kind);
        Set<String> types = new HashSet<>(Records.strings(Records.json(iri).get("type")));
        Http.delete(iri).expect(204);
        Response gone = Records.read(iri, accept);
        assertEquals(410, gone.status(), () -> "status " + gone.status() + " where 410 was required");
        assertEquals(accept, gone.mediaType(), "the tombstone comes in the media type that Table 3.1 selects");
        assertFalse(gone.body().contains(NAME), "the tombstone keeps the name of the deleted record");
        if (accept.equals(JSON_LD)) {
            JsonObject tombstone = gone.json();
            assertEquals(iri, tombstone.getString("id", null));
            Set<String> expected = new HashSet<>(types);
            expected.add("Tombstone");
            assertEquals(expected, new HashSet<>(Records.strings(tombstone.get("type"))), "the types of the record and Tombstone");
            assertTrue(tombstone.containsKey("deleted"), "no deleted in " + tombstone);
            assertEquals(tombstone.getString("deleted", null), tombstone.getString("modified", ""), "modified equals deleted");
            Set<String> keys = new HashSet<>(tombstone.keySet());
            keys.removeAll(List.of("@context", "id", "type", "deleted", "modified"));
            keys.removeAll(OPTIONAL_KEYS);
            assertTrue(keys.isEmpty(), "a tombstone has no other property: " + keys);
        } else {
            Graph graph = Records.graph(gone, iri);
            Node subject = NodeFactory.createURI(iri);
            assertTrue(graph.contains(subject, RDF.type.asNode(), NodeFactory.createURI(Records.LX + "Tombstone")), "no lx:Tombstone type");
            Set<String> properties = new HashSet<>();
            for (Triple t : graph.find().toList()) {
                assertEquals(subject, t.getSubject(), () -> "a triple about something else than the tombstone: " + t);
                properties.add(t.getPredicate().getURI());
            }
            properties.removeAll(OPTIONAL_PROPERTIES);
            assertEquals(Set.of(RDF.type.getURI(), Records.LX + "deleted", "http://purl.org/dc/terms/modified"), properties,
                    "the properties of a tombstone");
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a PUT or DELETE of a deleted record gets 410, and the record stays deleted")
    @Verifies(id = "LX-CORE-30", level = "MUST", of = "Core")
    @ValueSource(strings = {"member", "organization"})
    void deletedRecordsStayDeleted(String kind) {
        String branch = Records.sandbox().newBranch();
        String iri = create(kind);
        Http.delete(iri).expect(204);
        assertEquals(410, Http.delete(iri).status(), "a second DELETE");
        String body = Sandbox.withId(kind.equals("member") ? Records.sandbox().memberBody(NAME, branch)
                : Sandbox.organizationBody(NAME + "党支部", "Branch", branch), iri);
        Response put = Http.put(iri, JSON_LD, body);
        assertEquals(410, put.status(), () -> "a PUT of the deleted record answered " + put.status() + ": " + put.body());
        assertEquals(410, Records.read(iri, JSON_LD).status(), "the record came back");
    }
}
