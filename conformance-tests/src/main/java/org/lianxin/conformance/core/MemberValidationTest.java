package org.lianxin.conformance.core;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.core.Records.JSON_LD;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * Chapter 5: each rule of the member record rejects what it must with 422, names the field and the
 * requirement, and writes nothing. Each case changes one thing in a valid full member (born
 * 1980-05-17, female, applied 2005-03-01, full member 2008-07-01, secretary 2020-2022), PUT to a new IRI.
 */
class MemberValidationTest {

    private static final String MEMBERSHIP = "\"memberships\": [{\"type\": \"Membership\", \"organization\": \"BRANCH\", \"post\": \"Secretary\", "
            + "\"memberDuring\": {\"type\": \"Interval\", \"startDate\": \"2020-01-06\", \"endDate\": \"2022-01-06\"}}], \"stage\"";
    private static String branch;

    @BeforeAll
    static void branch() {
        branch = Records.sandbox().newBranch();
    }

    private static List<String> membersOfBranch() {
        return Records.allIds(Records.members() + "?branch=" + Records.encode(branch));
    }

    /** A valid member with {@code from} replaced by {@code to} is rejected for {@code requirement}, naming {@code field}. */
    static void rejects(String from, String to, String field, String requirement) {
        String valid = Records.sandbox().memberBody("张伟", branch).replaceAll("\\s*\\n\\s*", " ")
                .replace("\"stage\"", MEMBERSHIP).replace("BRANCH", branch);
        String body;
        if (from.equals("NATIONAL_ID")) {
            body = valid.replaceFirst("\"nationalId\": \"[0-9X]{18}\"", "\"nationalId\": \"" + to + "\"");
        } else {
            String what = from.replace("BRANCH", branch);
            assertTrue(valid.contains(what), "the fixture contains " + what);
            body = valid.replace(what, to.replace("(nothing)", "").replace("BRANCH", branch).replace("BASE", Current.base())
                    .replace("NAME51", "张".repeat(51)));
        }
        List<String> before = membersOfBranch();
        String iri = Records.unusedMember();
        Response response = Http.put(iri, JSON_LD, Sandbox.withId(body, iri));
        if (response.status() == 201) {
            Records.sandbox().track(iri);
        }
        Records.assertRejected(response, field, null, requirement);
        assertEquals(404, Records.read(iri, JSON_LD).status(), "the rejected member was written");
        assertEquals(before, membersOfBranch(), "the rejected member was written");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a member that breaks the member shapes gets 422")
    @Verifies(id = "LX-CORE-48", level = "MUST", of = "Core")
    @CsvSource(delimiter = '|', value = {
            "no name|\"name\": \"张伟\",|(nothing)|name",
            "name of 51 characters|\"name\": \"张伟\"|\"name\": \"NAME51\"|name",
            "unknown stage|\"stage\": \"FullMember\"|\"stage\": \"Chairman\"|stage",
            "unknown gender|\"gender\": \"Female\"|\"gender\": \"Unknown\"|gender",
            "ethnicity not one of the 56|\"ethnicity\": \"汉族\"|\"ethnicity\": \"火星族\"|ethnicity",
            "national ID in a wrong format|\"nationalId\": \"|\"nationalId\": \"12345|nationalId",
            "telephone in a wrong format|\"telephone\": \"13800138000\"|\"telephone\": \"12345\"|telephone",
            "unknown education|\"ethnicity\": \"汉族\"|\"ethnicity\": \"汉族\", \"education\": \"PhD\"|education",
            "a property the shape does not allow|\"ethnicity\": \"汉族\"|\"ethnicity\": \"汉族\", \"lx:shoeSize\": \"42\"|https://w3id.org/lianxin/ns#shoeSize",
            "membership without post|\"post\": \"Secretary\", |(nothing)|memberships.post",
            "interval without start|\"startDate\": \"2020-01-06\", |(nothing)|memberships.memberDuring.startDate"})
    void shapeViolationsAre422(String description, String from, String to, String field) {
        rejects(from, to, field, "LX-CORE-48");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a date property whose value is no calendar date gets 422")
    @Verifies(id = "LX-CORE-49", level = "MUST", of = "Core")
    @CsvSource(delimiter = '|', value = {
            "admissionDate 2007-02-30|\"admissionDate\": \"2007-07-01\"|\"admissionDate\": \"2007-02-30\"|admissionDate",
            "candidateDate 2006-02-29|\"candidateDate\": \"2006-10-01\"|\"candidateDate\": \"2006-02-29\"|candidateDate",
            "fullMembershipDate 2008-06-31|\"fullMembershipDate\": \"2008-07-01\"|\"fullMembershipDate\": \"2008-06-31\"|fullMembershipDate",
            "birthDate 1980-04-31|\"birthDate\": \"1980-05-17\"|\"birthDate\": \"1980-04-31\"|birthDate",
            "membership startDate 2021-02-29|\"startDate\": \"2020-01-06\"|\"startDate\": \"2021-02-29\"|memberships.memberDuring.startDate"})
    void impossibleDatesAre422(String description, String from, String to, String field) {
        rejects(from, to, field, "LX-CORE-49");
    }

    @Test
    @DisplayName("a birth date that is not before today gets 422")
    @Verifies(id = "LX-CORE-50", level = "MUST", of = "Core")
    void birthDateInTheFuture() {
        rejects("\"birthDate\": \"1980-05-17\"", "\"birthDate\": \"" + LocalDate.now().plusDays(3) + "\"", "birthDate", "LX-CORE-50");
    }

    @Test
    @DisplayName("a national ID number whose check character is wrong gets 422")
    @Verifies(id = "LX-CORE-51", level = "MUST", of = "Core")
    void wrongCheckCharacter() {
        String valid = Records.sandbox().nationalId(LocalDate.of(1980, 5, 17), false);
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        rejects("NATIONAL_ID", wrong, "nationalId", "LX-CORE-51");
        String upper = Records.sandbox().nationalId(LocalDate.of(1980, 5, 17), false);
        rejects("NATIONAL_ID", upper.substring(0, 17) + (upper.charAt(17) == 'X' ? '5' : 'X'), "nationalId", "LX-CORE-51");
    }

    @Test
    @DisplayName("a birth date other than the one in the national ID number gets 422")
    @Verifies(id = "LX-CORE-52", level = "MUST", of = "Core")
    void birthDateOtherThanInTheNumber() {
        rejects("\"birthDate\": \"1980-05-17\"", "\"birthDate\": \"1980-05-18\"", "nationalId", "LX-CORE-52");
    }

    @Test
    @DisplayName("a gender other than the one in the national ID number gets 422, both ways")
    @Verifies(id = "LX-CORE-53", level = "MUST", of = "Core")
    void genderOtherThanInTheNumber() {
        rejects("\"gender\": \"Female\"", "\"gender\": \"Male\"", "nationalId", "LX-CORE-53");
        String male = Records.sandbox().nationalId(LocalDate.of(1980, 5, 17), true);
        rejects("NATIONAL_ID", male, "nationalId", "LX-CORE-53");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a member without a date that its stage requires gets 422")
    @Verifies(id = "LX-CORE-55", level = "MUST", of = "Core")
    @CsvSource(delimiter = '|', value = {
            "FullMember without fullMembershipDate|, \"fullMembershipDate\": \"2008-07-01\"|(nothing)|fullMembershipDate",
            "FullMember without candidateDate|\"candidateDate\": \"2006-10-01\",|(nothing)|candidateDate",
            "ProbationaryMember without admissionDate|\"stage\": \"FullMember\", \"branch\": \"BRANCH\", \"applicationDate\": \"2005-03-01\", \"activistDate\": \"2005-09-01\", \"candidateDate\": \"2006-10-01\", \"admissionDate\": \"2007-07-01\", \"fullMembershipDate\": \"2008-07-01\"|\"stage\": \"ProbationaryMember\", \"branch\": \"BRANCH\", \"applicationDate\": \"2005-03-01\", \"activistDate\": \"2005-09-01\", \"candidateDate\": \"2006-10-01\"|admissionDate",
            "Activist without activistDate|\"stage\": \"FullMember\", \"branch\": \"BRANCH\", \"applicationDate\": \"2005-03-01\", \"activistDate\": \"2005-09-01\", \"candidateDate\": \"2006-10-01\", \"admissionDate\": \"2007-07-01\", \"fullMembershipDate\": \"2008-07-01\"|\"stage\": \"Activist\", \"branch\": \"BRANCH\", \"applicationDate\": \"2005-03-01\"|activistDate"})
    void stageDatesAreRequired(String description, String from, String to, String field) {
        rejects(from, to, field, "LX-CORE-55");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a member whose dates break an order of Table 5.4 gets 422")
    @Verifies(id = "LX-CORE-56", level = "MUST", of = "Core")
    @CsvSource(delimiter = '|', value = {
            "activist before application|\"activistDate\": \"2005-09-01\"|\"activistDate\": \"2004-09-01\"",
            "candidate before activist|\"candidateDate\": \"2006-10-01\"|\"candidateDate\": \"2005-08-01\"",
            "admission before candidate|\"admissionDate\": \"2007-07-01\"|\"admissionDate\": \"2006-09-01\"",
            "full membership before admission|\"fullMembershipDate\": \"2008-07-01\"|\"fullMembershipDate\": \"2007-06-30\"",
            "post ends before it starts|\"endDate\": \"2022-01-06\"|\"endDate\": \"2019-01-06\""})
    void datesInTheWrongOrder(String description, String from, String to) {
        rejects(from, to, null, "LX-CORE-56");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("an application before the member's 18th birthday gets 422")
    @Verifies(id = "LX-CORE-57", level = "MUST", of = "Core")
    @CsvSource(delimiter = '|', value = {
            "the day before the 18th birthday|\"applicationDate\": \"2005-03-01\"|\"applicationDate\": \"1998-05-16\"",
            "at 15|\"applicationDate\": \"2005-03-01\"|\"applicationDate\": \"1995-06-01\""})
    void applicationBeforeEighteen(String description, String from, String to) {
        rejects(from, to, "applicationDate", "LX-CORE-57");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a member whose branch is not a local organization IRI gets 422")
    @Verifies(id = "LX-CORE-58", level = "MUST", of = "Core")
    @CsvSource(delimiter = '|', value = {
            "an organization of another node|\"branch\": \"BRANCH\"|\"branch\": \"http://other.example/nodes/x/organizations/b1\"",
            "a member IRI of this node|\"branch\": \"BRANCH\"|\"branch\": \"BASE/members/b1\"",
            "the node's base URL|\"branch\": \"BRANCH\"|\"branch\": \"BASE\""})
    void branchIsLocal(String description, String from, String to) {
        rejects(from, to, "branch", "LX-CORE-58");
    }
}
