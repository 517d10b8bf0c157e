package org.lianxin.conformance.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.Answers.assertRule;
import static org.lianxin.conformance.learning.LearningKit.course;
import static org.lianxin.conformance.learning.LearningKit.courses;
import static org.lianxin.conformance.learning.LearningKit.entry;
import static org.lianxin.conformance.Callers.memberToken;
import static org.lianxin.conformance.learning.LearningKit.published;
import static org.lianxin.conformance.learning.LearningKit.record;
import static org.lianxin.conformance.Callers.secretaryOf;
import static org.lianxin.conformance.learning.LearningKit.study;
import static org.lianxin.conformance.learning.LearningKit.today;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Current;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/**
 * 16.5 to 16.8 on one node: members of every audience in two branches of a committee, courses of
 * the committee and of one branch, study records written by the members and their secretary; the
 * course lists and the completion statistic must give exactly what the kit computes from what it
 * wrote, and the refused writes must leave nothing behind.
 */
class StudyTest {

    private static String committee;
    private static String east;
    private static String west;
    private static String beside;
    private static Map<String, String> members;

    @BeforeAll
    static void members() {
        committee = Current.sandbox().newOrganization("学习测试县委", "CountyCommittee");
        east = Current.sandbox().newOrganization("东村党支部", "Branch", committee);
        west = Current.sandbox().newOrganization("西村党支部", "Branch", committee);
        beside = Current.sandbox().newOrganization("邻县县委", "CountyCommittee");
        members = Map.of("full", LearningKit.member(east, "王芳", "FullMember"),
                "probationary", LearningKit.member(east, "李明", "ProbationaryMember"),
                "activist", LearningKit.member(east, "张伟", "Activist"),
                "applicant", LearningKit.member(east, "刘洋", "Applicant"),
                "secretary", LearningKit.secretaryMember(east, "陈红"),
                "west", LearningKit.member(west, "赵强", "FullMember"));
    }

    private static boolean listed(String member, String course) {
        return entry(courses(member), course).isPresent();
    }

    @Test
    @DisplayName("LX-LEARN-8 a member is assigned a course that reaches their branch exactly when they are in one of its audiences (Table 16.4); LX-LEARN-14 the course list of a member gives exactly those, to the member and their secretary, 404 to others")
    @Verifies(id = "LX-LEARN-8", level = "MUST", of = "Learning")
    @Verifies(id = "LX-LEARN-14", level = "MUST", of = "Learning")
    void audiencesAndReach() {
        String all = published(committee, course(committee, "全体党员学习", today().plusDays(30), "")).getString("id");
        String probation = published(committee, course(committee, "预备党员教育", today().plusDays(30), ", \"audience\": [\"ProbationaryMembers\"]")).getString("id");
        String activists = published(committee, course(committee, "入党积极分子培训", today().plusDays(30), ", \"audience\": [\"Activists\"]")).getString("id");
        String secretaries = published(committee, course(committee, "支部书记轮训", today().plusDays(30), ", \"audience\": [\"Secretaries\"]")).getString("id");
        String eastOnly = published(committee, course(committee, "东村专题学习", today().plusDays(30), ", \"targets\": [\"" + east + "\"]")).getString("id");
        Map<String, Set<String>> expected = Map.of(
                "full", Set.of(all, eastOnly),
                "probationary", Set.of(all, probation, eastOnly),
                "activist", Set.of(activists),
                "applicant", Set.of(),
                "secretary", Set.of(all, secretaries, eastOnly),
                "west", Set.of(all));
        Set<String> ours = Set.of(all, probation, activists, secretaries, eastOnly);
        for (var e : expected.entrySet()) {
            JsonObject list = courses(members.get(e.getKey()));
            Set<String> got = new java.util.HashSet<>(list.getJsonArray("courses").stream().map(c -> c.asJsonObject().getString("id", "")).toList());
            got.retainAll(ours);
            assertEquals(e.getValue(), got, "the courses assigned to the " + e.getKey() + " member: " + list);
        }
        JsonObject full = entry(courses(members.get("full")), all).orElseThrow();
        assertEquals("NotStarted", full.getString("studyStatus", ""));
        assertEquals("全体党员学习", full.getString("name", ""));
        assertEquals(base(), full.getString("node", ""));
        assertEquals("学习测试县委", full.getString("publisherName", ""));
        assertFalse(full.getBoolean("overdue", true));
        assertTrue(entry(Answers.getJson(LearningKit.coursesUrl(members.get("full")), secretaryOf(east)), all).isPresent(),
                "the member's secretary reads the list");
        assertEquals(404, Http.get(LearningKit.coursesUrl(members.get("full")), "Accept", "application/json", "Authorization",
                memberToken(members.get("west"))).status(), "another member does not");
        assertEquals(404, Http.get(LearningKit.coursesUrl(members.get("full")), "Accept", "application/json", "Authorization",
                secretaryOf(beside)).status(), "nor a secretary outside the subtree");
    }

