package org.lianxin.conformance.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.Answers.assertRule;
import static org.lianxin.conformance.learning.LearningKit.course;
import static org.lianxin.conformance.Answers.listed;
import static org.lianxin.conformance.learning.LearningKit.publish;
import static org.lianxin.conformance.learning.LearningKit.published;
import static org.lianxin.conformance.Callers.secretaryOf;
import static org.lianxin.conformance.learning.LearningKit.today;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Callers;
import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Current;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * 16.2 to 16.4: the course record. A committee of the sandbox with two branches, and a second
 * committee beside it, publish and are refused courses as their secretaries; the list and the reads
 * must give exactly the courses the kit published, and a refused request must leave nothing behind.
 */
class CoursesTest {

    private static String committee;
    private static String branchA;
    private static String branchB;
    private static String beside;

    @BeforeAll
    static void organizations() {
        committee = Current.sandbox().newOrganization("课程测试县委", "CountyCommittee");
        branchA = Current.sandbox().newOrganization("东村党支部", "Branch", committee);
        branchB = Current.sandbox().newOrganization("西村党支部", "Branch", committee);
        beside = Current.sandbox().newOrganization("邻县县委", "CountyCommittee");
    }

    @Test
    @DisplayName("LX-LEARN-1 the node description lists the endpoints of Table 16.2")
    @Verifies(id = "LX-LEARN-1", level = "MUST", of = "Learning")
    void endpoints() {
        for (String[] rel : new String[][] {{"courses", "/courses"}, {"course-inbound", "/courses/inbound"}, {"study-records", "/study-records"},
                {"learning-statistics", "/statistics/learning"}}) {
            assertEquals(base() + rel[1], Kit.current().endpoint(rel[0]).orElse(null), "the endpoint " + rel[0]);
        }
    }

    @Test
    @DisplayName("LX-LEARN-2 a valid course is 201 with Location, Published, publishedAt and its targets; LX-LEARN-6 it is read and listed as stored, by state and publisher, and not outside the subtree; LX-LEARN-19 404 to a reader outside")
    @Verifies(id = "LX-LEARN-2", level = "MUST", of = "Learning")
    @Verifies(id = "LX-LEARN-6", level = "MUST", of = "Learning")
    @Verifies(id = "LX-LEARN-19", level = "MUST", of = "Learning")
    void storedAndListed() {
        String publisher = Current.sandbox().newOrganization("课程记录测试县委", "CountyCommittee");
        String branch = Current.sandbox().newOrganization("课程记录测试党支部", "Branch", publisher);
        JsonObject all = published(publisher, course(publisher, "学习贯彻党的二十届四中全会精神", today().plusDays(30), ""));
        assertEquals("Published", all.getString("courseState", ""));
        OffsetDateTime.parse(all.getString("publishedAt", ""));
        assertEquals(List.of(publisher), Answers.strings(all, "targets"), "no targets is the publisher's subtree");
        assertEquals("学习贯彻党的二十届四中全会精神", all.getString("name", ""), "Chinese byte for byte");
        assertEquals(45, LearningKit.integer(all, "expectedMinutes"));
        JsonObject some = published(publisher, course(publisher, "入党积极分子培训", today().plusDays(60),
                ", \"targets\": [\"" + branch + "\"], \"audience\": [\"Activists\", \"ProbationaryMembers\"]"));
        assertEquals(List.of(branch), Answers.strings(some, "targets"));
        assertEquals(Set.of("Activists", "ProbationaryMembers"), Set.copyOf(Answers.strings(some, "audience")));

        for (JsonObject course : List.of(all, some)) {
            Response read = Http.get(course.getString("id"), "Accept", LearningKit.JSON_LD, "Authorization", secretaryOf(publisher));
            assertEquals(200, read.status(), read.body());
            for (String key : List.of("id", "publishedBy", "name", "dueDate", "courseState", "expectedMinutes", "targets", "materials")) {
                assertEquals(course.get(key), read.json().get(key), "GET gives the course as stored: " + key);
            }
            assertEquals(OffsetDateTime.parse(course.getString("publishedAt")).toInstant(),
                    OffsetDateTime.parse(read.json().getString("publishedAt", "")).toInstant(), "publishedAt as stored");
            assertEquals(404, Http.get(course.getString("id"), "Accept", LearningKit.JSON_LD, "Authorization", secretaryOf(beside)).status(),
                    "LX-LEARN-19: a course is not readable outside the publisher's subtree");
        }
        String list = base() + "/courses?publishedBy=" + enc(publisher);
        assertEquals(Set.of(all.getString("id"), some.getString("id")), Set.copyOf(listed(list, secretaryOf(publisher))));
        assertEquals(Set.of(all.getString("id"), some.getString("id")), Set.copyOf(listed(list + "&state=Published", secretaryOf(publisher))));
        assertEquals(List.of(), listed(list + "&state=Withdrawn", secretaryOf(publisher)));
        assertEquals(List.of(), listed(list, secretaryOf(beside)), "not readable outside the publisher's subtree");
        assertEquals(400, Http.get(base() + "/courses?state=Draft", "Accept", LearningKit.JSON_LD, "Authorization", secretaryOf(publisher)).status(),
                "a state that is not of Table 16.5");
    }

