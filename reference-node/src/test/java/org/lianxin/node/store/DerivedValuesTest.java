package org.lianxin.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A derived value is computed once and kept until the next write, committed or not. */
class DerivedValuesTest {

    private final Tdb2RecordStore store = Tdb2RecordStore.inMemory();
    private final AtomicInteger computed = new AtomicInteger();

    @AfterEach
    void close() {
        store.close();
    }

    private long records() {
        return store.derived("records", tx -> {
            computed.incrementAndGet();
            return (long) tx.select(org.apache.jena.query.QueryFactory.create("SELECT ?g { GRAPH ?g { ?s a ?t } }")).size();
        });
    }

    private void put(String iri) {
        Node subject = NodeFactory.createURI(iri);
        Graph record = GraphFactory.createDefaultGraph();
        record.add(subject, RDF.type.asNode(), NodeFactory.createURI("https://w3id.org/lianxin/ns#Member"));
        store.write(tx -> {
            tx.put(subject, record);
            return null;
        });
    }

    @Test
    void keptUntilTheNextWrite() {
        assertEquals(0L, records());
        assertEquals(0L, records());
        assertEquals(1, computed.get(), "asked twice without a write between: computed once");
        put("http://example.org/nodes/a/members/1");
        assertEquals(1L, records(), "a write makes the kept value stale");
        assertEquals(2, computed.get());
    }

    @Test
    void anAbortedWriteAlsoEndsIt() {
        records();
        assertThrows(IllegalStateException.class, () -> store.write(tx -> {
            throw new IllegalStateException("refused");
        }));
        assertEquals(0L, records());
        assertEquals(2, computed.get(), "recomputed: nothing changed, but the store does not know that");
    }

    @Test
    void askedInsideAWriteItSeesTheWriteAndKeepsNothing() {
        assertEquals(0L, records());
        Node subject = NodeFactory.createURI("http://example.org/nodes/a/members/2");
        Graph record = GraphFactory.createDefaultGraph();
        record.add(subject, RDF.type.asNode(), NodeFactory.createURI("https://w3id.org/lianxin/ns#Member"));
        long inside = store.write(tx -> {
            tx.put(subject, record);
            return records();
        });
        assertEquals(1L, inside, "the write's own record counts");
        assertEquals(2, computed.get());
        assertEquals(1L, records());
        assertEquals(3, computed.get(), "what was computed inside the write was not kept");
    }

    @Test
    void aReadBegunWhenUsedReadsTheRecordsAndWritesNothing() {
        put("http://example.org/nodes/a/members/3");
        Node subject = NodeFactory.createURI("http://example.org/nodes/a/members/3");
        assertEquals(Boolean.TRUE, store.readWhenUsed(tx -> tx.exists(subject)));
        assertEquals("nothing asked", store.readWhenUsed(tx -> "nothing asked"));
        assertThrows(UnsupportedOperationException.class, () -> store.readWhenUsed(tx -> {
            tx.drop(subject);
            return null;
        }));
        assertEquals(Boolean.TRUE, store.read(tx -> tx.exists(subject)));
    }

    @Test
    void keysAreKeptApart() {
        records();
        assertEquals("other", store.derived("other", tx -> "other"));
        records();
        assertEquals(1, computed.get());
    }
}
