package org.lianxin.node.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianxin.node.members.MemberKind;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.OrganizationKind;
import org.lianxin.node.paging.Cursor;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.spec.ContextTerms;
import org.lianxin.node.rdf.RdfFormat;
import org.lianxin.node.rdf.RecordInput;
import org.lianxin.node.store.Record;
import org.lianxin.node.store.Tdb2RecordStore;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.SpecResources;

/** Writes and lists on an in-memory TDB2 store: atomic bulk writes, tombstones, cursor order. */
class RecordCollectionTest {

    private static final ContextTerms TERMS = new ContextTerms(SpecResources.contextJson());
    private static final RecordValidator VALIDATOR = new RecordValidator(SpecResources.shapesGraph(), TERMS);

    private final LogicalNode node = new LogicalNode("t", "http://localhost:9080/nodes/t", Tdb2RecordStore.inMemory());
    private final RecordCollection organizations = new RecordCollection(new OrganizationKind(), VALIDATOR);
    private final RecordCollection members = new RecordCollection(new MemberKind(org.lianxin.node.security.LookupKey.of(new byte[32])), VALIDATOR);

    @AfterEach
    void close() {
        node.store().close();
    }

    @Test
    void aBulkWriteWithOneBadRecordWritesNothing() {
        String branch = branch();
        List<Record> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(member("m" + i, Fixtures.member("成员" + i, branch)));
        }
        batch.add(member("bad", Fixtures.member("坏", branch).replace("\"stage\": \"FullMember\"", "\"stage\": \"Nobody\"")));

        ProblemException problem = assertThrows(ProblemException.class, () -> members.putAll(node, batch));
        assertEquals(422, problem.problem().status());
        assertTrue(list(members).isEmpty(), "nothing written");
    }

    @Test
    void aRuleBrokenInsideTheTransactionAbortsIt() {
        String branch = branch();
        String body = Fixtures.member("甲", branch);
        // the same ID number twice in one batch: the second breaks the uniqueness rule
        List<Record> batch = List.of(member("a", body), member("b", body));
        assertThrows(ProblemException.class, () -> members.putAll(node, batch));
        assertTrue(list(members).isEmpty(), "the first member was rolled back too");
    }

    @Test
    void replaceKeepsCreatedAndDeleteLeavesATombstone() throws InterruptedException {
        String branch = branch();
        members.put(node, member("x", Fixtures.member("张三", branch)));
        Graph first = members.get(node, "x").graph();
        Thread.sleep(5);
        RecordCollection.Written replaced = members.put(node, member("x", Fixtures.member("张三丰", branch)));
        assertFalse(replaced.created());
        assertEquals(value(first, "created"), value(replaced.record().graph(), "created"));
        assertTrue(java.time.Instant.parse(value(first, "modified")).isBefore(java.time.Instant.parse(value(replaced.record().graph(), "modified"))));

        members.delete(node, "x");
        Record tombstone = members.get(node, "x");
        assertTrue(Lifecycle.isTombstone(tombstone.graph(), tombstone.iri()));
        assertTrue(list(members).isEmpty(), "tombstones are not listed without modifiedSince");
    }

    @Test
    void pagesFollowCreationOrderAndReplacingDoesNotMoveARecord() {
        String branch = branch();
        for (int i = 0; i < 7; i++) {
            members.put(node, member("m" + i, Fixtures.member("成员" + i, branch)));
        }
        members.put(node, member("m0", Fixtures.member("改名", branch)));
        List<String> seen = new ArrayList<>();
        Optional<Cursor> cursor = Optional.empty();
        do {
            RecordCollection.Page page = members.list(node, RecordCollection.Selection.ALL, Optional.empty(), cursor, 3);
            page.items().forEach(r -> seen.add(r.iri().getURI().replaceAll(".*/", "")));
            cursor = page.next();
        } while (cursor.isPresent());
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6"), seen);
    }

    private String branch() {
        organizations.put(node, organization("county", Fixtures.organization("青山县委", "CountyCommittee", null)));
        organizations.put(node, organization("branch", Fixtures.organization("一支部", "Branch", node.organizationIri("county").getURI())));
        return node.organizationIri("branch").getURI();
    }

    private Record member(String id, String body) {
        return read(members.iri(node, id), body);
    }

    private Record organization(String id, String body) {
        return read(organizations.iri(node, id), body);
    }

    private static Record read(org.apache.jena.graph.Node iri, String body) {
        return new Record(iri, RecordInput.readNew(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), RdfFormat.JSON_LD, iri));
    }

    private List<Record> list(RecordCollection collection) {
        return collection.list(node, RecordCollection.Selection.ALL, Optional.empty(), Optional.empty(), 100).items();
    }

    private static String value(Graph g, String dcterm) {
        return g.find(null, org.apache.jena.graph.NodeFactory.createURI("http://purl.org/dc/terms/" + dcterm), null)
                .next().getObject().getLiteralLexicalForm();
    }
}