    @Test
    @DisplayName("LX-LEARN-10 the member and their secretary record study (201, Location, as stored) and replace it (200); LX-LEARN-12 once per member and course (409 study-record-exists with Location); LX-LEARN-13 read and listed by the learner and the secretary only; LX-LEARN-14 the list gives the status")
    @Verifies(id = "LX-LEARN-10", level = "MUST", of = "Learning")
    @Verifies(id = "LX-LEARN-12", level = "MUST", of = "Learning")
    @Verifies(id = "LX-LEARN-13", level = "MUST", of = "Learning")
    @Verifies(id = "LX-LEARN-14", level = "MUST", of = "Learning")
    void studyRecords() {
        String course = published(committee, course(committee, "学习党章", today().plusDays(20), "")).getString("id");
        String full = members.get("full");
        Response created = record(study(full, course, 30, false, ""), memberToken(full));
        assertEquals(201, created.status(), created.body());
        String iri = created.header("Location").orElseThrow();
        assertEquals(iri, created.json().getString("id", ""));
        assertTrue(iri.startsWith(base() + "/study-records/"), iri);
        assertEquals(30, LearningKit.integer(created.json(), "minutesStudied"));
        assertEquals("Started", entry(courses(full), course).orElseThrow().getString("studyStatus", ""));
        assertEquals(iri, entry(courses(full), course).orElseThrow().getString("studyRecord", ""));

        Response again = record(study(full, course, 45, false, ""), memberToken(full));
        assertRule(again, 409, "study-record-exists", "course", "LX-LEARN-12: a second record of the same course");
        assertEquals(iri, again.header("Location").orElse(""), "the Location of the existing record");

        String completedAt = OffsetDateTime.now(LearningKit.CHINA).minusMinutes(3).toString();
        Response replaced = Http.put(iri, LearningKit.JSON_LD, LearningKit.replacement(iri, full, course, 50, ", \"completedAt\": \"" + completedAt + "\", \"quizScore\": 95"),
                "Accept", LearningKit.JSON_LD, "Authorization", memberToken(full));
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(95, LearningKit.integer(replaced.json(), "quizScore"));
        JsonObject listedEntry = entry(courses(full), course).orElseThrow();
        assertEquals("Completed", listedEntry.getString("studyStatus", ""));
        assertEquals(OffsetDateTime.parse(completedAt).toInstant(), OffsetDateTime.parse(listedEntry.getString("completedAt", "")).toInstant());

        Response bySecretary = record(study(members.get("probationary"), course, 60, true, ""), secretaryOf(east));
        assertEquals(201, bySecretary.status(), "the secretary records for a member who studied offline: " + bySecretary.body());

        for (String reader : List.of(memberToken(full), secretaryOf(east), secretaryOf(committee))) {
            assertEquals(200, Http.get(iri, "Accept", LearningKit.JSON_LD, "Authorization", reader).status(), "readable by the learner and managers");
        }
        for (String stranger : List.of(memberToken(members.get("west")), secretaryOf(west), secretaryOf(beside))) {
            assertEquals(404, Http.get(iri, "Accept", LearningKit.JSON_LD, "Authorization", stranger).status(), "LX-LEARN-13: hidden from others");
        }
        assertEquals(List.of(iri), Answers.listed(base() + "/study-records?course=" + enc(course), memberToken(full)), "the member's own only");
        assertEquals(Set.of(iri, bySecretary.header("Location").orElseThrow()),
                Set.copyOf(Answers.listed(base() + "/study-records?course=" + enc(course), secretaryOf(east))), "the branch's");
        assertEquals(List.of(), Answers.listed(base() + "/study-records?course=" + enc(course), secretaryOf(west)), "none of another branch");
    }

