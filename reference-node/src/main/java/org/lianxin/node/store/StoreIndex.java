package org.lianxin.node.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The store's bookkeeping, kept apart from the records in a graph of its own: every record gets a
 * sequence number when it is first written, never changed afterwards. Lists are ordered by it, so a
 * cursor over them returns every record exactly once even while records are added or edited.
 */
public final class StoreIndex {

    private static final String NS = "urn:lianxin:index#";

    /** The graph holding the index; never part of any record. */
    public static final Node GRAPH = NodeFactory.createURI("urn:lianxin:index");

    /** {@code <record> index:sequence n}: the record's position in creation order. */
    public static final Node SEQUENCE = NodeFactory.createURI(NS + "sequence");

    /** {@code <urn:lianxin:index> index:lastSequence n}: the highest sequence number handed out. */
    static final Node LAST_SEQUENCE = NodeFactory.createURI(NS + "lastSequence");

    private StoreIndex() {}
}
