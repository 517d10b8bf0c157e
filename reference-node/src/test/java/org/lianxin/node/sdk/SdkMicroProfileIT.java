package org.lianxin.node.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.client.microprofile.FeedbackClient;
import org.lianxin.client.microprofile.LianxinRestClient;
import org.lianxin.client.microprofile.MembersClient;
import org.lianxin.client.microprofile.NodeClient;
import org.lianxin.client.microprofile.OrganizationsClient;
import org.lianxin.client.microprofile.StatisticsClient;
import org.lianxin.client.microprofile.TaskCompletionsClient;
import org.lianxin.client.microprofile.TasksClient;
import org.lianxin.client.microprofile.TransfersClient;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.OpenApiRoutes;

/**
 * The SDK's MicroProfile Rest Client interfaces, built with {@code RestClientBuilder} (RESTEasy's
 * implementation, a test dependency) and called against the running test node: what an application
 * in a MicroProfile server gets from its {@code @RestClient} injection.
 */
class SdkMicroProfileIT {

    private static final String NODE = org.lianxin.node.testing.NodeClient.serverUrl() + "/nodes/sdk";
    private static final List<Class<?>> INTERFACES = List.of(NodeClient.class, OrganizationsClient.class, MembersClient.class,
            StatisticsClient.class, TransfersClient.class, TasksClient.class, TaskCompletionsClient.class, FeedbackClient.class);

    private static <T> T build(Class<T> type) {
        return RestClientBuilder.newBuilder().baseUri(URI.create(NODE)).build(type);
    }

    private static String bearer() {
        return "Bearer " + org.lianxin.node.testing.NodeClient.token(NODE);
    }

    @Test
    @DisplayName("every method of every interface is an operation of the spec's OpenAPI file, and takes the Authorization header")
    void routesOfTheSpec() {
        Set<String> spec = OpenApiRoutes.ofSpec();
        Set<String> declared = new TreeSet<>();
        for (Class<?> type : INTERFACES) {
            assertEquals(LianxinRestClient.CONFIG_KEY, type.getAnnotation(RegisterRestClient.class).configKey(), type.getName());
            String root = type.getAnnotation(Path.class).value();
            for (Method method : type.getMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST"
                        : method.isAnnotationPresent(PUT.class) ? "PUT" : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                assertNotNull(verb, method.toString());
                Path sub = method.getAnnotation(Path.class);
                String path = sub == null ? root : root + "/" + sub.value().replaceAll("^/", "");
                declared.add(verb + " " + path);
                boolean open = type == NodeClient.class;
                boolean authorized = java.util.Arrays.stream(method.getParameterAnnotations()).flatMap(java.util.Arrays::stream)
                        .anyMatch(a -> a instanceof HeaderParam h && h.value().equals("Authorization"));
                assertEquals(!open, authorized, method + ": the Authorization header, except for the node description");
            }
        }
        List<String> unknown = new ArrayList<>(declared);
        unknown.removeAll(spec);
        assertEquals(List.of(), unknown, "routes the spec does not have");
        for (String route : List.of("GET /.well-known/lianxin", "GET /organizations/{id}/ancestors", "GET /members/{id}", "GET /statistics/members",
                "POST /transfers/{id}/accept", "GET /organizations/{id}/inbox", "POST /tasks", "POST /feedback/{id}/replies")) {
            assertTrue(declared.contains(route), route);
        }
    }

    @Test
    @DisplayName("built with RestClientBuilder, the interfaces read and write the running node")
    void againstTheNode() {
        JsonObject description = build(NodeClient.class).description();
        assertEquals(NODE, description.getString("id"));
        assertTrue(build(NodeClient.class).turtle().contains("lianxin"));

        OrganizationsClient organizations = build(OrganizationsClient.class);
        String top = org.lianxin.node.testing.NodeClient.top(NODE);
        JsonObject county = organizations.create(bearer(), Json.createObjectBuilder()
                .add("@context", "https://w3id.org/lianxin/context.jsonld").add("type", Json.createArrayBuilder().add("Organization").add("PartyOrganization"))
                .add("name", "微服务县委").add("orgType", "CountyCommittee").add("subOrganizationOf", top).build());
        String countyId = id(county);
        String branchId = Fixtures.uniqueId("mp-branch");
        JsonObject branch = organizations.put(bearer(), branchId, Json.createObjectBuilder()
                .add("@context", "https://w3id.org/lianxin/context.jsonld").add("id", NODE + "/organizations/" + branchId)
                .add("type", Json.createArrayBuilder().add("Organization").add("PartyOrganization"))
                .add("name", "微服务党支部").add("orgType", "Branch").add("subOrganizationOf", county.getString("id")).build());
        assertEquals("微服务党支部", organizations.read(bearer(), branchId).getString("name"));
        assertEquals(branch.getString("id"), organizations.children(bearer(), countyId, 10, null).getJsonArray("items")
                .getJsonObject(0).getString("id"));
        JsonObject ancestors = organizations.ancestors(bearer(), branchId, null);
        assertEquals(2, ancestors.getJsonArray("ancestors").size());
        assertTrue(ancestors.getJsonObject("completeness").getBoolean("complete"));

        MembersClient members = build(MembersClient.class);
        JsonObject member = members.create(bearer(), Json.createReader(new java.io.StringReader(
                Fixtures.member("微服务党员", branch.getString("id")))).readObject());
        String memberId = id(member);
        assertEquals("微服务党员", members.read(bearer(), null, memberId).getString("name"));
        assertEquals(1, members.list(bearer(), branch.getString("id"), null, 5, null).getJsonArray("items").size());

        JsonObject statistic = build(StatisticsClient.class).members(bearer(), List.of(countyId), "stage", "local", null);
        assertEquals(1, statistic.getJsonNumber("total").longValue());
        assertTrue(statistic.getJsonObject("completeness").getBoolean("complete"));

        WebApplicationException busy = assertThrows(WebApplicationException.class, () -> organizations.delete(bearer(), branchId));
        assertEquals(409, busy.getResponse().getStatus(), "a member has it as branch");
        members.delete(bearer(), memberId);
        organizations.delete(bearer(), branchId);
        WebApplicationException gone = assertThrows(WebApplicationException.class, () -> organizations.read(bearer(), branchId));
        assertEquals(410, gone.getResponse().getStatus());
        WebApplicationException unauthorized = assertThrows(WebApplicationException.class, () -> organizations.read("Bearer no.such.token", countyId));
        assertEquals(401, unauthorized.getResponse().getStatus());
        assertTrue(build(FeedbackClient.class).list(bearer(), null, null, 1, null).get("items") instanceof jakarta.json.JsonArray);
        assertTrue(build(TasksClient.class).list(bearer(), null, null, 1, null).get("items").getValueType() == JsonValue.ValueType.ARRAY);
    }

    private static String id(JsonObject record) {
        String iri = record.getString("id");
        return iri.substring(iri.lastIndexOf('/') + 1);
    }
}
