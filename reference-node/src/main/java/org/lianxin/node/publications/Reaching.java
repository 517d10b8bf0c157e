package org.lianxin.node.publications;

import java.util.List;

import jakarta.json.JsonObject;

import org.apache.jena.graph.Node;

/**
 * Something an organization publishes to its subtree, or to chosen organizations in it — a task
 * (chapter 13), a course (chapter 16), a notice (chapter 17) — as the nodes below are told of it:
 * enough to decide which of their organizations it reaches.
 *
 * @param <T> the publication's own summary type, so that {@link #reaching} keeps it
 */
public interface Reaching<T extends Reaching<T>> {

    Node id();

    /**
     * LX-TASK-8: whether it reaches the organization whose line on this node is {@code line} (the
     * organization first, this node's root last, as {@link org.lianxin.node.organizations.OrganizationLine}
     * gives it): one of its targets lies on the line, or a node above said it reaches this node's root.
     */
    boolean reaches(List<Node> line);

    /** The summary told to a child node: the same publication, reaching those of the child's roots. */
    T reaching(List<Node> roots);

    /** The summary as a node tells it to its child (an element of an inbound answer). */
    JsonObject toJson();
}
