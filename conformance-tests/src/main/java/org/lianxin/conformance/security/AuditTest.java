package org.lianxin.conformance.security;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** 8.9: every write, full read and lookup is in the audit log, which the administrators above read and nobody changes. */
class AuditTest {

    /** What the kit does under its branch, as action and outcome, in order (Table 8.13), the refused creation aside. */
    private static final List<String> DONE = List.of("create 201", "read-full 200", "replace 200", "replace 403",
            "lookup 200", "create 200", "create 200", "delete 204");
    private static String county;
    private static String branch;
    private static String member;
    private static String fromBranch;
    private static String toBranch;
    private static String moved;

    @BeforeAll
    static void auditedWork() {
        Sandbox sandbox = Kit.current().sandbox();
        county = sandbox.newOrganization("审计县委", "CountyCommittee");
        branch = sandbox.newOrganization("审计第一党支部", "Branch", county);
        String body = sandbox.memberBody("审计员", branch);
        member = sandbox.newMemberFrom(body);
        Http.get(member, "Accept", Records.JSON_LD, "Lianxin-Purpose", Current.enc("党费核对")).expect(200);
        Http.get(member, "Accept", Records.JSON_LD).expect(200); // masked: not audited
        Http.put(member, Records.JSON_LD, Sandbox.withId(body, member)).expect(200);
        Records.put(member, Kit.current().tokens().member(member), Sandbox.withId(body, member)).expect(403);
        Http.post(Current.base() + "/members", Records.JSON_LD, sandbox.memberBody("错号", branch).replaceAll("\"(\\d{17})[0-9X]\"", "\"$1Y\"")).expect(422);
        String number = body.replaceAll("(?s).*\"nationalId\": \"([0-9X]{18})\".*", "$1");
        Http.post(Current.base() + "/members/lookup", "application/json", "{\"nationalId\": \"" + number + "\"}").expect(200);
        var graph = Json.createArrayBuilder();
        for (String name : List.of("批量甲", "批量乙")) {
            graph.add(Json.createObjectBuilder(Json.createReader(new StringReader(sandbox.memberBody(name, branch))).readObject()).remove("@context"));
        }
        Http.post(Current.base() + "/members/batch", Records.JSON_LD,
                Json.createObjectBuilder().add("@context", Sandbox.CONTEXT).add("@graph", graph).build().toString()).expect(200);
        Records.items(Current.base() + "/members?limit=100&branch=" + Current.enc(branch), Kit.current().tokens().admin())
                .forEach(i -> sandbox.track(i.getString("id")));
        Http.delete(member).expect(204);
        fromBranch = sandbox.newOrganization("审计调出党支部", "Branch", county);
        toBranch = sandbox.newOrganization("审计调入党支部", "Branch", county);
        String movedBody = sandbox.memberBody("调动者", fromBranch);
        moved = sandbox.newMemberFrom(movedBody);
        Http.put(moved, Records.JSON_LD, Sandbox.withId(movedBody.replace(fromBranch, toBranch), moved)).expect(200);
    }

    private static Response query(String token, String organization, String parameters) {
        return Records.getJson(Current.base() + "/audit?organization=" + Current.enc(organization) + parameters, token);
    }

    private static List<JsonObject> entries(String token, String organization, String parameters) {
        Response page = query(token, organization, "&limit=1000" + parameters);
        assertEquals(200, page.status(), page.body());
        assertEquals("application/json", page.mediaType());
        assertEquals("Page", page.json().getString("type", ""), page.body());
        return page.json().getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
    }

    private static String admin() {
        return Kit.current().tokens().admin();
    }

