package org.lianxin.node.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.client.Course;
import org.lianxin.client.LearningCompletion;
import org.lianxin.client.LianxinClient;
import org.lianxin.client.MemberCourses;
import org.lianxin.client.ProblemException;
import org.lianxin.client.StudyRecord;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;

/**
 * {@code client.learning()} and {@code client.statistics().learning()} (spec chapter 16) against the
 * reference node's {@code sdk} node over HTTP, in a county of the test's own with one branch and two
 * full members: one studies and completes, the other does not start.
 */
class SdkLearningIT {

    private static final String NODE = NodeClient.serverUrl() + "/nodes/sdk";
    private static String county;
    private static String branch;
    private static String studious;
    private static String idle;

    @BeforeAll
    static void tree() {
        county = Trees.organizationOn(NODE, "柳河县委", "CountyCommittee", NodeClient.top(NODE));
        branch = Trees.organizationOn(NODE, "柳河县南村党支部", "Branch", county);
        studious = Trees.memberOn(NODE, "郑淑芬", branch);
        idle = Trees.memberOn(NODE, "冯志强", branch);
    }

    private static LianxinClient admin() {
        return LianxinClient.builder(NODE).tokens(() -> NodeClient.token(NODE)).build();
    }

    @Test
    @DisplayName("a course published for the county reaches its members; one studies, is refused a second record (LX-LEARN-12), completes with a score; the course list and the completion statistic say 2 assigned, 1 completed, 1 not started; withdrawn, it leaves the list and is refused a second withdrawal (LX-LEARN-7)")
    void publishStudyCountWithdraw() throws Exception {
        LianxinClient admin = admin();
        LianxinClient member = LianxinClient.builder(NODE).tokens(() -> NodeClient.memberToken(studious)).build();
        String title = "学习贯彻全会精神「专题」𠀀";
        Course course = admin.learning().publish(county, title, 90, LocalDate.of(2045, 12, 31)).description("全县党员在线学习全会公报。")
                .materials("https://example.org/learning/plenum/video").audience("AllMembers").executeAsync().get();
        assertEquals("Published", course.courseState());
        assertEquals(List.of(county), course.targets(), "no targets: the publisher's subtree");
        assertEquals(title, course.name(), "character for character");
        assertEquals(90, course.expectedMinutes());
        assertEquals(List.of("AllMembers"), course.audience());
        assertTrue(course.publishedAt().isPresent());
        assertEquals(course.id(), admin.learning().read(course.id()).id());
        assertEquals(List.of(course.id()), admin.learning().list().publishedBy(county).state("Published").pageSize(1).stream().map(Course::id).toList());

        MemberCourses before = member.learning().courses(studious);
        MemberCourses.Item item = before.course(course.id()).orElseThrow(() -> new AssertionError(before.toString()));
        assertEquals("NotStarted", item.studyStatus());
        assertEquals("柳河县委", item.publisherName());
        assertTrue(before.complete());

        StudyRecord started = member.learning().study(studious, course.id(), 40).execute();
        assertEquals(40, started.minutesStudied());
        assertFalse(started.completed());
        ProblemException twice = assertThrows(ProblemException.class, () -> member.learning().study(studious, course.id(), 50).execute());
        assertEquals(409, twice.status());
        assertEquals(List.of("LX-LEARN-12"), twice.requirements());
        OffsetDateTime done = OffsetDateTime.now().minusMinutes(1).withNano(0);
        StudyRecord completed = member.learning().study(studious, course.id(), 95).completedAt(done).quizScore(92).replace(started.id());
        assertEquals(started.id(), completed.id());
        assertEquals(95, completed.minutesStudied());
        assertEquals(Optional.of(92), completed.quizScore());
        assertEquals(done.toInstant(), OffsetDateTime.parse(completed.completedAt().orElseThrow()).toInstant());
        assertEquals(completed.minutesStudied(), admin.learning().studyRecord(started.id()).minutesStudied());
        assertEquals(List.of(started.id()), admin.learning().studyRecords().learner(studious).course(course.id()).stream().map(StudyRecord::id).toList());

        MemberCourses after = member.learning().coursesAsync(studious).get();
        assertEquals("Completed", after.course(course.id()).orElseThrow().studyStatus());
        assertEquals(Optional.of(started.id()), after.course(course.id()).orElseThrow().studyRecord());
        assertEquals(1, admin.learning().courses(idle).toStudy());

        LearningCompletion completion = admin.learning().completion(county, course.id());
        assertEquals(2, completion.members());
        assertEquals(2, completion.assigned());
        assertEquals(1, completion.completed());
        assertEquals(0, completion.started());
        assertEquals(1, completion.notStarted());
        assertEquals(0, completion.overdue());
        assertEquals(0, new BigDecimal("0.5").compareTo(completion.completionRate()));
        assertEquals(Optional.of(course.id()), completion.course());
        assertEquals("subtree", completion.scope());
        assertTrue(completion.completeness().complete());
        LearningCompletion byPeriod = admin.statistics().learning().organization(branch).period("2045-12").execute();
        assertEquals("local", byPeriod.scope());
        assertEquals(2, byPeriod.assigned());
        assertEquals(1, byPeriod.completed());
        assertThrows(IllegalStateException.class, () -> admin.statistics().learning().organization(county).execute(), "neither course nor period");

        Course withdrawn = admin.learning().withdraw(course.id());
        assertTrue(withdrawn.withdrawn());
        ProblemException again = assertThrows(ProblemException.class, () -> admin.learning().withdraw(course.id()));
        assertEquals(409, again.status());
        assertEquals(List.of("LX-LEARN-7"), again.requirements());
        assertTrue(member.learning().courses(studious).course(course.id()).isEmpty(), "a withdrawn course leaves the list");
        assertEquals(0, admin.learning().completion(county, course.id()).assigned());
        assertEquals(List.of(course.id()), admin.learning().list().publishedBy(county).state("Withdrawn").stream().map(Course::id).toList());
    }

    @Test
    @DisplayName("a course due yesterday is refused with the rule course-due-date (LX-LEARN-5)")
    void pastDueDate() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> admin().learning().publish(county, "过期课程", 30, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1)).execute());
        assertEquals(422, refused.status());
        assertEquals(List.of("LX-LEARN-5"), refused.requirements());
    }
}
