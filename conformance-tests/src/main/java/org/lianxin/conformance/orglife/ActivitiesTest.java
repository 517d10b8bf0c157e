package org.lianxin.conformance.orglife;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.orglife.OrgLifeKit.JSON_LD;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.orglife.OrgLifeKit.body;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.orglife.OrgLifeKit.post;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** 12.2, 12.3: the node description, and activities as records — created, read back, listed, replaced, deleted, and refused by their rules. */
class ActivitiesTest {

    private static final String MINUTES = "会议由支部书记主持，讨论了发展党员事项。\n一、传达上级精神；二、“三会一课”安排。";
    private static String branch;
    private static String attendee;
    private static String absentee;

    @BeforeAll
    static void branch() {
        branch = Current.sandbox().newBranch();
        attendee = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("出席者", branch));
        absentee = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("缺席者", branch));
    }

    private static String attendance(List<String> attendees, String... absences) {
        StringBuilder extra = new StringBuilder(", \"attendees\": [");
        extra.append(String.join(", ", attendees.stream().map(a -> "\"" + a + "\"").toList())).append("], \"absences\": [");
        for (int i = 0; i < absences.length; i++) {
            extra.append(i == 0 ? "" : ", ").append("{\"type\": \"Absence\", \"absentee\": \"").append(absences[i]).append("\", \"absenceReason\": \"外出务工\"}");
        }
        return extra.append("]").toString();
    }

    private static void refused(Response answer, String rule) {
        assertEquals(422, answer.status(), () -> "status " + answer.status() + " where 422 (rule " + rule + ") was required: " + answer.body());
        assertTrue(answer.json().get("errors") instanceof jakarta.json.JsonArray errors
                && errors.stream().anyMatch(e -> e instanceof JsonObject o && rule.equals(o.getString("rule", ""))), () -> "no error with rule " + rule + ": " + answer.body());
    }

    @Test
    @DisplayName("the node description lists the endpoints activities and compliance-statistics")
    @Verifies(id = "LX-ORGLIFE-1", level = "MUST", of = "OrgLife")
    void endpoints() {
        assertEquals(base() + "/activities", Kit.current().endpoint("activities").orElse(null), "rel activities");
        assertEquals(base() + "/statistics/compliance", Kit.current().endpoint("compliance-statistics").orElse(null), "rel compliance-statistics");
    }

    @Test
    @DisplayName("an activity with attendees and absences is created with 201 and read back as stored, Chinese text byte for byte")
    @Verifies(id = "LX-ORGLIFE-2", level = "MUST", of = "OrgLife")
    void created() {
        Response answer = post(body(branch, "BranchGeneralMeeting", "2025-06-28", attendance(List.of(attendee), absentee)
                + ", \"minutes\": \"" + MINUTES.replace("\n", "\\n") + "\""));
        assertEquals(201, answer.status(), answer.body());
        String iri = answer.header("Location").orElseThrow();
        assertTrue(iri.startsWith(base() + "/activities/"), "the IRI of an activity is {base}/activities/{id}: " + iri);
        JsonObject read = Http.get(iri, "Accept", JSON_LD).expect(200).json();
        assertEquals(iri, read.getString("id"));
        assertEquals("BranchGeneralMeeting", read.getString("activityType"));
        assertEquals(branch, read.getString("heldBy"));
        assertEquals("2025-06-28", read.getString("startDate"));
        assertEquals(OrgLifeKit.TOPIC, read.getString("topic"));
        assertEquals(MINUTES, read.getString("minutes"));
        assertEquals(List.of(attendee), read.getJsonArray("attendees").getValuesAs(jakarta.json.JsonString::getString));
        JsonObject absence = read.getJsonArray("absences").getJsonObject(0);
        assertEquals(absentee, absence.getString("absentee"));
        assertEquals("外出务工", absence.getString("absenceReason"));
        assertTrue(read.containsKey("created") && read.containsKey("modified"), "created and modified set by the node: " + read);
    }

    @Test
    @DisplayName("activities are listed by heldBy, activityType and year, replaced with PUT and deleted")
    @Verifies(id = "LX-ORGLIFE-2", level = "MUST", of = "OrgLife")
    void listedReplacedDeleted() {
        String other = Current.sandbox().newBranch();
        String lecture = OrgLifeKit.activity(other, "PartyLecture", "2024-12-31");
        String day = OrgLifeKit.activity(other, "ThemedPartyDay", "2025-01-01");
        assertEquals(List.of(lecture, day), ids("heldBy=" + enc(other)));
        assertEquals(List.of(day), ids("heldBy=" + enc(other) + "&activityType=ThemedPartyDay"));
        assertEquals(List.of(lecture), ids("heldBy=" + enc(other) + "&year=2024"));

        Response replaced = Http.put(day, JSON_LD, Sandbox.withId(body(other, "ThemedPartyDay", "2025-01-02", ", \"minutes\": \"改期至一月二日\""), day));
        assertEquals(200, replaced.status(), replaced.body());
        JsonObject read = Http.get(day, "Accept", JSON_LD).expect(200).json();
        assertEquals("2025-01-02", read.getString("startDate"));
        assertEquals("改期至一月二日", read.getString("minutes"));

        assertEquals(204, Http.delete(lecture).status());
        assertEquals(410, Http.get(lecture, "Accept", JSON_LD).status());
        assertEquals(List.of(day), ids("heldBy=" + enc(other)));
    }

    private static List<String> ids(String query) {
        JsonObject page = Http.get(base() + "/activities?limit=100&" + query, "Accept", JSON_LD).expect(200).json();
        return page.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(i -> i.getString("id", "")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("an activity that breaks the activity shapes is refused with 422")
    @ValueSource(strings = {"Picnic", "no startDate", "two days", "no heldBy", "long topic", "absence without absentee", "empty reason"})
    @Verifies(id = "LX-ORGLIFE-3", level = "MUST", of = "OrgLife")
    void shapes(String broken) {
        String body = switch (broken) {
            case "Picnic" -> body(branch, "Picnic", "2025-01-10", "");
            case "no startDate" -> body(branch, "ThemedPartyDay", "2025-01-10", "").replace(", \"startDate\": \"2025-01-10\"", "");
            case "two days" -> body(branch, "ThemedPartyDay", "2025-01-10", "").replace("\"2025-01-10\"", "[\"2025-01-10\", \"2025-01-11\"]");
            case "no heldBy" -> body(branch, "ThemedPartyDay", "2025-01-10", "").replace("\"heldBy\": \"" + branch + "\", ", "");
            case "long topic" -> body(branch, "ThemedPartyDay", "2025-01-10", "").replace(OrgLifeKit.TOPIC, "学".repeat(201));
            case "absence without absentee" -> body(branch, "ThemedPartyDay", "2025-01-10", ", \"absences\": [{\"type\": \"Absence\", \"absenceReason\": \"病假\"}]");
            default -> body(branch, "ThemedPartyDay", "2025-01-10", attendance(List.of(), absentee).replace("外出务工", ""));
        };
        assertTrue(!body.equals(body(branch, "ThemedPartyDay", "2025-01-10", "")), "the body is broken");
        Response answer = post(body);
        assertEquals(422, answer.status(), answer.body());
    }

    @Test
    @DisplayName("an activity held by an organization of another node or a member is 422 activity-organization; by a deleted organization or one never created, 422")
    @Verifies(id = "LX-ORGLIFE-4", level = "MUST", of = "OrgLife")
    void heldByAnOrganizationOfTheNode() {
        refused(post(body("https://lianxin.invalid/nodes/other/organizations/" + Sandbox.uniqueId("elsewhere"), "ThemedPartyDay", "2025-01-10", "")),
                "activity-organization");
        refused(post(body(attendee, "ThemedPartyDay", "2025-01-10", "")), "activity-organization");
        String gone = Current.sandbox().newBranch();
        Http.delete(gone).expect(204);
        Response deleted = post(body(gone, "ThemedPartyDay", "2025-01-10", ""));
        assertEquals(422, deleted.status(), deleted.body());
        Response never = post(body(base() + "/organizations/" + Sandbox.uniqueId("never"), "ThemedPartyDay", "2025-01-10", ""));
        assertEquals(422, never.status(), never.body());
    }

    @Test
    @DisplayName("an attendee or absentee of the node that is no live member, added by a POST or a PUT, is 422 attendee-member; members of other nodes are not checked")
    @Verifies(id = "LX-ORGLIFE-5", level = "MUST", of = "OrgLife")
    void attendeesAreMembers() {
        String ghost = base() + "/members/" + Sandbox.uniqueId("ghost");
        refused(post(body(branch, "ThemedPartyDay", "2025-01-10", attendance(List.of(attendee, ghost)))), "attendee-member");
        refused(post(body(branch, "ThemedPartyDay", "2025-01-10", attendance(List.of(attendee), ghost))), "attendee-member");
        String left = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("已删除党员", branch));
        Http.delete(left).expect(204);
        refused(post(body(branch, "ThemedPartyDay", "2025-01-10", attendance(List.of(left)))), "attendee-member");
        String meeting = OrgLifeKit.activity(branch, "ThemedPartyDay", "2025-01-11");
        Response added = Http.put(meeting, JSON_LD, Sandbox.withId(body(branch, "ThemedPartyDay", "2025-01-11", attendance(List.of(attendee, left))), meeting));
        refused(added, "attendee-member");
        String visitor = "https://lianxin.invalid/nodes/other/members/" + Sandbox.uniqueId("visitor");
        Response across = post(body(branch, "ThemedPartyDay", "2025-01-10", attendance(List.of(attendee, visitor), absentee)));
        assertEquals(201, across.status(), "a member of another node is not checked: " + across.body());
    }

    @Test
    @DisplayName("a member named as attendee and absentee, or absent twice, is 422 attendance-twice")
    @Verifies(id = "LX-ORGLIFE-5", level = "MUST", of = "OrgLife")
    void attendanceTwice() {
        refused(post(body(branch, "ThemedPartyDay", "2025-01-10", attendance(List.of(attendee), attendee))), "attendance-twice");
        refused(post(body(branch, "ThemedPartyDay", "2025-01-10", attendance(List.of(), absentee, absentee))), "attendance-twice");
    }
}
