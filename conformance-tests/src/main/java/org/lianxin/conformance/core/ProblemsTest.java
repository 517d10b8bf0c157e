package org.lianxin.conformance.core;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.core.Records.JSON_LD;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** Section 3.6: every error is a problem report of Table 3.4; a 422 lists each violation (Table 3.5). */
class ProblemsTest {

    private static String branch;
    private static String member;
    private static String deleted;

    @BeforeAll
    static void records() {
        branch = Records.sandbox().newBranch();
        member = Records.sandbox().newMember(branch);
        deleted = Records.sandbox().newOrganization("撤销的党支部", "Branch", branch);
        Http.delete(deleted).expect(204);
    }

    private static Response request(String fault) {
        String body = Records.sandbox().memberBody("张伟", branch);
        return switch (fault) {
            case "malformed body" -> Http.post(Records.members(), JSON_LD, "{\"name\": ");
            case "remote context" -> Http.post(Records.members(), JSON_LD, body.replace(Sandbox.CONTEXT, "http://192.0.2.1:9/context.jsonld"));
            case "invalid query parameter" -> Http.get(Records.members() + "?limit=0", "Accept", JSON_LD);
            case "no such record" -> Http.get(Records.unusedMember(), "Accept", JSON_LD);
            case "DELETE of no such record" -> Http.delete(Records.unusedOrganization());
            case "no such route" -> Http.get(Current.base() + "/no-such-collection", "Accept", JSON_LD);
            case "PUT to an impossible id" -> Http.put(Records.members() + "/not%20an%20id", JSON_LD, body);
            case "no acceptable media type" -> Records.read(member, "application/rdf+xml");
            case "DELETE of an organization in use" -> Http.delete(branch);
            case "DELETE of a deleted record" -> Http.delete(deleted);
            case "PUT of a deleted record" -> Http.put(deleted, JSON_LD, Sandbox.withId(Sandbox.organizationBody("撤销的党支部", "Branch", branch), deleted));
            case "children of a deleted organization" -> Http.get(deleted + "/children", "Accept", JSON_LD);
            case "unsupported media type" -> Http.post(Records.members(), "application/json", body);
            default -> Http.post(Records.members(), JSON_LD, body.replace("\"name\": \"张伟\",", "")); // invalid record
        };
    }

    @ParameterizedTest(name = "{0} → {1}")
    @DisplayName("each error is application/problem+json with the type, title and status of Table 3.4")
    @Verifies(id = "LX-CORE-19", level = "MUST", of = "Core")
    @CsvSource({
            "malformed body,400,bad-request,Bad request",
            "remote context,400,bad-request,Bad request",
            "invalid query parameter,400,bad-request,Bad request",
            "no such record,404,not-found,Not found",
            "DELETE of no such record,404,not-found,Not found",
            "no such route,404,not-found,Not found",
            "PUT to an impossible id,404,not-found,Not found",
            "no acceptable media type,406,not-acceptable,Not acceptable",
            "same national ID,409,conflict,Conflict",
            "DELETE of an organization in use,409,conflict,Conflict",
            "DELETE of a deleted record,410,gone,Gone",
            "PUT of a deleted record,410,gone,Gone",
            "children of a deleted organization,410,gone,Gone",
            "unsupported media type,415,unsupported-media-type,Unsupported media type",
            "invalid record,422,validation,Validation failed"})
    void problemReports(String fault, int status, String slug, String title) {
        Response response;
        if (fault.equals("same national ID")) {
            String first = Records.sandbox().memberBody("陈平", branch);
            Records.sandbox().newMemberFrom(first);
            response = Http.post(Records.members(), JSON_LD, first.replace("陈平", "陈平安"));
        } else {
            response = request(fault);
        }
        if (response.status() == 201) {
            response.header("Location").ifPresent(Records.sandbox()::track);
        }
        Records.assertProblem(response, status, slug, title);
    }

    @Test
    @DisplayName("a 422 lists every missing required value, each entry with field, rule, message and requirement")
    @Verifies(id = "LX-CORE-20", level = "MUST", of = "Core")
    void everyMissingValueIsListed() {
        Response response = Http.post(Records.members(), JSON_LD, "{\"@context\": \"" + Sandbox.CONTEXT + "\", \"type\": \"Member\", \"name\": \"张伟\"}");
        Records.assertProblem(response, 422, "validation", "Validation failed");
        for (String field : List.of("gender", "ethnicity", "birthDate", "nationalId", "stage", "branch", "applicationDate")) {
            Records.assertError(response, field, "sh:MinCountConstraintComponent", "LX-CORE-48");
        }
        everyEntryIsComplete(response);
    }

    @Test
    @DisplayName("a 422 lists violations of different rules together: pattern, length, code list, date order")
    @Verifies(id = "LX-CORE-20", level = "MUST", of = "Core")
    void violationsOfSeveralRulesAreListed() {
        String body = Records.sandbox().memberBody("张伟", branch)
                .replace("\"name\": \"张伟\"", "\"name\": \"" + "张".repeat(51) + "\"")
                .replace("\"ethnicity\": \"汉族\"", "\"ethnicity\": \"火星族\"")
                .replace("\"activistDate\": \"2005-09-01\"", "\"activistDate\": \"2004-09-01\"")
                .replace("\"telephone\": \"13800138000\"", "\"telephone\": \"12345\"");
        Response response = Http.post(Records.members(), JSON_LD, body);
        response.header("Location").filter(l -> response.status() == 201).ifPresent(Records.sandbox()::track);
        Records.assertProblem(response, 422, "validation", "Validation failed");
        Records.assertError(response, "name", null, "LX-CORE-48");
        Records.assertError(response, "ethnicity", null, "LX-CORE-48");
        Records.assertError(response, "telephone", null, "LX-CORE-48");
        Records.assertError(response, null, null, "LX-CORE-56");
        everyEntryIsComplete(response);
    }

    private static void everyEntryIsComplete(Response response) {
        for (JsonObject error : Records.errors(response)) {
            for (String key : List.of("field", "rule", "message", "requirement")) {
                assertTrue(error.get(key) instanceof JsonString, () -> "the errors entry has no string " + key + ": " + error);
            }
            assertTrue(error.getString("requirement").matches("LX-[A-Z]+-[0-9]+"), () -> "not a requirement identifier: " + error);
            assertTrue(!error.getString("message").isBlank(), () -> "an empty message: " + error);
        }
    }
}
