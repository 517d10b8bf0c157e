package org.lianxin.node.store;

import java.util.function.Function;

/**
 * Where a logical node keeps its records. A record is one resource (an organization, a member, ...)
 * with its nested blank nodes, kept as one named graph named by the resource's IRI, so that a read,
 * a replacement or a tombstone touches exactly one record.
 *
 * <p>Every write runs in one transaction: it commits whole or not at all. The embedded TDB2 store is
 * the default; a remote SPARQL 1.1 store can implement the same two methods.
 */
public interface RecordStore extends AutoCloseable {

    /** Runs {@code work} in a read transaction and returns what it computed. */
    <T> T read(Function<RecordTransaction, T> work);

    /**
     * The same as {@link #read}, for work that often needs nothing but derived values: the read
     * transaction begins only when {@code work} first uses the store. Beginning one was a tenth of a
     * kept record's read (issue 6, W4).
     */
    <T> T readWhenUsed(Function<RecordTransaction, T> work);

    /** Runs {@code work} in one write transaction; an exception aborts it and nothing is written. */
    <T> T write(Function<RecordTransaction, T> work);

    /**
     * A value computed from the records by {@code compute} in a read transaction, kept under
     * {@code key} until the next write: statistics and scopes are asked for far more often than
     * the records change, and recomputing them is a scan (issue 6). The value must depend only on
     * the records and the key. Asked inside a write transaction, it is computed in that transaction
     * and not kept.
     */
    <T> T derived(String key, Function<RecordTransaction, T> compute);

    @Override
    void close();
}
