package org.lianxin.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lianxin.conformance.core.Records.JSON_LD;
import static org.lianxin.conformance.core.Records.TURTLE;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** Section 3.5, Table 3.3: a write carries exactly the record subjects of its route, and blank nodes connected to them. */
class RecordSubjectTest {

    private static String branch;

    @BeforeAll
    static void branch() {
        branch = Records.sandbox().newBranch();
    }

    private static String member(String name) {
        return Records.sandbox().memberBody(name, branch);
    }

    /** The write was rejected for its record subjects, and wrote nothing. */
    private static void rejected(Response response, String... untouched) {
        if (response.status() == 201) {
            Records.sandbox().track(response.header("Location").orElse(untouched.length > 0 ? untouched[0] : ""));
        }
        Records.assertRejected(response, null, "record-subject", "LX-CORE-18");
        for (String iri : untouched) {
            assertEquals(404, Records.read(iri, JSON_LD).status(), "the rejected write created " + iri);
        }
    }

    @Test
    @DisplayName("a POST whose record names its own IRI gets 422: a POST never takes an id from the client")
    @Verifies(id = "LX-CORE-18", level = "MUST", of = "Core")
    void postWithAnId() {
        String chosen = Records.unusedMember();
        rejected(Http.post(Records.members(), JSON_LD, Sandbox.withId(member("吴磊"), chosen)), chosen);
        String org = Records.unusedOrganization();
        rejected(Http.post(Records.organizations(), JSON_LD, Sandbox.withId(Sandbox.organizationBody("连心党支部", "Branch", branch), org)), org);
        rejected(Http.post(Records.members(), TURTLE, RdfFormatsTest.memberTurtle("<" + chosen + ">", "吴磊", branch,
                RdfFormatsTest.femaleIdBornOnLeapDay())), chosen);
    }

    @Test
    @DisplayName("a PUT whose record is about another IRI than the request URL gets 422")
    @Verifies(id = "LX-CORE-18", level = "MUST", of = "Core")
    void putAboutAnotherIri() {
        String iri = Records.unusedMember();
        rejected(Http.put(iri, JSON_LD, Sandbox.withId(member("吴磊"), iri + "-other")), iri, iri + "-other");
        rejected(Http.put(iri, JSON_LD, member("吴磊")), iri); // a blank node, not the request URL
    }

    @Test
    @DisplayName("a PUT with statements about another IRI besides the record gets 422")
    @Verifies(id = "LX-CORE-18", level = "MUST", of = "Core")
    void strayStatements() {
        String iri = Records.unusedMember();
        String stray = Sandbox.withId(member("吴磊"), iri)
                .replace("\"branch\": \"" + branch + "\"", "\"branch\": {\"id\": \"" + branch + "\", \"name\": \"另一个名字\"}");
        rejected(Http.put(iri, JSON_LD, stray), iri);
        String org = Records.unusedOrganization();
        String turtle = RdfFormatsTest.organizationTurtle("<" + org + ">", "连心党支部", branch)
                + "<" + branch + "> <http://schema.org/name> \"改名\" .\n";
        rejected(Http.put(org, TURTLE, turtle), org);
    }

    @Test
    @DisplayName("a POST with two records, or with none, gets 422")
    @Verifies(id = "LX-CORE-18", level = "MUST", of = "Core")
    void twoRecordsOrNone() {
        String strip = "\"@context\": \"" + Sandbox.CONTEXT + "\",";
        String two = "{\"@context\": \"" + Sandbox.CONTEXT + "\", \"@graph\": [" + member("吴磊").replace(strip, "") + ", "
                + member("吴刚").replace(strip, "") + "]}";
        Response response = Http.post(Records.members(), JSON_LD, two);
        if (response.status() == 201) {
            Records.allIds(Records.members() + "?branch=" + Records.encode(branch)).forEach(Records.sandbox()::track);
        }
        rejected(response);
        rejected(Http.post(Records.organizations(), JSON_LD, "{\"@context\": \"" + Sandbox.CONTEXT + "\"}"));
    }

    @Test
    @DisplayName("a record of the wrong class for the route gets 422")
    @Verifies(id = "LX-CORE-18", level = "MUST", of = "Core")
    void wrongClass() {
        rejected(Http.post(Records.organizations(), JSON_LD, member("吴磊")));
        String iri = Records.unusedMember();
        rejected(Http.put(iri, JSON_LD, Sandbox.withId(Sandbox.organizationBody("连心党支部", "Branch", branch), iri)), iri);
    }

    @Test
    @DisplayName("a batch with a record that names its IRI gets 422, and nothing is stored")
    @Verifies(id = "LX-CORE-18", level = "MUST", of = "Core")
    void batchRecordWithAnId() {
        String strip = "\"@context\": \"" + Sandbox.CONTEXT + "\",";
        String chosen = Records.unusedMember();
        String batch = "{\"@context\": \"" + Sandbox.CONTEXT + "\", \"@graph\": [" + member("吴磊").replace(strip, "") + ", "
                + Sandbox.withId(member("吴刚").replace(strip, ""), chosen) + "]}";
        Response response = Http.post(Records.members() + "/batch", JSON_LD, batch);
        if (response.status() == 200) {
            Records.allIds(Records.members() + "?branch=" + Records.encode(branch)).forEach(Records.sandbox()::track);
        }
        rejected(response, chosen);
    }
}
