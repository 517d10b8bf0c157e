package org.lianxin.node.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.client.microprofile.FeedbackClient;
import org.lianxin.client.microprofile.LearningClient;
import org.lianxin.client.microprofile.LianxinRestClient;
import org.lianxin.client.microprofile.MembersClient;
import org.lianxin.client.microprofile.NodeClient;
import org.lianxin.client.microprofile.NoticesClient;
import org.lianxin.client.microprofile.OrganizationsClient;
import org.lianxin.client.microprofile.ServiceClient;
import org.lianxin.client.microprofile.StatisticsClient;
import org.lianxin.client.microprofile.TaskCompletionsClient;
import org.lianxin.client.microprofile.TasksClient;
import org.lianxin.client.microprofile.TransfersClient;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.OpenApiRoutes;
import org.lianxin.node.testing.Trees;

/**
 * The SDK's MicroProfile Rest Client interfaces, built with {@code RestClientBuilder} (RESTEasy's
 * implementation, a test dependency) and called against the running test node: what an application
 * in a MicroProfile server gets from its {@code @RestClient} injection.
 */
class SdkMicroProfileIT {

    private static final String NODE = org.lianxin.node.testing.NodeClient.serverUrl() + "/nodes/sdk";
    private static final List<Class<?>> INTERFACES = List.of(NodeClient.class, OrganizationsClient.class, MembersClient.class,
            StatisticsClient.class, TransfersClient.class, TasksClient.class, TaskCompletionsClient.class, FeedbackClient.class,
            LearningClient.class, NoticesClient.class, ServiceClient.class);

    private static <T> T build(Class<T> type) {
        return RestClientBuilder.newBuilder().baseUri(URI.create(NODE)).build(type);
    }

    private static String bearer() {
        return "Bearer " + org.lianxin.node.testing.NodeClient.token(NODE);
    }

