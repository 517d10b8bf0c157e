package org.lianxin.client;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * Remote education（远程教育, spec chapter 16, class Learning). An organization publishes a course
 * for its subtree once; the members it reaches find it in their {@link #courses(String) course list}
 * beside those of every other level; what a member studied is a {@link StudyRecord} of the member's
 * node; the {@link #completion(String, String) completion statistic} counts, never names.
 *
 * <pre>{@code
 * Course course = client.learning().publish(county, "学习贯彻全会精神", 90, LocalDate.of(2026, 6, 30)).audience("AllMembers").execute();
 * StudyRecord studied = member.learning().study(me, course.id(), 40).execute();
 * member.learning().study(me, course.id(), 95).completedAt(OffsetDateTime.now()).quizScore(92).replace(studied.id());
 * LearningCompletion c = client.learning().completion(county, course.id());   // assigned, completed, started, overdue
 * }</pre>
 */
public final class Learning {
    private static final String CLASS = "Learning";
    private final LianxinClient client;

    Learning(LianxinClient client) {
        this.client = client;
    }

    /**
     * A course of {@code publishedBy}, an organization of this node, to publish with {@code execute()}.
     *
     * @param publishedBy     the publisher's IRI
     * @param name            the title, 1 to 200 characters
     * @param expectedMinutes the minutes it is expected to take, 1 to 6,000
     * @param dueDate         the day it is due, not before today in China
     * @return the draft, to which targets, description, materials and audiences can be added
     */
    public CourseDraft publish(String publishedBy, String name, int expectedMinutes, LocalDate dueDate) {
        return new CourseDraft(publishedBy, name, expectedMinutes, dueDate);
    }

    /**
     * The course {@code course}, readable by the secretaries and administrators of its publisher's subtree.
     *
     * @param course its IRI
     * @return the course as stored; a {@link ProblemException} 404 when the caller may not read it
     */
    public Course read(String course) {
        client.requireClass(CLASS);
        return Course.of(client.get(course));
    }

    /**
     * The courses published on this node that the caller may read, filtered, page after page.
     *
     * @return the list, to filter and stream
     */
    public CourseList list() {
        return new CourseList(client);
    }

    /**
     * Withdraws the course (its publisher): it leaves every course list and statistic at once; the
     * study records of it stay. A 409 {@link ProblemException} (LX-LEARN-7) when it is withdrawn already.
     *
     * @param course its IRI
     * @return the course as stored, Withdrawn
     */
    public Course withdraw(String course) {
        client.requireClass(CLASS);
        return Course.of(client.post(course + "/withdraw", "application/json", "", 200));
    }

    /**
     * What {@code learner} studied of {@code course}, to record with {@code execute()} or to replace
     * an existing record with {@code replace(iri)}; written by the member or by a secretary of the
     * member's branch for a member who studied offline.
     *
     * @param learner        the member, an IRI of this node
     * @param course         the course, an IRI of any node, from the member's course list
     * @param minutesStudied the minutes studied, 0 to 100,000
     * @return the draft, to which a completion and a quiz score can be added
     */
    public StudyDraft study(String learner, String course, int minutesStudied) {
        return new StudyDraft(learner, course, minutesStudied);
    }

    /**
     * The study record {@code studyRecord}, readable by its learner and whoever may read the learner.
     *
     * @param studyRecord its IRI
     * @return the record as stored
     */
    public StudyRecord studyRecord(String studyRecord) {
        client.requireClass(CLASS);
        return StudyRecord.of(client.get(studyRecord));
    }

    /**
     * The study records the caller may read, filtered, page after page.
     *
     * @return the list, to filter and stream
     */
    public StudyRecordList studyRecords() {
        return new StudyRecordList(client);
    }

    /**
     * The courses {@code member} is assigned today, of every level, each with what the member did of
     * it (spec 16.7); its completeness says whether the nodes above answered.
     *
     * @param member the member, an IRI of this node
     * @return the course list
     */
    public MemberCourses courses(String member) {
        client.requireClass(CLASS);
        return MemberCourses.of(client.get(Objects.requireNonNull(member, "member") + "/courses"));
    }

    /**
     * {@link #courses(String)} on the client's executor.
     *
     * @param member the member, an IRI of this node
     * @return the course list, when read
     */
    public CompletableFuture<MemberCourses> coursesAsync(String member) {
        return client.async(() -> courses(member));
    }

    /**
     * The completion of {@code course} over {@code organization}'s whole subtree; a
     * {@link PartialAnswerException} when a node below did not answer. {@code client.statistics().learning()}
     * takes several organizations, a period, the local scope and partial answers.
     *
     * @param organization the organization, an IRI or its id on this node
     * @param course       the course's IRI
     * @return the statistic
     */
    public LearningCompletion completion(String organization, String course) {
        return client.statistics().learning().organization(organization).course(course).subtree().execute();
    }

    /** A course to publish: the required keys, and the optional ones as set. */
    public final class CourseDraft {
        private final String publishedBy;
        private final String name;
        private final int expectedMinutes;
        private final LocalDate dueDate;
        private String description;
        private final List<String> targets = new ArrayList<>();
        private final List<String> materials = new ArrayList<>();
        private final List<String> audience = new ArrayList<>();

        private CourseDraft(String publishedBy, String name, int expectedMinutes, LocalDate dueDate) {
            this.publishedBy = Objects.requireNonNull(publishedBy, "publishedBy");
            this.name = Objects.requireNonNull(name, "name");
            this.expectedMinutes = expectedMinutes;
            this.dueDate = Objects.requireNonNull(dueDate, "dueDate");
        }

        /**
         * The organizations whose subtrees the course is for, at or below the publisher; the publisher's subtree when none.
         *
         * @param organizations their IRIs
         * @return this draft
         */
        public CourseDraft targets(String... organizations) {
            targets.addAll(List.of(organizations));
            return this;
        }

        /**
         * Its summary, at most 2,000 characters.
         *
         * @param description the summary
         * @return this draft
         */
        public CourseDraft description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Links to its materials: a video, a document, a page of a learning platform.
         *
         * @param links their IRIs
         * @return this draft
         */
        public CourseDraft materials(String... links) {
            materials.addAll(List.of(links));
            return this;
        }

        /**
         * Who in the subtrees it is for: AllMembers (unless set), ProbationaryMembers, Activists, Secretaries.
         *
         * @param audiences codes of Table 16.4
         * @return this draft
         */
        public CourseDraft audience(String... audiences) {
            audience.addAll(List.of(audiences));
            return this;
        }

        /**
         * Publishes the course; never retried.
         *
         * @return the course as stored, Published; a {@link ProblemException} naming each rule it breaks (LX-LEARN-2 to LX-LEARN-5)
         */
        public Course execute() {
            client.requireClass(CLASS);
            JsonObjectBuilder body = Json.createObjectBuilder().add("@context", LianxinClient.CONTEXT).add("type", "Course")
                    .add("publishedBy", publishedBy).add("name", name).add("expectedMinutes", expectedMinutes).add("dueDate", dueDate.toString());
            if (description != null) {
                body.add("description", description);
            }
            if (!targets.isEmpty()) {
                body.add("targets", Json.createArrayBuilder(targets));
            }
            if (!materials.isEmpty()) {
                body.add("materials", Json.createArrayBuilder(materials));
            }
            if (!audience.isEmpty()) {
                body.add("audience", Json.createArrayBuilder(audience));
            }
            return Course.of(client.post(client.base() + "/courses", "application/ld+json", body.build().toString(), 201));
        }

        /**
         * {@link #execute()} on the client's executor.
         *
         * @return the course, when published
         */
        public CompletableFuture<Course> executeAsync() {
            return client.async(this::execute);
        }
    }

    /** A study record to write: minutes, and a completion and score as set. */
    public final class StudyDraft {
        private final String learner;
        private final String course;
        private final int minutesStudied;
        private OffsetDateTime completedAt;
        private Integer quizScore;

        private StudyDraft(String learner, String course, int minutesStudied) {
            this.learner = Objects.requireNonNull(learner, "learner");
            this.course = Objects.requireNonNull(course, "course");
            this.minutesStudied = minutesStudied;
        }

        /**
         * When the member completed the course, not after now.
         *
         * @param at the instant
         * @return this draft
         */
        public StudyDraft completedAt(OffsetDateTime at) {
            this.completedAt = Objects.requireNonNull(at, "at");
            return this;
        }

        /**
         * The quiz score.
         *
         * @param score 0 to 100
         * @return this draft
         */
        public StudyDraft quizScore(int score) {
            this.quizScore = score;
            return this;
        }

        /**
         * Records it, the first record of the learner and the course; never retried. A 409
         * {@link ProblemException} (LX-LEARN-12) when they have one: {@link #replace(String)} it.
         *
         * @return the record as stored
         */
        public StudyRecord execute() {
            client.requireClass(CLASS);
            return StudyRecord.of(client.post(client.base() + "/study-records", "application/ld+json", json(null), 201));
        }

        /**
         * {@link #execute()} on the client's executor.
         *
         * @return the record, when stored
         */
        public CompletableFuture<StudyRecord> executeAsync() {
            return client.async(this::execute);
        }

        /**
         * Replaces the study record {@code studyRecord} of the same learner and course (more minutes, a
         * completion, a score); retried after 429 and 503, as the same PUT twice gives the same record.
         *
         * @param studyRecord its IRI
         * @return the record as stored; a {@link ProblemException} 422 (LX-LEARN-11) for another learner or course
         */
        public StudyRecord replace(String studyRecord) {
            client.requireClass(CLASS);
            return StudyRecord.of(client.put(studyRecord, "application/ld+json", json(Objects.requireNonNull(studyRecord, "studyRecord")), true));
        }

        private String json(String id) {
            JsonObjectBuilder body = Json.createObjectBuilder().add("@context", LianxinClient.CONTEXT).add("type", "StudyRecord")
                    .add("learner", learner).add("course", course).add("minutesStudied", minutesStudied);
            if (id != null) {
                body.add("id", id);
            }
            if (completedAt != null) {
                body.add("completedAt", completedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
            if (quizScore != null) {
                body.add("quizScore", quizScore);
            }
            return body.build().toString();
        }
    }

    /** {@code GET {base}/courses} with the filters of Table 16.7. */
    public static final class CourseList extends RecordList<CourseList, Course> {
        private CourseList(LianxinClient client) {
            super(client, CLASS, client.base() + "/courses", Course::of);
        }

        /**
         * Only courses in this state.
         *
         * @param state Published or Withdrawn
         * @return this list
         */
        public CourseList state(String state) {
            return filter("state", state);
        }

        /**
         * Only courses of this publisher.
         *
         * @param organization its IRI
         * @return this list
         */
        public CourseList publishedBy(String organization) {
            return filter("publishedBy", organization);
        }
    }

    /** {@code GET {base}/study-records} with its filters (LX-LEARN-13). */
    public static final class StudyRecordList extends RecordList<StudyRecordList, StudyRecord> {
        private StudyRecordList(LianxinClient client) {
            super(client, CLASS, client.base() + "/study-records", StudyRecord::of);
        }

        /**
         * Only the records of this member.
         *
         * @param member its IRI
         * @return this list
         */
        public StudyRecordList learner(String member) {
            return filter("learner", member);
        }

        /**
         * Only the records of this course.
         *
         * @param course its IRI
         * @return this list
         */
        public StudyRecordList course(String course) {
            return filter("course", course);
        }
    }
}
