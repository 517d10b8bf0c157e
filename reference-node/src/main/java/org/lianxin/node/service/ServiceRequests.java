package org.lianxin.node.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.feedback.Feedback;
import org.lianxin.node.feedback.FeedbackGuard;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.OrganizationLine;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.RecordInput;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.Records;
import org.lianxin.node.records.References;
import org.lianxin.node.security.Caller;
import org.lianxin.node.security.Residents;
import org.lianxin.node.store.Record;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * What only a service request has (spec 18.4): a resident sends it to a service point, and the
 * organization it was sent to assigns it. Replies, rating, closing, escalation and the messages
 * between nodes are those of every thread ({@code org.lianxin.node.feedback}).
 */
@ApplicationScoped
public class ServiceRequests {

    /** What a resident states of a request; the rest is the node's (Table 18.3). */
    private static final List<Node> STATED = List.of(RDF.type.asNode(), LX.serviceCategory.asNode(), LX.sentTo.asNode(), LX.contact.asNode(),
            SchemaOrg.name.asNode(), SchemaOrg.text.asNode());

    @Inject
    Records records;

    @Inject
    Residents residents;

    @Inject
    ServiceThread thread;

    @Inject
    Feedback feedback;

    /** LX-SERVICE-3: a resident sends a request to a service point of this node. */
    public Record send(LogicalNode node, Record input, Caller caller) {
        if (!caller.has(Caller.RESIDENT)) {
            throw ProblemException.forbidden("A resident sends service requests, with a token of the role resident."); // LX-SERVICE-3
        }
        RecordCollection requests = records.serviceRequests();
        Node iri = input.iri();
        Graph request = RecordInput.stated(input, STATED);
        RecordValidator.reject(requests.validate(new Record(iri, request)));
        if (Lifecycle.value(request, iri, LX.contact.asNode()).isEmpty()) {
            throw ProblemException.invalid("contact", "service-contact", "A request says how to reach the resident: contact with name and telephone.",
                    "LX-SERVICE-3");
        }
        Optional<Node> sentTo = Lifecycle.value(request, iri, LX.sentTo.asNode());
        if (sentTo.isEmpty() || !node.store().read(tx -> ServicePoints.isServicePoint(node, tx, sentTo.get()))) {
            throw ProblemException.invalid("sentTo", "service-organization", "sentTo is a service point of this node (an organization with a serviceArea).",
                    "LX-SERVICE-3");
        }
        request.add(iri, LX.sender.asNode(), residents.resident(caller));
        request.add(iri, LX.feedbackState.asNode(), LX.Open.asNode());
        request.add(iri, LX.sentAt.asNode(), Lifecycle.dateTime(Instant.now()));
        Graph stored = node.store().write(tx -> {
            Graph g = requests.writeIn(node, tx, new Record(iri, request));
            feedback.announce(thread, tx, g, iri, sentTo.get());
            return g;
        });
        return Records.asStored(node, iri, stored);
    }

    /**
     * LX-SERVICE-7: whoever acts for the organization a request was sent to assigns it to a member
     * or an organization of that organization's subtree on this node, once more or to another, until
     * it is closed.
     */
    public Record assign(LogicalNode node, Record seen, FeedbackGuard guard, Node assignee) {
        Node iri = seen.iri();
        Node sentTo = Lifecycle.value(seen.graph(), iri, LX.sentTo.asNode()).orElseThrow();
        if (!guard.actingFor().equals(sentTo) || seen.graph().contains(iri, LX.escalatedFrom.asNode(), Node.ANY)) {
            throw ProblemException.forbidden("The organization a request was sent to assigns it, on its own node."); // LX-SERVICE-7
        }
        boolean inSubtree = node.store().read(tx -> {
            Optional<Graph> member = References.liveMember(node, tx, assignee);
            if (member.isPresent()) {
                Node branch = Lifecycle.value(member.get(), assignee, LX.branch.asNode()).orElseThrow();
                return OrganizationLine.of(node, tx, branch).contains(sentTo);
            }
            return node.holdsOrganization(assignee) && References.isLive(tx, assignee) && OrganizationLine.of(node, tx, assignee).contains(sentTo);
        });
        if (!inSubtree) {
            throw ProblemException.invalid("assignedTo", "service-assignee", "assignedTo is a member or an organization of the subtree of " + sentTo.getURI()
                    + " on this node.", "LX-SERVICE-7");
        }
        feedback.assign(thread, node, iri, assignee);
        return new Record(iri, node.store().read(tx -> tx.get(iri)).orElseThrow());
    }
}
