package org.lianxin.node.notices;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.Targets;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.records.References;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * Notices (spec chapter 17): a text an organization of this node publishes to its subtree. A notice
 * lies under the organization that published it (Table 8.7).
 */
public final class NoticeKind implements RecordKind {

    static final String PUBLISHER_RULE = "notice-publisher";

    @Override
    public String segment() {
        return "notices";
    }

    @Override
    public Node recordClass() {
        return LX.Notice.asNode();
    }

    @Override
    public Node placement() {
        return LX.publishedBy.asNode();
    }

    @Override
    public List<Node> keptInTombstone() {
        return List.of(LX.publishedBy.asNode());
    }

    /** LX-NOTICE-3, -4: the publisher is a live organization of this node, the targets lie in its subtree. */
    @Override
    public List<FieldError> check(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Node> publisher = Lifecycle.value(record, iri, LX.publishedBy.asNode());
        if (publisher.isPresent()) {
            if (!node.holdsOrganization(publisher.get())) {
                errors.add(new FieldError("publishedBy", PUBLISHER_RULE, "publishedBy is an organization of this node.", "LX-NOTICE-3"));
                return errors;
            }
            Optional<FieldError> missing = References.checkLocalOrganization(node, tx, publisher.get(), "publishedBy");
            if (missing.isPresent()) {
                errors.add(new FieldError("publishedBy", PUBLISHER_RULE, "publishedBy is a live organization of this node.", "LX-NOTICE-3"));
                return errors;
            }
        }
        List<Node> targets = record.find(iri, LX.target.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
        Targets.problem(node, tx, publisher, targets)
                .ifPresent(p -> errors.add(new FieldError("targets", "notice-target", p, "LX-NOTICE-4")));
        return errors;
    }
}
