package org.lianxin.conformance.pipeline;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.pipeline.PipelineKit.read;
import static org.lianxin.conformance.pipeline.PipelineKit.refusedUnchanged;
import static org.lianxin.conformance.pipeline.PipelineKit.request;
import static org.lianxin.conformance.pipeline.PipelineKit.step;
import static org.lianxin.conformance.pipeline.PipelineKit.stepped;
import static org.lianxin.conformance.pipeline.PipelineKit.steps;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.json.JsonObject;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.pipeline.PipelineKit.Dates;

/** 11.2, 11.3: the node description, and the step request of Table 11.4 — each step's stage and date, and the steps it refuses. */
class StepsTest {

    private static String branch;
    private static String s1;
    private static String s2;

    @BeforeAll
    static void branch() {
        branch = Current.sandbox().newBranch();
        s1 = PipelineKit.fullMember("介绍人甲", branch);
        s2 = PipelineKit.fullMember("介绍人乙", branch);
    }

    @Test
    @DisplayName("the node description lists the endpoint development-due at {base}/development/due")
    @Verifies(id = "LX-PIPELINE-1", level = "MUST", of = "Pipeline")
    void endpoint() {
        assertEquals(base() + "/development/due", Kit.current().endpoint("development-due").orElse(null), "the href of rel development-due");
    }

    @Test
    @DisplayName("each step from application to full membership is added with its date and moves the stage and sets the date of Table 11.4")
    @Verifies(id = "LX-PIPELINE-11", level = "MUST", of = "Pipeline")
    void fromApplicationToFullMembership() {
        String member = PipelineKit.member("欧阳申请人", branch, "Applicant", Dates.applicant("2021-03-01"));

        JsonObject talked = stepped(member, request("Talk", "2021-03-20"));
        assertEquals("Applicant", talked.getString("stage"));
        assertEquals("欧阳申请人", talked.getString("name"), "the name as stored, byte for byte");
        assertEquals(List.of("Talk 2021-03-20"), steps(talked));

        JsonObject activist = stepped(member, request("ActivistDesignation", "2021-09-30"));
        assertEquals("Activist", activist.getString("stage"));
        assertEquals("2021-09-30", activist.getString("activistDate"));

        JsonObject candidate = stepped(member, request("CandidateDesignation", "2022-09-30"));
        assertEquals("DevelopmentCandidate", candidate.getString("stage"));
        assertEquals("2022-09-30", candidate.getString("candidateDate"));

        JsonObject sponsored = stepped(member, "{\"step\": \"Sponsors\", \"date\": \"2022-10-10\", \"sponsors\": [\"" + s1 + "\", \"" + s2 + "\"]}");
        assertEquals("DevelopmentCandidate", sponsored.getString("stage"));
        assertTrue(sponsored.toString().contains(s1) && sponsored.toString().contains(s2), "the sponsors are in the step: " + sponsored);
        assertEquals("DevelopmentCandidate", stepped(member, "{\"step\": \"Training\", \"date\": \"2022-11-01\", \"hours\": 24}").getString("stage"));
        stepped(member, request("AdmissionVote", "2022-09-30"));
        JsonObject voted = stepped(member, request("AdmissionVote", "2022-11-30"));
        assertEquals("DevelopmentCandidate", voted.getString("stage"));
        assertFalse(voted.containsKey("admissionDate"), "a vote alone admits nobody");

        JsonObject probationary = stepped(member, request("AdmissionApproval", "2023-02-28"));
        assertEquals("ProbationaryMember", probationary.getString("stage"));
        assertEquals("2022-11-30", probationary.getString("admissionDate"), "the probation counts from the latest AdmissionVote, not from the approval");

        JsonObject confirmationVote = stepped(member, request("ConfirmationVote", "2023-11-30"));
        assertEquals("ProbationaryMember", confirmationVote.getString("stage"));
        JsonObject full = stepped(member, request("ConfirmationApproval", "2024-01-15"));
        assertEquals("FullMember", full.getString("stage"));
        assertEquals("2023-11-30", full.getString("fullMembershipDate"), "the end of the probation, a year after the admission");
        assertEquals(List.of("ActivistDesignation 2021-09-30", "AdmissionApproval 2023-02-28", "AdmissionVote 2022-09-30", "AdmissionVote 2022-11-30",
                "CandidateDesignation 2022-09-30", "ConfirmationApproval 2024-01-15", "ConfirmationVote 2023-11-30", "Sponsors 2022-10-10",
                "Talk 2021-03-20", "Training 2022-11-01"), steps(full), "every step, dated, in the record");
        assertEquals(full.getString("fullMembershipDate"), read(member).json().getString("fullMembershipDate"), "the answer is the record as stored");
    }

