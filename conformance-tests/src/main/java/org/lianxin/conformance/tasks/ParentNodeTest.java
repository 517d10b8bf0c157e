package org.lianxin.conformance.tasks;

import org.lianxin.conformance.Answers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.tasks.TasksKit.actionRequest;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.federation.StubNode;
import org.lianxin.conformance.fixtures.EventStream;
import org.lianxin.conformance.fixtures.ParentStub;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * 13.6 to 13.8 with the node as a child: the kit's {@link ParentStub} is the node's parent, with a
 * root of the node under the stub's municipal committee and a branch below it; a second stub is
 * the node's child under that root. The parent's inbound answer carries a task of the municipal
 * committee the kit wrote, which must reach the branch's inbox and cover an equivalent task issued
 * on the node; when the parent fails the inbox must still answer and say so; the parent's notice
 * must reach a subscriber acting for the branch and the child below.
 */
class ParentNodeTest {

    private static ParentStub parent;
    private static StubNode below;
    private static String root;
    private static String branch;
    private static int year;
    private static JsonObject fromAbove;
    private static String operator;

    @BeforeAll
    static void parent() {
        Inapplicable.unless(Kit.current().claims("Federation"), "the node does not claim Federation");
        parent = ParentStub.adopt();
        root = parent.newOrganization("桩市青山县委", "CountyCommittee", parent.organization("city"));
        branch = parent.newOrganization("青山县东村党支部", "Branch", root);
        year = TasksKit.freshYear();
        fromAbove = summary(parent.base() + "/tasks/" + Sandbox.uniqueId("t"), "重温入党誓词", LocalDate.of(year, 4, 30), root);
        JsonObject elsewhere = summary(parent.base() + "/tasks/" + Sandbox.uniqueId("t"), "别处的任务", LocalDate.of(year, 4, 30),
                base() + "/organizations/" + Sandbox.uniqueId("not-mine"));
        parent.inboundTasks(List.of(fromAbove, elsewhere));
    }

    @AfterAll
    static void restore() {
        if (below != null) {
            Http.delete(base() + "/federation/children?base=" + enc(below.base()), "Authorization", operator);
            below.close();
        }
        if (parent != null) {
            parent.close();
        }
    }

    /** A summary of Table 13.10 of an Open action request of the stub's municipal committee, due on {@code due}, reaching {@code reaches}. */
    private static JsonObject summary(String id, String topic, LocalDate due, String reaches) {
        return Json.createObjectBuilder().add("id", id).add("taskKind", "ActionRequest").add("issuedBy", parent.organization("city"))
                .add("issuerName", "桩市委").add("node", parent.base()).add("name", "主题党日：" + topic).add("dueDate", due.toString())
                .add("issuedAt", ParentStub.now()).add("taskState", "Open").add("taskKey", TasksKit.actionKey("ThemedPartyDay", topic, due))
                .add("activityType", "ThemedPartyDay").add("topic", topic).add("askedFields", Json.createArrayBuilder())
                .add("targets", Json.createArrayBuilder().add(parent.organization("city"))).add("reaches", Json.createArrayBuilder().add(reaches)).build();
    }

    private static JsonObject inbox(String organization) {
        return TasksKit.inbox(organization, "Bearer " + parent.admin(organization));
    }

    @Test
    @DisplayName("LX-TASK-13 the inbox holds the parent's task reaching the node's root, asked with the node's credential, not the one reaching another root; LX-TASK-9 an equivalent task issued on the node is Merged into it; LX-TASK-8 reach from above")
    @Verifies(id = "LX-TASK-13", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-9", level = "MUST", of = "Tasks")
    @Verifies(id = "LX-TASK-8", level = "MUST", of = "Tasks")
    void tasksFromAbove() {
        JsonObject inbox = inbox(branch);
        JsonObject item = TasksKit.itemOf(inbox, fromAbove.getString("id"));
        assertEquals("ToDo", item.getString("status", ""), item.toString());
        assertEquals(parent.base(), item.getJsonArray("requests").getJsonObject(0).getString("node", ""));
        assertEquals(1, inbox.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("dueDate", "").startsWith(year + "-")).count(), "only the task that reaches the root: " + inbox);
        assertTrue(inbox.getJsonObject("completeness").getJsonArray("nodes").stream().anyMatch(n -> n.asJsonObject().getString("node", "")
                .equals(parent.base()) && n.asJsonObject().getString("status", "").equals("answered")), "the parent is reported: " + inbox);
        StubNode.Call asked = parent.stub().calls("GET", "/tasks/inbound").get(0);
        JsonObject claims = claims(asked.headers().get("Authorization"));
        assertEquals(base(), claims.getString("sub", ""), "the node asks with its own credential: " + claims);
        assertTrue(claims.getJsonArray("groups").contains(Json.createValue("node")), claims.toString());

        Response merged = Http.post(base() + "/tasks", TasksKit.JSON_LD, actionRequest(root, "重温入党誓词　", LocalDate.of(year, 4, 15).toString(), ""),
                "Accept", TasksKit.JSON_LD, "Authorization", "Bearer " + parent.admin(root));
        assertEquals(201, merged.status(), merged.body());
        assertEquals("Merged", merged.json().getString("taskState", ""), "the parent's task covers the root: " + merged.body());
        assertEquals(fromAbove.getString("id"), merged.json().getString("mergedInto", ""));
        assertEquals(2, TasksKit.itemOf(inbox(branch), fromAbove.getString("id")).getJsonArray("requests").size(), "one item for both");
    }

