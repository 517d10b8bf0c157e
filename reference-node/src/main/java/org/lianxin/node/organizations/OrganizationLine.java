package org.lianxin.node.organizations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.ORG;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.store.RecordTransaction;

/**
 * An organization and its superiors as far as this node holds them, nearest first: the last one is
 * the node's root above it. What lies higher is the parent node's to tell (spec 7.5).
 */
public final class OrganizationLine {

    private OrganizationLine() {}

    /** {@code organization}, then each superior held by this node. */
    public static List<Node> of(LogicalNode node, RecordTransaction tx, Node organization) {
        List<Node> line = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        Node current = organization;
        while (current != null && seen.add(current)) {
            line.add(current);
            Node here = current;
            current = superior(tx, here).filter(node::holdsOrganization).orElse(null);
        }
        return line;
    }

    /** The organization a registered child's root hangs under is held here: the root, then that line. */
    public static List<Node> ofChildRoot(LogicalNode node, RecordTransaction tx, Node root, Node superior) {
        List<Node> line = new ArrayList<>();
        line.add(root);
        line.addAll(of(node, tx, superior));
        return line;
    }

    /** The superior organization of {@code organization}, as its record says. */
    public static Optional<Node> superior(RecordTransaction tx, Node organization) {
        return tx.find(organization, organization, ORG.subOrganizationOf.asNode(), Node.ANY).stream().findFirst().map(Quad::getObject);
    }
}
