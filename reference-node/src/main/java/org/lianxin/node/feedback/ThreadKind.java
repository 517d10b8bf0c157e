package org.lianxin.node.feedback;

import java.util.List;

import org.apache.jena.graph.Node;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordEndpoints;

/**
 * A kind of thread: a record someone sends to an organization, which the organization answers,
 * which its sender follows up, rates or closes, and which climbs the hierarchy, across nodes, when
 * nobody answers. Members' messages (spec chapter 14) and residents' service requests (chapter 18)
 * are the two kinds; one mechanism — {@link Feedback}, {@link Conversation}, {@link FeedbackCourier},
 * {@link FeedbackMessages}, {@link FeedbackGuard} — serves both, and a kind says only what differs.
 */
public interface ThreadKind {

    /** The class of the records, {@code lx:Feedback} or {@code lx:ServiceRequest}. */
    Node recordClass();

    /** The collection's path segment, {@code feedback} or {@code service-requests}; messages between nodes go to {@code {base}/{segment}/messages}. */
    String segment();

    /** The records of the kind. */
    RecordCollection collection();

    /** Their HTTP side. */
    RecordEndpoints endpoints();

    /** The property naming what the thread is about, {@code lx:feedbackKind} or {@code lx:serviceCategory}; its local name is its JSON key. */
    Node category();

    /** The JSON values of {@link #category()}: the local names of its concepts. */
    List<String> categories();

    /** The event of a new or escalated record (Table 14.12, Table 18.7). */
    String arrivalEvent();

    /**
     * Whether an escalation names the sender ({@code sender}, {@code senderName}): a member's message
     * does (LX-FEEDBACK-10 keeps the rest of the member out); a resident's request does not (LX-SERVICE-9).
     */
    boolean senderTravels();

    /** The requirement of this kind that says what {@code feedbackRequirement} says of feedback, for problem reports. */
    String requirement(String feedbackRequirement);
}
