package org.lianxin.node.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Problems;

/** The audit log: full reads and writes are recorded, an organization-admin reads its subtree's entries, nothing changes them. */
class AuditIT {

    private static String county;
    private static String branch;
    private static String member;

    @BeforeAll
    static void tree() {
        county = put(NodeClient.nodeBase() + "/organizations/" + Fixtures.uniqueId("audit-county"), Fixtures.organization("审计县委", "CountyCommittee", NodeClient.top()));
        branch = put(NodeClient.nodeBase() + "/organizations/" + Fixtures.uniqueId("audit-branch"), Fixtures.organization("审计支部", "Branch", county));
        HttpResponse<String> created = NodeClient.post(NodeClient.nodeBase() + "/members", Fixtures.JSON_LD, Fixtures.member("审计员", branch));
        assertEquals(201, created.statusCode(), created.body());
        member = created.headers().firstValue("Location").orElseThrow();
        assertEquals(200, NodeClient.get(member, Fixtures.JSON_LD, "Lianxin-Purpose", URLEncoder.encode("党费核对", StandardCharsets.UTF_8)).statusCode());
        assertEquals(204, NodeClient.delete(member).statusCode());
    }

    @Test
    @DisplayName("LX-SEC-46 LX-SEC-47 every write and full read is in the log of the organization-admin above it, in order")
    void writesAndFullReadsAreAudited() {
        List<JsonObject> entries = entries(admin(county), "");
        List<String> actions = entries.stream().filter(e -> e.getString("record", "").equals(member)).map(e -> e.getString("action")).toList();
        assertEquals(List.of("create", "read-full", "delete"), actions);
        JsonObject read = entries.stream().filter(e -> e.getString("action").equals("read-full")).findFirst().orElseThrow();
        assertEquals("党费核对", read.getString("purpose"));
        assertEquals(200, read.getInt("outcome"));
        assertEquals("lianxin-tests", read.getString("actor"));
        assertTrue(read.getJsonArray("organizations").getValuesAs(jakarta.json.JsonString::getString).contains(branch));
        assertTrue(entries.stream().anyMatch(e -> e.getString("record", "").equals(branch) && e.getString("action").equals("create")));
    }

    @Test
    @DisplayName("LX-SEC-48 outside the caller's subtree the log does not exist (404); a secretary gets 403")
    void onlyAdminsOfTheSubtree() {
        String otherCounty = put(NodeClient.nodeBase() + "/organizations/" + Fixtures.uniqueId("other"), Fixtures.organization("别的县委", "CountyCommittee", NodeClient.top()));
        Problems.assertProblem(query(admin(otherCounty), county, ""), 404, "not-found", "Not found");
        Problems.assertProblem(query(NodeClient.tokenFor(null, "node-operator"), county, ""), 404, "not-found", "Not found");
        Problems.assertProblem(query(NodeClient.tokenFor(county, "secretary"), county, ""), 403, "forbidden", "Forbidden");
        assertEquals(200, query(admin(county), branch, "").statusCode(), "an admin above reads a branch's log");
    }

    @Test
    @DisplayName("LX-SEC-49 bad parameters and foreign cursors are 400")
    void badParameters() {
        for (String q : List.of("&limit=0", "&from=yesterday", "&cursor=forged")) {
            Problems.assertProblem(query(admin(county), county, q), 400, "bad-request", "Bad request");
        }
    }

    @Test
    @DisplayName("LX-SEC-50 LX-SEC-51 the log cannot be changed: writes are 405, entries read the same every time")
    void appendOnly() {
        for (String method : List.of("PUT", "POST", "DELETE")) {
            HttpResponse<String> response = NodeClient.raw(HttpRequest.newBuilder(URI.create(NodeClient.nodeBase() + "/audit?organization=" + enc(county)))
                    .header("Authorization", "Bearer " + admin(county)).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")));
            assertEquals(405, response.statusCode(), method);
        }
        List<JsonObject> first = entries(admin(county), "");
        List<JsonObject> again = entries(admin(county), "");
        assertEquals(first, again.subList(0, first.size()));
    }

    @Test
    @DisplayName("LX-SEC-47 the log pages in append order with next links")
    void pages() {
        List<JsonObject> all = entries(admin(county), "");
        List<JsonObject> paged = new java.util.ArrayList<>();
        String url = NodeClient.nodeBase() + "/audit?organization=" + enc(county) + "&limit=1";
        while (url != null) {
            HttpResponse<String> page = NodeClient.get(url, "application/json", "Authorization", "Bearer " + admin(county));
            assertEquals(200, page.statusCode(), page.body());
            JsonObject json = NodeClient.json(page);
            json.getJsonArray("items").stream().map(JsonValue::asJsonObject).forEach(paged::add);
            url = json.containsKey("next") ? json.getString("next") : null;
        }
        assertEquals(all, paged.subList(0, all.size()));
    }

    private static String admin(String organization) {
        return NodeClient.tokenFor(organization, "organization-admin");
    }

    private static List<JsonObject> entries(String token, String query) {
        HttpResponse<String> response = query(token, county, query + "&limit=1000");
        assertEquals(200, response.statusCode(), response.body());
        return NodeClient.json(response).getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
    }

    private static HttpResponse<String> query(String token, String organization, String query) {
        return NodeClient.get(NodeClient.nodeBase() + "/audit?organization=" + enc(organization) + query, "application/json",
                "Authorization", "Bearer " + token);
    }

    private static String put(String iri, String body) {
        HttpResponse<String> response = NodeClient.put(iri, Fixtures.JSON_LD, Fixtures.withId(body, iri));
        assertEquals(201, response.statusCode(), response.body());
        return iri;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
