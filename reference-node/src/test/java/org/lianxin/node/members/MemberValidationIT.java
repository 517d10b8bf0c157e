package org.lianxin.node.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Problems;
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

    /** A broken member: what to change in a valid one, the field the problem names, the requirement broken. */
    record Case(String description, String from, String to, String field, String requirement) {
        @Override
        public String toString() {
            return requirement + " " + description;
        }
    }

    static List<Case> cases() {
        String validId = Fixtures.nationalId(LocalDate.of(1980, 5, 17), false);
        String wrongCheckDigit = validId.substring(0, 17) + (validId.charAt(17) == '0' ? '1' : '0');
        String future = LocalDate.now().plusDays(3).toString();
        return List.of(
                new Case("missing name", "\"name\": \"张伟\",", "", "name", "LX-CORE-48"),
                new Case("name over 50 characters", "\"name\": \"张伟\"", "\"name\": \"" + "张".repeat(51) + "\"", "name", "LX-CORE-48"),
                new Case("unknown stage", "\"stage\": \"FullMember\"", "\"stage\": \"Chairman\"", "stage", "LX-CORE-48"),
                new Case("unknown property (closed shape)", "\"ethnicity\": \"汉族\"", "\"ethnicity\": \"汉族\", \"lx:shoeSize\": \"42\"", "https://w3id.org/lianxin/ns#shoeSize", "LX-CORE-48"),
                new Case("ethnicity not one of the 56", "\"ethnicity\": \"汉族\"", "\"ethnicity\": \"火星族\"", "ethnicity", "LX-CORE-48"),
                new Case("ID number in a wrong format", "\"nationalId\": \"", "\"nationalId\": \"12345", "nationalId", "LX-CORE-48"),
                new Case("not a calendar date", "\"admissionDate\": \"2007-07-01\"", "\"admissionDate\": \"2007-02-30\"", "admissionDate", "LX-CORE-49"),
                new Case("birth date not before today", "\"birthDate\": \"1980-05-17\"", "\"birthDate\": \"" + future + "\"", "birthDate", "LX-CORE-50"),
                new Case("ID number with a wrong check digit", "NATIONAL_ID", wrongCheckDigit, "nationalId", "LX-CORE-51"),
                new Case("birth date not the one in the ID number", "\"birthDate\": \"1980-05-17\"", "\"birthDate\": \"1980-05-18\"", "nationalId", "LX-CORE-52"),
                new Case("gender not the one in the ID number", "\"gender\": \"Female\"", "\"gender\": \"Male\"", "nationalId", "LX-CORE-53"),
                new Case("full member without full membership date", ", \"fullMembershipDate\": \"2008-07-01\"", "", "fullMembershipDate", "LX-CORE-55"),
                new Case("activist before application", "\"activistDate\": \"2005-09-01\"", "\"activistDate\": \"2004-09-01\"", "applicationDate", "LX-CORE-56"),
                new Case("applicant under 18 on the application date", "\"applicationDate\": \"2005-03-01\"", "\"applicationDate\": \"1998-05-16\"", "applicationDate", "LX-CORE-57"),
                new Case("branch of another node", "\"branch\": \"BRANCH\"", "\"branch\": \"http://other.example/nodes/x/organizations/b1\"", "branch", "LX-CORE-58"),
                new Case("branch that does not exist", "\"branch\": \"BRANCH\"", "\"branch\": \"" + NodeClient.nodeBase() + "/organizations/nowhere\"", "branch", "LX-CORE-26"),
                new Case("unknown JSON key", "\"ethnicity\": \"汉族\"", "\"ethnicity\": \"汉族\", \"shoeSize\": \"42\"", "shoeSize", "LX-CORE-16"));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("LX-CORE-21 every rule rejects with 422 naming field and requirement, and nothing is written")
    @MethodSource("cases")
    void ruleRejectsAndNothingIsWritten(Case c) {
        String valid = Fixtures.member("张伟", branch);
        String body;
        if (c.from().equals("NATIONAL_ID")) {
            String id = valid.replaceAll("(?s).*\"nationalId\": \"([0-9X]{18})\".*", "$1");
            body = valid.replace(id, c.to());
        } else {
            String from = c.from().replace("BRANCH", branch);
            assertTrue(valid.contains(from), "the fixture contains " + from);
            body = valid.replace(from, c.to());
        }
        List<String> before = membersOfBranch();

        HttpResponse<String> response = NodeClient.post(NodeClient.nodeBase() + "/members", Fixtures.JSON_LD, body);

        Problems.assertProblem(response, 422, "validation", "Validation failed");
        Problems.assertError(response, c.field(), null, c.requirement());
        assertEquals(before, membersOfBranch(), "nothing was written");
        assertTrue(!response.body().contains("110105"), "the problem does not echo the ID number");
    }

    private static List<String> membersOfBranch() {
        HttpResponse<String> page = NodeClient.get(NodeClient.nodeBase() + "/members?limit=1000&branch=" + branch, Fixtures.JSON_LD);
        assertEquals(200, page.statusCode(), page.body());
        return NodeClient.json(page).getJsonArray("items").stream().map(JsonValue::asJsonObject).map(o -> o.getString("id")).toList();
    }
}
