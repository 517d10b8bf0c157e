package org.lianxin.conformance.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.probes.ProbeNode;

/**
 * 7.9: subtree statistics against the ground truth of the members the kit wrote: a committee with
 * a branch and a sub-committee with a branch, four live members and a deleted one, and a probe
 * child under the sub-committee reporting 7 members.
 */
class StatisticsTest extends FederationSupport {

    /** What the kit wrote, by grouping: the key of each live member. */
    private record Written(String stage, String gender, String ethnicity, String education, String band, String orgType, String under) {

        String key(String groupBy) {
            return switch (groupBy) {
                case "stage" -> stage;
                case "gender" -> gender;
                case "ethnicity" -> ethnicity;
                case "education" -> education;
                case "ageBand" -> band;
                case "orgType" -> orgType;
                case "childOrganization" -> under;
                default -> "";
            };
        }
    }

    private static String sandboxOrganization;
    private static String committee;
    private static String subCommittee;
    private static final List<Written> WRITTEN = new ArrayList<>();

    /** Writes the members once per run (per sandbox). */
    private static synchronized void write() {
        if (sandbox().organization().equals(sandboxOrganization)) {
            return;
        }
        WRITTEN.clear();
        String c = sandbox().newOrganization("统计省委", "ProvincialCommittee");
        String branch = sandbox().newOrganization("统计省委机关党支部", "Branch", c);
        String sub = sandbox().newOrganization("统计市委", "MunicipalCommittee", c);
        String joint = sandbox().newOrganization("统计市直联合党支部", "JointBranch", sub);
        member("王建国", branch, "FullMember", true, "汉族", "Postgraduate", 58, "51-60", "Branch", branch);
        member("李娜", branch, "ProbationaryMember", false, "回族", "Undergraduate", 33, "31-40", "Branch", branch);
        member("张伟", joint, "Activist", true, "壮族", "JuniorCollege", 27, "0-30", "JointBranch", sub);
        member("刘洋", joint, "Applicant", false, "汉族", null, 75, "71+", "JointBranch", sub);
        String gone = sandbox().newMemberFrom(memberBody("赵敏", joint, "FullMember", false, "汉族", null, 45));
        assertEquals(204, Http.delete(gone).status(), "the kit could not delete its member " + gone);
        subCommittee = sub;
        committee = c;
        sandboxOrganization = sandbox().organization();
    }

    private static void member(String name, String branch, String stage, boolean male, String ethnicity, String education, int age,
                               String band, String orgType, String under) {
        sandbox().newMemberFrom(memberBody(name, branch, stage, male, ethnicity, education, age));
        WRITTEN.add(new Written(stage, male ? "Male" : "Female", ethnicity, education == null ? "" : education, band, orgType, under));
    }

    private ProbeNode probe;

    private JsonObject statistic(String query) {
        Timed answer = query(base() + "/statistics/members?organization=" + encode(committee) + query);
        assertEquals(200, answer.status(), answer.body());
        assertEquals("application/json", answer.response().mediaType());
        return answer.json();
    }

    private ProbeNode probeChild() {
        write();
        probe = registered(probe(subCommittee)).count(7);
        return probe;
    }

    private static Map<String, Long> groups(JsonObject answer) {
        Map<String, Long> groups = new TreeMap<>();
        answer.getJsonArray("groups").stream().map(JsonValue::asJsonObject)
                .forEach(g -> groups.put(g.getString("key"), g.getJsonNumber("count").longValue()));
        return groups;
    }

    private Map<String, Long> expected(String groupBy, boolean withProbe) {
        Map<String, Long> counts = new TreeMap<>();
        WRITTEN.forEach(w -> counts.merge(w.key(groupBy), 1L, Long::sum));
        if (withProbe) {
            String key = switch (groupBy) {
                case "stage" -> "FullMember";
                case "childOrganization" -> subCommittee;
                default -> "";
            };
            counts.merge(key, probe.count(), Long::sum);
        }
        return counts;
    }

    @ParameterizedTest(name = "groupBy={0}")
    @ValueSource(strings = {"none", "stage", "gender", "ethnicity", "education", "ageBand", "orgType", "childOrganization"})
    @DisplayName("the subtree statistic has the members of Table 7.16 and counts the live members of the node and those the child counted")
    @Verifies(id = "LX-FED-39", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-40", level = "MUST", of = "Federation")
    void theStatisticCountsTheSubtree(String groupBy) {
        probeChild();
        JsonObject answer = statistic("&groupBy=" + groupBy);
        assertEquals(List.of(committee), answer.getJsonArray("organizations").getValuesAs(JsonString::getString), answer.toString());
        JsonObject description = Http.get(base() + "/.well-known/lianxin", "Accept", "application/ld+json").expect(200).json();
        assertEquals(description.getJsonArray("authoritativeFor").getValuesAs(JsonString::getString),
                answer.getJsonArray("roots").getValuesAs(JsonString::getString), "roots as in the node's authoritativeFor");
        assertEquals(groupBy, answer.getString("groupBy", ""));
        assertEquals("subtree", answer.getString("scope", ""));
        List<String> keys = answer.getJsonArray("groups").stream().map(g -> g.asJsonObject().getString("key")).toList();
        assertEquals(keys.stream().sorted().toList(), keys, "groups in the order of their keys");
        assertEquals(expected(groupBy, true), groups(answer), answer.toString());
        assertEquals(expected(groupBy, true).values().stream().mapToLong(Long::longValue).sum(), answer.getJsonNumber("total").longValue());
        assertTrue(answer.getJsonObject("completeness").getBoolean("complete"), answer.toString());
    }

    @Test
    @DisplayName("without groupBy and scope the statistic is of scope subtree and groupBy none; given twice, an organization counts once")
    @Verifies(id = "LX-FED-39", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-40", level = "MUST", of = "Federation")
    void defaultsAndOverlappingOrganizations() {
        probeChild();
        JsonObject answer = statistic("&organization=" + encode(subCommittee));
        assertEquals("none", answer.getString("groupBy", ""));
        assertEquals("subtree", answer.getString("scope", ""));
        assertEquals(List.of(committee, subCommittee), answer.getJsonArray("organizations").getValuesAs(JsonString::getString));
        assertEquals(expected("none", true), groups(answer), "each member counted once: " + answer);
    }

    @Test
    @DisplayName("the child is asked once, with Table 7.17's parameters; with scope=local nothing is asked and only the node's members count")
    @Verifies(id = "LX-FED-41", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-40", level = "MUST", of = "Federation")
    void theChildIsAskedForNumbersOnly() {
        ProbeNode child = probeChild();
        int before = child.requests().size();
        statistic("&groupBy=gender");
        statistic("&groupBy=childOrganization");
        List<ProbeNode.Request> asked = child.requests().subList(before, child.requests().size());
        assertEquals(2, asked.size(), "one request per query to the in-scope child, and no other: " + asked);
        for (int i = 0; i < 2; i++) {
            ProbeNode.Request request = asked.get(i);
            assertEquals("GET /statistics/members", request.method() + " " + request.path(), request.toString());
            assertEquals(Map.of("organization", child.root(), "groupBy", i == 0 ? "gender" : "none", "scope", "subtree", "partial", "true"),
                    parameters(request.query()), request.toString());
            assertTrue(request.header("Accept").contains("application/json"), request.toString());
        }

        JsonObject local = statistic("&groupBy=stage&scope=local");
        assertEquals("local", local.getString("scope", ""));
        assertEquals(expected("stage", false), groups(local), local.toString());
        assertEquals(before + 2, child.requests().size(), "a request to the child for scope=local");
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new TreeMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }
}