    @Test
    @DisplayName("LX-TASK-14 when the parent fails the inbound query, the inbox is still 200 with the node's own items and reports the parent as not answered")
    @Verifies(id = "LX-TASK-14", level = "MUST", of = "Tasks")
    void parentDown() {
        JsonObject local = TasksKit.issued(root, actionRequest(root, "本县任务", LocalDate.of(year, 9, 30).toString(), ""));
        parent.inboundFailing(true);
        JsonObject inbox;
        try {
            inbox = inbox(branch);
        } finally {
            parent.inboundFailing(false);
        }
        assertEquals("ToDo", TasksKit.itemOf(inbox, local.getString("id")).getString("status", ""));
        assertFalse(inbox.getJsonObject("completeness").getBoolean("complete"), inbox.toString());
        assertTrue(inbox.getJsonObject("completeness").getJsonArray("nodes").stream().anyMatch(n -> n.asJsonObject().getString("node", "")
                .equals(parent.base()) && !n.asJsonObject().getString("status", "").equals("answered")), "the parent is reported not answered: " + inbox);
    }

    @Test
    @DisplayName("LX-TASK-22 a notice from the parent is 202, reaches a subscriber acting for the branch as a task event and is passed on to the child below; 403 from anyone else")
    @Verifies(id = "LX-TASK-22", level = "MUST", of = "Tasks")
    void notices() {
        Inapplicable.unless(Kit.current().claims("Feedback"), "the node does not claim Feedback, whose events carry the notice");
        String host = Kit.current().config().probeHost();
        int first = Kit.current().config().probePort();
        below = new StubNode(host.equals("localhost") || host.startsWith("127.") ? "127.0.0.1" : "0.0.0.0", host, first == 0 ? 0 : first + 25)
                .asChild(root);
        below.on("GET", "/federation", c -> StubNode.Reply.json(below.federation(base(), List.of())));
        below.on("POST", "/tasks/notices", c -> new StubNode.Reply(202, null, null));
        operator = "Bearer " + Kit.current().tokens().mint(Json.createObjectBuilder().add("sub", "lianxin-kit-operator")
                .add("groups", Json.createArrayBuilder().add("node-operator"))
                .add("audience", Json.createArrayBuilder(Kit.current().lineage()).add(parent.base()).add(below.base())).build());
        Response registered = Http.post(base() + "/federation/children", "application/json", "{\"base\": \"" + below.base() + "\"}",
                "Accept", "application/json", "Authorization", operator);
        assertEquals(201, registered.status(), () -> "the kit could not register its stub child under the root: " + registered.body());

        JsonObject task = summary(parent.base() + "/tasks/" + Sandbox.uniqueId("t"), "学习新修订的《条例》", LocalDate.of(year, 6, 30), root);
        String body = Json.createObjectBuilder().add("task", task).build().toString();
        try (EventStream stream = EventStream.open(base() + "/events", parent.admin(branch), null)) {
            assertEquals(200, stream.status());
            assertEquals(403, Http.post(base() + "/tasks/notices", "application/json", body, "Authorization", "Bearer " + parent.admin(root)).status(),
                    "a person sends no notice");
            String childToken = Kit.current().tokens().mint(Json.createObjectBuilder().add("sub", below.base())
                    .add("groups", Json.createArrayBuilder().add("node")).build());
            assertEquals(403, Http.post(base() + "/tasks/notices", "application/json", body, "Authorization", "Bearer " + childToken).status(),
                    "a child is not the parent");
            Response notice = Http.post(base() + "/tasks/notices", "application/json", body, "Authorization", "Bearer " + parent.nodeToken());
            assertEquals(202, notice.status(), notice.body());
            EventStream.Event event = stream.expect("task", "task", task.getString("id"), Duration.ofSeconds(5));
            assertEquals(List.of("ActionRequest", task.getString("name"), task.getString("dueDate"), parent.organization("city"), parent.base()),
                    List.of(event.data().getString("taskKind", ""), event.data().getString("name", ""), event.data().getString("dueDate", ""),
                            event.data().getString("issuedBy", ""), event.data().getString("node", "")), event.rawData());
        }
        StubNode.Call passed = TasksKit.await(() -> below.calls("POST", "/tasks/notices").stream().findFirst(),
                "the notice passed on to the child below the root");
        JsonObject onward = Json.createReader(new java.io.StringReader(passed.body())).readObject().getJsonObject("task");
        assertEquals(task.getString("id"), onward.getString("id", ""));
        assertEquals(List.of(below.organization("root")), Answers.strings(onward, "reaches"), "with the child's root as reaches");
        assertEquals(base(), claims(passed.headers().get("Authorization")).getString("sub", ""), "with the node's credential");
    }

    private static JsonObject claims(String authorization) {
        String token = authorization == null ? "" : authorization.replaceFirst("(?i)^Bearer\\s+", "");
        String[] parts = token.split("\\.");
        assertTrue(parts.length >= 2, "a bearer JWT");
        return Json.createReader(new java.io.StringReader(new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                java.nio.charset.StandardCharsets.UTF_8))).readObject();
    }
}
