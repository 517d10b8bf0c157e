package org.lianxin.node.development;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;

/** The development pipeline through the node's API (spec chapter 11): steps, the stage they lead to, the rules, the due list. */
class DevelopmentIT {

    private static final String NODE = NodeClient.nodeBase();

    /** The stage dates of a full member in {@link Fixtures#member}. */
    private static final String DATES = "\"applicationDate\": \"[0-9-]+\",\\s*\"activistDate\": \"[0-9-]+\", \"candidateDate\": \"[0-9-]+\","
            + "\\s*\"admissionDate\": \"[0-9-]+\", \"fullMembershipDate\": \"[0-9-]+\"";

    private static String branch() {
        String iri = NODE + "/organizations/" + Fixtures.uniqueId("dev-branch");
        HttpResponse<String> put = NodeClient.put(iri, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization("青山县发展党员试点党支部", "Branch", NodeClient.top()), iri));
        assertEquals(201, put.statusCode(), put.body());
        return iri;
    }

    /** An applicant of {@code branch} who applied on {@code applied}; its IRI. */
    private static String applicant(String branch, String name, String applied) {
        String body = Fixtures.member(name, branch).replace("\"stage\": \"FullMember\"", "\"stage\": \"Applicant\"")
                .replaceAll(DATES, "\"applicationDate\": \"" + applied + "\"");
        HttpResponse<String> created = NodeClient.post(NODE + "/members", Fixtures.JSON_LD, body);
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    private static String fullMember(String branch, String name) {
        HttpResponse<String> created = NodeClient.post(NODE + "/members", Fixtures.JSON_LD, Fixtures.member(name, branch));
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    private static HttpResponse<String> step(String member, String json) {
        return NodeClient.post(member + "/development", "application/json", json);
    }

    private static JsonObject stepped(String member, String json) {
        HttpResponse<String> answer = step(member, json);
        assertEquals(200, answer.statusCode(), answer.body());
        return NodeClient.json(answer);
    }

    @Test
    @DisplayName("LX-PIPELINE-1 the node claims Pipeline; LX-PIPELINE-11 each step moves the stage as Table 11.4 says, and a step out of order is 409; LX-PIPELINE-3 LX-PIPELINE-6 a step the rules refuse is 422 and changes nothing")
    void fromApplicationToFullMembership() {
        JsonObject description = NodeClient.json(NodeClient.get(NODE + "/.well-known/lianxin", "application/json"));
        assertTrue(description.getJsonArray("conformanceClasses").contains(jakarta.json.Json.createValue("Pipeline")));
        assertTrue(description.getJsonArray("endpoints").stream().anyMatch(e -> e.asJsonObject().getString("rel").equals("development-due")
                && e.asJsonObject().getString("href").equals(NODE + "/development/due")));

        String branch = branch();
        String s1 = fullMember(branch, "介绍人甲");
        String s2 = fullMember(branch, "介绍人乙");
        String member = applicant(branch, "申请人欧阳", "2021-03-01");

        assertEquals(409, step(member, "{\"step\": \"CandidateDesignation\", \"date\": \"2022-01-01\"}").statusCode(), "an applicant is not yet an activist");
        stepped(member, "{\"step\": \"Talk\", \"date\": \"2021-03-20\"}");
        assertEquals("Activist", stepped(member, "{\"step\": \"ActivistDesignation\", \"date\": \"2021-09-30\"}").getString("stage"));

        HttpResponse<String> early = step(member, "{\"step\": \"CandidateDesignation\", \"date\": \"2022-09-29\"}");
        assertEquals(422, early.statusCode(), early.body());
        assertTrue(early.body().contains("activist-one-year"), early.body());
        JsonObject unchanged = NodeClient.json(NodeClient.get(member, Fixtures.JSON_LD));
        assertEquals("Activist", unchanged.getString("stage"), "nothing was written");
        assertEquals(2, unchanged.getJsonArray("developmentSteps").size());

        JsonObject candidate = stepped(member, "{\"step\": \"CandidateDesignation\", \"date\": \"2022-09-30\"}");
        assertEquals("DevelopmentCandidate", candidate.getString("stage"));
        assertEquals("2022-09-30", candidate.getString("candidateDate"));
        stepped(member, "{\"step\": \"Sponsors\", \"date\": \"2022-10-10\", \"sponsors\": [\"" + s1 + "\", \"" + s2 + "\"]}");
        stepped(member, "{\"step\": \"Training\", \"date\": \"2022-11-01\", \"hours\": 24}");
        stepped(member, "{\"step\": \"AdmissionVote\", \"date\": \"2022-11-30\"}");
        HttpResponse<String> late = step(member, "{\"step\": \"AdmissionApproval\", \"date\": \"2023-03-01\"}");
        assertEquals(422, late.statusCode(), late.body());
        assertTrue(late.body().contains("approval-within-3-months"), late.body());
        JsonObject probationary = stepped(member, "{\"step\": \"AdmissionApproval\", \"date\": \"2023-02-28\"}");
        assertEquals("ProbationaryMember", probationary.getString("stage"));
        assertEquals("2022-11-30", probationary.getString("admissionDate"), "probation counts from the vote");

        assertEquals(409, step(member, "{\"step\": \"ConfirmationApproval\", \"date\": \"2023-12-01\"}").statusCode(), "no vote yet");
        stepped(member, "{\"step\": \"ConfirmationVote\", \"date\": \"2023-11-30\"}");
        JsonObject full = stepped(member, "{\"step\": \"ConfirmationApproval\", \"date\": \"2024-01-15\"}");
        assertEquals("FullMember", full.getString("stage"));
        assertEquals("2023-11-30", full.getString("fullMembershipDate"));
        assertEquals(9, full.getJsonArray("developmentSteps").size(), "the dated record of every step");
    }

    @Test
    @DisplayName("LX-PIPELINE-2 development steps that break their shapes are refused with 422 naming LX-PIPELINE-2; a malformed step request is 400")
    void stepShapes() {
        String branch = branch();
        String member = applicant(branch, "形状检查", "2022-03-01");
        HttpResponse<String> read = NodeClient.get(member, Fixtures.JSON_LD, "Lianxin-Purpose", "test");
        String record = read.body().replaceFirst("\\}\\s*$", ", \"developmentSteps\": [{\"type\": \"DevelopmentStep\", \"step\": \"Talk\", \"date\": \"2023-02-30\"}]}");
        HttpResponse<String> bad = NodeClient.put(member, Fixtures.JSON_LD, record);
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("LX-PIPELINE-2"), bad.body());
        assertEquals(400, step(member, "{\"step\": \"Sponsors\", \"date\": \"2023-01-01\", \"sponsors\": [1, 2]}").statusCode());
        assertEquals(400, step(member, "{\"step\": \"Picnic\", \"date\": \"2023-01-01\"}").statusCode());
    }

    @Test
    @DisplayName("LX-PIPELINE-9 an extension of 6 to 12 months, once, moves the end of the probation; LX-PIPELINE-7 full membership then on the later day")
    void extension() {
        String branch = branch();
        String member = NodeClient.post(NODE + "/members", Fixtures.JSON_LD, Fixtures.member("预备党员诸葛", branch)
                .replace("\"stage\": \"FullMember\"", "\"stage\": \"ProbationaryMember\"")
                .replaceAll(DATES, "\"applicationDate\": \"2021-03-01\", \"activistDate\": \"2021-09-01\", \"candidateDate\": \"2022-10-01\","
                        + " \"admissionDate\": \"2024-02-29\"")).headers().firstValue("Location").orElseThrow();
        assertEquals(422, step(member, "{\"step\": \"ProbationExtension\", \"date\": \"2025-02-20\", \"months\": 13}").statusCode());
        stepped(member, "{\"step\": \"ProbationExtension\", \"date\": \"2025-02-20\", \"months\": 6}");
        HttpResponse<String> again = step(member, "{\"step\": \"ProbationExtension\", \"date\": \"2025-03-20\", \"months\": 6}");
        assertEquals(422, again.statusCode());
        assertTrue(again.body().contains("extension-once"), again.body());
        HttpResponse<String> tooEarly = step(member, "{\"step\": \"ConfirmationVote\", \"date\": \"2025-02-28\"}");
        assertEquals(200, tooEarly.statusCode(), "a vote is recorded; it does not confirm before the probation ends");
        assertEquals(422, step(member, "{\"step\": \"ConfirmationApproval\", \"date\": \"2025-03-15\"}").statusCode());
        stepped(member, "{\"step\": \"ConfirmationVote\", \"date\": \"2025-08-29\"}");
        JsonObject full = stepped(member, "{\"step\": \"ConfirmationApproval\", \"date\": \"2025-09-10\"}");
        assertEquals("2025-08-29", full.getString("fullMembershipDate"), "2024-02-29 + 18 months");
    }

    @Test
    @DisplayName("LX-PIPELINE-12 the due list names who is due for the next step and who is overdue; LX-PIPELINE-13 only for the caller's subtree")
    void dueList() {
        String branch = branch();
        String applicant = applicant(branch, "待谈话者", "2026-01-31");
        String activist = applicant(branch, "积极分子", "2024-01-01");
        stepped(activist, "{\"step\": \"ActivistDesignation\", \"date\": \"2025-02-28\"}");
        assertEquals(List.of(), due(branch, "2026-01-30"), "nothing due before the application");
        assertEquals(List.of("待谈话者 Talk false"), due(branch, "2026-02-27"));
        assertEquals(List.of("待谈话者 Talk false", "积极分子 CandidateDesignation false"), due(branch, "2026-02-28"));
        assertEquals(List.of("待谈话者 Talk true", "积极分子 CandidateDesignation false"), due(branch, "2026-03-01"));
        HttpResponse<String> stranger = NodeClient.get(NODE + "/development/due?organization=" + enc(branch), "application/json",
                "Authorization", "Bearer " + NodeClient.tokenFor(NODE + "/organizations/elsewhere", "secretary"));
        assertEquals(404, stranger.statusCode());
        HttpResponse<String> member = NodeClient.get(NODE + "/development/due?organization=" + enc(branch), "application/json",
                "Authorization", "Bearer " + NodeClient.memberToken(applicant));
        assertEquals(404, member.statusCode());
    }

    private static List<String> due(String branch, String on) {
        HttpResponse<String> answer = NodeClient.get(NODE + "/development/due?organization=" + enc(branch) + "&on=" + on, "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
        return NodeClient.json(answer).getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .map(i -> i.getString("name") + " " + i.getString("next") + " " + i.getBoolean("overdue")).toList();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
