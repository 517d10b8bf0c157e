package org.lianxin.conformance.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Verifies;

/** 7.5, 7.9 to 7.11: federated queries the node must refuse, as 400, 404 or 410. */
class QueryRequestsTest extends FederationSupport {

    private static String id(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    private void assertStatus(int status, String url, String... headers) {
        Timed answer = query(url, headers);
        assertEquals(status, answer.status(), () -> "GET " + url + " " + List.of(headers) + " → " + answer.body());
        assertEquals("application/problem+json", answer.response().mediaType(), url);
    }

    @Test
    @DisplayName("a Lianxin-Hops or Lianxin-Deadline that Table 7.8 does not allow is a 400")
    @Verifies(id = "LX-FED-18", level = "MUST", of = "Federation")
    void badHeadersAreBadRequests() {
        String committee = committee();
        String statistics = base() + "/statistics/members?organization=" + encode(committee);
        String search = base() + "/search/members?stage=FullMember&organization=" + encode(committee);
        String ancestors = base() + "/organizations/" + id(committee) + "/ancestors";
        for (String url : List.of(statistics, search, ancestors)) {
            for (String deadline : List.of("0", "-5", "soon", "1.5")) {
                assertStatus(400, url, DEADLINE, deadline);
            }
            for (String hops : List.of("-1", "many", "2.0")) {
                assertStatus(400, url, HOPS, hops);
            }
        }
    }

    @Test
    @DisplayName("a query parameter value that Table 7.14, 7.18 or 7.21 does not allow is a 400")
    @Verifies(id = "LX-FED-18", level = "MUST", of = "Federation")
    void badParametersAreBadRequests() {
        String committee = committee();
        String organization = "organization=" + encode(committee);
        String statistics = base() + "/statistics/members?";
        for (String query : List.of("groupBy=stage", organization + "&groupBy=shoeSize", organization + "&scope=everything",
                organization + "&partial=maybe")) {
            assertStatus(400, statistics + query);
        }
        String search = base() + "/search/members?" + organization;
        for (String query : List.of("", "&scope=subtree", "&name=" + "王".repeat(51), "&name=", "&namePrefix=", "&stage=Member",
                "&stage=FullMember&limit=0", "&stage=FullMember&limit=many", "&stage=FullMember&partial=maybe",
                "&stage=FullMember&scope=everything", "&stage=FullMember&cursor=not-a-cursor-of-the-node")) {
            assertStatus(400, search + query);
        }
        assertStatus(400, base() + "/search/members?stage=FullMember");
        assertStatus(400, base() + "/organizations/" + id(committee) + "/ancestors?partial=maybe");
    }

    @Test
    @DisplayName("a query about an organization the node does not hold is a 404; about one it has deleted, a 410")
    @Verifies(id = "LX-FED-19", level = "MUST", of = "Federation")
    void unknownAndDeletedOrganizations() {
        for (String organization : List.of("kit-never-made", base() + "/organizations/kit-never-made",
                "http://localhost:9/nodes/x/organizations/elsewhere")) {
            assertStatus(404, base() + "/statistics/members?organization=" + encode(organization));
            assertStatus(404, base() + "/search/members?stage=FullMember&organization=" + encode(organization));
        }
        assertStatus(404, base() + "/organizations/kit-never-made/ancestors");

        String deleted = committee();
        assertEquals(204, Http.delete(deleted).status(), "the kit could not delete its own organization " + deleted);
        assertStatus(410, base() + "/statistics/members?organization=" + encode(deleted));
        assertStatus(410, base() + "/search/members?stage=FullMember&organization=" + encode(deleted));
        assertStatus(410, base() + "/search/members?stage=FullMember&organization=" + id(deleted));
        assertStatus(410, base() + "/organizations/" + id(deleted) + "/ancestors");
    }
}
