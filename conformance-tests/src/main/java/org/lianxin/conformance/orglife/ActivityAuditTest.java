package org.lianxin.conformance.orglife;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.orglife.OrgLifeKit.JSON_LD;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.orglife.OrgLifeKit.body;
import static org.lianxin.conformance.Current.enc;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** 12.6: the writes of activities are audited like those of other records, listed under the organization that held them. */
class ActivityAuditTest {

    @Test
    @DisplayName("each POST, PUT and DELETE of an activity, allowed or refused, is an audit entry create, replace or delete under its heldBy")
    @Verifies(id = "LX-ORGLIFE-12", level = "MUST", of = "OrgLife")
    void writesAreAudited() {
        Inapplicable.unless(Kit.current().claims("Security"), "the audit log is part of Security, which the node does not claim");
        Sandbox sandbox = Current.sandbox();
        String committee = sandbox.newOrganization("审计活动县委", "CountyCommittee");
        String branch = sandbox.newOrganization("审计活动党支部", "Branch", committee);
        String sibling = sandbox.newOrganization("审计活动第二党支部", "Branch", committee);
        String member = sandbox.newMemberFrom(sandbox.memberBody("参会党员", branch));

        String activity = OrgLifeKit.activity(branch, "ThemedPartyDay", "2025-04-15");
        Http.put(activity, JSON_LD, Sandbox.withId(body(branch, "ThemedPartyDay", "2025-04-16", ""), activity)).expect(200);
        Http.put(activity, JSON_LD, Sandbox.withId(body(branch, "ThemedPartyDay", "2025-04-17", ""), activity),
                "Authorization", "Bearer " + Kit.current().tokens().actingFor(sibling, "secretary", "organization-admin")).expect(403);
        OrgLifeKit.post(body(branch, "ThemedPartyDay", "2025-04-18", ", \"attendees\": [\"" + member + "\"], \"absences\": [{\"type\": \"Absence\", \"absentee\": \""
                + member + "\"}]")).expect(422);
        Http.delete(activity).expect(204);

        JsonObject page = Http.get(base() + "/audit?limit=1000&organization=" + enc(branch), "Accept", "application/json").expect(200).json();
        List<JsonObject> entries = page.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(e -> !branch.equals(e.getString("record", "")) && !member.equals(e.getString("record", ""))).toList();
        assertEquals(List.of("create 201", "replace 200", "replace 403", "create 422", "delete 204"),
                entries.stream().map(e -> e.getString("action", "?") + " " + e.get("outcome")).toList(), "the activity's entries under its branch: " + entries);
        for (JsonObject entry : entries) {
            assertTrue(entry.getJsonArray("organizations").getValuesAs(JsonString::getString).contains(branch), "listed under heldBy: " + entry);
        }
        for (int i : new int[] {0, 1, 2, 4}) {
            assertEquals(activity, entries.get(i).getString("record", ""), "the record of " + entries.get(i));
        }
    }
}
