package org.lianxin.node.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Problems;

/**
 * The authorization matrix of spec 8.6 over a real federation of four nodes: a province node, a
 * city node with a county node below it, and a sibling city node. Five callers — acting for the
 * province, the city, the sibling city, a county branch, and a member of that branch — read and
 * write organizations and members on their own node and across the federation. Every cell asserts
 * its outcome; every denied read is compared with the answer for a record that never existed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationIT {

    private static final String HOST = NodeClient.serverUrl();
    private static final String PROVINCE_NODE = HOST + "/nodes/sec-province";
    private static final String CITY_NODE = HOST + "/nodes/sec-city";
    private static final String SIBLING_NODE = HOST + "/nodes/sec-sibling";
    private static final String COUNTY_NODE = HOST + "/nodes/sec-county";

    private static final String PROVINCE = PROVINCE_NODE + "/organizations/province";
    private static final String CITY = CITY_NODE + "/organizations/city";
    private static final String CITY_BRANCH = CITY_NODE + "/organizations/city-branch";
    private static final String SIBLING = SIBLING_NODE + "/organizations/sibling";
    private static final String COUNTY = COUNTY_NODE + "/organizations/county";
    private static final String BRANCH = COUNTY_NODE + "/organizations/branch";

    /** The callers of the matrix. */
    enum Caller { PROVINCE_ADMIN, CITY_ADMIN, SIBLING_ADMIN, BRANCH_SECRETARY, MEMBER }

    private static String branchMember;
    private static String branchMemberId;
    private static String cityMember;
    private static Map<Caller, String> tokens;

    @BeforeAll
    static void federation() {
        // Each record is written as the secretary of the organization it hangs under, as a node is set up.
        put(PROVINCE, "岭南省委", "ProvincialCommittee", null, PROVINCE);
        put(CITY, "南州市委", "MunicipalCommittee", PROVINCE, PROVINCE);
        put(CITY_BRANCH, "南州市直机关党支部", "Branch", CITY, CITY);
        put(SIBLING, "北州市委", "MunicipalCommittee", PROVINCE, PROVINCE);
        put(COUNTY, "南州县委", "CountyCommittee", CITY, CITY);
        put(BRANCH, "南州县城关镇党支部", "Branch", COUNTY, COUNTY);
        branchMember = member(COUNTY_NODE, BRANCH, "林秀英");
        branchMemberId = branchMember.substring(branchMember.lastIndexOf('/') + 1);
        cityMember = member(CITY_NODE, CITY_BRANCH, "陈建华");
        register(PROVINCE_NODE, CITY_NODE);
        register(PROVINCE_NODE, SIBLING_NODE);
        register(CITY_NODE, COUNTY_NODE);
        tokens = Map.of(
                Caller.PROVINCE_ADMIN, NodeClient.tokenFor(PROVINCE, "organization-admin", "secretary"),
                Caller.CITY_ADMIN, NodeClient.tokenFor(CITY, "organization-admin", "secretary"),
                Caller.SIBLING_ADMIN, NodeClient.tokenFor(SIBLING, "organization-admin", "secretary"),
                Caller.BRANCH_SECRETARY, NodeClient.tokenFor(BRANCH, "secretary"),
                Caller.MEMBER, NodeClient.memberToken(branchMember));
    }

    /**
     * Runs first, while no node has yet asked its parent what lies above its roots: the county node
     * must ask the city node, which is answering this very query, under a query id of its own.
     */
    @Test
    @Order(1)
    @DisplayName("LX-SEC-23 LX-SEC-32 a node learns what lies above its root from its parent with a new query id, while the parent waits on it")
    void aNodeAsksItsParentUnderANewQueryId() {
        HttpResponse<String> response = as(Caller.PROVINCE_ADMIN).get(PROVINCE_NODE + "/statistics/members?organization=" + enc(PROVINCE),
                "application/json", "Lianxin-Query-Id", "lx-sec-32-query");
        assertEquals(200, response.statusCode(), "the county answered: it was not refused as a loop by the city " + response.body());
        JsonObject completeness = NodeClient.json(response).getJsonObject("completeness");
        assertEquals("lx-sec-32-query", completeness.getString("queryId"));
        assertTrue(completeness.getBoolean("complete"), response.body());
        assertTrue(completeness.getJsonArray("nodes").stream().anyMatch(n -> n.asJsonObject().getString("node").equals(COUNTY_NODE)
                && n.asJsonObject().getString("status").equals("answered")), response.body());
    }

    @Test
    @DisplayName("LX-SEC-25 registering a child the operator's token is not for (its aud) is 403, and no request is made")
    void registrationNeedsTheChildInTheAudience() {
        HttpResponse<String> minted = NodeClient.raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(HOST + "/demo/tokens"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"sub\": \"operator\", \"groups\": [\"node-operator\"], \"audience\": [\"" + SIBLING_NODE + "\"]}")));
        HttpResponse<String> response = NodeClient.as(NodeClient.json(minted).getString("token"))
                .post(SIBLING_NODE + "/federation/children", "application/json", "{\"base\": \"" + COUNTY_NODE + "\"}");
        Problems.assertProblem(response, 403, "forbidden", "Forbidden");
        assertFalse(NodeClient.json(as(Caller.PROVINCE_ADMIN).get(SIBLING_NODE + "/federation", "application/json")).toString().contains(COUNTY_NODE));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    @DisplayName("LX-SEC-17 LX-SEC-18 LX-SEC-23 reads of organizations and members, on a node and below: allowed in the subtree, else as if never created")
    void reads(Caller caller) {
        boolean aboveCounty = caller == Caller.PROVINCE_ADMIN || caller == Caller.CITY_ADMIN;
        assertRead(caller, BRANCH, aboveCounty || caller == Caller.BRANCH_SECRETARY);
        assertRead(caller, COUNTY, aboveCounty);
        assertRead(caller, CITY, aboveCounty);
        assertRead(caller, SIBLING, caller == Caller.PROVINCE_ADMIN || caller == Caller.SIBLING_ADMIN);
        assertRead(caller, PROVINCE, caller == Caller.PROVINCE_ADMIN);
        assertRead(caller, branchMember, caller != Caller.SIBLING_ADMIN);
        assertRead(caller, cityMember, aboveCounty);
        assertRead(caller, COUNTY + "/children", aboveCounty);
        assertRead(caller, CITY + "/subtree", aboveCounty);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    @DisplayName("LX-SEC-19 LX-SEC-33 a list holds only the records the caller may read, masked")
    void lists(Caller caller) {
        HttpResponse<String> page = as(caller).get(COUNTY_NODE + "/members?limit=1000", Fixtures.JSON_LD);
        Set<String> listed = ids(page);
        switch (caller) {
            case PROVINCE_ADMIN, CITY_ADMIN, BRANCH_SECRETARY -> assertTrue(listed.contains(branchMember), listed.toString());
            case MEMBER -> assertEquals(Set.of(branchMember), listed);
            case SIBLING_ADMIN -> assertEquals(Set.of(), listed);
        }
        assertFalse(page.body().contains(nationalIdOf(branchMember)), "masked in a list");
        Set<String> organizations = ids(as(caller).get(COUNTY_NODE + "/organizations?limit=100", Fixtures.JSON_LD));
        assertEquals(switch (caller) {
            case PROVINCE_ADMIN, CITY_ADMIN -> Set.of(COUNTY, BRANCH);
            case BRANCH_SECRETARY -> Set.of(BRANCH);
            case SIBLING_ADMIN, MEMBER -> Set.<String>of();
        }, organizations);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    @DisplayName("LX-SEC-20 LX-SEC-21 replacing a member: by the secretaries above it; 403 to a member and to a caller of another subtree")
    void replaces(Caller caller) {
        String body = Fixtures.withId(memberBody("林秀英", BRANCH), branchMember);
        HttpResponse<String> response = as(caller).put(branchMember, Fixtures.JSON_LD, body);
        if (caller == Caller.MEMBER || caller == Caller.SIBLING_ADMIN) {
            Problems.assertProblem(response, 403, "forbidden", "Forbidden");
            assertFalse(response.body().contains(branchMemberId), "the problem does not name the record (LX-SEC-43)");
        } else {
            assertEquals(200, response.statusCode(), response.body());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    @DisplayName("LX-SEC-20 LX-SEC-21 creating a member in the county branch: allowed above it; outside, the branch is as if it did not exist; 403 to a member")
    void creates(Caller caller) {
        HttpResponse<String> response = as(caller).post(COUNTY_NODE + "/members", Fixtures.JSON_LD, memberBody("新党员", BRANCH));
        switch (caller) {
            case PROVINCE_ADMIN, CITY_ADMIN, BRANCH_SECRETARY -> assertEquals(201, response.statusCode(), response.body());
            case MEMBER -> Problems.assertProblem(response, 403, "forbidden", "Forbidden");
            case SIBLING_ADMIN -> {
                HttpResponse<String> nowhere = as(Caller.PROVINCE_ADMIN).post(COUNTY_NODE + "/members", Fixtures.JSON_LD,
                        memberBody("新党员", COUNTY_NODE + "/organizations/never-created"));
                Problems.assertProblem(response, 422, "validation", "Validation failed");
                assertEquals(Problems.errors(nowhere), Problems.errors(response), "the same answer as for a branch that does not exist");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    @DisplayName("LX-SEC-20 LX-SEC-21 a batch into the county branch: all of it above the branch; outside, the branch is as if it did not exist; 403 to a member")
    void batches(Caller caller) {
        String batch = "[" + memberBody("批量甲", BRANCH) + ",\n" + memberBody("批量乙", BRANCH) + "]";
        HttpResponse<String> response = as(caller).post(COUNTY_NODE + "/members/batch", Fixtures.JSON_LD, batch);
        switch (caller) {
            case PROVINCE_ADMIN, CITY_ADMIN, BRANCH_SECRETARY -> {
                assertEquals(200, response.statusCode(), response.body());
                assertEquals(2, NodeClient.json(response).getInt("created"));
            }
            case MEMBER -> Problems.assertProblem(response, 403, "forbidden", "Forbidden");
            case SIBLING_ADMIN -> {
                Problems.assertProblem(response, 422, "validation", "Validation failed");
                assertEquals(List.of("branch", "branch"), Problems.errors(response).stream().map(e -> e.getString("field")).toList());
                assertTrue(Problems.errors(response).stream().allMatch(e -> e.getString("requirement").equals("LX-CORE-26")));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    @DisplayName("LX-SEC-18 LX-SEC-22 deleting a member: 404 outside the subtree, 403 for the member themself, 204 above it")
    void deletes(Caller caller) {
        String target = caller == Caller.MEMBER ? branchMember : member(COUNTY_NODE, BRANCH, "待删除");
        HttpResponse<String> response = as(caller).delete(target);
        switch (caller) {
            case PROVINCE_ADMIN, CITY_ADMIN, BRANCH_SECRETARY -> assertEquals(204, response.statusCode(), response.body());
            case MEMBER -> Problems.assertProblem(response, 403, "forbidden", "Forbidden");
            case SIBLING_ADMIN -> assertHidden(caller, response, target);
        }
        if (caller == Caller.SIBLING_ADMIN || caller == Caller.MEMBER) {
            assertEquals(200, as(Caller.BRANCH_SECRETARY).get(target, Fixtures.JSON_LD).statusCode(), "nothing was deleted");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    @DisplayName("LX-SEC-26 LX-SEC-28 statistics of the city's subtree, across the county node: for the secretaries above it, else 404")
    void statistics(Caller caller) {
        HttpResponse<String> response = as(caller).get(CITY_NODE + "/statistics/members?organization=" + enc(CITY) + "&groupBy=stage",
                "application/json");
        if (caller == Caller.PROVINCE_ADMIN || caller == Caller.CITY_ADMIN) {
            assertEquals(200, response.statusCode(), response.body());
            JsonObject answer = NodeClient.json(response);
            assertTrue(answer.getJsonObject("completeness").getBoolean("complete"), response.body());
            assertTrue(answer.getInt("total") >= 2, "the city's member and the county's: " + response.body());
            assertFalse(response.body().contains(nationalIdOf(cityMember)));
        } else {
            JsonObject hidden = Problems.assertProblem(response, 404, "not-found", "Not found");
            JsonObject nowhere = Problems.assertProblem(as(caller).get(CITY_NODE + "/statistics/members?organization="
                    + enc(CITY_NODE + "/organizations/never-created") + "&groupBy=stage", "application/json"), 404, "not-found", "Not found");
            assertEquals(nowhere.getString("detail").replace("never-created", "city"), hidden.getString("detail"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    @DisplayName("LX-SEC-26 the province's subtree search reaches every node for its admin only; nothing personal travels (LX-SEC-37)")
    void search(Caller caller) {
        HttpResponse<String> response = as(caller).get(PROVINCE_NODE + "/search/members?organization=" + enc(PROVINCE) + "&stage=FullMember&limit=100",
                "application/json");
        if (caller != Caller.PROVINCE_ADMIN) {
            Problems.assertProblem(response, 404, "not-found", "Not found");
            return;
        }
        assertEquals(200, response.statusCode(), response.body());
        Set<String> found = new TreeSet<>(NodeClient.json(response).getJsonArray("items").stream()
                .map(i -> i.asJsonObject().getString("id")).toList());
        assertTrue(found.containsAll(List.of(branchMember, cityMember)), found.toString());
        for (String secret : List.of("nationalId", "telephone", "address", "birthDate", nationalIdOf(branchMember))) {
            assertFalse(response.body().contains(secret), secret);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    @DisplayName("LX-SEC-38 LX-SEC-39 a lookup by ID number finds only a member the caller may read")
    void lookups(Caller caller) {
        HttpResponse<String> response = as(caller).post(COUNTY_NODE + "/members/lookup", "application/json",
                "{\"nationalId\": \"" + nationalIdOf(branchMember) + "\"}");
        if (caller == Caller.SIBLING_ADMIN) {
            Problems.assertProblem(response, 404, "not-found", "Not found");
        } else {
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(branchMember, NodeClient.json(response).getString("member"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    @DisplayName("LX-SEC-27 a branch's line of superiors: for whoever may read the branch")
    void ancestors(Caller caller) {
        HttpResponse<String> response = as(caller).get(BRANCH + "/ancestors", "application/json");
        if (caller == Caller.SIBLING_ADMIN || caller == Caller.MEMBER) {
            Problems.assertProblem(response, 404, "not-found", "Not found");
            return;
        }
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of(COUNTY, CITY, PROVINCE), NodeClient.json(response).getJsonArray("ancestors").stream()
                .map(a -> a.asJsonObject().getString("id")).toList());
    }

    /** Readable: 200 (410 for a tombstone does not occur here); else exactly the 404 of a record never created. */
    private static void assertRead(Caller caller, String url, boolean readable) {
        HttpResponse<String> response = as(caller).get(url, Fixtures.JSON_LD);
        if (readable) {
            assertEquals(200, response.statusCode(), caller + " " + url + ": " + response.body());
        } else {
            assertHidden(caller, response, url);
        }
    }

    /** The answer is the one for an id never used on that node: the same status and problem but for the IRI. */
    private static void assertHidden(Caller caller, HttpResponse<String> response, String url) {
        String id = url.replaceAll(".*/(organizations|members)/([^/]+).*", "$2");
        String never = url.replace("/" + id, "/never-" + id.length());
        HttpResponse<String> missing = as(caller).get(never, Fixtures.JSON_LD);
        assertEquals(404, response.statusCode(), caller + " " + url + ": " + response.body());
        assertEquals(missing.body().replace("never-" + id.length(), id), response.body(), caller + " " + url);
        assertEquals(missing.headers().firstValue("Content-Type"), response.headers().firstValue("Content-Type"));
    }

    private static NodeClient.As as(Caller caller) {
        return NodeClient.as(tokens.get(caller));
    }

    private static void put(String iri, String name, String type, String parent, String actingFor) {
        HttpResponse<String> response = NodeClient.as(NodeClient.tokenFor(actingFor, "secretary"))
                .put(iri, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization(name, type, parent), iri));
        assertEquals(201, response.statusCode(), response.body());
    }

    private static String member(String node, String branch, String name) {
        HttpResponse<String> response = NodeClient.as(NodeClient.tokenFor(branch, "secretary"))
                .post(node + "/members", Fixtures.JSON_LD, memberBody(name, branch));
        assertEquals(201, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String memberBody(String name, String branch) {
        return Fixtures.member(name, branch);
    }

    private static void register(String parent, String child) {
        HttpResponse<String> response = NodeClient.as(NodeClient.tokenFor(PROVINCE, "node-operator"))
                .post(parent + "/federation/children", "application/json", "{\"base\": \"" + child + "\"}");
        assertEquals(201, response.statusCode(), response.body());
    }

    /** The member's ID number, from a full read by its branch's secretary. */
    private static String nationalIdOf(String member) {
        HttpResponse<String> full = as(Caller.BRANCH_SECRETARY).get(member, Fixtures.JSON_LD, "Lianxin-Purpose", "test");
        if (full.statusCode() != 200) {
            full = as(Caller.CITY_ADMIN).get(member, Fixtures.JSON_LD, "Lianxin-Purpose", "test");
        }
        return NodeClient.json(full).getString("nationalId");
    }

    /** The ids of a page's items. */
    private static Set<String> ids(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page.body());
        return new TreeSet<>(NodeClient.json(page).getJsonArray("items").stream().map(i -> i.asJsonObject().getString("id")).toList());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
