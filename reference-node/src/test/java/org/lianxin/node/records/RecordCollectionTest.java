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
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.node.store.Tdb2RecordStore;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.SpecResources;

/** Writes and lists on an in-memory TDB2 store: atomic bulk writes, tombstones, cursor order. */
class RecordCollectionTest {

    private static final RecordGuard T = RecordGuard.TRUSTED;

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

        ProblemException problem = assertThrows(ProblemException.class, () -> members.putAll(node, batch, T));
        assertEquals(422, problem.problem().status());
        assertTrue(list(members).isEmpty(), "nothing written");
    }

    @Test
    void aRuleBrokenInsideTheTransactionAbortsIt() {
        String branch = branch();
        String body = Fixtures.member("甲", branch);
        // the same ID number twice in one batch: the second breaks the uniqueness rule
        List<Record> batch = List.of(member("a", body), member("b", body));
        assertThrows(ProblemException.class, () -> members.putAll(node, batch, T));
        assertTrue(list(members).isEmpty(), "the first member was rolled back too");
    }

    @Test
    void replaceKeepsCreatedAndDeleteLeavesATombstone() throws InterruptedException {
        String branch = branch();
        members.put(node, member("x", Fixtures.member("张三", branch)), T);
        Graph first = members.get(node, "x", T).graph();
        Thread.sleep(5);
        RecordCollection.Written replaced = members.put(node, member("x", Fixtures.member("张三丰", branch)), T);
        assertFalse(replaced.created());
        assertEquals(value(first, "created"), value(replaced.record().graph(), "created"));
        assertTrue(java.time.Instant.parse(value(first, "modified")).isBefore(java.time.Instant.parse(value(replaced.record().graph(), "modified"))));

        members.delete(node, "x", T);
        Record tombstone = members.get(node, "x", T);
        assertTrue(Lifecycle.isTombstone(tombstone.graph(), tombstone.iri()));
        assertTrue(list(members).isEmpty(), "tombstones are not listed without modifiedSince");
    }

    @Test
    void pagesFollowCreationOrderAndReplacingDoesNotMoveARecord() {
        String branch = branch();
        for (int i = 0; i < 7; i++) {
            members.put(node, member("m" + i, Fixtures.member("成员" + i, branch)), T);
        }
        members.put(node, member("m0", Fixtures.member("改名", branch)), T);
        List<String> seen = new ArrayList<>();
        Optional<Cursor> cursor = Optional.empty();
        do {
            RecordCollection.Page page = members.list(node, RecordCollection.Selection.ALL, Optional.empty(), cursor, 3, T);
            page.items().forEach(r -> seen.add(r.iri().getURI().replaceAll(".*/", "")));
            cursor = page.next();
        } while (cursor.isPresent());
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6"), seen);
    }

    /** A guard that reads one record only and writes none: who may do what is the guard's; the order of answers is the collection's. */
    private static RecordGuard readsOnly(String id) {
        return readsOnly(id, false);
    }

    /** The same; {@code writes}: whether its roles write members at all (though it may write none of these). */
    private static RecordGuard readsOnly(String id, boolean writes) {
        return new RecordGuard() {
            @Override
            public boolean readable(LogicalNode n, RecordTransaction tx, RecordKind kind, org.apache.jena.graph.Node iri, Graph record) {
                return iri.getURI().endsWith("/" + id);
            }

            @Override
            public boolean writable(LogicalNode n, RecordTransaction tx, RecordKind kind, org.apache.jena.graph.Node iri, Graph record) {
                return false;
            }

            @Override
            public boolean writes(RecordKind kind) {
                return writes;
            }

            @Override
            public String listFilter(LogicalNode n, RecordKind kind) {
                return "FILTER(STRENDS(STR(?r), \"/" + id + "\"))";
            }
        };
    }

    @Test
    void aRecordTheCallerMayNotReadIsAnsweredAsOneThatDoesNotExist() {
        String branch = branch();
        members.put(node, member("seen", Fixtures.member("甲", branch)), T);
        members.put(node, member("hidden", Fixtures.member("乙", branch)), T);
        members.delete(node, "hidden", T);
        RecordGuard guard = readsOnly("seen");

        ProblemException hidden = assertThrows(ProblemException.class, () -> members.get(node, "hidden", guard));
        ProblemException missing = assertThrows(ProblemException.class, () -> members.get(node, "never", guard));
        assertEquals(404, hidden.problem().status(), "a hidden tombstone is not 410");
        assertEquals(missing.problem().detail().replace("never", "hidden"), hidden.problem().detail());
        assertEquals(404, assertThrows(ProblemException.class, () -> members.delete(node, "hidden", guard)).problem().status());
        assertEquals(List.of("seen"), members.list(node, RecordCollection.Selection.ALL, Optional.empty(), Optional.empty(), 10, guard)
                .items().stream().map(r -> r.iri().getURI().replaceAll(".*/", "")).toList());
    }

    @Test
    void aShownRecordIsWrittenOnceAndKeptUntilTheNextWriteButTheRightToReadItIsDecidedEveryTime() {
        String branch = branch();
        members.put(node, member("x", Fixtures.member("张三", branch)), T);
        java.util.concurrent.atomic.AtomicInteger rendered = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Function<Record, byte[]> render = r -> {
            rendered.incrementAndGet();
            return value(r.graph(), "modified").getBytes(StandardCharsets.UTF_8);
        };
        String name = new String(members.shown(node, "x", T, "v", render).body(), StandardCharsets.UTF_8);
        assertEquals(name, new String(members.shown(node, "x", T, "v", render).body(), StandardCharsets.UTF_8));
        assertEquals(1, rendered.get(), "read twice without a write between: written out once");
        members.shown(node, "x", T, "other", render);
        assertEquals(2, rendered.get(), "each representation is its own");

        assertEquals(404, assertThrows(ProblemException.class, () -> members.shown(node, "x", readsOnly("y"), "v", render))
                .problem().status(), "kept, but not for a caller who may not read it");

        members.put(node, member("x", Fixtures.member("张三丰", branch)), T);
        RecordCollection.Shown replaced = members.shown(node, "x", T, "v", render);
        assertEquals(3, rendered.get(), "a write makes the kept representation stale");
        assertEquals(value(members.get(node, "x", T).graph(), "modified"), new String(replaced.body(), StandardCharsets.UTF_8));
        assertFalse(replaced.tombstone());
        members.delete(node, "x", T);
        assertTrue(members.shown(node, "x", T, "v", render).tombstone());
        assertEquals(404, assertThrows(ProblemException.class, () -> members.shown(node, "never", T, "v", render)).problem().status());
    }

    @Test
    void aWriteTheCallerMayNotMakeIs403BeforeAnyOtherFaultAndChangesNothing() {
        String branch = branch();
        members.put(node, member("seen", Fixtures.member("甲", branch)), T);
        members.put(node, member("gone", Fixtures.member("乙", branch)), T);
        members.delete(node, "gone", T);
        RecordGuard guard = readsOnly("seen");
        Graph before = members.get(node, "seen", T).graph();

        assertEquals(403, assertThrows(ProblemException.class, () -> members.delete(node, "seen", guard)).problem().status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> members.put(node, member("gone", Fixtures.member("丙", branch)), guard)).problem().status(), "403 before 410");
        String invalid = Fixtures.member("丁", branch).replace("\"stage\": \"FullMember\"", "\"stage\": \"Nobody\"");
        assertEquals(403, assertThrows(ProblemException.class, () -> members.put(node, member("new", invalid), guard)).problem().status(),
                "403 before 422");
        assertTrue(before.isIsomorphicWith(members.get(node, "seen", T).graph()));
        assertEquals(404, assertThrows(ProblemException.class, () -> members.get(node, "new", T)).problem().status());
    }

    @Test
    void aRecordPlacedUnderAnOrganizationTheCallerCannotSeeIsAnsweredAsAMissingOne() {
        String branch = branch();
        RecordGuard guard = readsOnly("nothing", true);

        ProblemException hidden = assertThrows(ProblemException.class, () -> members.put(node, member("new", Fixtures.member("丁", branch)), guard));
        ProblemException missing = assertThrows(ProblemException.class, () -> members.put(node, member("new",
                Fixtures.member("丁", node.organizationIri("nowhere").getURI())), T));
        assertEquals(422, hidden.problem().status());
        assertEquals(missing.problem().errors(), hidden.problem().errors());
        String invalid = Fixtures.member("丁", branch).replace("\"stage\": \"FullMember\"", "\"stage\": \"Nobody\"");
        assertEquals("stage", assertThrows(ProblemException.class, () -> members.put(node, member("new", invalid), guard))
                .problem().errors().get(0).field(), "a broken rule is reported as it is");
        assertEquals(404, assertThrows(ProblemException.class, () -> members.get(node, "new", T)).problem().status());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("LX-SEC-41 the index that finds members by ID number holds keyed hashes, never the number")
    void theLookupIndexHoldsOnlyKeyedHashes() {
        String body = Fixtures.member("甲", branch());
        String number = body.replaceAll("(?s).*\"nationalId\": \"([0-9X]{18})\".*", "$1");
        members.put(node, member("m", body), T);
        List<org.apache.jena.graph.Triple> index = node.store().read(tx -> tx.select(org.apache.jena.query.QueryFactory.create(
                        "SELECT ?s ?p ?o WHERE { GRAPH <" + MemberKind.LOOKUP.getURI() + "> { ?s ?p ?o } }"))).stream()
                .map(b -> org.apache.jena.graph.Triple.create(b.get(org.apache.jena.sparql.core.Var.alloc("s")),
                        b.get(org.apache.jena.sparql.core.Var.alloc("p")), b.get(org.apache.jena.sparql.core.Var.alloc("o"))))
                .toList();
        assertEquals(1, index.size());
        assertFalse(index.toString().contains(number.substring(0, 6)), index.toString());
        String hash = org.lianxin.node.security.LookupKey.of(new byte[32]).hash(number);
        assertEquals("urn:lianxin:hash:" + hash, index.get(0).getSubject().getURI());
        assertEquals(Optional.of(members.iri(node, "m")), node.store().read(tx -> ((MemberKind) members.kind()).find(tx, number)));
    }

    private String branch() {
        organizations.put(node, organization("county", Fixtures.organization("青山县委", "CountyCommittee", null)), T);
        organizations.put(node, organization("branch", Fixtures.organization("一支部", "Branch", node.organizationIri("county").getURI())), T);
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
        return collection.list(node, RecordCollection.Selection.ALL, Optional.empty(), Optional.empty(), 100, T).items();
    }

    private static String value(Graph g, String dcterm) {
        return g.find(null, org.apache.jena.graph.NodeFactory.createURI("http://purl.org/dc/terms/" + dcterm), null)
                .next().getObject().getLiteralLexicalForm();
    }
}
