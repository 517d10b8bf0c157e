package org.lianxin.node.organizations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;

/** Organizations over HTTP: create, read, replace, delete as tombstone, children, subtree, no cycles. */
class OrganizationsIT {

    @Test
    void createdOrganizationReadsBackWithChineseNameAndManagedDates() {
        String iri = Trees.organization(Fixtures.uniqueId("province"), "江南省委", "ProvincialCommittee", null);
        JsonObject org = NodeClient.json(NodeClient.get(iri, Fixtures.JSON_LD));
        assertEquals(iri, org.getString("id"));
        assertEquals("江南省委", org.getString("name"));
        assertEquals("ProvincialCommittee", org.getString("orgType"));
        assertTrue(org.containsKey("created") && org.containsKey("modified"), org.toString());
    }

    @Test
    void postAssignsAnIriAndAnswersWithLocation() {
        HttpResponse<String> created = NodeClient.post(NodeClient.nodeBase() + "/organizations", Fixtures.JSON_LD,
                Fixtures.organization("临川市委", "MunicipalCommittee", null));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(NodeClient.nodeBase() + "/organizations/"), location);
        assertEquals(200, NodeClient.get(location, Fixtures.JSON_LD).statusCode());
    }

    @Test
    void childrenAndSubtreeListWhatIsBelow() {
        String county = Trees.organization(Fixtures.uniqueId("county"), "青山县委", "CountyCommittee", null);
        String committee = Trees.organization(Fixtures.uniqueId("pc"), "青山县教育局机关党委", "PrimaryCommittee", county);
        String branchA = Trees.organization(Fixtures.uniqueId("branch"), "第一中学党支部", "Branch", committee);
        String branchB = Trees.organization(Fixtures.uniqueId("branch"), "第二中学党支部", "Branch", committee);

        assertEquals(List.of(committee), ids(NodeClient.get(county + "/children", Fixtures.JSON_LD)));
        assertEquals(List.of(county, committee, branchA, branchB), ids(NodeClient.get(county + "/subtree", Fixtures.JSON_LD)));
    }

    @Test
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
    void aParentThatDoesNotExistIsRejected() {
        String iri = NodeClient.nodeBase() + "/organizations/" + Fixtures.uniqueId("orphan");
        HttpResponse<String> response = NodeClient.put(iri, Fixtures.JSON_LD, Fixtures.withId(
                Fixtures.organization("孤儿党支部", "Branch", NodeClient.nodeBase() + "/organizations/" + Fixtures.uniqueId("missing")), iri));
        assertEquals(422, response.statusCode(), response.body());
        assertEquals(404, NodeClient.get(iri, Fixtures.JSON_LD).statusCode());
    }

    @Test
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
    void anOrganizationWithMembersCannotBeDeleted() {
        String branch = Trees.branch();
        Trees.member("王芳", branch);
        assertEquals(409, NodeClient.delete(branch).statusCode());
        assertEquals(200, NodeClient.get(branch, Fixtures.JSON_LD).statusCode());
    }

    private static List<String> ids(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page.body());
        return NodeClient.json(page).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).map(o -> o.getString("id")).toList();
    }
}
