package org.lianxin.node.nodes;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.lianxin.node.store.RecordStore;

/**
 * One conformant Lianxin node hosted by this process: its id, its base URL and its own store.
 * A process may host many (a county platform serving its primary committees, or a simulated
 * province); they never read each other's stores.
 *
 * @param id    the node's id, the last segment of its base URL
 * @param base  the node's base URL, {@code {public url}/nodes/{id}}, without a trailing slash
 * @param store the node's records
 */
public record LogicalNode(String id, String base, RecordStore store) {

    public Node organizationIri(String localId) {
        return NodeFactory.createURI(organizationsUrl() + "/" + localId);
    }

    public Node memberIri(String localId) {
        return NodeFactory.createURI(membersUrl() + "/" + localId);
    }

    public String organizationsUrl() {
        return base + "/organizations";
    }

    public String membersUrl() {
        return base + "/members";
    }

    /** Whether {@code iri} names an organization held by this node (as opposed to one elsewhere). */
    public boolean holdsOrganization(Node iri) {
        return iri.isURI() && iri.getURI().startsWith(organizationsUrl() + "/");
    }
}
