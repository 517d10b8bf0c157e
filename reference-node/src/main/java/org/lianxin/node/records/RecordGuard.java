package org.lianxin.node.records;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.store.RecordTransaction;

/**
 * Who may read and write which records (spec 8.6): every read, write and list of a
 * {@link RecordCollection} asks one. The node's callers are guarded by their token; the node's own
 * work (demo data, checks already authorized) runs {@link #TRUSTED}.
 */
public interface RecordGuard {

    /** Whether the caller may read {@code record} (live or tombstone), of kind {@code kind}. */
    boolean readable(LogicalNode node, RecordTransaction tx, RecordKind kind, Node iri, Graph record);

    /** Whether the caller may write {@code record}, as it is or as a write would leave it. */
    boolean writable(LogicalNode node, RecordTransaction tx, RecordKind kind, Node iri, Graph record);

    /** Whether the caller's roles let it write records of this kind at all. */
    boolean writes(RecordKind kind);

    /**
     * A SPARQL group pattern over {@code ?r} that keeps, in a list, only the records the caller may
     * read (LX-SEC-19); empty when it may read them all.
     */
    String listFilter(LogicalNode node, RecordKind kind);

    /**
     * Told of each write before it is checked, with the record before it ({@code before}) and as
     * the write would leave it ({@code after}, empty for a delete): the audit log lists the entry
     * under the organizations of both, whatever the outcome (Table 8.13).
     */
    default void writing(RecordKind kind, Node iri, java.util.Optional<Graph> before, java.util.Optional<Graph> after) {}

    /** The node itself: may read and write everything. */
    RecordGuard TRUSTED = new RecordGuard() {
        @Override
        public boolean readable(LogicalNode node, RecordTransaction tx, RecordKind kind, Node iri, Graph record) {
            return true;
        }

        @Override
        public boolean writable(LogicalNode node, RecordTransaction tx, RecordKind kind, Node iri, Graph record) {
            return true;
        }

        @Override
        public boolean writes(RecordKind kind) {
            return true;
        }

        @Override
        public String listFilter(LogicalNode node, RecordKind kind) {
            return "";
        }
    };
}
