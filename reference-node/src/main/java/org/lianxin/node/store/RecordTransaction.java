package org.lianxin.node.store;

import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;

/** What code may do with a {@link RecordStore} inside one transaction. */
public interface RecordTransaction {

    /** The record named {@code iri}, as a copy that stays valid after the transaction. */
    Optional<Graph> get(Node iri);

    boolean exists(Node iri);

    /** Replaces the whole record named {@code iri} with {@code record}. */
    void put(Node iri, Graph record);

    /**
     * Removes a graph that is not a record, and its place in the index: an audit entry past its
     * retention. Records are never removed; they become tombstones (LX-CORE-28).
     */
    void drop(Node iri);

    /** Adds one statement to a graph of the store's own bookkeeping (never to a record). */
    void add(Node graph, Node s, Node p, Node o);

    /** Removes the statements of a bookkeeping graph that match (Node.ANY matches anything). */
    void remove(Node graph, Node s, Node p, Node o);

    /**
     * The statements that match, in any graph when {@code graph} is Node.ANY: a lookup on the
     * store's indexes without a query to parse and plan, for the checks a bulk write makes per record.
     */
    List<Quad> find(Node graph, Node s, Node p, Node o);

    /**
     * Runs a SPARQL SELECT and returns its rows. Records are the named graphs of the dataset
     * ({@code GRAPH ?r { ... }}); the store's own bookkeeping lives in {@link StoreIndex#GRAPH}.
     */
    List<Binding> select(Query query);
}
