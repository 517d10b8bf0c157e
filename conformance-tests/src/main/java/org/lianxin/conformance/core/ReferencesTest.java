package org.lianxin.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lianxin.conformance.core.Records.JSON_LD;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** Section 3.8, LX-CORE-26: local references name live organizations. */
class ReferencesTest {

    private static String branch;
    private static String deleted;

    @BeforeAll
    static void organizations() {
        branch = Records.sandbox().newBranch();
        deleted = Records.sandbox().newOrganization("撤销的党支部", "Branch", branch);
        Http.delete(deleted).expect(204);
    }

    @ParameterizedTest(name = "{0} naming an organization that {1}")
    @DisplayName("a subOrganizationOf, branch or memberships.organization naming no live local organization gets 422")
    @Verifies(id = "LX-CORE-26", level = "MUST", of = "Core")
    @CsvSource({"subOrganizationOf,never was", "subOrganizationOf,was deleted", "branch,never was", "branch,was deleted",
            "memberships.organization,never was", "memberships.organization,was deleted"})
    void referencesNameLiveOrganizations(String field, String target) {
        String missing = target.equals("was deleted") ? deleted : Records.unusedOrganization();
        boolean organization = field.equals("subOrganizationOf");
        String iri = organization ? Records.unusedOrganization() : Records.unusedMember();
        String body = switch (field) {
            case "subOrganizationOf" -> Sandbox.organizationBody("孤儿党支部", "Branch", missing);
            case "branch" -> Records.sandbox().memberBody("孤儿", missing);
            default -> Records.sandbox().memberBody("孤儿", branch).replace("\"type\": \"Member\"", "\"type\": \"Member\", \"memberships\": "
                    + "[{\"type\": \"Membership\", \"organization\": \"" + missing + "\", \"post\": \"Secretary\", "
                    + "\"memberDuring\": {\"type\": \"Interval\", \"startDate\": \"2020-01-06\"}}]");
        };
        Response response = Http.put(iri, JSON_LD, Sandbox.withId(body, iri));
        if (response.status() == 201) {
            Records.sandbox().track(iri);
        }
        Records.assertRejected(response, field, "local-reference", "LX-CORE-26");
        assertEquals(404, Records.read(iri, JSON_LD).status(), "the rejected record was stored");
    }
}
