package org.lianxin.conformance.orglife;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.lianxin.conformance.orglife.OrgLifeKit.activity;
import static org.lianxin.conformance.orglife.OrgLifeKit.compliance;
import static org.lianxin.conformance.orglife.OrgLifeKit.counts;
import static org.lianxin.conformance.orglife.OrgLifeKit.missing;
import static org.lianxin.conformance.orglife.OrgLifeKit.periods;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Verifies;

/**
 * 12.4, 12.5: what each organization owes (Table 12.4) and what it held, over 2025. Under a county
 * committee of the sandbox: 东村党支部 (one full member), which held the themed party day of every
 * month to June but May, the general meeting on the last day of Q1 and the first of Q2, a lecture in
 * February and the organizational-life meeting on 31 December; 模范党支部, which held all it owes up
 * to February; a joint and a temporary branch and a party group that held nothing; a general branch,
 * which owes nothing. The party lecture's frequency is policy: the expectations follow the frequency
 * the node reports.
 */
class ComplianceTest {

    private static String committee;
    private static String village;
    private static String model;

    @BeforeAll
    static void organizations() {
        committee = Current.sandbox().newOrganization("组织生活县委", "CountyCommittee");
        village = Current.sandbox().newOrganization("东村党支部", "Branch", committee);
        model = Current.sandbox().newOrganization("模范党支部", "Branch", committee);
        String joint = Current.sandbox().newOrganization("联合党支部", "JointBranch", committee);
        Current.sandbox().newOrganization("临时党支部", "TemporaryBranch", committee);
        Current.sandbox().newOrganization("第一党小组", "PartyGroup", joint);
        Current.sandbox().newOrganization("机关党总支", "GeneralBranch", committee);
        OrgLifeKit.fullMembers(village, 1, "村民");

        for (String month : List.of("01", "02", "03", "04", "06")) {
            activity(village, "ThemedPartyDay", "2025-" + month + "-15");
        }
        activity(village, "ThemedPartyDay", "2024-12-31"); // another year
        activity(village, "ThemedPartyDay", "2026-01-01"); // another year
        activity(village, "BranchGeneralMeeting", "2025-03-31"); // the last day of Q1
        activity(village, "BranchGeneralMeeting", "2025-04-01"); // the first day of Q2
        activity(village, "PartyLecture", "2025-02-20");
        activity(village, "StudySession", "2025-05-20"); // owed by nobody
        activity(village, "OrganizationalLifeMeeting", "2025-12-31");
        activity(committee, "ThemedPartyDay", "2025-05-20"); // held by the committee, not by the branch
        Http.delete(activity(village, "ThemedPartyDay", "2025-05-10")).expect(204); // deleted: held no more

        for (String day : List.of("2025-01-05", "2025-02-05")) {
            activity(model, "ThemedPartyDay", day);
            activity(model, "PartyLecture", day);
        }
    }

    /** The periods of the village's party lectures that are missing through month {@code through} of 2025 (one lecture, in February). */
    private static List<String> lecturesMissing(String frequency, int through) {
        List<String> missing = new ArrayList<>(periods(frequency, 2025, through));
        missing.remove(OrgLifeKit.period(frequency, 2025, 2));
        return missing;
    }

    /** The village's missing entries through a month: the periods given, and the lectures by the node's frequency. */
    private static Map<String, List<String>> village(String frequency, int through, Map<String, List<String>> others) {
        Map<String, List<String>> expected = new TreeMap<>(others);
        if (!lecturesMissing(frequency, through).isEmpty()) {
            expected.put("东村党支部 PartyLecture", lecturesMissing(frequency, through));
        }
        return expected;
    }

