package org.lianxin.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.core.Records.JSON_LD;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** Section 3.8: POST answers with Location, PUT creates or replaces wholly. */
class WritesTest {

    private static final String ID = "[A-Za-z0-9_-]{1,64}";
    private static String branch;

    @BeforeAll
    static void branch() {
        branch = Records.sandbox().newBranch();
    }

    private static String body(String kind) {
        return kind.equals("member") ? Records.sandbox().memberBody("郑洁", branch)
                : Sandbox.organizationBody("连心党支部", "Branch", branch).replace("\"orgType\"",
                        "\"foundingDate\": \"1985-07-01\", \"unitCode\": \"3301230001\", \"description\": \"简介\", \"orgType\"");
    }

    private static String unused(String kind) {
        return kind.equals("member") ? Records.unusedMember() : Records.unusedOrganization();
    }

    private static String collection(String kind) {
        return kind.equals("member") ? Records.members() : Records.organizations();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a successful POST answers 201 with the IRI of the new record in Location")
    @Verifies(id = "LX-CORE-22", level = "MUST", of = "Core")
    @ValueSource(strings = {"member", "organization"})
    void postAnswers201WithLocation(String kind) {
        Response post = Http.post(collection(kind), JSON_LD, body(kind));
        post.header("Location").filter(l -> post.status() == 201).ifPresent(Records.sandbox()::track);
        assertEquals(201, post.status(), () -> "status " + post.status() + ": " + post.body());
        String location = post.header("Location").orElse("");
        assertTrue(location.matches(java.util.regex.Pattern.quote(collection(kind) + "/") + ID),
                () -> "Location " + location + " is not " + collection(kind) + "/{id}");
        assertEquals(location, Records.json(location).getString("id", null), "the record at Location has that IRI");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a PUT answers 201 when it creates the record and 200 when it replaces it")
    @Verifies(id = "LX-CORE-23", level = "MUST", of = "Core")
    @ValueSource(strings = {"member", "organization"})
    void putCreatesThenReplaces(String kind) {
        String iri = unused(kind);
        String body = Sandbox.withId(body(kind), iri);
        Response created = Http.put(iri, JSON_LD, body);
        if (created.status() == 201 || created.status() == 200) {
            Records.sandbox().track(iri);
        }
        assertEquals(201, created.status(), () -> "a PUT that created the record answered " + created.status() + ": " + created.body());
        Response replaced = Http.put(iri, JSON_LD, body);
        assertEquals(200, replaced.status(), () -> "a PUT that replaced the record answered " + replaced.status() + ": " + replaced.body());
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a PUT replaces the whole record: what the body leaves out is gone")
    @Verifies(id = "LX-CORE-24", level = "MUST", of = "Core")
    @ValueSource(strings = {"member", "organization"})
    void putReplacesWholly(String kind) {
        String iri = unused(kind);
        String full = Sandbox.withId(body(kind), iri);
        if (kind.equals("member")) {
            full = full.replace("\"type\": \"Member\"", "\"type\": \"Member\", \"memberships\": [{\"type\": \"Membership\", \"organization\": \""
                    + branch + "\", \"post\": \"Secretary\", \"memberDuring\": {\"type\": \"Interval\", \"startDate\": \"2020-01-06\"}}]");
        }
        Http.put(iri, JSON_LD, full).expect(201);
        Records.sandbox().track(iri);
        String[] dropped = kind.equals("member") ? new String[] {"address", "telephone", "memberships"}
                : new String[] {"foundingDate", "unitCode", "description"};
        JsonObject before = Records.json(iri);
        for (String key : dropped) {
            assertTrue(before.containsKey(key), () -> "the record was stored without " + key + ": " + before);
        }
        String less = full.replaceAll("\"(address|telephone|foundingDate|unitCode|description)\": \"[^\"]*\",\\s*", "")
                .replaceAll("\"memberships\": \\[.*?\\}\\}\\],\\s*", "");
        Http.put(iri, JSON_LD, less).expect(200);
        JsonObject after = Records.json(iri);
        for (String key : dropped) {
            assertFalse(after.containsKey(key), () -> "a PUT without " + key + " left it in the record: " + after);
        }
        assertEquals(before.getString("name"), after.getString("name", null));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a member holding a post (a membership pointing to the member) is created by POST")
    @Verifies(id = "LX-CORE-11", level = "MUST", of = "Core")
    @ValueSource(strings = {JSON_LD, Records.TURTLE})
    void postOfAMemberWithMemberships(String contentType) {
        String body = memberWithPost(contentType);
        Response post = Http.post(Records.members(), contentType, body);
        post.header("Location").filter(l -> post.status() == 201).ifPresent(Records.sandbox()::track);
        assertEquals(201, post.status(), () -> "a valid member with a membership answered " + post.status() + ": " + post.body());
        JsonObject stored = Records.json(post.header("Location").orElseThrow());
        assertTrue(stored.containsKey("memberships"), () -> "the membership was not stored: " + stored);
    }

    /** A valid member with one membership, in the media type. */
    private static String memberWithPost(String contentType) {
        if (contentType.equals(JSON_LD)) {
            return Records.sandbox().memberBody("郑洁", branch).replace("\"type\": \"Member\"", "\"type\": \"Member\", \"memberships\": "
                    + "[{\"type\": \"Membership\", \"organization\": \"" + branch + "\", \"post\": \"Secretary\", "
                    + "\"memberDuring\": {\"type\": \"Interval\", \"startDate\": \"2020-01-06\"}}]");
        }
        return RdfFormatsTest.memberTurtle("_:m", "郑洁", branch, RdfFormatsTest.femaleIdBornOnLeapDay())
                + "@prefix org: <http://www.w3.org/ns/org#> . @prefix time: <http://www.w3.org/2006/time#> .\n"
                + "[] a org:Membership ; org:member _:m ; org:organization <" + branch + "> ; org:role lx:Secretary ;\n"
                + "  org:memberDuring [ a time:Interval ; schema:startDate \"2020-01-06\"^^xsd:date ] .\n";
    }

    @Test
    @DisplayName("rejected writes leave the stored record as it was")
    @Verifies(id = "LX-CORE-21", level = "MUST", of = "Core")
    void rejectedWritesChangeNothing() {
        String body = Records.sandbox().memberBody("冯刚", branch);
        String member = Records.sandbox().newMemberFrom(body);
        String other = Records.sandbox().newMember(branch);
        String state = Records.read(member, Records.N_TRIPLES).expect(200).body();
        String withId = Sandbox.withId(body, member);
        String otherId = Records.json(other).getString("nationalId", "");

        assertEquals(422, Http.put(member, JSON_LD, withId.replace("\"stage\": \"FullMember\"", "\"stage\": \"Chairman\"")
                .replace("冯刚", "冯强")).status(), "an invalid record is rejected");
        assertEquals(400, Http.put(member, JSON_LD, withId.substring(0, withId.length() / 2)).status(), "a malformed body is rejected");
        assertEquals(415, Http.put(member, "application/json", withId.replace("冯刚", "冯强")).status(), "a JSON body is rejected");
        assertEquals(409, Http.put(member, JSON_LD, withId.replaceFirst("\"nationalId\": \"[0-9X]{18}\"", "\"nationalId\": \"" + otherId + "\"")
                .replace("冯刚", "冯强")).status(), "another member's national ID is rejected");
        assertTrue(Records.graph(Records.read(member, Records.N_TRIPLES).expect(200), member)
                        .isIsomorphicWith(Records.parse(state, Records.N_TRIPLES, member)),
                "the record changed although every write was rejected");

        String organizationState = Records.read(branch, Records.N_TRIPLES).expect(200).body();
        assertEquals(409, Http.delete(branch).status(), "an organization with members is not deleted");
        assertEquals(422, Http.put(branch, JSON_LD, Sandbox.withId(Sandbox.organizationBody("", "Branch", Records.sandbox().organization()), branch)).status(),
                "an organization without name is rejected");
        assertTrue(Records.graph(Records.read(branch, Records.N_TRIPLES).expect(200), branch)
                .isIsomorphicWith(Records.parse(organizationState, Records.N_TRIPLES, branch)), "the organization changed");

        java.util.List<String> members = Records.allIds(Records.members() + "?branch=" + Records.encode(branch));
        assertEquals(422, Http.post(Records.members(), JSON_LD, body.replace("\"ethnicity\": \"汉族\"", "\"ethnicity\": \"火星族\"")).status());
        assertEquals(members, Records.allIds(Records.members() + "?branch=" + Records.encode(branch)), "a rejected POST added a member");
    }
}
