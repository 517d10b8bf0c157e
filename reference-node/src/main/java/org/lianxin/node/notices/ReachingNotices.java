package org.lianxin.node.notices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.publications.FromAbove;

/**
 * The notices that reach a node (spec 17.5): its own, and those of every node above, which its
 * parent tells it at {@code {parent}/notices/inbound} — the mechanism of tasks, {@link FromAbove}.
 */
@ApplicationScoped
public class ReachingNotices {

    @Inject
    FromAbove fromAbove;

    /** This node's notices and those from above, each without withdrawnAt and published in the last 366 days. */
    public FromAbove.Seen<NoticeSummary> seen(LogicalNode node) {
        return fromAbove.seen(node, Notices.local(node), "/notices/inbound", "notices", NoticeSummary::fromJson);
    }
}
