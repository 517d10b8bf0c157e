package org.lianxin.conformance.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.Current.sandbox;
import static org.lianxin.conformance.learning.LearningKit.course;
import static org.lianxin.conformance.Callers.memberToken;
import static org.lianxin.conformance.learning.LearningKit.published;
import static org.lianxin.conformance.learning.LearningKit.record;
import static org.lianxin.conformance.learning.LearningKit.study;
import static org.lianxin.conformance.learning.LearningKit.today;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;
import org.lianxin.conformance.transfer.OtherNode;
import org.lianxin.conformance.transfer.TransferKit;
import org.lianxin.conformance.transfer.TransferSupport;

/**
 * 16.9 over a transfer (chapter 10), the kit playing the other node as the Transfer tests do: as
 * the receiving node it reads the package the node gives for a member with study records; as the
 * sending node it gives the node a package with a study record of its own.
 */
class TransferTest extends TransferSupport {

    @BeforeEach
    void transfers() {
        Inapplicable.unless(Kit.current().claims("Learning"), "the node does not claim Learning");
        Inapplicable.unless(Kit.current().claims("Transfer"), "the node does not claim Transfer: it has no package to carry study records");
    }

    @Test
    @DisplayName("LX-LEARN-17 the package of a member with two study records has one graph per record, named by its IRI, holding it as stored; not the study record of another member")
    @Verifies(id = "LX-LEARN-17", level = "MUST", of = "Learning")
    void sent() {
        OtherNode other = other();
        String committee = sandbox().newOrganization("转接学习县委", "CountyCommittee");
        String branch = sandbox().newOrganization("转接学习党支部", "Branch", committee);
        String member = LearningKit.member(branch, "欧阳修远", "FullMember");
        String neighbour = LearningKit.member(branch, "上官婉儿", "FullMember");
        String charter = published(committee, course(committee, "学习党章", today().plusDays(30), "")).getString("id");
        String history = published(committee, course(committee, "学习党史", today().plusDays(30), "")).getString("id");
        List<String> records = List.of(recorded(study(member, charter, 60, true, ", \"quizScore\": 92"), member),
                recorded(study(member, history, 25, false, ""), member));
        String neighbours = recorded(study(neighbour, charter, 40, false, ""), neighbour);
        Map<String, Graph> stored = Map.of(records.get(0), asStored(records.get(0)), records.get(1), asStored(records.get(1)));

        String transfer = requested(member, other.organization());
        TransferKit.acted(transfer, "approve", null);
        other.await("offer", transfer);
        String receiving = TransferKit.await("the offer of " + transfer + " answered", () -> other.receivingRecord(transfer));
        Response answer = other.send(OtherNode.message("receipt", transfer, "receivingTransfer", receiving, "newMember", other.member()));
        assertEquals(200, answer.status(), answer.body());
        DatasetGraph pack = TransferKit.nquads(answer.body());
        for (var r : stored.entrySet()) {
            var name = NodeFactory.createURI(r.getKey());
            assertTrue(pack.containsGraph(name), "LX-LEARN-17: a graph named by the study record " + r.getKey() + ":\n" + answer.body());
            assertTrue(IsoMatcher.isomorphic(r.getValue(), pack.getGraph(name)), "LX-LEARN-17: the study record " + r.getKey() + " as stored");
        }
        assertFalse(pack.containsGraph(NodeFactory.createURI(neighbours)), "the study record of another member stays: " + answer.body());
        other.send(OtherNode.message("received", transfer, "receivingTransfer", receiving)); // the package is stored: the node drops its copy
    }

    @Test
    @DisplayName("LX-LEARN-18 the study record of a package, of a course of the sending node, is stored as a study record of the node with newMember as learner and every other value as in the package, once the transfer is Completed")
    @Verifies(id = "LX-LEARN-18", level = "MUST", of = "Learning")
    void received() {
        OtherNode other = other();
        String to = sandbox().newBranch();
        String from = other.organization();
        String member = other.member();
        JsonObject offer = OtherNode.offer(other.transfer(), member, from, to, "欧阳娜娜", TransferKit.today().plusDays(90));
        String transfer = offered(other, offer);
        String course = other.base() + "/courses/" + Sandbox.uniqueId("c");
        String studied = other.base() + "/study-records/" + Sandbox.uniqueId("s");
        String completedAt = "2025-11-20T21:05:30.250+08:00";
        String studyRecord = """
                {"@context": "%s", "id": "%s", "type": "StudyRecord", "learner": "%s", "course": "%s", "minutesStudied": 95,
                 "completedAt": "%s", "quizScore": 88, "created": "2025-11-20T20:00:00.000+08:00", "modified": "%s"}"""
                .formatted(Sandbox.CONTEXT, studied, member, course, completedAt, completedAt);
        other.packageFor(transfer, OtherNode.packageOf(member, TransferKit.memberBody("欧阳娜娜", from),
                other.base() + "/dues/payments/" + Sandbox.uniqueId("p"), from, "2025-11", Map.of(studied, studyRecord)));

        String newMember = TransferKit.acted(transfer, "accept", null).getString("newMember", "");
        TransferKit.awaitState(transfer, "Completed");
        String self = memberToken(newMember);
        List<String> moved = Answers.listed(base() + "/study-records?learner=" + enc(newMember), self);
        assertEquals(1, moved.size(), "LX-LEARN-18: the study record of the package, a study record of newMember, stored with the member: " + moved);
        assertTrue(moved.get(0).startsWith(base() + "/study-records/"), "a study record of the node: " + moved);
        Response read = Http.get(moved.get(0), "Accept", LearningKit.JSON_LD, "Authorization", self);
        assertEquals(200, read.status(), read.body());
        JsonObject record = read.json();
        assertEquals(List.of(newMember, course), List.of(record.getString("learner", ""), record.getString("course", "")),
                "LX-LEARN-18: newMember the learner, the course of the sending node kept: " + record);
        assertEquals(List.of(95, 88), List.of(LearningKit.integer(record, "minutesStudied"), LearningKit.integer(record, "quizScore")),
                "LX-LEARN-18: the minutes and the score as in the package: " + record);
        assertEquals(OffsetDateTime.parse(completedAt).toInstant(), OffsetDateTime.parse(record.getString("completedAt", "")).toInstant(),
                "LX-LEARN-18: completedAt as in the package: " + record);
    }

    /** A study record the learner wrote (201); its IRI. */
    private static String recorded(String body, String learner) {
        Response created = record(body, memberToken(learner));
        assertEquals(201, created.status(), () -> "POST /study-records: " + created.body());
        return created.header("Location").orElseThrow();
    }

    /** The study record as the node stores it, in N-Triples. */
    private static Graph asStored(String iri) {
        Response read = Http.get(iri, "Accept", TransferKit.N_TRIPLES);
        assertEquals(200, read.status(), () -> "GET " + iri + ": " + read.body());
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(read.body(), Lang.NTRIPLES).parse(graph);
        return graph;
    }
}
