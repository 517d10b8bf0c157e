package org.lianxin.node.organizations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Problems;
import org.lianxin.node.testing.Trees;

/** Organizations over HTTP: create, read, replace, delete as tombstone, children, subtree, no cycles. */
class OrganizationsIT {

    @Test
    @DisplayName("LX-CORE-25 a created organization reads back with its Chinese name and the node's dates")
    void createdOrganizationReadsBackWithChineseNameAndManagedDates() {
        String iri = Trees.organization(Fixtures.uniqueId("province"), "江南省委", "ProvincialCommittee", null);
        JsonObject org = NodeClient.json(NodeClient.get(iri, Fixtures.JSON_LD));
        assertEquals(iri, org.getString("id"));
        assertEquals("江南省委", org.getString("name"));
        assertEquals("ProvincialCommittee", org.getString("orgType"));
        assertTrue(org.containsKey("created") && org.containsKey("modified"), org.toString());
    }

    @Test
    @DisplayName("LX-CORE-22 POST answers 201 with the new IRI in Location")
    void postAssignsAnIriAndAnswersWithLocation() {
        HttpResponse<String> created = NodeClient.post(NodeClient.nodeBase() + "/organizations", Fixtures.JSON_LD,
                Fixtures.organization("临川市委", "MunicipalCommittee", NodeClient.top()));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(NodeClient.nodeBase() + "/organizations/"), location);
        assertEquals(200, NodeClient.get(location, Fixtures.JSON_LD).statusCode());
    }

    @Test
    @DisplayName("LX-CORE-45 LX-CORE-46 children lists the direct sub-organizations, subtree the organization and all below")
    void childrenAndSubtreeListWhatIsBelow() {
        String county = Trees.organization(Fixtures.uniqueId("county"), "青山县委", "CountyCommittee", null);
        String committee = Trees.organization(Fixtures.uniqueId("pc"), "青山县教育局机关党委", "PrimaryCommittee", county);
        String branchA = Trees.organization(Fixtures.uniqueId("branch"), "第一中学党支部", "Branch", committee);
        String branchB = Trees.organization(Fixtures.uniqueId("branch"), "第二中学党支部", "Branch", committee);

        assertEquals(List.of(committee), ids(NodeClient.get(county + "/children", Fixtures.JSON_LD)));
        assertEquals(List.of(county, committee, branchA, branchB), ids(NodeClient.get(county + "/subtree", Fixtures.JSON_LD)));
    }

    @Test
    @DisplayName("LX-CORE-43 a cycle in subOrganizationOf is a 422 and nothing changes")
    void aCycleIsRejectedAndNothingChanges() {
        String a = Trees.organization(Fixtures.uniqueId("a"), "甲党委", "PrimaryCommittee", null);
        String b = Trees.organization(Fixtures.uniqueId("b"), "乙党总支", "GeneralBranch", a);
        String before = NodeClient.get(a, Fixtures.N_TRIPLES).body();

        HttpResponse<String> cycle = NodeClient.put(a, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization("甲党委", "PrimaryCommittee", b), a));
        assertEquals(422, cycle.statusCode(), cycle.body());
        assertTrue(cycle.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals("subOrganizationOf", NodeClient.json(cycle).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(before, NodeClient.get(a, Fixtures.N_TRIPLES).body());

        HttpResponse<String> self = NodeClient.put(a, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization("甲党委", "PrimaryCommittee", a), a));
        assertEquals(422, self.statusCode(), self.body());
    }

    @Test
    @DisplayName("LX-CORE-26 a parent that is not a live organization of this node is a 422")
    void aParentThatDoesNotExistIsRejected() {
        String iri = NodeClient.nodeBase() + "/organizations/" + Fixtures.uniqueId("orphan");
        HttpResponse<String> response = NodeClient.put(iri, Fixtures.JSON_LD, Fixtures.withId(
                Fixtures.organization("孤儿党支部", "Branch", NodeClient.nodeBase() + "/organizations/" + Fixtures.uniqueId("missing")), iri));
        assertEquals(422, response.statusCode(), response.body());
        assertEquals(404, NodeClient.get(iri, Fixtures.JSON_LD).statusCode());
    }

    @Test
    @DisplayName("LX-CORE-28 LX-CORE-29 delete leaves a tombstone that answers 410 and keeps no data")
    void deleteLeavesATombstoneThatAnswers410() {
        String iri = Trees.organization(Fixtures.uniqueId("gone"), "撤销的党支部", "Branch", null);
        assertEquals(204, NodeClient.delete(iri).statusCode());
        HttpResponse<String> gone = NodeClient.get(iri, Fixtures.JSON_LD);
        assertEquals(410, gone.statusCode());
        JsonObject tombstone = NodeClient.json(gone);
        assertTrue(tombstone.get("type").toString().contains("Tombstone"), tombstone.toString());
        assertTrue(tombstone.containsKey("deleted"));
        assertTrue(!tombstone.containsKey("name"), "a tombstone keeps no data");
    }

    @Test
    @DisplayName("LX-CORE-44 an organization with members cannot be deleted: 409")
    void anOrganizationWithMembersCannotBeDeleted() {
        String branch = Trees.branch();
        Trees.member("王芳", branch);
        assertEquals(409, NodeClient.delete(branch).statusCode());
        assertEquals(200, NodeClient.get(branch, Fixtures.JSON_LD).statusCode());
    }

    @Test
    @DisplayName("LX-CORE-40 an organization is served as both Organization and PartyOrganization, whichever the client sent")
    void servedWithBothTypes() {
        String iri = NodeClient.nodeBase() + "/organizations/" + Fixtures.uniqueId("org");
        String onlyOrg = Fixtures.withId(Fixtures.organization("城关镇党委", "PrimaryCommittee", NodeClient.top()), iri).replace("\"PartyOrganization\"", "\"Organization\"");
        assertEquals(201, NodeClient.put(iri, Fixtures.JSON_LD, onlyOrg).statusCode());
        JsonObject org = NodeClient.json(NodeClient.get(iri, Fixtures.JSON_LD));
        assertEquals(List.of("Organization", "PartyOrganization"), org.getJsonArray("type").getValuesAs(jakarta.json.JsonString::getString));
    }

    @Test
    @DisplayName("LX-CORE-41 an organization breaking the shapes (unknown orgType) is a 422")
    void unknownOrgTypeIs422() {
        HttpResponse<String> response = NodeClient.post(NodeClient.nodeBase() + "/organizations", Fixtures.JSON_LD,
                Fixtures.organization("某某委员会", "PartyCommittee", NodeClient.top()));
        Problems.assertProblem(response, 422, "validation", "Validation failed");
        Problems.assertError(response, "orgType", null, "LX-CORE-41");
    }

    @Test
    @DisplayName("LX-CORE-42 a founding date after today is a 422")
    void foundingDateInTheFutureIs422() {
        String body = Fixtures.organization("未来党支部", "Branch", NodeClient.top())
                .replace("\"orgType\"", "\"foundingDate\": \"" + java.time.LocalDate.now().plusDays(3) + "\", \"orgType\"");
        HttpResponse<String> response = NodeClient.post(NodeClient.nodeBase() + "/organizations", Fixtures.JSON_LD, body);
        Problems.assertProblem(response, 422, "validation", "Validation failed");
        Problems.assertError(response, "foundingDate", null, "LX-CORE-42");
    }

    @Test
    @DisplayName("LX-CORE-47 children and subtree of a deleted organization are 410, of a missing one 404")
    void belowADeletedOrganizationIs410() {
        String iri = Trees.organization(Fixtures.uniqueId("gone"), "撤销的党委", "PrimaryCommittee", null);
        assertEquals(204, NodeClient.delete(iri).statusCode());
        Problems.assertProblem(NodeClient.get(iri + "/children", Fixtures.JSON_LD), 410, "gone", "Gone");
        Problems.assertProblem(NodeClient.get(iri + "/subtree", Fixtures.JSON_LD), 410, "gone", "Gone");
        String missing = NodeClient.nodeBase() + "/organizations/" + Fixtures.uniqueId("missing");
        Problems.assertProblem(NodeClient.get(missing + "/children", Fixtures.JSON_LD), 404, "not-found", "Not found");
    }

    private static List<String> ids(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page.body());
        return NodeClient.json(page).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).map(o -> o.getString("id")).toList();
    }
}
