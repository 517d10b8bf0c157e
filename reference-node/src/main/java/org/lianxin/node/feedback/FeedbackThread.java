package org.lianxin.node.feedback;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Node;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordEndpoints;
import org.lianxin.node.records.Records;
import org.lianxin.spec.LX;

/** Members' messages as a kind of thread (spec chapter 14). */
@ApplicationScoped
public class FeedbackThread implements ThreadKind {

    static final List<String> KINDS = List.of("Question", "Suggestion", "HelpRequest", "Report");

    @Inject
    Records records;

    @Override
    public Node recordClass() {
        return LX.Feedback.asNode();
    }

    @Override
    public String segment() {
        return "feedback";
    }

    @Override
    public RecordCollection collection() {
        return records.feedback();
    }

    @Override
    public RecordEndpoints endpoints() {
        return records.feedbackEndpoints();
    }

    @Override
    public Node category() {
        return LX.feedbackKind.asNode();
    }

    @Override
    public List<String> categories() {
        return KINDS;
    }

    @Override
    public String arrivalEvent() {
        return org.lianxin.node.events.Event.FEEDBACK;
    }

    @Override
    public boolean senderTravels() {
        return true;
    }

    @Override
    public String requirement(String feedbackRequirement) {
        return feedbackRequirement;
    }
}