    @Test
    @DisplayName("LX-LEARN-3 403 to a member and to a branch for its committee and another subtree, 422 course-publisher; LX-LEARN-4 course-target; LX-LEARN-5 course-due-date; LX-LEARN-2 422 for the shapes; nothing stored")
    @Verifies(id = "LX-LEARN-2", level = "MUST", of = "Learning")
    @Verifies(id = "LX-LEARN-3", level = "MUST", of = "Learning")
    @Verifies(id = "LX-LEARN-4", level = "MUST", of = "Learning")
    @Verifies(id = "LX-LEARN-5", level = "MUST", of = "Learning")
    void refusals() {
        LocalDate due = today().plusDays(20);
        List<String> before = listed(base() + "/courses?publishedBy=" + enc(committee), secretaryOf(committee));

        Response noMinutes = publish(committee, course(committee, "无学时", due, "").replace(", \"expectedMinutes\": 45", ""));
        assertEquals(422, noMinutes.status(), "no expectedMinutes breaks the shapes: " + noMinutes.body());
        assertFalse(noMinutes.json().getJsonArray("errors").isEmpty(), noMinutes.body());
        Response audience = publish(committee, course(committee, "对象有误", due, ", \"audience\": [\"Residents\"]"));
        assertEquals(422, audience.status(), "an audience not of Table 16.4: " + audience.body());
        Response badStudy = LearningKit.record("""
                {"@context": "%s", "type": "StudyRecord", "course": "%s/courses/x", "minutesStudied": 10}""".formatted(Sandbox.CONTEXT, base()),
                secretaryOf(branchA));
        assertEquals(422, badStudy.status(), "a study record without learner breaks the shapes: " + badStudy.body());

        String member = Kit.current().base() + "/members/" + Sandbox.uniqueId("m");
        assertEquals(403, Http.post(base() + "/courses", LearningKit.JSON_LD, course(committee, "党员无权发布", due, ""),
                "Authorization", Callers.memberToken(member)).status(), "LX-LEARN-3: a member publishes no course");
        assertEquals(403, publishAs(branchA, course(committee, "下级无权", due, "")).status(),
                "LX-LEARN-3: a branch secretary does not publish for its committee");
        assertEquals(403, publishAs(committee, course(beside, "越界发布", due, "")).status(),
                "LX-LEARN-3: a committee does not publish for another subtree");
        String notHeld = "http://localhost:9/nodes/elsewhere/organizations/" + Sandbox.uniqueId("o");
        assertRule(Http.post(base() + "/courses", LearningKit.JSON_LD, course(notHeld, "他节点组织", due, "")), 422, "course-publisher", "publishedBy",
                "LX-LEARN-3: a publisher the node does not hold");

        String besideBranch = Current.sandbox().newOrganization("邻县党支部", "Branch", beside);
        assertRule(publish(committee, course(committee, "越界对象", due, ", \"targets\": [\"" + besideBranch + "\"]")), 422, "course-target", "targets",
                "LX-LEARN-4: a target outside the publisher's subtree");
        assertRule(publish(committee, course(committee, "重叠对象", due, ", \"targets\": [\"" + committee + "\", \"" + branchA + "\"]")), 422,
                "course-target", "targets", "LX-LEARN-4: a target below another target");
        assertRule(publish(branchA, course(branchA, "兄弟支部", due, ", \"targets\": [\"" + branchB + "\"]")), 422, "course-target", "targets",
                "LX-LEARN-4: a target beside the publisher");
        assertRule(publish(committee, course(committee, "已过期", today().minusDays(1), "")), 422, "course-due-date", "dueDate",
                "LX-LEARN-5: due yesterday in China Standard Time");
        Response dueToday = publish(committee, course(committee, "当日截止", today(), ""));
        assertEquals(201, dueToday.status(), "LX-LEARN-5: due today is not before today: " + dueToday.body());

        List<String> after = listed(base() + "/courses?publishedBy=" + enc(committee), secretaryOf(committee));
        after.removeAll(before);
        assertEquals(List.of(dueToday.json().getString("id")), after, "a refused request stores nothing");
        Http.post(dueToday.json().getString("id") + "/withdraw", "application/json", "", "Authorization", secretaryOf(committee));
    }

    private static Response publishAs(String caller, String body) {
        return Http.post(base() + "/courses", LearningKit.JSON_LD, body, "Authorization", secretaryOf(caller));
    }

    @Test
    @DisplayName("LX-LEARN-7 the publisher withdraws a course (200, Withdrawn), a second withdrawal is 409 course-state, and the course leaves the members' course lists")
    @Verifies(id = "LX-LEARN-7", level = "MUST", of = "Learning")
    void withdrawn() {
        String member = LearningKit.member(branchA, "陈静", "FullMember");
        JsonObject course = published(committee, course(committee, "待撤回的课程", today().plusDays(15), ""));
        assertTrue(LearningKit.entry(LearningKit.courses(member), course.getString("id")).isPresent(), "the course is in the member's list");
        assertEquals(404, Http.post(course.getString("id") + "/withdraw", "application/json", "", "Authorization", secretaryOf(branchA)).status(),
                "a branch below neither reads nor withdraws its committee's course");
        Response withdraw = Http.post(course.getString("id") + "/withdraw", "application/json", "", "Accept", LearningKit.JSON_LD,
                "Authorization", secretaryOf(committee));
        assertEquals(200, withdraw.status(), withdraw.body());
        assertEquals("Withdrawn", withdraw.json().getString("courseState", ""));
        assertEquals(course.getString("name"), withdraw.json().getString("name", ""), "the course as stored");
        assertRule(Http.post(course.getString("id") + "/withdraw", "application/json", "", "Authorization", secretaryOf(committee)), 409,
                "course-state", "courseState", "a course Withdrawn already");
        assertTrue(LearningKit.entry(LearningKit.courses(member), course.getString("id")).isEmpty(), "a withdrawn course leaves every course list");
        assertEquals(0, Answers.getJson(LearningKit.statisticUrl(committee, "course=" + enc(course.getString("id"))), secretaryOf(committee))
                .getInt("assigned", -1), "and every statistic");
    }
}
