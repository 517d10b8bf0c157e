package org.lianxin.node.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;
import org.lianxin.spec.SpecResources;

/** The node description, the host's node list, the spec files and health, over HTTP. */
class NodeDescriptionIT {

    @Test
    @DisplayName("LX-CORE-1 LX-CORE-2 LX-CORE-3 LX-CORE-4 LX-CORE-6 LX-FED-17 the node description: id, type, spec version, Core, every endpoint, vendor and product")
    void describesSpecVersionClassesAndEndpoints() {
        HttpResponse<String> response = NodeClient.get(NodeClient.nodeBase() + "/.well-known/lianxin", Fixtures.JSON_LD);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject description = NodeClient.json(response);
        assertEquals(NodeClient.nodeBase(), description.getString("id"));
        assertEquals("NodeDescription", description.getString("type"));
        assertEquals(SpecResources.VERSION, description.getString("specVersion"));
        assertTrue(strings(description, "conformanceClasses").containsAll(List.of("Core", "Federation")));
        List<String> rels = description.getJsonArray("endpoints").stream().map(JsonValue::asJsonObject).map(e -> e.getString("rel")).toList();
        assertTrue(rels.containsAll(List.of("organizations", "members", "members-batch", "context", "vocabulary", "shapes", "requirements",
                "federation", "member-statistics", "member-search")), rels.toString());
        assertTrue(description.containsKey("vendor") && description.containsKey("product"));
    }

    @Test
    @DisplayName("LX-SEC-56 the node claims Security and names its member lookup, its audit log and the issuer of its tokens, to callers without a token")
    void namesTheSecurityEndpoints() {
        HttpResponse<String> response = NodeClient.raw(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(NodeClient.nodeBase() + "/.well-known/lianxin")).header("Accept", Fixtures.JSON_LD));
        JsonObject description = NodeClient.json(response);
        assertTrue(strings(description, "conformanceClasses").contains("Security"));
        java.util.Map<String, String> hrefs = new java.util.HashMap<>();
        description.getJsonArray("endpoints").stream().map(JsonValue::asJsonObject).forEach(e -> hrefs.put(e.getString("rel"), e.getString("href")));
        assertEquals(NodeClient.nodeBase() + "/members/lookup", hrefs.get("member-lookup"));
        assertEquals(NodeClient.nodeBase() + "/audit", hrefs.get("audit"));
        assertEquals("urn:lianxin:test-issuer", hrefs.get("token-issuer"));
    }

    @Test
    @DisplayName("LX-CORE-5 authoritativeFor lists the node's root organizations only")
    void listsTheTopOrganizationsItIsAuthoritativeFor() {
        String branch = Trees.branch();
        String county = branch.replaceAll("/organizations/.*", "/organizations/"); // same node
        JsonObject description = NodeClient.json(NodeClient.get(NodeClient.nodeBase() + "/.well-known/lianxin", Fixtures.JSON_LD));
        List<String> tops = strings(description, "authoritativeFor");
        assertTrue(tops.stream().allMatch(t -> t.startsWith(county)), tops.toString());
        assertTrue(!tops.contains(branch), "a branch under a county of the same node is not a top organization");
    }

    @Test
    @DisplayName("LX-CORE-7 the host lists its nodes as a page of node descriptions")
    void theHostListsItsNodes() {
        JsonObject host = NodeClient.json(NodeClient.get(NodeClient.serverUrl() + "/.well-known/lianxin", Fixtures.JSON_LD));
        assertEquals("Page", host.getString("type"));
        List<JsonObject> items = host.getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
        assertTrue(items.stream().map(n -> n.getString("id")).toList().contains(NodeClient.nodeBase()), items.toString());
        assertEquals("NodeDescription", items.get(0).getString("type"));
    }

    @Test
    @DisplayName("LX-CORE-14 the node serves the spec's own context, vocabulary, shapes and requirements")
    void servesTheSpecsOwnContextAndShapes() {
        HttpResponse<String> context = NodeClient.get(NodeClient.nodeBase() + "/spec/context.jsonld", "application/ld+json");
        assertEquals(200, context.statusCode());
        assertEquals(SpecResources.contextJson(), context.body());
        HttpResponse<String> shapes = NodeClient.get(NodeClient.nodeBase() + "/spec/shapes.ttl", "text/turtle");
        assertEquals(200, shapes.statusCode());
        assertTrue(org.apache.jena.riot.RDFParser.fromString(shapes.body(), org.apache.jena.riot.Lang.TURTLE).toGraph()
                .isIsomorphicWith(SpecResources.shapesGraph()), "shapes.ttl is the union of the spec's shapes files");
        assertEquals(SpecResources.text(SpecResources.VOCABULARY), NodeClient.get(NodeClient.nodeBase() + "/spec/vocabulary.ttl", "text/turtle").body());
        assertEquals(SpecResources.text(SpecResources.REQUIREMENTS), NodeClient.get(NodeClient.nodeBase() + "/spec/requirements.ttl", "text/turtle").body());
    }

    @Test
    @DisplayName("LX-CORE-19 an unknown node or route is a 404 problem")
    void anUnknownNodeOrRouteIsAProblem404() {
        HttpResponse<String> response = NodeClient.get(NodeClient.serverUrl() + "/nodes/nowhere/.well-known/lianxin", Fixtures.JSON_LD);
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(404, NodeClient.get(NodeClient.nodeBase() + "/no-such-collection", Fixtures.JSON_LD).statusCode());
    }

    @Test
    @DisplayName("MicroProfile Health reports the node UP")
    void healthIsUp() {
        HttpResponse<String> health = NodeClient.get(NodeClient.serverUrl() + "/health", "application/json");
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("UP", NodeClient.json(health).getString("status"));
    }

    private static List<String> strings(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        return value.asJsonArray().stream().map(v -> ((JsonString) v).getString()).toList();
    }
}
