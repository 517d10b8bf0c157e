package org.lianxin.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.core.Records.JSON_LD;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** Tables 3.9 and 5.11: parameter values a list does not allow; modifiedSince and tombstones. */
class ListParametersTest {

    private static String committee;

    @BeforeAll
    static void committee() {
        committee = Records.sandbox().newOrganization("连心县委", "CountyCommittee");
    }

    @ParameterizedTest(name = "{0}?{1}")
    @DisplayName("a list request with a parameter value that Table 3.9 or 5.11 does not allow gets 400")
    @Verifies(id = "LX-CORE-37", level = "MUST", of = "Core")
    @CsvSource(delimiter = '|', value = {
            "members|limit=0", "members|limit=-1", "members|limit=ten", "members|limit=2.5",
            "members|cursor=not-a-cursor", "members|cursor=%25%25%25",
            "members|modifiedSince=yesterday", "members|modifiedSince=2025-03-01", "members|modifiedSince=2025-03-01T00:00:00",
            "members|stage=Chairman", "members|stage=fullmember", "members|branch=not%20an%20IRI",
            "members|branch=organizations%2Fx", "members|namePrefix=", "members|namePrefix=PREFIX51",
            "members|joinedFrom=2020-13-01", "members|joinedTo=2023-02-30", "members|joinedFrom=yesterday",
            "organizations|limit=0", "organizations|cursor=not-a-cursor", "organizations|modifiedSince=yesterday",
            "children|limit=0", "children|cursor=not-a-cursor", "subtree|modifiedSince=2025-03-01"})
    void disallowedValuesAre400(String list, String query) {
        String url = switch (list) {
            case "members" -> Records.members();
            case "organizations" -> Records.organizations();
            default -> committee + "/" + list;
        };
        Response response = Http.get(url + "?" + query.replace("PREFIX51", Records.encode("张".repeat(51))), "Accept", JSON_LD);
        assertEquals(400, response.status(), () -> "status " + response.status() + " where 400 was required");
    }

    private static List<JsonObject> items(String url) {
        return Records.allPages(url).stream().flatMap(p -> p.getJsonArray("items").stream()).map(JsonValue::asJsonObject).toList();
    }

    private static List<String> ids(List<JsonObject> items) {
        return items.stream().map(i -> i.getString("id")).toList();
    }

    @Test
    @DisplayName("modifiedSince lists only records modified at or after the instant, the record modified at it included")
    @Verifies(id = "LX-CORE-38", level = "MUST", of = "Core")
    void modifiedSinceSelectsByModified() throws InterruptedException {
        String branch = Records.sandbox().newOrganization("连心党支部", "Branch", committee);
        String before = Records.sandbox().newMember(branch);
        Thread.sleep(20);
        String at = Records.sandbox().newMember(branch);
        Thread.sleep(20);
        String after = Records.sandbox().newMember(branch);
        String since = Records.json(at).getString("modified");
        assertTrue(OffsetDateTime.parse(Records.json(before).getString("modified")).isBefore(OffsetDateTime.parse(since)),
                "records created 20 ms apart have the same modified");
        List<JsonObject> items = items(Records.members() + "?branch=" + Records.encode(branch) + "&modifiedSince=" + Records.encode(since));
        assertEquals(List.of(at, after), ids(items), "the members modified at or after " + since);
        for (JsonObject item : items) {
            assertFalse(OffsetDateTime.parse(item.getString("modified")).isBefore(OffsetDateTime.parse(since)), "listed: " + item);
        }
        List<String> orgs = ids(items(committee + "/subtree?modifiedSince=" + Records.encode(Records.json(branch).getString("modified"))));
        assertEquals(List.of(branch), orgs, "the organizations modified since the branch was created");
    }

    @Test
    @DisplayName("tombstones are listed with modifiedSince, and without it never")
    @Verifies(id = "LX-CORE-39", level = "MUST", of = "Core")
    void tombstonesOnlyWithModifiedSince() {
        String branch = Records.sandbox().newOrganization("连心党支部", "Branch", committee);
        String kept = Records.sandbox().newMember(branch);
        String gone = Records.sandbox().newMember(branch);
        String since = Records.json(kept).getString("modified");
        Http.delete(gone).expect(204);
        String dissolved = Records.sandbox().newOrganization("撤销的党小组", "PartyGroup", branch);
        Http.delete(dissolved).expect(204);

        String members = Records.members() + "?branch=" + Records.encode(branch);
        assertEquals(List.of(kept), Records.allIds(members), "without modifiedSince, the live members only");
        List<JsonObject> synced = items(members + "&modifiedSince=" + Records.encode(since));
        assertEquals(List.of(kept, gone), ids(synced), "with modifiedSince, the tombstone of the deleted member too");
        assertTrue(Records.strings(synced.get(1).get("type")).contains("Tombstone"), "not a tombstone: " + synced.get(1));

        assertEquals(List.of(), Records.allIds(branch + "/children"), "without modifiedSince, no tombstone among the children");
        assertEquals(List.of(dissolved), Records.allIds(branch + "/children?modifiedSince=" + Records.encode(since)),
                "with modifiedSince, the tombstone of the deleted child");
        assertFalse(Records.allIds(committee + "/subtree").contains(dissolved), "a tombstone in the subtree without modifiedSince");
        assertTrue(Records.allIds(committee + "/subtree?modifiedSince=" + Records.encode(since)).contains(dissolved),
                "with modifiedSince, the subtree lists the tombstone");
    }
}
