package org.lianxin.conformance.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** 7.11: the line of superiors, from the node's own records and then from its parent node. */
class AncestorsTest extends FederationSupport {

    private static List<String> ids(JsonObject answer) {
        return answer.getJsonArray("ancestors").stream().map(a -> a.asJsonObject().getString("id", "")).toList();
    }

    private static String id(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    @Test
    @DisplayName("GET /organizations/{id}/ancestors answers 200 application/json with organization, ancestors nearest first and completeness")
    @Verifies(id = "LX-FED-47", level = "MUST", of = "Federation")
    void theLocalLineComesFirst() {
        String county = sandbox().newOrganization("连心县委", "CountyCommittee");
        String town = sandbox().newOrganization("城关镇党委", "PrimaryCommittee", county);
        String branch = sandbox().newOrganization("城关镇机关党支部", "Branch", town);
        Response response = Http.get(base() + "/organizations/" + id(branch) + "/ancestors", "Accept", "application/json",
                "Authorization", bearer(caller()));
        assertEquals(200, response.status(), response.body());
        assertEquals("application/json", response.mediaType());
        JsonObject answer = response.json();
        JsonObject organization = answer.getJsonObject("organization");
        assertEquals(branch, organization.getString("id", ""), organization.toString());
        assertEquals("城关镇机关党支部", organization.getString("name", ""), organization.toString());
        assertEquals("Branch", organization.getString("orgType", ""), organization.toString());
        assertEquals(base(), organization.getString("node", ""), organization.toString());
        List<String> ids = ids(answer);
        assertTrue(ids.size() >= 3, answer.toString());
        assertEquals(List.of(town, county, sandbox().organization()), ids.subList(0, 3), "the node's own organizations above, nearest first");
        JsonObject first = answer.getJsonArray("ancestors").getJsonObject(0);
        assertEquals(List.of("城关镇党委", "PrimaryCommittee", base()),
                List.of(first.getString("name", ""), first.getString("orgType", ""), first.getString("node", "")), first.toString());
        JsonObject completeness = answer.getJsonObject("completeness");
        assertEquals("answered", statusOf(completeness, base()), completeness.toString());
        assertEquals(base(), completeness.getJsonArray("nodes").getJsonObject(0).getString("node", ""), "the node itself first");
    }

    @Test
    @DisplayName("a root under an organization of the parent node continues its ancestors with the parent's answer to GET {superior}/ancestors")
    @Verifies(id = "LX-FED-48", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-47", level = "MUST", of = "Federation")
    void theParentGivesTheRest() {
        Assumptions.assumeTrue(state().isNull("parent"), "the node has a parent: the kit does not replace it");
        StubNode parent = stub();
        String city = parent.organization("city");
        String province = parent.organization("province");
        parent.on("GET", "/federation", c -> StubNode.Reply.json(parent.federation(null, List.of(base()))));
        parent.on("GET", "/organizations/city/ancestors", c -> StubNode.Reply.json(Json.createObjectBuilder()
                .add("organization", summary(city, "桩市委", "MunicipalCommittee", parent.base()))
                .add("ancestors", Json.createArrayBuilder().add(summary(province, "桩省委", "ProvincialCommittee", parent.base())))
                .add("completeness", parent.completeness(c)).build()));
        // A token acting for the parent's organization: the node's new root and its sub-organization lie in its subtree.
        String token = Kit.current().tokens().actingFor(city, audience(), "organization-admin", "secretary");
        String root = base() + "/organizations/" + Sandbox.uniqueId("kit");
        String town = base() + "/organizations/" + Sandbox.uniqueId("kit");
        boolean rootMade = false;
        boolean townMade = false;
        assertEquals(200, putParent(parent.base()).status(), "the stub parent lists the node among its children");
        try {
            rootMade = put(root, Sandbox.organizationBody("桩县委", "CountyCommittee", city), token);
            townMade = put(town, Sandbox.organizationBody("桩镇党委", "PrimaryCommittee", root), token);

            JsonObject ofRoot = ancestors(root, token);
            assertEquals(List.of(city, province), ids(ofRoot), "{id} itself hangs under the parent's organization: " + ofRoot);
            JsonObject ofTown = ancestors(town, token);
            assertEquals(List.of(root, city, province), ids(ofTown), ofTown.toString());
            assertEquals(summary(city, "桩市委", "MunicipalCommittee", parent.base()), ofTown.getJsonArray("ancestors").get(1),
                    "the parent's organization as the parent gave it");
            JsonObject completeness = ofTown.getJsonObject("completeness");
            assertEquals("answered", statusOf(completeness, parent.base()), completeness.toString());
            assertTrue(completeness.getBoolean("complete"), completeness.toString());
            assertFalse(parent.calls("GET", "/organizations/city/ancestors").isEmpty(), "the parent was not asked");
        } finally {
            if (townMade) {
                Http.delete(town, "Authorization", bearer(token));
            }
            if (rootMade) {
                Http.delete(root, "Authorization", bearer(token));
            }
            parent.on("GET", "/federation", c -> StubNode.Reply.json(parent.federation(null, List.of())));
            Http.delete(base() + "/federation/parent", "Authorization", bearer(operator()));
        }
    }

    private static boolean put(String iri, String body, String token) {
        Response made = Http.put(iri, "application/ld+json", Sandbox.withId(body, iri), "Authorization", bearer(token));
        assertEquals(201, made.status(), () -> "the kit could not create " + iri + " under the parent's organization: " + made.body());
        return true;
    }

    private JsonObject ancestors(String organization, String token) {
        Response response = Http.get(organization + "/ancestors", "Accept", "application/json", "Authorization", bearer(token));
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static JsonObject summary(String id, String name, String orgType, String node) {
        return Json.createObjectBuilder().add("id", id).add("name", name).add("orgType", orgType).add("node", node).build();
    }
}