    @Test
    @DisplayName("LX-LEARN-11 422 study-learner for another member or one outside the subtree, study-course for a course not in the learner's list, study-time for a completion in the future, study-fixed for a changed course; LX-LEARN-10 403 to a node operator; nothing stored")
    @Verifies(id = "LX-LEARN-11", level = "MUST", of = "Learning")
    @Verifies(id = "LX-LEARN-10", level = "MUST", of = "Learning")
    void refusals() {
        String course = published(committee, course(committee, "学习《条例》", today().plusDays(20), "")).getString("id");
        String westOnly = published(committee, course(committee, "西村专题", today().plusDays(20), ", \"targets\": [\"" + west + "\"]")).getString("id");
        String full = members.get("full");
        assertRule(record(study(members.get("west"), course, 10, false, ""), memberToken(full)), 422, "study-learner", "learner",
                "a member records her own study only");
        assertRule(record(study(full, course, 10, false, ""), secretaryOf(west)), 422, "study-learner", "learner",
                "a secretary of another branch does not see the learner");
        assertRule(record(study(full, westOnly, 10, false, ""), memberToken(full)), 422, "study-course", "course",
                "a course that does not reach the learner's branch");
        assertRule(record(study(members.get("activist"), course, 10, false, ""), memberToken(members.get("activist"))), 422, "study-course", "course",
                "a course whose audience leaves the learner out");
        assertRule(record(study(full, course, 10, false, ", \"completedAt\": \"" + OffsetDateTime.now(LearningKit.CHINA).plusHours(2) + "\""),
                memberToken(full)), 422, "study-time", "completedAt", "completed two hours from now");
        String operator = "Bearer " + org.lianxin.conformance.Kit.current().tokens().mint(jakarta.json.Json.createObjectBuilder()
                .add("sub", "lianxin-kit-operator").add("groups", jakarta.json.Json.createArrayBuilder().add("node-operator")).build());
        assertEquals(403, record(study(full, course, 10, false, ""), operator).status(), "a node operator records no study");
        assertEquals(List.of(), Answers.listed(base() + "/study-records?course=" + enc(course), secretaryOf(committee)), "nothing was stored");

        Response created = record(study(full, course, 10, false, ""), memberToken(full));
        assertEquals(201, created.status(), created.body());
        String other = published(committee, course(committee, "另一门课", today().plusDays(20), "")).getString("id");
        assertRule(Http.put(created.header("Location").orElseThrow(), LearningKit.JSON_LD,
                LearningKit.replacement(created.header("Location").orElseThrow(), full, other, 20, ""),
                "Authorization", memberToken(full)), 422, "study-fixed", "course", "a record keeps its course");
        assertEquals(10, LearningKit.integer(Http.get(created.header("Location").orElseThrow(), "Accept", LearningKit.JSON_LD, "Authorization",
                memberToken(full)).json(), "minutesStudied"), "the refused replacement stored nothing");
    }