    @Test
    @DisplayName("after an extension of the probation, ConfirmationApproval sets fullMembershipDate to the extended end: leap day plus 18 months")
    @Verifies(id = "LX-PIPELINE-11", level = "MUST", of = "Pipeline")
    void extendedProbation() {
        String member = PipelineKit.member("诸葛预备", branch, "ProbationaryMember", Dates.probationary("2024-02-29"));
        assertEquals("ProbationaryMember", stepped(member, "{\"step\": \"ProbationExtension\", \"date\": \"2025-02-20\", \"months\": 6}").getString("stage"));
        stepped(member, request("ConfirmationVote", "2025-08-29"));
        JsonObject full = stepped(member, request("ConfirmationApproval", "2025-09-10"));
        assertEquals("FullMember", full.getString("stage"));
        assertEquals("2025-08-29", full.getString("fullMembershipDate"), "2024-02-29 + 12 + 6 months");
    }

    @Test
    @DisplayName("the answer to a step request is the record as stored in the media type Accept selects: Turtle")
    @Verifies(id = "LX-PIPELINE-11", level = "MUST", of = "Pipeline")
    void answerInTurtle() {
        String member = PipelineKit.member("图灵申请人", branch, "Applicant", Dates.applicant("2024-05-06"));
        Response answer = Http.post(member + "/development", "application/json", request("ActivistDesignation", "2024-11-06"),
                "Accept", "text/turtle");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("text/turtle", answer.mediaType());
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8))).lang(Lang.TURTLE).base(member).parse(graph);
        Node subject = NodeFactory.createURI(member);
        String lx = "https://w3id.org/lianxin/ns#";
        assertTrue(graph.contains(subject, NodeFactory.createURI(lx + "stage"), NodeFactory.createURI(lx + "Activist")),
                answer.body());
        assertTrue(graph.contains(subject, NodeFactory.createURI(lx + "activistDate"),
                NodeFactory.createLiteralDT("2024-11-06", XSDDatatype.XSDdate)), answer.body());
        assertTrue(graph.contains(Node.ANY, NodeFactory.createURI(lx + "stepType"),
                NodeFactory.createURI(lx + "ActivistDesignation")), answer.body());
        assertTrue(answer.body().contains("图灵申请人"), "the name byte for byte: " + answer.body());
        assertEquals("Activist", read(member).json().getString("stage"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @DisplayName("a step Table 11.4 does not allow for the member's stage and steps is 409 with rule step-order, and nothing is written")
    @CsvSource({
            "Applicant, CandidateDesignation",
            "Applicant, Sponsors",
            "Applicant, Application",
            "Activist, Talk",
            "Activist, ActivistDesignation",
            "DevelopmentCandidate, AdmissionApproval",
            "DevelopmentCandidate, ConfirmationVote",
            "DevelopmentCandidate, ProbationExtension",
            "ProbationaryMember, ConfirmationApproval",
            "ProbationaryMember, Training",
            "FullMember, Talk",
            "FullMember, ConfirmationVote"})
    @Verifies(id = "LX-PIPELINE-11", level = "MUST", of = "Pipeline")
    void outOfOrder(String stage, String type) {
        Dates dates = switch (stage) {
            case "Applicant" -> Dates.applicant("2024-03-01");
            case "Activist" -> Dates.activist("2024-03-01");
            case "DevelopmentCandidate" -> Dates.candidate("2024-03-01");
            case "ProbationaryMember" -> Dates.probationary("2024-03-01");
            default -> Dates.probationary("2024-03-01").withFull("2025-03-01");
        };
        String member = PipelineKit.member("错序者", branch, stage, dates);
        String before = read(member).body();
        String body = type.equals("ProbationExtension") ? "{\"step\": \"ProbationExtension\", \"date\": \"2025-01-10\", \"months\": 6}"
                : type.equals("Sponsors") ? "{\"step\": \"Sponsors\", \"date\": \"2025-01-10\", \"sponsors\": [\"" + s1 + "\", \"" + s2 + "\"]}"
                : request(type, "2025-01-10");
        refusedUnchanged(member, step(member, body), 409, "step-order", before);
    }
}
