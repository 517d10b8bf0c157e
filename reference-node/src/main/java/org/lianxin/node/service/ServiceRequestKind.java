package org.lianxin.node.service;

import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lianxin.node.members.Masking;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * Residents' service requests (spec chapter 18). Who may see one is the rule of a thread
 * (LX-SERVICE-5, {@code FeedbackGuard}); the resident's contact is personal data, shown in full only
 * to a caller who states a purpose and masked otherwise, as a member's telephone and address
 * (LX-SERVICE-4).
 */
public final class ServiceRequestKind implements RecordKind {

    @Override
    public String segment() {
        return "service-requests";
    }

    @Override
    public Node recordClass() {
        return LX.ServiceRequest.asNode();
    }

    @Override
    public Node placement() {
        return LX.sentTo.asNode();
    }

    @Override
    public boolean personal() {
        return true;
    }

    /** LX-SERVICE-4: the contact's telephone and address as Table 8.9 masks a member's; its name stays. */
    @Override
    public Graph masked(Graph record, Node iri) {
        Optional<Node> contact = Lifecycle.value(record, iri, LX.contact.asNode());
        if (contact.isEmpty()) {
            return record;
        }
        Graph masked = GraphFactory.createDefaultGraph();
        for (Triple t : record.find().toList()) {
            if (!t.getSubject().equals(contact.get()) || !t.getObject().isLiteral()) {
                masked.add(t);
            } else if (t.getPredicate().equals(SchemaOrg.telephone.asNode())) {
                masked.add(t.getSubject(), t.getPredicate(), NodeFactory.createLiteralString(Masking.telephone(t.getObject().getLiteralLexicalForm())));
            } else if (t.getPredicate().equals(SchemaOrg.address.asNode())) {
                masked.add(t.getSubject(), t.getPredicate(), NodeFactory.createLiteralString(Masking.address(t.getObject().getLiteralLexicalForm())));
            } else {
                masked.add(t);
            }
        }
        return masked;
    }

    /** The rules that need the caller are checked by {@link ServiceRequests} before the write. */
    @Override
    public List<FieldError> check(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        return List.of();
    }
}
