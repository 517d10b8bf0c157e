package org.lianxin.node.organizations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.References;
import org.lianxin.node.store.RecordTransaction;

/**
 * The targets of something an organization sends down its subtree — a task (LX-TASK-4), a course
 * (LX-LEARN-4), a notice (LX-NOTICE-4): each a live organization of this node that is the sender or lies below it, and none
 * below another, so that no subtree is named twice.
 */
public final class Targets {

    private Targets() {}

    /** What is wrong with {@code targets} of {@code sender}, in a sentence; empty when nothing is. */
    public static Optional<String> problem(LogicalNode node, RecordTransaction tx, Optional<Node> sender, List<Node> targets) {
        List<List<Node>> lines = new ArrayList<>();
        for (Node target : targets) {
            List<Node> line = node.holdsOrganization(target) && References.isLive(tx, target) ? OrganizationLine.of(node, tx, target) : List.of();
            if (sender.isEmpty() || !line.contains(sender.get())) {
                return Optional.of("Each target is a live organization of this node in the sending organization's subtree.");
            }
            lines.add(line);
        }
        for (int i = 0; i < targets.size(); i++) {
            for (int j = 0; j < targets.size(); j++) {
                if (i != j && lines.get(i).contains(targets.get(j))) {
                    return Optional.of("No target lies in the subtree of another target.");
                }
            }
        }
        return Optional.empty();
    }
}