    @Test
    @DisplayName("each write, full read, lookup and batch record under a branch is one entry of Table 8.12, whatever its outcome")
    @Verifies(id = "LX-SEC-46", level = "MUST", of = "Security")
    void everythingIsAudited() {
        List<JsonObject> entries = entries(admin(), branch, "");
        entries = entries.stream().filter(e -> !(e.getString("action", "").equals("create") && e.getInt("outcome", 0) == 422)).toList();
        List<String> done = entries.stream().map(e -> e.getString("action", "?") + " " + e.get("outcome")).toList();
        assertEquals(DONE, done.subList(Math.min(1, done.size()), done.size()), "the entries under the branch after its own creation: " + entries);
        assertEquals("create 201", done.get(0), "the branch's creation");
        for (JsonObject entry : entries) {
            assertTrue(entry.getString("id", "").length() > 0, "id: " + entry);
            assertTrue(entry.getString("at", "").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)"),
                    "at, with milliseconds and time zone: " + entry);
            assertEquals("lianxin-kit", entry.getString("actor", ""), "actor, the sub of the token: " + entry);
            assertTrue(entry.get("roles") instanceof jakarta.json.JsonArray, "roles: " + entry);
            assertTrue(entry.getJsonArray("organizations").getValuesAs(JsonString::getString).contains(branch), "organizations: " + entry);
        }
        JsonObject read = entries.get(2);
        assertEquals(member, read.getString("record", ""), "record of the full read: " + read);
        assertEquals("党费核对", read.getString("purpose", ""), "purpose, decoded: " + read);
        assertEquals(Kit.current().sandbox().organization(), read.getString("actingFor", ""), "actingFor: " + read);
        assertEquals(List.of("organization-admin", "secretary"), read.getJsonArray("roles").getValuesAs(JsonString::getString).stream().sorted().toList());
        JsonObject lookup = entries.stream().filter(e -> e.getString("action", "").equals("lookup")).findFirst().orElseThrow();
        assertEquals(member, lookup.getString("record", ""), "the lookup names the member found: " + lookup);
        assertEquals(member, entries.get(9).getString("record", ""), "the delete: " + entries.get(9));
    }

    @Test
    @DisplayName("a refused creation is listed under the branch its body names; a move under the branch before and the one after")
    @Verifies(id = "LX-SEC-46", level = "MUST", of = "Security")
    void entriesAreListedUnderTheirOrganizations() {
        assertTrue(entries(admin(), branch, "").stream().anyMatch(e -> e.getString("action", "").equals("create") && e.getInt("outcome", 0) == 422),
                "the refused creation (422) of a member of the branch is not listed under the branch (Table 8.13: the record's organization"
                        + " as the write would leave it)");
        for (String branchOfMove : List.of(fromBranch, toBranch)) {
            assertTrue(entries(admin(), branchOfMove, "").stream().anyMatch(e -> e.getString("action", "").equals("replace")
                    && moved.equals(e.getString("record", ""))), "the move of " + moved + " is not listed under " + branchOfMove
                    + " (Table 8.13: the record's organization before the write and as the write would leave it)");
        }
    }

    @Test
    @DisplayName("an administrator above reads the entries of the subtree, in the order appended, page by page and by time")
    @Verifies(id = "LX-SEC-47", level = "MUST", of = "Security")
    void administratorsReadTheLog() {
        List<JsonObject> ofBranch = entries(admin(), branch, "");
        List<JsonObject> ofCounty = entries(Records.adminOf(county), county, "");
        assertEquals("create 201", ofCounty.get(0).getString("action") + " " + ofCounty.get(0).get("outcome"), "the county's creation");
        assertEquals(ofBranch, ofCounty.subList(1, ofBranch.size() + 1), "the county's log: its creation, then its branch's, in order");
        List<JsonObject> paged = new ArrayList<>();
        String url = Current.base() + "/audit?limit=2&organization=" + Current.enc(county);
        for (int i = 0; url != null && i < 50; i++) {
            Response page = Records.getJson(url, admin()).expect(200);
            page.json().getJsonArray("items").stream().map(JsonValue::asJsonObject).forEach(paged::add);
            url = page.json().getString("next", null);
            if (url != null) {
                String next = url;
                assertTrue(page.headers("Link").stream().anyMatch(l -> l.contains("<" + next + ">") && l.contains("rel=\"next\"")),
                        "the next page is also in a Link header: " + page.headers("Link"));
            }
        }
        assertEquals(ofCounty, paged, "the pages of limit=2 give the same entries, in the same order");
        String from = ofBranch.get(3).getString("at");
        List<JsonObject> later = entries(admin(), county, "&from=" + Current.enc(from));
        assertEquals(ofCounty.stream().filter(e -> e.getString("at").compareTo(from) >= 0).toList(), later, "from=" + from);
        assertEquals(List.of(), entries(admin(), county, "&to=" + Current.enc("2000-01-01T00:00:00Z")), "to=2000-01-01T00:00:00Z");
    }

    @Test
    @DisplayName("outside the caller's subtree, or without secretary or organization-admin, the log is 404; a secretary gets 403")
    @Verifies(id = "LX-SEC-48", level = "MUST", of = "Security")
    void onlyAdministratorsOfTheSubtree() {
        String other = Kit.current().sandbox().newOrganization("别的县委", "CountyCommittee");
        String never = Records.never("organizations");
        for (String token : List.of(Records.adminOf(other), Kit.current().tokens().operator(), Kit.current().tokens().member(member),
                Records.mint(Records.adminClaims().add("groups", Records.strings("auditor"))))) {
            Problems.assertHidden(query(token, county, ""), county, query(token, never, ""), never, "the log of an organization outside the caller's reach");
        }
        Problems.assertProblem(query(Kit.current().tokens().actingFor(county, "secretary"), county, ""), 403);
        assertEquals(200, query(Records.adminOf(county), branch, "").status(), "an administrator of the county reads its branch's log");
    }

    @Test
    @DisplayName("a parameter value Table 8.14 does not allow, a cursor the node did not issue included, is 400")
    @Verifies(id = "LX-SEC-49", level = "MUST", of = "Security")
    void badParameters() {
        for (String parameters : List.of("&limit=0", "&limit=many", "&from=yesterday", "&to=" + Current.enc("2025-03-01T00:00:00"),
                "&from=2025-02-30T00:00:00Z", "&cursor=forged")) {
            Problems.assertProblem(query(admin(), county, parameters), 400);
        }
    }

    @Test
    @DisplayName("PUT, POST, PATCH and DELETE of the audit log are 405")
    @Verifies(id = "LX-SEC-50", level = "MUST", of = "Security")
    void theLogCannotBeWritten() {
        for (String method : List.of("PUT", "POST", "PATCH", "DELETE")) {
            Response answer = Http.send(HttpRequest.newBuilder(URI.create(Current.base() + "/audit?organization=" + Current.enc(county)))
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{\"items\": []}")));
            assertEquals(405, answer.status(), method + " " + answer.body());
        }
    }

    @Test
    @DisplayName("an entry, once listed, is the same in every later answer")
    @Verifies(id = "LX-SEC-51", level = "MUST", of = "Security")
    void entriesNeverChange() {
        List<JsonObject> first = entries(admin(), county, "");
        Kit.current().sandbox().newOrganization("审计第二党支部", "Branch", county);
        List<JsonObject> again = entries(admin(), county, "");
        assertTrue(again.size() > first.size(), "the new organization's creation is appended");
        assertEquals(first, again.subList(0, first.size()), "the entries listed before, unchanged and in the same place");
    }
}
