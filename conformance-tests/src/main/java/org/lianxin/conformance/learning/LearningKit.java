package org.lianxin.conformance.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.lianxin.conformance.Callers;
import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Current;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * What the Learning tests share (spec chapter 16): course and study record bodies as a client writes
 * them, members of each audience, the course list and the completion statistic as their readers
 * read them, and the problem reports' rules.
 */
final class LearningKit {

    static final String JSON_LD = "application/ld+json";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private LearningKit() {}

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** A course body of {@code publisher}; {@code extra} is added as it is (", \"audience\": [...]"). */
    static String course(String publisher, String name, LocalDate due, String extra) {
        return """
                {"@context": "%s", "type": "Course", "publishedBy": "%s", "name": "%s", "description": "在线学习，完成后参加测验。",
                 "materials": ["https://example.org/learning/%s"], "expectedMinutes": 45, "dueDate": "%s"%s}"""
                .formatted(Sandbox.CONTEXT, publisher, name, Sandbox.uniqueId("m"), due, extra);
    }

    /** POST {base}/courses as a secretary of {@code publisher}. */
    static Response publish(String publisher, String body) {
        return Http.post(base() + "/courses", JSON_LD, body, "Accept", JSON_LD, "Authorization", Callers.secretaryOf(publisher));
    }

    /** The same, which must answer 201 with the Location of the course; the course as stored. */
    static JsonObject published(String publisher, String body) {
        Response created = publish(publisher, body);
        assertEquals(201, created.status(), () -> "POST /courses of a valid course: " + created.body());
        JsonObject course = created.json();
        assertEquals(course.getString("id", ""), created.header("Location").orElse(""), "the Location is the IRI of the new course");
        assertTrue(course.getString("id", "").startsWith(base() + "/courses/"), course.getString("id", ""));
        return course;
    }

    /** A study record body. */
    static String study(String learner, String course, int minutes, boolean completed, String extra) {
        return """
                {"@context": "%s", "type": "StudyRecord", "learner": "%s", "course": "%s", "minutesStudied": %d%s%s}"""
                .formatted(Sandbox.CONTEXT, learner, course, minutes,
                        completed ? ", \"completedAt\": \"" + OffsetDateTime.now(CHINA).minusMinutes(10) + "\"" : "", extra);
    }

    /** POST {base}/study-records as {@code authorization}. */
    static Response record(String body, String authorization) {
        return Http.post(base() + "/study-records", JSON_LD, body, "Accept", JSON_LD, "Authorization", authorization);
    }

    /** A new member of {@code branch} at {@code stage}: FullMember, ProbationaryMember, Activist or Applicant. */
    static String member(String branch, String name, String stage) {
        String body = Current.sandbox().memberBody(name, branch);
        String dates = "\"applicationDate\": \"2005-03-01\", \"activistDate\": \"2005-09-01\", \"candidateDate\": \"2006-10-01\",\n"
                + " \"admissionDate\": \"2007-07-01\", \"fullMembershipDate\": \"2008-07-01\"";
        if (!body.contains(dates)) {
            fail("the kit's member body changed: " + body);
        }
        String kept = switch (stage) {
            case "ProbationaryMember" -> "\"applicationDate\": \"2022-03-01\", \"activistDate\": \"2022-09-01\", \"candidateDate\": \"2023-10-01\", "
                    + "\"admissionDate\": \"" + today().minusMonths(3) + "\"";
            case "Activist" -> "\"applicationDate\": \"2023-03-01\", \"activistDate\": \"2023-09-01\"";
            case "Applicant" -> "\"applicationDate\": \"2024-03-01\"";
            default -> dates;
        };
        return Current.sandbox().newMemberFrom(body.replace(dates, kept).replace("\"stage\": \"FullMember\"", "\"stage\": \"" + stage + "\""));
    }

    /** A full member of {@code branch} holding the post Secretary of it since 2020. */
    static String secretaryMember(String branch, String name) {
        String body = Current.sandbox().memberBody(name, branch).replace("\"stage\": \"FullMember\",", """
                "stage": "FullMember", "memberships": [{"type": "Membership", "organization": "%s", "post": "Secretary",
                 "memberDuring": {"type": "Interval", "startDate": "2020-01-01"}}],""".formatted(branch));
        return Current.sandbox().newMemberFrom(body);
    }

    static String coursesUrl(String member) {
        return base() + "/members/" + member.substring(member.lastIndexOf('/') + 1) + "/courses";
    }

    /** The course list of {@code member}, read by the member themself. */
    static JsonObject courses(String member) {
        return Answers.getJson(coursesUrl(member), Callers.memberToken(member));
    }

    /** The entry of {@code course} in a course list, if it is there. */
    static Optional<JsonObject> entry(JsonObject list, String course) {
        return list.getJsonArray("courses").stream().map(JsonValue::asJsonObject).filter(c -> c.getString("id", "").equals(course)).findFirst();
    }

    static String statisticUrl(String organization, String query) {
        return base() + "/statistics/learning?organization=" + enc(organization) + "&" + query;
    }

    /** An integer of a record as JSON-LD gives it: a number, or a string holding one (xsd:integer compacted); -1 when absent. */
    static int integer(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof jakarta.json.JsonNumber n) {
            return n.intValueExact();
        }
        return v instanceof JsonString s ? Integer.parseInt(s.getString()) : -1;
    }

    /** A study record body for a PUT of {@code iri}: the record named by the request's URL (LX-CORE-18). */
    static String replacement(String iri, String learner, String course, int minutes, String extra) {
        return study(learner, course, minutes, false, extra).replaceFirst("\\{", "{\"id\": \"" + iri + "\", ");
    }

}