    @Test
    @DisplayName("every method of every interface is an operation of the spec's OpenAPI file, with its media types, and takes the Authorization header")
    void routesOfTheSpec() {
        Set<String> spec = OpenApiRoutes.ofSpec();
        Map<String, OpenApiRoutes.MediaTypes> mediaTypes = OpenApiRoutes.mediaTypesOfSpec();
        Set<String> declared = new TreeSet<>();
        for (Class<?> type : INTERFACES) {
            assertEquals(LianxinRestClient.CONFIG_KEY, type.getAnnotation(RegisterRestClient.class).configKey(), type.getName());
            String root = type.getAnnotation(Path.class).value();
            for (Method method : type.getMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST"
                        : method.isAnnotationPresent(PUT.class) ? "PUT" : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                assertNotNull(verb, method.toString());
                Path sub = method.getAnnotation(Path.class);
                String path = ("/" + root + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                String route = verb + " " + path;
                declared.add(route);
                boolean open = type == NodeClient.class;
                boolean authorized = java.util.Arrays.stream(method.getParameterAnnotations()).flatMap(java.util.Arrays::stream)
                        .anyMatch(a -> a instanceof HeaderParam h && h.value().equals("Authorization"));
                assertEquals(!open, authorized, method + ": the Authorization header, except for the node description");
                if (!mediaTypes.containsKey(route)) {
                    continue; // reported below as a route the spec does not have
                }
                // where the spec names the media types of an answer or a body, the interface's are among them
                Produces produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class) : type.getAnnotation(Produces.class);
                if (method.getReturnType() != void.class) {
                    assertNotNull(produces, method + ": what it accepts");
                }
                if (produces != null && !mediaTypes.get(route).responses().isEmpty()) {
                    assertTrue(mediaTypes.get(route).responses().containsAll(List.of(produces.value())),
                            method + " accepts " + List.of(produces.value()) + "; the spec answers " + mediaTypes.get(route).responses());
                }
                Consumes consumes = method.getAnnotation(Consumes.class);
                if (consumes != null && !mediaTypes.get(route).requests().isEmpty()) {
                    assertTrue(mediaTypes.get(route).requests().containsAll(List.of(consumes.value())),
                            method + " sends " + List.of(consumes.value()) + "; the spec takes " + mediaTypes.get(route).requests());
                }
            }
        }
        List<String> unknown = new ArrayList<>(declared);
        unknown.removeAll(spec);
        assertEquals(List.of(), unknown, "routes the spec does not have");
        for (String route : List.of("GET /.well-known/lianxin", "GET /organizations/{id}/ancestors", "GET /members/{id}", "GET /statistics/members",
                "POST /transfers/{id}/accept", "GET /organizations/{id}/inbox", "POST /tasks", "POST /feedback/{id}/replies",
                "POST /courses", "PUT /study-records/{id}", "GET /members/{id}/courses", "GET /statistics/learning",
                "POST /notices", "GET /members/{id}/notices", "POST /members/{id}/notices/read", "GET /notices/{id}/reach", "GET /statistics/notice-reach",
                "GET /service-points", "POST /service-requests", "POST /service-requests/{id}/assignment", "GET /statistics/service")) {
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

    @Test
    @DisplayName("the Learning, Notices and Service interfaces read and write the running node: a course published and studied, a notice published and read, a resident's request sent and answered, each counted by its statistic")
    void learningNoticesAndServiceAgainstTheNode() {
        String county = Trees.organizationOn(NODE, "微服务学习县委", "CountyCommittee", org.lianxin.node.testing.NodeClient.top(NODE));
        String branch = Trees.organizationOn(NODE, "微服务第一党支部", "Branch", county);
        String member = Trees.memberOn(NODE, "微服务学员", branch);
        String memberBearer = "Bearer " + org.lianxin.node.testing.NodeClient.memberToken(member);
        StatisticsClient statistics = build(StatisticsClient.class);

        LearningClient learning = build(LearningClient.class);
        JsonObject course = learning.publish(bearer(), record("Course").add("publishedBy", county).add("name", "微服务专题课")
                .add("expectedMinutes", 60).add("dueDate", "2045-12-31").build());
        assertEquals("Published", learning.read(bearer(), id(course)).getString("courseState"));
        assertEquals(List.of(course.getString("id")), ids(learning.list(bearer(), null, county, null, 5, null), "items"));
        assertTrue(ids(learning.courses(memberBearer, id(member)), "courses").contains(course.getString("id")), "in the member's course list");
        JsonObject studied = learning.study(memberBearer, record("StudyRecord").add("learner", member).add("course", course.getString("id"))
                .add("minutesStudied", 25).build());
        JsonObject more = learning.replaceStudyRecord(memberBearer, id(studied), record("StudyRecord").add("id", studied.getString("id"))
                .add("learner", member).add("course", course.getString("id")).add("minutesStudied", 45).build());
        assertEquals("45", text(more.get("minutesStudied")));
        assertEquals("45", text(learning.studyRecord(bearer(), id(studied)).get("minutesStudied")));
        JsonObject completion = statistics.learning(bearer(), List.of(county), course.getString("id"), null, "subtree", null);
        assertEquals(1, completion.getInt("assigned"));
        assertEquals(1, completion.getInt("started"));
        assertEquals("Withdrawn", learning.withdraw(bearer(), id(course)).getString("courseState"));

        NoticesClient notices = build(NoticesClient.class);
        JsonObject notice = notices.publish(bearer(), record("Notice").add("publishedBy", county).add("name", "微服务通知").add("text", "请按时参加主题党日。").build());
        assertEquals("请按时参加主题党日。", notices.read(bearer(), id(notice)).getString("text"));
        assertEquals(List.of(notice.getString("id")), ids(notices.list(bearer(), county, null, 5, null), "items"));
        assertTrue(ids(notices.feed(memberBearer, id(member), 50, null), "items").contains(notice.getString("id")), "in the member's feed");
        JsonObject receipt = notices.markRead(memberBearer, id(member), Json.createObjectBuilder().add("notice", notice.getString("id")).build());
        assertEquals(member, receipt.getString("reader"));
        assertEquals(1, notices.reach(bearer(), id(notice), null).getInt("read"));
        JsonObject reach = statistics.noticeReach(bearer(), List.of(branch), notice.getString("id"), "subtree", null);
        assertEquals(1, reach.getInt("intended"));
        assertEquals(1, reach.getInt("read"));
        assertTrue(notices.withdraw(bearer(), id(notice)).containsKey("withdrawnAt"));

        OrganizationsClient organizations = build(OrganizationsClient.class);
        String pointId = Fixtures.uniqueId("mp-community");
        String point = organizations.put(bearer(), pointId, Json.createObjectBuilder().add("@context", "https://w3id.org/lianxin/context.jsonld")
                .add("id", NODE + "/organizations/" + pointId).add("type", Json.createArrayBuilder().add("Organization").add("PartyOrganization"))
                .add("name", "微服务社区党委")
                .add("orgType", "PrimaryCommittee").add("subOrganizationOf", county).add("serviceArea", "微服务社区").build()).getString("id");
        ServiceClient service = build(ServiceClient.class);
        String resident = "Bearer " + org.lianxin.node.testing.NodeClient.residentToken("mp-resident-" + pointId);
        assertTrue(service.points(resident).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("organization").equals(point) && p.getString("serviceArea").equals("微服务社区")));
        JsonObject request = service.send(resident, record("ServiceRequest").add("serviceCategory", "ElderlyCare").add("text", "想申请助餐服务。")
                .add("sentTo", point).add("contact", Json.createObjectBuilder().add("name", "刘桂兰").add("telephone", "13912345678")).build());
        assertEquals("Open", request.getString("feedbackState"));
        String pointBearer = "Bearer " + org.lianxin.node.testing.NodeClient.tokenFor(point, "secretary", "organization-admin");
        assertEquals("13912345678", service.read(pointBearer, "%E4%B8%8A%E9%97%A8", id(request)).getJsonObject("contact").getString("telephone"),
                "in full with a purpose");
        assertEquals(List.of(request.getString("id")), ids(service.list(pointBearer, "Open", point, null, 5, null), "items"));
        JsonObject answered = service.reply(pointBearer, id(request), Json.createObjectBuilder().add("text", "明天上门登记。").build());
        assertEquals("Answered", answered.getString("feedbackState"));
        assertEquals("Closed", service.close(resident, id(request)).getString("feedbackState"));
        JsonObject served = statistics.service(bearer(), List.of(county), "subtree", null);
        assertEquals(1, served.getInt("received"));
        assertEquals(1, served.getInt("answered"));
    }

    /** A record of {@code type} to send, with the context. */
    private static jakarta.json.JsonObjectBuilder record(String type) {
        return Json.createObjectBuilder().add("@context", "https://w3id.org/lianxin/context.jsonld").add("type", type);
    }

    /** A value as text: a JSON-LD record may give a number as a string. */
    private static String text(JsonValue value) {
        return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
    }

    /** The {@code id}s of the objects under {@code key}. */
    private static List<String> ids(JsonObject page, String key) {
        return page.getJsonArray(key).getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
    }

    private static String id(JsonObject record) {
        return id(record.getString("id"));
    }

    private static String id(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }
}
