package org.lianxin.node.activities;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.records.References;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * Activities of organizational life (spec chapter 12): a meeting, a lecture, a themed party day,
 * held by an organization of this node, with who attended and who was absent and why. An activity
 * lies under the organization that held it (Table 8.7).
 */
public final class ActivityKind implements RecordKind {

    @Override
    public String segment() {
        return "activities";
    }

    @Override
    public Node recordClass() {
        return LX.Activity.asNode();
    }

    @Override
    public Node placement() {
        return LX.heldBy.asNode();
    }

    @Override
    public List<Node> keptInTombstone() {
        return List.of(LX.heldBy.asNode());
    }

    /**
     * LX-ORGLIFE-4: held by a live organization of this node; LX-ORGLIFE-5: each member of this node
     * the write names anew is a live member, and nobody both attended and was absent.
     */
    @Override
    public List<FieldError> check(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        List<FieldError> errors = new ArrayList<>();
        Lifecycle.value(record, iri, LX.heldBy.asNode()).ifPresent(o -> {
            if (!node.holdsOrganization(o)) {
                errors.add(new FieldError("heldBy", "activity-organization", "heldBy is an organization of this node.", "LX-ORGLIFE-4"));
            } else {
                References.checkLocalOrganization(node, tx, o, "heldBy").ifPresent(errors::add);
            }
        });
        Set<Node> attended = new HashSet<>(record.find(iri, LX.attendee.asNode(), Node.ANY).mapWith(Triple::getObject).toList());
        List<Node> absent = record.find(iri, LX.absence.asNode(), Node.ANY).mapWith(Triple::getObject)
                .mapWith(a -> Lifecycle.value(record, a, LX.absentee.asNode()).orElse(a)).toList();
        Set<Node> named = new HashSet<>(attended);
        named.addAll(absent);
        // Only the members a write adds: the minutes of an old meeting stay editable after a member it names has left.
        tx.get(iri).ifPresent(before -> {
            named.removeAll(before.find(iri, LX.attendee.asNode(), Node.ANY).mapWith(Triple::getObject).toList());
            named.removeAll(before.find(Node.ANY, LX.absentee.asNode(), Node.ANY).mapWith(Triple::getObject).toList());
        });
        for (Node member : named) {
            boolean local = member.isURI() && member.getURI().startsWith(node.membersUrl() + "/");
            boolean live = local && tx.find(member, member, RDF.type.asNode(), LX.Member.asNode()).size() > 0
                    && tx.find(member, member, RDF.type.asNode(), LX.Tombstone.asNode()).isEmpty();
            if (local && !live) {
                errors.add(new FieldError("attendees", "attendee-member", "Every member of this node an activity names is a live member.", "LX-ORGLIFE-5"));
                break;
            }
        }
        if (absent.stream().anyMatch(attended::contains) || new HashSet<>(absent).size() < absent.size()) {
            errors.add(new FieldError("absences", "attendance-twice", "A member is named once: attended or absent.", "LX-ORGLIFE-5"));
        }
        return errors;
    }
}
