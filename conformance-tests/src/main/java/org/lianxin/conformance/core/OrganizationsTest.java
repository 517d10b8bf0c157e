package org.lianxin.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.core.Records.JSON_LD;

import java.time.LocalDate;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** Chapter 4: the organization record, its shapes, its dates, no cycles, no deletion while in use. */
class OrganizationsTest {

    private static String committee;

    @BeforeAll
    static void committee() {
        committee = Records.sandbox().newOrganization("连心县委", "CountyCommittee");
    }

    /** PUTs a new organization under the committee; rejected or tracked. */
    private static Response put(String body) {
        String iri = Records.unusedOrganization();
        Response response = Http.put(iri, JSON_LD, Sandbox.withId(body, iri));
        if (response.status() == 201) {
            Records.sandbox().track(iri);
        }
        return response;
    }

    private static String valid() {
        return Sandbox.organizationBody("连心党支部", "Branch", committee);
    }

    @Test
    @DisplayName("an organization is served with both types Organization and PartyOrganization, in JSON-LD, Turtle and lists")
    @Verifies(id = "LX-CORE-40", level = "MUST", of = "Core")
    void servedWithBothTypes() {
        String org = Records.sandbox().newOrganization("城关镇党委", "PrimaryCommittee", committee);
        assertTrue(Records.strings(Records.json(org).get("type")).containsAll(List.of("Organization", "PartyOrganization")),
                "the types of " + Records.json(org));
        Graph graph = Records.graph(Http.get(org, "Accept", Records.TURTLE).expect(200), org);
        for (String type : List.of("http://www.w3.org/ns/org#Organization", Records.LX + "PartyOrganization")) {
            assertTrue(graph.contains(NodeFactory.createURI(org), RDF.type.asNode(), NodeFactory.createURI(type)), "no type " + type + " in Turtle");
        }
        var item = Records.allPages(committee + "/children").get(0).getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(o -> org.equals(o.getString("id", ""))).findFirst()
                .orElseThrow(() -> new AssertionError("the organization is not among the children of its superior"));
        assertTrue(Records.strings(item.get("type")).containsAll(List.of("Organization", "PartyOrganization")), "the types of " + item);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("an organization that breaks the organization shapes gets 422")
    @Verifies(id = "LX-CORE-41", level = "MUST", of = "Core")
    @CsvSource(delimiter = '|', value = {
            "unknown orgType|orgType|\"orgType\": \"Branch\"|\"orgType\": \"PartyCommittee\"",
            "no orgType|orgType|, \"orgType\": \"Branch\"|(nothing)",
            "no name|name|\"name\": \"连心党支部\",|(nothing)",
            "name of 101 characters|name|\"name\": \"连心党支部\"|\"name\": \"NAME101\"",
            "two names|name|\"name\": \"连心党支部\"|\"name\": [\"连心党支部\", \"连心支部\"]",
            "unitCode in lower case|unitCode|\"orgType\"|\"unitCode\": \"ab12\", \"orgType\"",
            "address of 201 characters|address|\"orgType\"|\"address\": \"ADDRESS201\", \"orgType\"",
            "foundingDate not a date|foundingDate|\"orgType\"|\"foundingDate\": \"1985-13-01\", \"orgType\"",
            "a property the shape does not allow|https://w3id.org/lianxin/ns#shoeSize|\"orgType\"|\"lx:shoeSize\": \"42\", \"orgType\""})
    void shapeViolationsAre422(String description, String field, String from, String to) {
        String body = valid();
        assertTrue(body.contains(from), "the fixture contains " + from);
        Response response = put(body.replace(from, to.replace("(nothing)", "").replace("NAME101", "党".repeat(101)).replace("ADDRESS201", "路".repeat(201))));
        Records.assertRejected(response, field, null, "LX-CORE-41");
    }

    @Test
    @DisplayName("a founding date after today gets 422")
    @Verifies(id = "LX-CORE-42", level = "MUST", of = "Core")
    void foundingDateInTheFuture() {
        String future = LocalDate.now().plusDays(3).toString();
        Response response = put(valid().replace("\"orgType\"", "\"foundingDate\": \"" + future + "\", \"orgType\""));
        Records.assertRejected(response, "foundingDate", null, "LX-CORE-42");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a write that would make an organization its own ancestor gets 422, and changes nothing")
    @Verifies(id = "LX-CORE-43", level = "MUST", of = "Core")
    @CsvSource({"itself", "its child", "its grandchild"})
    void noCycles(String newSuperior) {
        String a = Records.sandbox().newOrganization("甲党委", "PrimaryCommittee", committee);
        String b = Records.sandbox().newOrganization("乙党总支", "GeneralBranch", a);
        String c = Records.sandbox().newOrganization("丙党支部", "Branch", b);
        String superior = switch (newSuperior) {
            case "itself" -> a;
            case "its child" -> b;
            default -> c;
        };
        String before = Http.get(a, "Accept", Records.N_TRIPLES).expect(200).body();
        Response response = Http.put(a, JSON_LD, Sandbox.withId(Sandbox.organizationBody("甲党委", "PrimaryCommittee", superior), a));
        Records.assertRejected(response, "subOrganizationOf", null, "LX-CORE-43");
        assertTrue(Records.graph(Http.get(a, "Accept", Records.N_TRIPLES).expect(200), a).isIsomorphicWith(Records.parse(before, Records.N_TRIPLES, a)),
                "the rejected write changed " + a);
    }

    @Test
    @DisplayName("an organization with a live sub-organization or a live member cannot be deleted: 409")
    @Verifies(id = "LX-CORE-44", level = "MUST", of = "Core")
    void organizationsInUseAreNotDeleted() {
        String parent = Records.sandbox().newOrganization("连心党委", "PrimaryCommittee", committee);
        String child = Records.sandbox().newOrganization("连心党支部", "Branch", parent);
        assertEquals(409, Http.delete(parent).status(), "DELETE of the superior of a live organization");
        assertEquals(200, Http.get(parent, "Accept", JSON_LD).status(), "the organization is still live");

        String branch = Records.sandbox().newOrganization("连心第二党支部", "Branch", parent);
        String member = Records.sandbox().newMember(branch);
        Response withMember = Http.delete(branch);
        assertEquals(409, withMember.status(), "DELETE of the branch of a live member");
        Records.assertProblem(withMember, 409, "conflict", "Conflict");
        assertEquals(200, Http.get(branch, "Accept", JSON_LD).status(), "the branch is still live");

        Http.delete(member).expect(204);
        Http.delete(child).expect(204);
        assertEquals(204, Http.delete(branch).status(), "DELETE of a branch whose members are all deleted");
    }
}
