package org.lianxin.conformance.orglife;

import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.sandbox;
import static org.lianxin.conformance.Current.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * What the OrgLife tests share: activities of the sandbox's organizations (POST {base}/activities,
 * tracked for the clean-up), members, and the compliance statistic read as the kit's administrator.
 */
final class OrgLifeKit {

    static final String JSON_LD = "application/ld+json";
    static final String TOPIC = "学习贯彻党的二十届三中全会精神";

    /** The requirements of Table 12.4, in its order. */
    static final List<String> REQUIREMENTS = List.of("BranchGeneralMeeting", "BranchCommitteeMeeting", "PartyGroupMeeting", "PartyLecture",
            "ThemedPartyDay", "OrganizationalLifeMeeting", "DemocraticAppraisal");

    private OrgLifeKit() {}




    /** An activity body; {@code extra} is added as it is (", \"minutes\": ..."). */
    static String body(String heldBy, String type, String day, String extra) {
        return """
                {"@context": "%s", "type": "Activity", "activityType": "%s", "heldBy": "%s", "startDate": "%s",
                 "topic": "%s"%s}""".formatted(Sandbox.CONTEXT, type, heldBy, day, TOPIC, extra);
    }

    /** POST {base}/activities; a record created is tracked for the clean-up. */
    static Response post(String body, String... headers) {
        Response answer = Http.post(base() + "/activities", JSON_LD, body, headers);
        if (answer.status() == 201) {
            answer.header("Location").ifPresent(sandbox()::track);
        }
        return answer;
    }

    /** A new activity, which the node must create; its IRI. */
    static String activity(String heldBy, String type, String day) {
        return activity(body(heldBy, type, day, ""));
    }

    static String activity(String body) {
        Response created = post(body);
        assertEquals(201, created.status(), () -> "the kit could not create an activity: " + created.status() + " " + created.body());
        return created.header("Location").orElseThrow(() -> new AssertionError("201 without Location"));
    }

    /** {@code n} new full members of {@code branch}; the last one's IRI. */
    static String fullMembers(String branch, int n, String name) {
        String last = null;
        for (int i = 0; i < n; i++) {
            last = sandbox().newMemberFrom(sandbox().memberBody(name + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10), branch));
        }
        return last;
    }

    /** A new probationary member of {@code branch}, admitted in 2007; its IRI. */
    static String probationaryMember(String branch, String name) {
        return sandbox().newMemberFrom(sandbox().memberBody(name, branch).replace("\"stage\": \"FullMember\"", "\"stage\": \"ProbationaryMember\"")
                .replace(", \"fullMembershipDate\": \"2008-07-01\"", ""));
    }

    static String url(String organization, String year, String through, String scope) {
        return base() + "/statistics/compliance?organization=" + enc(organization) + "&year=" + year
                + (through == null ? "" : "&through=" + through) + (scope == null ? "" : "&scope=" + scope);
    }

    /** The compliance statistic of this node alone (scope=local), which must answer 200. */
    static JsonObject compliance(String organization, String year, String through) {
        Response answer = Http.get(url(organization, year, through, "local"), "Accept", "application/json");
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.mediaType().equals("application/json"), "the statistic is application/json: " + answer.mediaType());
        return answer.json();
    }

    /** The missing periods of an answer, as "name activityType" → periods. */
    static Map<String, List<String>> missing(JsonObject answer) {
        Map<String, List<String>> missing = new TreeMap<>();
        for (JsonValue v : answer.getJsonArray("missing")) {
            JsonObject m = v.asJsonObject();
            String key = m.getString("name") + " " + m.getString("activityType");
            assertTrue(!missing.containsKey(key), "one entry per organization and requirement: " + key);
            missing.put(key, m.getJsonArray("periods").getValuesAs(JsonString::getString));
        }
        return missing;
    }

    /** The entry of {@code type} in requirements. */
    static JsonObject requirement(JsonObject answer, String type) {
        return answer.getJsonArray("requirements").stream().map(JsonValue::asJsonObject).filter(r -> type.equals(r.getString("activityType", "")))
                .findFirst().orElseThrow(() -> new AssertionError("no requirement " + type + " in " + answer));
    }

    /** required, met and organizationsMissing of a requirement, as "required/met/missing". */
    static String counts(JsonObject answer, String type) {
        JsonObject r = requirement(answer, type);
        return r.getInt("required") + "/" + r.getInt("met") + "/" + r.getInt("organizationsMissing");
    }

    /** The party lecture's frequency in the answer (policy, Table 12.4). */
    static String lectureFrequency(JsonObject answer) {
        return requirement(answer, "PartyLecture").getString("frequency");
    }

    /** The periods of {@code year} of a frequency that have ended by the end of month {@code through} (1 to 12). */
    static List<String> periods(String frequency, int year, int through) {
        List<String> periods = new java.util.ArrayList<>();
        int step = switch (frequency) {
            case "Monthly" -> 1;
            case "Quarterly" -> 3;
            case "Yearly" -> 12;
            default -> throw new AssertionError("not a frequency of Table 12.4: " + frequency);
        };
        for (int last = step; last <= through; last += step) {
            periods.add(switch (frequency) {
                case "Monthly" -> String.format("%d-%02d", year, last);
                case "Quarterly" -> year + "-Q" + (last / 3);
                default -> Integer.toString(year);
            });
        }
        return periods;
    }

    /** The period of a frequency a month (1 to 12) of {@code year} falls in. */
    static String period(String frequency, int year, int month) {
        return switch (frequency) {
            case "Monthly" -> String.format("%d-%02d", year, month);
            case "Quarterly" -> year + "-Q" + ((month - 1) / 3 + 1);
            default -> Integer.toString(year);
        };
    }
}
