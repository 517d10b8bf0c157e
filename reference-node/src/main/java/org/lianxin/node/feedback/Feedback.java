package org.lianxin.node.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.events.Event;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.rdf.RecordInput;
import org.lianxin.node.organizations.OrganizationLine;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.Records;
import org.lianxin.node.records.References;
import org.lianxin.node.security.Caller;
import org.lianxin.node.store.Record;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * What senders and organizations do with threads (spec 14.4–14.5, 18.4): a member sends a message
 * (a resident's request is sent by {@code ServiceRequests}), the organization replies, the sender
 * follows up, rates or closes; a thread left unanswered climbs one level at a time (LX-FEEDBACK-8,
 * LX-SERVICE-8). Each change is one transaction with the event that reports it.
 */
@ApplicationScoped
public class Feedback {

    /** What a member states of a message; the rest is the node's (Table 14.3). */
    private static final List<Node> STATED = List.of(RDF.type.asNode(), LX.feedbackKind.asNode(), LX.sender.asNode(), LX.sentTo.asNode(),
            SchemaOrg.name.asNode(), SchemaOrg.text.asNode());

    @Inject
    Records records;

    @Inject
    FeedbackCourier courier;

    @Inject
    FeedbackThread feedbackThread;

    @Inject
    Threads threads;

    /** LX-FEEDBACK-2: a member sends a message to their organization. */
    public Record send(LogicalNode node, Record input, Caller caller) {
        RecordCollection feedback = records.feedback();
        Node iri = input.iri();
        Node member = caller.has(Caller.MEMBER) ? caller.member().map(NodeFactory::createURI).orElse(null) : null;
        Optional<Graph> record = member == null ? Optional.empty() : node.store().read(tx -> References.liveMember(node, tx, member));
        if (record.isEmpty()) {
            throw ProblemException.forbidden("A member of this node sends feedback, with a token naming them (role member)."); // LX-FEEDBACK-2
        }
        Graph message = RecordInput.stated(input, STATED);
        RecordValidator.reject(feedback.validate(new Record(iri, message)));
        if (Lifecycle.value(message, iri, LX.sender.asNode()).filter(s -> !s.equals(member)).isPresent()) {
            throw ProblemException.invalid("sender", "feedback-sender", "A member sends feedback in their own name only.", "LX-FEEDBACK-2");
        }
        Node branch = Lifecycle.value(record.get(), member, LX.branch.asNode()).orElseThrow();
        Node sentTo = Lifecycle.value(message, iri, LX.sentTo.asNode()).orElse(branch);
        if (!node.store().read(tx -> OrganizationLine.of(node, tx, branch)).contains(sentTo)) {
            throw ProblemException.invalid("sentTo", "feedback-organization",
                    "sentTo is the member's branch or one of its superiors on this node.", "LX-FEEDBACK-2");
        }
        Lifecycle.set(message, iri, LX.sender.asNode(), member);
        Lifecycle.set(message, iri, LX.sentTo.asNode(), sentTo);
        Lifecycle.value(record.get(), member, SchemaOrg.name.asNode()).ifPresent(n -> message.add(iri, LX.senderName.asNode(), n));
        message.add(iri, LX.feedbackState.asNode(), LX.Open.asNode());
        message.add(iri, LX.sentAt.asNode(), Lifecycle.dateTime(Instant.now()));
        Graph stored = node.store().write(tx -> {
            Graph g = feedback.writeIn(node, tx, new Record(iri, message));
            Conversation.announce(feedbackThread, tx, g, iri, sentTo);
            return g;
        });
        return Records.asStored(node, iri, stored);
    }

    /**
     * LX-FEEDBACK-4, LX-SERVICE-6: a reply by whoever acts for an organization the thread reached or
     * was assigned to, or by the member it was assigned to, for the organization it was sent to; or a
     * follow-up by its sender. The reply then travels to every record of the chain (LX-FEEDBACK-11).
     */
    public Record reply(ThreadKind kind, LogicalNode node, Record seen, FeedbackGuard guard, String text) {
        Node iri = seen.iri();
        checkText(kind, text, "text", 2000);
        Optional<Node> repliedBy = FeedbackGuard.organizations(seen.graph(), iri).contains(guard.actingFor()) ? Optional.of(guard.actingFor())
                : guard.assignee(seen.graph(), iri) ? Lifecycle.value(seen.graph(), iri, LX.sentTo.asNode()) : Optional.empty();
        boolean byOrganization = repliedBy.isPresent();
        Conversation.Reply reply = new Conversation.Reply(UUID.randomUUID().toString(), text, repliedBy,
                Lifecycle.dateTime(Instant.now()).getLiteralLexicalForm());
        change(kind, node, iri, "reply", (before, after) -> {
            Conversation.add(after, iri, reply);
            Lifecycle.set(after, iri, LX.feedbackState.asNode(), byOrganization ? LX.Answered.asNode() : LX.Open.asNode());
            return Event.REPLY;
        }, reply);
        return read(node, iri);
    }

    /** LX-FEEDBACK-5, LX-SERVICE-6: the sender rates an answered thread, which closes it. */
    public Record rate(ThreadKind kind, LogicalNode node, Record seen, FeedbackGuard guard, int rating, Optional<String> comment) {
        Node iri = seen.iri();
        String requirement = kind.requirement("LX-FEEDBACK-5");
        if (!guard.sender(seen.graph(), iri)) {
            throw ProblemException.forbidden("Only the sender rates the answer."); // LX-FEEDBACK-5
        }
        if (rating < 1 || rating > 5) {
            throw ProblemException.invalid("rating", "feedback-rating", "rating is 1 to 5.", requirement);
        }
        if (comment.filter(c -> c.length() > 500).isPresent()) {
            throw ProblemException.invalid("rating", "feedback-rating", "comment is at most 500 characters.", requirement);
        }
        change(kind, node, iri, "rating", (before, after) -> {
            if (before.contains(iri, LX.escalatedFrom.asNode(), Node.ANY)) {
                throw conflict("A copy is not rated: its sender rates the message on their own node.", requirement);
            }
            if (!Conversation.state(before, iri).equals(LX.Answered.asNode())) {
                throw conflict("Only an Answered message is rated; this one is " + Conversation.state(before, iri).getLocalName() + ".", requirement);
            }
            Lifecycle.set(after, iri, LX.rating.asNode(), NodeFactory.createLiteralDT(Integer.toString(rating), XSDDatatype.XSDinteger));
            comment.ifPresent(c -> Lifecycle.set(after, iri, LX.ratingComment.asNode(), NodeFactory.createLiteralString(c)));
            Lifecycle.set(after, iri, LX.feedbackState.asNode(), LX.Closed.asNode());
            return Event.FEEDBACK_STATE;
        }, null);
        return read(node, iri);
    }

    /** LX-FEEDBACK-6, LX-SERVICE-6: the sender, or whoever acts for the organization it was sent to, closes the thread. */
    public Record close(ThreadKind kind, LogicalNode node, Record seen, FeedbackGuard guard) {
        Node iri = seen.iri();
        boolean sentToThem = Lifecycle.value(seen.graph(), iri, LX.sentTo.asNode()).filter(guard.actingFor()::equals).isPresent();
        if (!guard.sender(seen.graph(), iri) && !sentToThem) {
            throw ProblemException.forbidden("Only the sender or the organization it was sent to closes a message."); // LX-FEEDBACK-6
        }
        change(kind, node, iri, "close", (before, after) -> {
            if (before.contains(iri, LX.escalatedFrom.asNode(), Node.ANY)) {
                throw conflict("A copy is not closed: the message is closed on its sender's node.", kind.requirement("LX-FEEDBACK-6"));
            }
            Lifecycle.set(after, iri, LX.feedbackState.asNode(), LX.Closed.asNode());
            return Event.FEEDBACK_STATE;
        }, null);
        return read(node, iri);
    }

    /**
     * LX-SERVICE-7: the thread is assigned to {@code assignee}, a member or an organization, who may
     * then read it and reply (the caller's right to assign is checked by the kind's own code).
     */
    public void assign(ThreadKind kind, LogicalNode node, Node iri, Node assignee) {
        change(kind, node, iri, "assignment", (before, after) -> {
            Lifecycle.set(after, iri, LX.assignedTo.asNode(), assignee);
            return Event.ASSIGNMENT;
        }, null);
    }

    /** Writes, in {@code tx}, the event of a new thread for {@code organization} and its sender (Table 14.12). */
    public void announce(ThreadKind kind, RecordTransaction tx, Graph g, Node iri, Node organization) {
        Conversation.announce(kind, tx, g, iri, organization);
    }

    /** A change of the record by a person: refused on a Closed message (409), written with its event, then passed along the chain. */
    private void change(ThreadKind kind, LogicalNode node, Node iri, String what, java.util.function.BiFunction<Graph, Graph, String> how,
                        Conversation.Reply reply) {
        node.store().write(tx -> {
            Graph before = tx.get(iri).orElseThrow();
            if (Conversation.state(before, iri).equals(LX.Closed.asNode())) {
                throw conflict("The message is Closed; no " + what + " is possible.", kind.requirement("LX-FEEDBACK-4"));
            }
            Graph after = Lifecycle.withoutDates(before, iri);
            String event = how.apply(before, after);
            var data = Conversation.eventData(kind, after, iri);
            if (reply != null) {
                data.add("replyId", reply.replyId());
                reply.repliedBy().ifPresent(o -> data.add("repliedBy", o.getURI()));
            }
            return Conversation.store(kind, tx, iri, before, after, event, data.build(), FeedbackGuard.organizations(after, iri));
        });
        courier.wake(node, iri);
    }

    /**
     * LX-FEEDBACK-8, LX-SERVICE-8: escalates, one level, each Open thread of {@code node} whose clock
     * ran past {@code escalateAfter} and whose holder is an organization of this node.
     */
    public void escalateDue(LogicalNode node, Duration escalateAfter) {
        String query = "SELECT ?m WHERE { GRAPH ?m { ?m <" + LX.feedbackState.getURI() + "> <" + LX.Open.getURI() + "> } }";
        Instant due = Instant.now().minus(escalateAfter);
        List<Node> open = node.store().read(tx -> tx.select(QueryFactory.create(query)).stream().map(r -> r.get(Var.alloc("m"))).toList());
        for (Node iri : open) {
            boolean escalated = node.store().write(tx -> {
                Graph before = tx.get(iri).orElseThrow();
                if (!Conversation.state(before, iri).equals(LX.Open.asNode()) || Conversation.clock(before, iri).isAfter(due)) {
                    return false;
                }
                Node holder = Conversation.holder(tx, before, iri);
                Optional<Node> superior = node.holdsOrganization(holder) ? OrganizationLine.superior(tx, holder) : Optional.empty();
                if (superior.isEmpty()) {
                    return false; // the top, or held by the copy on the node above, which escalates it there
                }
                Graph after = Lifecycle.withoutDates(before, iri);
                after.add(iri, LX.escalatedTo.asNode(), superior.get());
                Lifecycle.set(after, iri, LX.escalatedAt.asNode(), Lifecycle.dateTime(Instant.now()));
                Graph stamped = Lifecycle.stamped(after, iri, Optional.of(before), Lifecycle.writeTime(Optional.of(before), iri));
                tx.put(iri, stamped);
                if (node.holdsOrganization(superior.get())) {
                    Conversation.announce(threads.of(stamped, iri), tx, stamped, iri, superior.get());
                }
                return true;
            });
            if (escalated) {
                courier.wake(node, iri);
            }
        }
    }

    Record read(LogicalNode node, Node iri) {
        return new Record(iri, node.store().read(tx -> tx.get(iri)).orElseThrow());
    }

    private static void checkText(ThreadKind kind, String text, String field, int max) {
        if (text == null || text.isBlank() || text.length() > max) {
            throw ProblemException.invalid(field, "feedback-text", field + " is 1 to " + max + " characters.", kind.requirement("LX-FEEDBACK-4"));
        }
    }

    static ProblemException conflict(String detail, String requirement) {
        return ProblemException.conflict(detail, List.of(new FieldError("feedbackState", "feedback-state", detail, requirement)));
    }
}
