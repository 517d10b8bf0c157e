package org.lianxin.node.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.datatypes.xsd.XSDDatatype;

/** The default store: an embedded TDB2 dataset in a directory of its own. */
public final class Tdb2RecordStore implements RecordStore {

    /**
     * Derived values kept by all the stores of the process together (166 logical nodes share one JVM in
     * the benchmark); past this many, the least used go first. Keys come partly from callers' parameters.
     */
    private static final int MAX_DERIVED = 20_000;
    private static final Cache<DerivedKey, Derived> DERIVED = Caffeine.newBuilder().maximumSize(MAX_DERIVED).build();

    private final DatasetGraph dataset;
    /** Counts committed write transactions: a derived value computed at an older count is stale. */
    private final AtomicLong writes = new AtomicLong();

    private record DerivedKey(Tdb2RecordStore store, String key) {}

    private record Derived(long writes, Object value) {}

    private Tdb2RecordStore(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** Opens (creating if needed) the TDB2 dataset in {@code directory}. */
    public static Tdb2RecordStore open(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory, e);
        }
        return new Tdb2RecordStore(DatabaseMgr.connectDatasetGraph(directory.toString()));
    }

    /** An in-memory TDB2 dataset, for tests. */
    public static Tdb2RecordStore inMemory() {
        return new Tdb2RecordStore(DatabaseMgr.createDatasetGraph());
    }

    @Override
    public <T> T read(Function<RecordTransaction, T> work) {
        return Txn.calculateRead(dataset, () -> work.apply(new Transaction()));
    }

    @Override
    public <T> T readWhenUsed(Function<RecordTransaction, T> work) {
        if (dataset.isInTransaction()) {
            return work.apply(new Transaction());
        }
        ReadWhenUsed tx = new ReadWhenUsed();
        try {
            return work.apply(tx);
        } finally {
            tx.end();
        }
    }

    @Override
    public <T> T write(Function<RecordTransaction, T> work) {
        try {
            return Txn.calculateWrite(dataset, () -> work.apply(new Transaction()));
        } finally {
            // After the commit (or abort): a value computed from a read that started before it is stale from now on.
            writes.incrementAndGet();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T derived(String key, Function<RecordTransaction, T> compute) {
        if (dataset.isInTransaction() && dataset.transactionMode() == ReadWrite.WRITE) {
            return compute.apply(new Transaction()); // asked inside a write: its own changes count, and nothing is kept
        }
        long current = writes.get(); // read before the transaction: a write committing meanwhile makes the value stale, never wrongly fresh
        DerivedKey at = new DerivedKey(this, key);
        Derived kept = DERIVED.getIfPresent(at);
        if (kept != null && kept.writes() == current) {
            return (T) kept.value();
        }
        T value = read(compute);
        DERIVED.put(at, new Derived(current, value));
        return value;
    }

    /**
     * Releases the dataset and its file lock. Without the expel, TDB2 keeps the lock when the
     * application restarts inside the same JVM (STACK.md).
     */
    @Override
    public void close() {
        try {
            TDBInternal.expel(dataset, true);
        } finally {
            forgetDerived();
        }
    }

    /**
     * Drops this store's derived values. A plain loop rather than a lambda: a store closed while its
     * application is undeployed cannot load a class it has not loaded yet (the WAR is gone), and
     * with no value kept, this loop loads none.
     */
    private void forgetDerived() {
        for (Iterator<DerivedKey> keys = DERIVED.asMap().keySet().iterator(); keys.hasNext();) {
            if (keys.next().store() == this) {
                keys.remove();
            }
        }
    }

    /** A read transaction begun at its first use, on the thread that uses it. */
    private final class ReadWhenUsed implements RecordTransaction {

        private final Transaction inside = new Transaction();
        private boolean begun;

        private Transaction begun() {
            if (!begun) {
                dataset.begin(TxnType.READ);
                begun = true;
            }
            return inside;
        }

        void end() {
            if (begun) {
                dataset.end();
            }
        }

        @Override
        public Optional<Graph> get(Node iri) {
            return begun().get(iri);
        }

        @Override
        public boolean exists(Node iri) {
            return begun().exists(iri);
        }

        @Override
        public List<Quad> find(Node graph, Node s, Node p, Node o) {
            return begun().find(graph, s, p, o);
        }

        @Override
        public List<Binding> select(Query query) {
            return begun().select(query);
        }

        @Override
        public void put(Node iri, Graph record) {
            throw new UnsupportedOperationException("a read transaction");
        }

        @Override
        public void drop(Node iri) {
            throw new UnsupportedOperationException("a read transaction");
        }

        @Override
        public void add(Node graph, Node s, Node p, Node o) {
            throw new UnsupportedOperationException("a read transaction");
        }

        @Override
        public void remove(Node graph, Node s, Node p, Node o) {
            throw new UnsupportedOperationException("a read transaction");
        }
    }

    private final class Transaction implements RecordTransaction {

        @Override
        public Optional<Graph> get(Node iri) {
            if (!dataset.containsGraph(iri)) {
                return Optional.empty();
            }
            Graph copy = GraphFactory.createDefaultGraph();
            dataset.getGraph(iri).find().forEach(copy::add);
            return Optional.of(copy);
        }

        @Override
        public boolean exists(Node iri) {
            return dataset.containsGraph(iri);
        }

        @Override
        public void drop(Node iri) {
            dataset.deleteAny(iri, Node.ANY, Node.ANY, Node.ANY);
            dataset.deleteAny(StoreIndex.GRAPH, iri, StoreIndex.SEQUENCE, Node.ANY);
        }

        @Override
        public void put(Node iri, Graph record) {
            if (!dataset.containsGraph(iri)) {
                assignSequence(iri);
            }
            // removeGraph, not deleteAny: TDB2 keeps a decimal by value, and deleteAny missed the old
            // duesBase of a replaced member (DuesTotalsTest).
            dataset.removeGraph(iri);
            record.find().forEach(t -> dataset.add(iri, t.getSubject(), t.getPredicate(), t.getObject()));
        }

        @Override
        public void add(Node graph, Node s, Node p, Node o) {
            dataset.add(graph, s, p, o);
        }

        @Override
        public void remove(Node graph, Node s, Node p, Node o) {
            dataset.deleteAny(graph, s, p, o);
        }

        @Override
        public List<Quad> find(Node graph, Node s, Node p, Node o) {
            List<Quad> found = new ArrayList<>();
            dataset.find(graph, s, p, o).forEachRemaining(found::add);
            return found;
        }

        @Override
        public List<Binding> select(Query query) {
            List<Binding> rows = new ArrayList<>();
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                RowSet rowSet = exec.select();
                // Copied now: a TDB2 binding reads its values lazily, and the caller uses it after the transaction.
                rowSet.forEachRemaining(b -> rows.add(BindingFactory.copy(b)));
            }
            return java.util.Collections.unmodifiableList(rows);
        }

        private void assignSequence(Node iri) {
            Iterator<Quad> found = dataset.find(StoreIndex.GRAPH, StoreIndex.GRAPH, StoreIndex.LAST_SEQUENCE, Node.ANY);
            long last = found.hasNext() ? ((Number) found.next().getObject().getLiteralValue()).longValue() : 0L;
            Node next = NodeFactory.createLiteralDT(Long.toString(last + 1), XSDDatatype.XSDlong);
            dataset.deleteAny(StoreIndex.GRAPH, StoreIndex.GRAPH, StoreIndex.LAST_SEQUENCE, Node.ANY);
            dataset.add(StoreIndex.GRAPH, StoreIndex.GRAPH, StoreIndex.LAST_SEQUENCE, next);
            dataset.add(StoreIndex.GRAPH, iri, StoreIndex.SEQUENCE, next);
        }
    }

}