    @Test
    @DisplayName("the answer lists the seven requirements of Table 12.4 in order with their frequencies, and the keys of Table 12.6")
    @Verifies(id = "LX-ORGLIFE-6", level = "MUST", of = "OrgLife")
    void requirementsOfTable124() {
        JsonObject answer = compliance(committee, "2025", "2025-03");
        assertEquals(Set.of("organizations", "roots", "year", "through", "scope", "organizationsChecked", "compliant", "requirements", "missing",
                "completeness"), answer.keySet());
        assertEquals(List.of(committee), answer.getJsonArray("organizations").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(2025, answer.getInt("year"));
        assertEquals("2025-03", answer.getString("through"));
        assertEquals("local", answer.getString("scope"));
        assertEquals(OrgLifeKit.REQUIREMENTS, answer.getJsonArray("requirements").stream().map(r -> r.asJsonObject().getString("activityType")).toList());
        Map<String, String> frequencies = new LinkedHashMap<>();
        answer.getJsonArray("requirements").stream().map(JsonValue::asJsonObject).forEach(r -> frequencies.put(r.getString("activityType"), r.getString("frequency")));
        assertEquals(List.of("Quarterly", "Monthly", "Monthly", frequencies.get("PartyLecture"), "Monthly", "Yearly", "Yearly"), List.copyOf(frequencies.values()));
        assertEquals(true, Set.of("Monthly", "Quarterly", "Yearly").contains(frequencies.get("PartyLecture")), frequencies.toString());
    }

    @Test
    @DisplayName("branches, joint and temporary branches owe the branch requirements, a party group its monthly meeting, committees and general branches nothing")
    @Verifies(id = "LX-ORGLIFE-6", level = "MUST", of = "OrgLife")
    void whoOwesWhat() {
        JsonObject answer = compliance(committee, "2025", "2025-03");
        String lecture = OrgLifeKit.lectureFrequency(answer);
        Map<String, List<String>> expected = village(lecture, 3, Map.of());
        List<String> q1 = List.of("2025-Q1");
        List<String> months = List.of("2025-01", "2025-02", "2025-03");
        for (String name : List.of("联合党支部", "临时党支部")) {
            expected.put(name + " BranchGeneralMeeting", q1);
            expected.put(name + " ThemedPartyDay", months);
            if (!periods(lecture, 2025, 3).isEmpty()) {
                expected.put(name + " PartyLecture", periods(lecture, 2025, 3));
            }
        }
        expected.put("模范党支部 BranchGeneralMeeting", q1);
        if (lecture.equals("Monthly")) {
            expected.put("模范党支部 PartyLecture", List.of("2025-03")); // held in January and February: Q1 met when quarterly
        }
        expected.put("模范党支部 ThemedPartyDay", List.of("2025-03"));
        expected.put("第一党小组 PartyGroupMeeting", months);
        assertEquals(expected, missing(answer));
        assertEquals(5, answer.getInt("organizationsChecked"), "four branches and the party group; not the committee nor the general branch");
        assertEquals("0/0/0", counts(answer, "BranchCommitteeMeeting"), "no branch has seven full members");
        assertEquals("3/0/1", counts(answer, "PartyGroupMeeting"));
        assertEquals("12/5/3", counts(answer, "ThemedPartyDay"), "four branches, three months: the village held three, the model branch two");
        assertEquals("4/1/3", counts(answer, "BranchGeneralMeeting"));
    }

    @Test
    @DisplayName("a requirement is met in a period by one live activity of the type held by the organization dated in it: missing lists exactly the other periods")
    @Verifies(id = "LX-ORGLIFE-7", level = "MUST", of = "OrgLife")
    void metByActivitiesOfThePeriod() {
        JsonObject june = compliance(village, "2025", "2025-06");
        String lecture = OrgLifeKit.lectureFrequency(june);
        assertEquals(village(lecture, 6, Map.of("东村党支部 ThemedPartyDay", List.of("2025-05"))), missing(june),
                "May: the activity of the committee, the one deleted, the study session and those of 2024 and 2026 count for nothing");
        assertEquals("6/5/1", counts(june, "ThemedPartyDay"));
        assertEquals("2/2/0", counts(june, "BranchGeneralMeeting"), "31 March and 1 April: one in each quarter");
        assertEquals("0/0/0", counts(june, "PartyGroupMeeting"));
        assertEquals(1, june.getInt("organizationsChecked"));
        assertEquals(0, june.getInt("compliant"));

        JsonObject december = compliance(village, "2025", "2025-12");
        assertEquals(village(lecture, 12, Map.of("东村党支部 ThemedPartyDay", List.of("2025-05", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"),
                "东村党支部 BranchGeneralMeeting", List.of("2025-Q3", "2025-Q4"), "东村党支部 DemocraticAppraisal", List.of("2025"))), missing(december),
                "the organizational-life meeting of 31 December meets the year");
        assertEquals("1/1/0", counts(december, "OrganizationalLifeMeeting"));
        assertEquals("1/0/1", counts(december, "DemocraticAppraisal"));
        assertEquals("4/2/1", counts(december, "BranchGeneralMeeting"));
    }

    @Test
    @DisplayName("an organization that missed nothing is compliant")
    @Verifies(id = "LX-ORGLIFE-7", level = "MUST", of = "OrgLife")
    void compliant() {
        JsonObject answer = compliance(model, "2025", "2025-02");
        assertEquals(Map.of(), missing(answer));
        assertEquals(1, answer.getInt("organizationsChecked"));
        assertEquals(1, answer.getInt("compliant"));
        assertEquals("2/2/0", counts(answer, "ThemedPartyDay"));
    }

    @Test
    @DisplayName("only periods ended by the end of through count: a quarter once its third month is through, the year once December is")
    @Verifies(id = "LX-ORGLIFE-8", level = "MUST", of = "OrgLife")
    void endedPeriods() {
        String lecture = OrgLifeKit.lectureFrequency(compliance(village, "2025", "2025-02"));
        JsonObject february = compliance(village, "2025", "2025-02");
        assertEquals("0/0/0", counts(february, "BranchGeneralMeeting"), "Q1 has not ended in February");
        assertEquals("2/2/0", counts(february, "ThemedPartyDay"));
        assertEquals(village(lecture, 2, Map.of()), missing(february));
        assertEquals("1/1/0", counts(compliance(village, "2025", "2025-03"), "BranchGeneralMeeting"), "Q1 with March");
        JsonObject may = compliance(village, "2025", "2025-05");
        assertEquals(village(lecture, 5, Map.of("东村党支部 ThemedPartyDay", List.of("2025-05"))), missing(may), "Q2 has not ended in May");
        assertEquals("1/1/0", counts(may, "BranchGeneralMeeting"));
        JsonObject november = compliance(village, "2025", "2025-11");
        assertEquals("0/0/0", counts(november, "OrganizationalLifeMeeting"), "the year has not ended in November");
        assertEquals("0/0/0", counts(november, "DemocraticAppraisal"));
        assertEquals("1/0/1", counts(compliance(village, "2025", "2025-12"), "DemocraticAppraisal"));
    }

    @Test
    @DisplayName("through after the year asked counts the whole year; through before it, or a year not yet begun, counts nothing")
    @Verifies(id = "LX-ORGLIFE-8", level = "MUST", of = "OrgLife")
    void throughOutsideTheYear() {
        JsonObject december = compliance(village, "2025", "2025-12");
        JsonObject later = compliance(village, "2025", "2026-03");
        assertEquals("2025-12", later.getString("through"), "capped at December of the year asked");
        assertEquals(missing(december), missing(later));
        assertEquals(december.getJsonArray("requirements"), later.getJsonArray("requirements"));
        JsonObject byDefault = compliance(village, "2025", null);
        assertEquals("2025-12", byDefault.getString("through"), "the last month ended in China, capped at December 2025");
        assertEquals(missing(december), missing(byDefault));
        for (JsonObject nothing : List.of(compliance(village, "2025", "2024-12"), compliance(village, "2099", null))) {
            assertEquals(Map.of(), missing(nothing), nothing.toString());
            assertEquals(1, nothing.getInt("organizationsChecked"), "the branch owes, and is counted: " + nothing);
            assertEquals(1, nothing.getInt("compliant"), "and misses nothing: " + nothing);
            for (String type : OrgLifeKit.REQUIREMENTS) {
                assertEquals("0/0/0", counts(nothing, type), type + " in " + nothing);
            }
        }
        assertFalse(missing(compliance(village, "2025", "2025-01")).containsKey("东村党支部 ThemedPartyDay"), "January was held");
    }
}