    @Test
    @DisplayName("LX-LEARN-16 the completion statistic of a course and of a period counts exactly the assignments the kit made; 400 without course and period; LX-LEARN-19 404 outside the subtree and to a member; LX-LEARN-20 numbers only")
    @Verifies(id = "LX-LEARN-16", level = "MUST", of = "Learning")
    @Verifies(id = "LX-LEARN-19", level = "MUST", of = "Learning")
    @Verifies(id = "LX-LEARN-20", level = "MUST NOT", of = "Learning")
    void statistic() {
        String organization = Current.sandbox().newOrganization("统计测试县委", "CountyCommittee");
        String branch = Current.sandbox().newOrganization("统计测试党支部", "Branch", organization);
        String a = LearningKit.member(branch, "孙丽", "FullMember");
        String b = LearningKit.member(branch, "周杰", "FullMember");
        LearningKit.member(branch, "吴敏", "ProbationaryMember");
        LearningKit.member(branch, "郑涛", "Activist");
        java.time.LocalDate due = today().plusDays(400);
        String course = published(organization, course(organization, "学习新党章", due, "")).getString("id");
        assertEquals(201, record(study(a, course, 60, true, ""), memberToken(a)).status());
        assertEquals(201, record(study(b, course, 20, false, ""), memberToken(b)).status());

        JsonObject byCourse = Answers.getJson(LearningKit.statisticUrl(organization, "course=" + enc(course)), secretaryOf(organization));
        assertEquals(List.of(4, 3, 1, 1, 1, 0), counts(byCourse), "members, assigned, completed, started, notStarted, overdue: " + byCourse);
        assertEquals(course, byCourse.getString("course", ""));
        assertEquals(List.of(organization), Answers.strings(byCourse, "organizations"));
        assertTrue(byCourse.getJsonObject("completeness").getBoolean("complete"), byCourse.toString());
        assertEquals(0.3333, byCourse.getJsonNumber("completionRate").doubleValue(), 0.00005);
        JsonObject byPeriod = Answers.getJson(LearningKit.statisticUrl(organization, "period=" + due.toString().substring(0, 7)),
                secretaryOf(organization));
        assertEquals(List.of(4, 3, 1, 1, 1, 0), counts(byPeriod), "the only course due in the month: " + byPeriod);
        JsonObject otherYear = Answers.getJson(LearningKit.statisticUrl(organization, "period=" + due.minusYears(1).getYear()),
                secretaryOf(organization));
        assertEquals(List.of(4, 0, 0, 0, 0, 0), counts(otherYear), "no course due in the year before: " + otherYear);
        for (String text : List.of(byCourse.toString(), byPeriod.toString())) {
            assertFalse(text.contains("/members/") || text.contains("孙丽") || text.contains("周杰"), "LX-LEARN-20: numbers only: " + text);
        }

        assertEquals(400, Http.get(LearningKit.statisticUrl(organization, "scope=local"), "Accept", "application/json", "Authorization",
                secretaryOf(organization)).status(), "neither course nor period");
        assertEquals(400, Http.get(LearningKit.statisticUrl(organization, "course=" + enc(course) + "&period=2025"), "Accept", "application/json",
                "Authorization", secretaryOf(organization)).status(), "both");
        assertEquals(404, Http.get(LearningKit.statisticUrl(organization, "course=" + enc(course)), "Accept", "application/json", "Authorization",
                secretaryOf(beside)).status(), "LX-LEARN-19: outside the caller's subtree");
        assertEquals(404, Http.get(LearningKit.statisticUrl(organization, "course=" + enc(course)), "Accept", "application/json", "Authorization",
                memberToken(a)).status(), "LX-LEARN-19: a member reads no statistic");
    }

    private static List<Integer> counts(JsonObject s) {
        return List.of(s.getInt("members", -1), s.getInt("assigned", -1), s.getInt("completed", -1), s.getInt("started", -1),
                s.getInt("notStarted", -1), s.getInt("overdue", -1));
    }
}
