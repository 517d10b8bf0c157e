package org.lianxin.conformance.pipeline;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lianxin.conformance.pipeline.PipelineKit.JSON_LD;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.pipeline.PipelineKit.body;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.pipeline.PipelineKit.extension;
import static org.lianxin.conformance.pipeline.PipelineKit.request;
import static org.lianxin.conformance.pipeline.PipelineKit.sponsors;
import static org.lianxin.conformance.pipeline.PipelineKit.step;
import static org.lianxin.conformance.pipeline.PipelineKit.training;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;
import org.lianxin.conformance.pipeline.PipelineKit.Dates;

/**
 * 11.4: the rules check what a write changes. A created record — an import, a member arriving by
 * transfer — keeps its history as given, and a write that leaves the dates and extensions as they
 * were is not refused for them, however the history broke the rules.
 */
class HistoryTest {

    /** Every rule of 11.4 broken: a candidate after five months, one sponsor, 2 hours, a late approval, a vote before the end, two extensions. */
    private static final Dates BROKEN = new Dates("2020-01-10", "2020-02-01", "2020-06-01", "2020-09-01", "2021-01-01");
    private static String branch;
    private static String sponsor;

    @BeforeAll
    static void branch() {
        branch = Current.sandbox().newBranch();
        sponsor = PipelineKit.fullMember("介绍人", branch);
    }

    private static String[] brokenSteps() {
        return new String[] {sponsors("2020-08-01", sponsor), training("2020-08-15", "2"), PipelineKit.dated("AdmissionVote", "2020-09-01"),
                PipelineKit.dated("AdmissionApproval", "2021-06-01"), extension("2020-10-01", 3), extension("2020-11-01", 20),
                PipelineKit.dated("ConfirmationVote", "2020-12-01"), PipelineKit.dated("ConfirmationApproval", "2021-06-01")};
    }

    @Test
    @DisplayName("a full member created with a history that breaks every rule of 11.4 is created, and replaced with the same dates and steps")
    @Verifies(id = "LX-PIPELINE-10", level = "MUST NOT", of = "Pipeline")
    void createdAndReplaced() {
        String member = PipelineKit.member("历史档案", branch, "FullMember", BROKEN, brokenSteps());
        Response replaced = PipelineKit.put(member, body("历史档案改名", branch, "FullMember", BROKEN, brokenSteps())
                .replace("13800138000", "13900139000"));
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals("历史档案改名", PipelineKit.read(member).json().getString("name"));
    }

    @Test
    @DisplayName("a PUT to an id that holds no record creates the member with its broken history")
    @Verifies(id = "LX-PIPELINE-10", level = "MUST NOT", of = "Pipeline")
    void createdByPut() {
        String iri = Current.sandbox().track(base() + "/members/" + Sandbox.uniqueId("kit"));
        Response created = PipelineKit.put(iri, body("历史导入", branch, "FullMember", BROKEN, brokenSteps()));
        assertEquals(201, created.status(), created.body());
    }

    @Test
    @DisplayName("a probationary member created with a broken history takes the next step: only what the step changes is checked")
    @Verifies(id = "LX-PIPELINE-10", level = "MUST NOT", of = "Pipeline")
    void stepOverABrokenHistory() {
        Dates dates = new Dates("2020-01-10", "2020-02-01", "2020-06-01", "2025-06-01", null);
        String member = PipelineKit.member("转入党员", branch, "ProbationaryMember", dates, sponsors("2020-08-01", sponsor),
                training("2020-08-15", "2"), PipelineKit.dated("AdmissionApproval", "2024-01-01"), extension("2025-07-01", 3), extension("2025-08-01", 20));
        Response voted = step(member, request("ConfirmationVote", "2026-10-10"));
        assertEquals(200, voted.status(), voted.body());
        assertEquals("ProbationaryMember", voted.json().getString("stage"));
    }

    @Test
    @DisplayName("a member with a broken history created by a batch is created")
    @Verifies(id = "LX-PIPELINE-10", level = "MUST NOT", of = "Pipeline")
    void createdByBatch() {
        String batchBranch = Current.sandbox().newBranch();
        JsonObject member = Json.createReader(new StringReader(body("批量导入", batchBranch, "FullMember", BROKEN, brokenSteps()))).readObject();
        String batch = Json.createObjectBuilder().add("@context", Sandbox.CONTEXT)
                .add("@graph", Json.createArrayBuilder().add(Json.createObjectBuilder(member).remove("@context"))).build().toString();
        Response answer = Http.post(base() + "/members/batch", JSON_LD, batch, "Accept", "application/json");
        JsonObject listed = Http.get(base() + "/members?limit=100&branch=" + enc(batchBranch), "Accept", JSON_LD).expect(200).json();
        listed.getJsonArray("items").stream().map(JsonValue::asJsonObject).forEach(i -> Current.sandbox().track(i.getString("id")));
        assertEquals(200, answer.status(), answer.body());
        assertEquals(1, answer.json().getInt("created", -1), answer.body());
        assertEquals(1, listed.getJsonArray("items").size(), listed.toString());
    }
}
