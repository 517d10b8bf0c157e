package org.lianxin.node.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Problems;
import org.lianxin.node.testing.Trees;

/** Creating, replacing and deleting records over HTTP (spec 3.5, 3.8, 3.9). */
class WritesIT {

    private static final String MEMBERS = NodeClient.nodeBase() + "/members";

    @Test
    @DisplayName("LX-CORE-18 a POST body that names its subject gets 422 record-subject")
    void postWithAnIdIs422() {
        String body = Fixtures.withId(Fixtures.member("吴磊", Trees.branch()), MEMBERS + "/chosen-by-client");
        HttpResponse<String> response = NodeClient.post(MEMBERS, Fixtures.JSON_LD, body);
        Problems.assertProblem(response, 422, "validation", "Validation failed");
        Problems.assertError(response, "", "record-subject", "LX-CORE-18");
        assertEquals(404, NodeClient.get(MEMBERS + "/chosen-by-client", Fixtures.JSON_LD).statusCode());
    }

    @Test
    @DisplayName("LX-CORE-18 a PUT body about another IRI, or with stray statements, gets 422 record-subject")
    void putAboutAnotherSubjectIs422() {
        String branch = Trees.branch();
        String iri = MEMBERS + "/" + Fixtures.uniqueId("m");
        HttpResponse<String> other = NodeClient.put(iri, Fixtures.JSON_LD, Fixtures.withId(Fixtures.member("吴磊", branch), iri + "-other"));
        Problems.assertError(other, "", "record-subject", "LX-CORE-18");
        String stray = Fixtures.withId(Fixtures.member("吴磊", branch), iri)
                .replace("\"branch\": \"" + branch + "\"", "\"branch\": {\"id\": \"" + branch + "\", \"name\": \"另一个名字\"}");
        Problems.assertError(NodeClient.put(iri, Fixtures.JSON_LD, stray), "", "record-subject", "LX-CORE-18");
        assertEquals(404, NodeClient.get(iri, Fixtures.JSON_LD).statusCode(), "nothing written");
    }

    @Test
    @DisplayName("LX-CORE-22 LX-CORE-23 LX-CORE-24 PUT creates with 201, replaces with 200, and removes what the body leaves out")
    void putCreatesThenReplacesWholly() {
        String branch = Trees.branch();
        String iri = MEMBERS + "/" + Fixtures.uniqueId("m");
        String body = Fixtures.withId(Fixtures.member("郑洁", branch), iri);
        assertEquals(201, NodeClient.put(iri, Fixtures.JSON_LD, body).statusCode());
        JsonObject first = NodeClient.json(NodeClient.get(iri, Fixtures.JSON_LD));
        assertTrue(first.containsKey("address"));

        String withoutAddress = body.replaceAll("\"address\": \"[^\"]*\",\\s*", "");
        HttpResponse<String> replaced = NodeClient.put(iri, Fixtures.JSON_LD, withoutAddress);
        assertEquals(200, replaced.statusCode(), replaced.body());
        JsonObject second = NodeClient.json(NodeClient.get(iri, Fixtures.JSON_LD));
        assertFalse(second.containsKey("address"), "PUT replaces the whole record");
        assertEquals("郑洁", second.getString("name"));
    }

    @Test
    @DisplayName("LX-CORE-25 created stays, modified moves forward on every write, client values are ignored")
    void createdAndModifiedAreTheNodes() {
        String branch = Trees.branch();
        String iri = MEMBERS + "/" + Fixtures.uniqueId("m");
        String body = Fixtures.withId(Fixtures.member("冯刚", branch), iri)
                .replace("\"type\": \"Member\"", "\"type\": \"Member\", \"created\": \"2001-01-01T00:00:00Z\", \"modified\": \"2001-01-01T00:00:00Z\"");
        assertEquals(201, NodeClient.put(iri, Fixtures.JSON_LD, body).statusCode());
        JsonObject first = NodeClient.json(NodeClient.get(iri, Fixtures.JSON_LD));
        assertTrue(Instant.parse(first.getString("created")).isAfter(Instant.parse("2020-01-01T00:00:00Z")));
        assertEquals(200, NodeClient.put(iri, Fixtures.JSON_LD, body).statusCode());
        JsonObject second = NodeClient.json(NodeClient.get(iri, Fixtures.JSON_LD));
        assertEquals(first.getString("created"), second.getString("created"));
        assertTrue(Instant.parse(second.getString("modified")).isAfter(Instant.parse(first.getString("modified"))));
    }

    @Test
    @DisplayName("LX-CORE-27 a record never created is 404 to GET and DELETE")
    void neverCreatedIs404() {
        String iri = MEMBERS + "/" + Fixtures.uniqueId("never");
        Problems.assertProblem(NodeClient.get(iri, Fixtures.JSON_LD), 404, "not-found", "Not found");
        Problems.assertProblem(NodeClient.delete(iri), 404, "not-found", "Not found");
    }

    @Test
    @DisplayName("LX-CORE-28 LX-CORE-29 LX-CORE-30 delete answers 204; the tombstone answers GET with 410; PUT and DELETE on it are 410")
    void tombstonesAnswer410() {
        String member = Trees.member("褚红", Trees.branch());
        HttpResponse<String> deleted = NodeClient.delete(member);
        assertEquals(204, deleted.statusCode());

        HttpResponse<String> read = NodeClient.get(member, Fixtures.TURTLE);
        assertEquals(410, read.statusCode());
        assertTrue(read.body().contains("lx:Tombstone"), read.body());
        assertFalse(read.body().contains("褚红"), "a tombstone keeps no personal data");

        Problems.assertProblem(NodeClient.delete(member), 410, "gone", "Gone");
        Problems.assertProblem(NodeClient.put(member, Fixtures.JSON_LD, Fixtures.withId(Fixtures.member("褚红", Trees.branch()), member)),
                410, "gone", "Gone");
    }

    @Test
    @DisplayName("LX-CORE-19 LX-CORE-20 a 422 lists every violation with field, rule, message and requirement")
    void validationProblemListsEveryViolation() {
        HttpResponse<String> response = NodeClient.post(MEMBERS, Fixtures.JSON_LD,
                "{\"@context\": \"" + Fixtures.CONTEXT + "\", \"type\": \"Member\", \"name\": \"张伟\"}");
        Problems.assertProblem(response, 422, "validation", "Validation failed");
        assertTrue(Problems.errors(response).size() >= 6, response.body());
        for (String field : new String[] {"gender", "ethnicity", "birthDate", "nationalId", "stage", "branch", "applicationDate"}) {
            Problems.assertError(response, field, "sh:MinCountConstraintComponent", "LX-CORE-48");
        }
    }
}
