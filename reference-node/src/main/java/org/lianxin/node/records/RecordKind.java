package org.lianxin.node.records;

import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.store.RecordTransaction;

/**
 * What differs between the kinds of record a node keeps (organizations, members, ...): the
 * collection's path, the record's class, and the rules the node enforces beyond the SHACL shapes.
 */
public interface RecordKind {

    /** The collection's path segment under the node base, e.g. {@code members}. */
    String segment();

    /** The class every record of this kind has, e.g. lx:Member. */
    Node recordClass();

    /** Classes implied by {@link #recordClass()} that the node adds when a client leaves them out. */
    default List<Node> impliedClasses() {
        return List.of();
    }

    /**
     * The properties a tombstone keeps: links to other records, never personal data, so that a
     * client syncing a branch or a subtree with {@code modifiedSince} learns of the deletion.
     */
    default List<Node> keptInTombstone() {
        return List.of();
    }

    /**
     * The rules SHACL cannot express, checked inside the write transaction against what the store
     * holds (e.g. the ID check digit, no cycles): each broken rule is a 422.
     */
    List<FieldError> check(LogicalNode node, RecordTransaction tx, Node iri, Graph record);

    /**
     * Whether writing {@code input} over the stored {@code before} would change nothing the client
     * said: the write is then answered as done and stores nothing (an immutable record sent again,
     * e.g. a dues payment under the same payment ID, LX-DUES-11).
     */
    default boolean unchanged(Graph before, Node iri, Graph input) {
        return false;
    }

    /** Conflicts with other records (e.g. the same ID number twice): each is a 409, reported after the 422s. */
    default List<FieldError> conflicts(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        return List.of();
    }

    /**
     * The record as shown when the caller has not stated a purpose for a full read: for records with
     * personal data, masked (spec 8.7); others as they are.
     */
    default Graph masked(Graph record, Node iri) {
        return record;
    }

    /** Whether a full read of this kind of record is personal data (stated purpose, no-store, audit). */
    default boolean personal() {
        return false;
    }

    /** Keeps the kind's own indexes in step with a record just written, or deleted (record empty), in the same transaction. */
    default void indexed(RecordTransaction tx, Node iri, Optional<Graph> stored) {}

    /**
     * The organization a record lies under, which decides who may read and write it (spec Table
     * 8.7): a member's branch, an organization itself. Empty when the record names none. By
     * default the organization its {@link #placement()} names.
     */
    default Optional<Node> organizationOf(Graph record, Node iri) {
        return Lifecycle.value(record, iri, placement());
    }

    /**
     * The link by which a record hangs under an organization of the node: a member's branch, an
     * organization's superior. A write that links to an organization the caller may not see is
     * answered as one that links to an organization that does not exist (spec 8.6).
     */
    Node placement();

    /** A SPARQL group pattern binding {@code ?scopeOrg} to the organization record {@code ?r} lies under. */
    default String organizationPattern() {
        return "GRAPH ?r { ?r <" + placement().getURI() + "> ?scopeOrg }";
    }

    /** The member a record is about, who may read it themself (Table 8.7). */
    default Optional<Node> memberOf(Graph record, Node iri) {
        return Optional.empty();
    }

    /** Whether the record is about {@code member}, who may then read it themself (Table 8.7). */
    default boolean about(Graph record, Node iri, Node member) {
        return memberOf(record, iri).filter(member::equals).isPresent();
    }

    /**
     * A SPARQL group pattern over {@code ?r} that keeps, in a list, the records about {@code member},
     * which that member may read (Table 8.7); empty when no record of this kind is about a member.
     */
    default Optional<String> aboutMember(Node member) {
        return Optional.empty();
    }

    /** Directory data a node operator may read: organization records (Table 8.7). */
    default boolean directory() {
        return false;
    }

    /** Throws a problem when the record may not be deleted (e.g. it still has members). */
    default void checkDelete(LogicalNode node, RecordTransaction tx, Node iri) {}
}
