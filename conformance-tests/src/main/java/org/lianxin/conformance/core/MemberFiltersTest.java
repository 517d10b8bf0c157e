package org.lianxin.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** Table 5.11: the filters of the member list select exactly the members that satisfy them all. */
class MemberFiltersTest {

    private static String branch;
    private static String prefix;
    private static Map<String, String> members;

    @BeforeAll
    static void members() {
        branch = Records.sandbox().newBranch();
        String group = Records.sandbox().newOrganization("第一党小组", "PartyGroup", branch);
        String other = Records.sandbox().newBranch();
        prefix = Sandbox.uniqueId("Kit");
        members = Map.of(
                "zhangFull", create("张建国", branch, "FullMember", "2007-07-01"),
                "liFull", create("李建国", branch, "FullMember", "2015-07-01"),
                "zhangActivist", create("张小红", branch, "Activist", null),
                "zhangProbationary", create("张三", branch, "ProbationaryMember", "2020-03-01"),
                "latin", create(prefix + " Wang", branch, "Applicant", null),
                "inGroup", create("张建华", group, "FullMember", "2007-07-01"),
                "elsewhere", create(prefix.toLowerCase(java.util.Locale.ROOT) + " 张建国", other, "FullMember", "2007-07-01"));
    }

    /** A member at {@code stage}; {@code admission} (with full membership a year later for full members) when given. */
    private static String create(String name, String branch, String stage, String admission) {
        String body = Records.sandbox().memberBody(name, branch).replaceAll("\\s*\\n\\s*", " ").replace("\"stage\": \"FullMember\"", "\"stage\": \"" + stage + "\"");
        String dates = switch (stage) {
            case "Applicant" -> "";
            case "Activist" -> ", \"activistDate\": \"2005-09-01\"";
            case "ProbationaryMember" -> ", \"activistDate\": \"2005-09-01\", \"candidateDate\": \"2006-10-01\", \"admissionDate\": \"" + admission + "\"";
            default -> ", \"activistDate\": \"2005-09-01\", \"candidateDate\": \"2006-10-01\", \"admissionDate\": \"" + admission
                    + "\", \"fullMembershipDate\": \"" + (Integer.parseInt(admission.substring(0, 4)) + 1) + admission.substring(4) + "\"";
        };
        body = body.replaceAll(", \"activistDate\".*\\}$", dates + "}");
        return Records.sandbox().newMemberFrom(body);
    }

    private static Set<String> expected(String names) {
        Set<String> iris = new HashSet<>();
        for (String name : names.split(" ")) {
            if (!name.isEmpty()) {
                iris.add(members.get(name));
            }
        }
        return iris;
    }

    private static Set<String> listed(String query) {
        List<String> ids = Records.allIds(Records.members() + "?limit=2&" + query.replace("PREFIX", Records.encode(prefix)));
        assertEquals(ids.size(), new HashSet<>(ids).size(), "a member listed twice: " + ids);
        return new HashSet<>(ids);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("stage, branch, namePrefix, joinedFrom and joinedTo select exactly the members that satisfy all of them")
    @Verifies(id = "LX-CORE-59", level = "MUST", of = "Core")
    @CsvSource(delimiter = '|', value = {
            "(branch only)|zhangFull liFull zhangActivist zhangProbationary latin",
            "stage=Activist|zhangActivist",
            "stage=FullMember|zhangFull liFull",
            "stage=DevelopmentCandidate|",
            "namePrefix=%E5%BC%A0|zhangFull zhangActivist zhangProbationary",
            "namePrefix=%E5%BC%A0%E5%BB%BA|zhangFull",
            "namePrefix=PREFIX|latin",
            "joinedFrom=2010-01-01|liFull zhangProbationary",
            "joinedTo=2007-07-01|zhangFull",
            "joinedTo=2007-06-30|",
            "joinedFrom=2007-07-01&joinedTo=2015-07-01|zhangFull liFull",
            "stage=FullMember&namePrefix=%E5%BC%A0|zhangFull",
            "stage=ProbationaryMember&joinedFrom=2015-07-01&namePrefix=%E5%BC%A0|zhangProbationary"})
    void filtersOfOneBranch(String filters, String names) {
        String query = "branch=" + Records.encode(branch) + (filters.equals("(branch only)") ? "" : "&" + filters);
        assertEquals(expected(names == null ? "" : names), listed(query), "GET /members?" + query);
    }

    @Test
    @DisplayName("namePrefix compares characters as they are, without case folding, across branches")
    @Verifies(id = "LX-CORE-59", level = "MUST", of = "Core")
    void namePrefixWithoutBranch() {
        assertEquals(expected("latin"), listed("namePrefix=PREFIX"), "namePrefix=" + prefix);
        assertEquals(expected("elsewhere"), listed("namePrefix=" + Records.encode(prefix.toLowerCase(java.util.Locale.ROOT))),
                "namePrefix=" + prefix.toLowerCase(java.util.Locale.ROOT));
        assertEquals(expected("elsewhere"), listed("namePrefix=" + Records.encode(prefix.toLowerCase(java.util.Locale.ROOT)) + "&stage=FullMember"
                + "&joinedFrom=2007-07-01&joinedTo=2007-07-01"), "all filters together");
    }
}
