package org.lianxin.node.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;

/**
 * Every validation rule rejects what it must with a problem naming the field, and writes nothing:
 * the member list of the branch is the same before and after.
 */
class MemberValidationIT {

    private static String branch;

    @BeforeAll
    static void branch() {
        branch = Trees.branch();
    }

    /** A broken member: what to change in a valid one, and the field the problem must name. */
    record Case(String description, String from, String to, String field) {
        @Override
        public String toString() {
            return description;
        }
    }

    static List<Case> cases() {
        String validId = Fixtures.nationalId(LocalDate.of(1980, 5, 17), false);
        String wrongCheckDigit = validId.substring(0, 17) + (validId.charAt(17) == '0' ? '1' : '0');
        return List.of(
                new Case("missing name", "\"name\": \"张伟\",", "", "name"),
                new Case("name over 50 characters", "\"name\": \"张伟\"", "\"name\": \"" + "张".repeat(51) + "\"", "name"),
                new Case("unknown stage", "\"stage\": \"FullMember\"", "\"stage\": \"Chairman\"", "stage"),
                new Case("unknown property (closed shape)", "\"ethnicity\": \"汉族\"", "\"ethnicity\": \"汉族\", \"lx:shoeSize\": \"42\"", "lx:shoeSize"),
                new Case("ethnicity not one of the 56", "\"ethnicity\": \"汉族\"", "\"ethnicity\": \"火星族\"", "ethnicity"),
                new Case("ID number in a wrong format", "\"nationalId\": \"", "\"nationalId\": \"12345", "nationalId"),
                new Case("ID number with a wrong check digit", "NATIONAL_ID", wrongCheckDigit, "nationalId"),
                new Case("birth date not the one in the ID number", "\"birthDate\": \"1980-05-17\"", "\"birthDate\": \"1980-05-18\"", "nationalId"),
                new Case("gender not the one in the ID number", "\"gender\": \"Female\"", "\"gender\": \"Male\"", "nationalId"),
                new Case("not a calendar date", "\"admissionDate\": \"2007-07-01\"", "\"admissionDate\": \"2007-02-30\"", "admissionDate"),
                new Case("full member without full membership date", ", \"fullMembershipDate\": \"2008-07-01\"", "", "fullMembershipDate"),
                new Case("activist before application", "\"activistDate\": \"2005-09-01\"", "\"activistDate\": \"2004-09-01\"", "applicationDate"),
                new Case("branch that does not exist", "\"branch\": \"", "\"branch\": \"" + NodeClient.nodeBase() + "/organizations/nowhere-", "branch"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ruleRejectsAndNothingIsWritten(Case c) {
        String valid = Fixtures.member("张伟", branch);
        String body;
        if (c.from().equals("NATIONAL_ID")) {
            String id = valid.replaceAll("(?s).*\"nationalId\": \"([0-9X]{18})\".*", "$1");
            body = valid.replace(id, c.to());
        } else {
            assertTrue(valid.contains(c.from()), "the fixture contains " + c.from());
            body = valid.replace(c.from(), c.to());
        }
        List<String> before = membersOfBranch();

        HttpResponse<String> response = NodeClient.post(NodeClient.nodeBase() + "/members", Fixtures.JSON_LD, body);

        assertTrue(response.statusCode() == 400 || response.statusCode() == 422, response.statusCode() + " " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        JsonObject problem = NodeClient.json(response);
        List<String> fields = problem.getJsonArray("errors").stream().map(JsonValue::asJsonObject).map(e -> e.getString("field")).toList();
        assertTrue(fields.contains(c.field()), "fields " + fields + " name " + c.field());
        assertEquals(before, membersOfBranch(), "nothing was written");
        assertTrue(!response.body().contains("110105"), "the problem does not echo the ID number");
    }

    private static List<String> membersOfBranch() {
        HttpResponse<String> page = NodeClient.get(NodeClient.nodeBase() + "/members?limit=1000&branch=" + branch, Fixtures.JSON_LD);
        assertEquals(200, page.statusCode(), page.body());
        return NodeClient.json(page).getJsonArray("items").stream().map(JsonValue::asJsonObject).map(o -> o.getString("id")).toList();
    }
}
