package org.lianxin.node.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Node;
import org.lianxin.node.feedback.ThreadKind;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordEndpoints;
import org.lianxin.node.records.Records;
import org.lianxin.spec.LX;

/** Residents' service requests as a kind of thread (spec 18.4): the actions, escalation and messages of chapter 14. */
@ApplicationScoped
public class ServiceThread implements ThreadKind {

    /** Table 18.4. */
    static final List<String> CATEGORIES = List.of("ElderlyCare", "Employment", "MedicalCare", "Assistance", "Environment", "Dispute", "OtherService");

    /** The event of a new or escalated request (Table 18.7). */
    public static final String EVENT = "service-request";

    /** Table 18.6: the requirement of a request that says what each of chapter 14 says of a message. */
    private static final Map<String, String> REQUIREMENTS = Map.of("LX-FEEDBACK-4", "LX-SERVICE-6", "LX-FEEDBACK-5", "LX-SERVICE-6",
            "LX-FEEDBACK-6", "LX-SERVICE-6");

    @Inject
    Records records;

    @Override
    public Node recordClass() {
        return LX.ServiceRequest.asNode();
    }

    @Override
    public String segment() {
        return "service-requests";
    }

    @Override
    public RecordCollection collection() {
        return records.serviceRequests();
    }

    @Override
    public RecordEndpoints endpoints() {
        return records.serviceRequestEndpoints();
    }

    @Override
    public Node category() {
        return LX.serviceCategory.asNode();
    }

    @Override
    public List<String> categories() {
        return CATEGORIES;
    }

    @Override
    public String arrivalEvent() {
        return EVENT;
    }

    @Override
    public boolean senderTravels() {
        return false; // LX-SERVICE-9
    }

    @Override
    public String requirement(String feedbackRequirement) {
        return REQUIREMENTS.getOrDefault(feedbackRequirement, "LX-SERVICE-6");
    }
}
