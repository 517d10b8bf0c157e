package org.lianxin.conformance.pipeline;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lianxin.conformance.pipeline.PipelineKit.JSON_LD;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.pipeline.PipelineKit.body;
import static org.lianxin.conformance.pipeline.PipelineKit.read;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.pipeline.PipelineKit.Dates;

/** 11.3: developmentSteps are blank nodes of type DevelopmentStep with step, date, sponsors, hours and months as the shapes say. */
class StepShapesTest {

    private static final Dates DATES = Dates.candidate("2024-03-01");
    private static String branch;
    private static String sponsor;

    @BeforeAll
    static void branch() {
        branch = Current.sandbox().newBranch();
        sponsor = PipelineKit.fullMember("介绍人", branch);
    }

    private static Response create(String step) {
        Response answer = Http.post(base() + "/members", JSON_LD, body("形状检查", branch, "DevelopmentCandidate", DATES, step));
        answer.header("Location").filter(l -> answer.status() == 201).ifPresent(Current.sandbox()::track);
        return answer;
    }

    @Test
    @DisplayName("the control: a record with well-formed steps of every kind is created")
    @Verifies(id = "LX-PIPELINE-2", level = "MUST", of = "Pipeline")
    void wellFormed() {
        String member = PipelineKit.member("形状检查", branch, "DevelopmentCandidate", DATES, PipelineKit.dated("Talk", "2020-02-01"),
                PipelineKit.sponsors("2025-01-10", sponsor), PipelineKit.training("2025-01-11", "12.5"),
                PipelineKit.dated("AdmissionVote", "2025-01-12"));
        assertEquals(4, PipelineKit.steps(read(member).json()).size(), read(member).body());
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a member record whose developmentSteps break the development-step shapes is refused with 422")
    @ValueSource(strings = {
            "{\"type\": \"DevelopmentStep\", \"step\": \"Picnic\", \"date\": \"2025-01-10\"}",
            "{\"type\": \"DevelopmentStep\", \"step\": \"Talk\"}",
            "{\"type\": \"DevelopmentStep\", \"date\": \"2025-01-10\"}",
            "{\"type\": \"DevelopmentStep\", \"step\": \"Talk\", \"date\": [\"2025-01-10\", \"2025-01-11\"]}",
            "{\"type\": \"DevelopmentStep\", \"step\": [\"Talk\", \"AdmissionVote\"], \"date\": \"2025-01-10\"}",
            "{\"type\": \"DevelopmentStep\", \"step\": \"Talk\", \"date\": \"2025-02-30\"}",
            "{\"type\": \"DevelopmentStep\", \"step\": \"Training\", \"date\": \"2025-01-10\", \"hours\": -1}",
            "{\"type\": \"DevelopmentStep\", \"step\": \"Training\", \"date\": \"2025-01-10\", \"hours\": [8, 16]}",
            "{\"type\": \"DevelopmentStep\", \"step\": \"ProbationExtension\", \"date\": \"2025-01-10\", \"months\": [6, 7]}",
            "{\"type\": \"DevelopmentStep\", \"step\": \"Sponsors\", \"date\": \"2025-01-10\", \"sponsors\": [\"http://lianxin.invalid/m/1\", \"http://lianxin.invalid/m/2\", \"http://lianxin.invalid/m/3\"]}",
            "{\"step\": \"Talk\", \"date\": \"2025-01-10\"}"})
    @Verifies(id = "LX-PIPELINE-2", level = "MUST", of = "Pipeline")
    void malformedSteps(String step) {
        Response answer = create(step);
        assertEquals(422, answer.status(), answer.body());
    }

    @Test
    @DisplayName("a PUT, or a step request, that writes a malformed step is refused with 422 and changes nothing")
    @Verifies(id = "LX-PIPELINE-2", level = "MUST", of = "Pipeline")
    void malformedOnReplaceAndStep() {
        String member = PipelineKit.member("形状检查", branch, "DevelopmentCandidate", DATES);
        String before = read(member).body();
        Response replaced = PipelineKit.put(member, body("形状检查", branch, "DevelopmentCandidate", DATES,
                "{\"type\": \"DevelopmentStep\", \"step\": \"Picnic\", \"date\": \"2025-01-10\"}"));
        assertEquals(422, replaced.status(), replaced.body());
        Response stepped = PipelineKit.step(member, "{\"step\": \"Training\", \"date\": \"2025-01-10\", \"hours\": -5}");
        assertEquals(422, stepped.status(), stepped.body());
        assertEquals(before, read(member).body(), "nothing was written");
    }
}
