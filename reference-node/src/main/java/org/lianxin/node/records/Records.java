package org.lianxin.node.records;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lianxin.node.dues.DuesPaymentKind;
import org.lianxin.node.dues.DuesRates;
import org.lianxin.node.feedback.FeedbackKind;
import org.lianxin.node.learning.CourseKind;
import org.lianxin.node.learning.StudyRecordKind;
import org.lianxin.node.members.MemberKind;
import org.lianxin.node.notices.NoticeKind;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.OrganizationKind;
import org.lianxin.node.security.LookupKey;
import org.lianxin.node.service.ServiceRequestKind;
import org.lianxin.node.store.Record;
import org.lianxin.node.tasks.CompletionKind;
import org.lianxin.node.tasks.TaskKind;
import org.lianxin.node.transfers.TransferKind;
import org.lianxin.node.activities.ActivityKind;
import org.lianxin.spec.ContextTerms;
import org.lianxin.node.rdf.Representations;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.SpecResources;

/**
 * The record collections of every hosted node, built once from the spec's own files (context,
 * shapes) on the classpath: the node keeps no copy of the spec of its own.
 */
@ApplicationScoped
public class Records {

    @Inject
    @ConfigProperty(name = "lianxin.page.default")
    int defaultLimit;

    @Inject
    @ConfigProperty(name = "lianxin.page.max")
    int maxLimit;

    @Inject
    LookupKey lookupKey;

    @Inject
    DuesRates duesRates;

    private Representations representations;
    private RecordCollection organizations;
    private RecordCollection members;
    private MemberKind memberKind;
    private RecordEndpoints organizationEndpoints;
    private RecordEndpoints memberEndpoints;
    private DuesPaymentKind paymentKind;
    private RecordCollection payments;
    private RecordEndpoints paymentEndpoints;
    private RecordCollection transfers;
    private RecordCollection activities;
    private RecordEndpoints activityEndpoints;
    private RecordEndpoints transferEndpoints;
    private RecordCollection tasks;
    private RecordEndpoints taskEndpoints;
    private RecordCollection completions;
    private RecordEndpoints completionEndpoints;
    private RecordCollection feedback;
    private RecordEndpoints feedbackEndpoints;
    private RecordCollection courses;
    private RecordEndpoints courseEndpoints;
    private RecordCollection studyRecords;
    private RecordEndpoints studyRecordEndpoints;
    private RecordCollection notices;
    private RecordEndpoints noticeEndpoints;
    private RecordCollection serviceRequests;
    private RecordEndpoints serviceRequestEndpoints;

    @PostConstruct
    void build() {
        ContextTerms terms = new ContextTerms(SpecResources.contextJson());
        RecordValidator validator = new RecordValidator(SpecResources.shapesGraph(), terms);
        representations = new Representations(terms);
        organizations = new RecordCollection(new OrganizationKind(), validator);
        memberKind = new MemberKind(lookupKey);
        members = new RecordCollection(memberKind, validator);
        organizationEndpoints = new RecordEndpoints(organizations, representations, defaultLimit, maxLimit);
        memberEndpoints = new RecordEndpoints(members, representations, defaultLimit, maxLimit);
        paymentKind = new DuesPaymentKind(duesRates);
        payments = new RecordCollection(paymentKind, validator);
        paymentEndpoints = new RecordEndpoints(payments, representations, defaultLimit, maxLimit);
        transfers = new RecordCollection(new TransferKind(), validator);
        transferEndpoints = new RecordEndpoints(transfers, representations, defaultLimit, maxLimit);
        activities = new RecordCollection(new ActivityKind(), validator);
        activityEndpoints = new RecordEndpoints(activities, representations, defaultLimit, maxLimit);
        tasks = new RecordCollection(new TaskKind(), validator);
        taskEndpoints = new RecordEndpoints(tasks, representations, defaultLimit, maxLimit);
        completions = new RecordCollection(new CompletionKind(), validator);
        completionEndpoints = new RecordEndpoints(completions, representations, defaultLimit, maxLimit);
        feedback = new RecordCollection(new FeedbackKind(), validator);
        feedbackEndpoints = new RecordEndpoints(feedback, representations, defaultLimit, maxLimit);
        courses = new RecordCollection(new CourseKind(), validator);
        courseEndpoints = new RecordEndpoints(courses, representations, defaultLimit, maxLimit);
        studyRecords = new RecordCollection(new StudyRecordKind(), validator);
        studyRecordEndpoints = new RecordEndpoints(studyRecords, representations, defaultLimit, maxLimit);
        notices = new RecordCollection(new NoticeKind(), validator);
        noticeEndpoints = new RecordEndpoints(notices, representations, defaultLimit, maxLimit);
        serviceRequests = new RecordCollection(new ServiceRequestKind(), validator);
        serviceRequestEndpoints = new RecordEndpoints(serviceRequests, representations, defaultLimit, maxLimit);
    }

    public Representations representations() {
        return representations;
    }

    public RecordCollection organizations() {
        return organizations;
    }

    public MemberKind memberKind() {
        return memberKind;
    }

    public RecordCollection members() {
        return members;
    }

    public RecordEndpoints organizationEndpoints() {
        return organizationEndpoints;
    }

    public RecordEndpoints memberEndpoints() {
        return memberEndpoints;
    }

    public DuesPaymentKind paymentKind() {
        return paymentKind;
    }

    /** Dues payments (spec chapter 9). */
    public RecordCollection payments() {
        return payments;
    }

    public RecordEndpoints paymentEndpoints() {
        return paymentEndpoints;
    }

    /** Transfers (spec chapter 10). */
    public RecordCollection transfers() {
        return transfers;
    }

    public RecordEndpoints transferEndpoints() {
        return transferEndpoints;
    }

    /** Activities of organizational life (spec chapter 12). */
    public RecordCollection activities() {
        return activities;
    }

    public RecordEndpoints activityEndpoints() {
        return activityEndpoints;
    }

    /** Tasks (spec chapter 13). */
    public RecordCollection tasks() {
        return tasks;
    }

    public RecordEndpoints taskEndpoints() {
        return taskEndpoints;
    }

    /** Task completions (spec 13.8). */
    public RecordCollection completions() {
        return completions;
    }

    public RecordEndpoints completionEndpoints() {
        return completionEndpoints;
    }

    /** Feedback messages (spec chapter 14). */
    public RecordCollection feedback() {
        return feedback;
    }

    public RecordEndpoints feedbackEndpoints() {
        return feedbackEndpoints;
    }

    /** Courses (spec chapter 16). */
    public RecordCollection courses() {
        return courses;
    }

    public RecordEndpoints courseEndpoints() {
        return courseEndpoints;
    }

    /** Study records (spec 16.6). */
    public RecordCollection studyRecords() {
        return studyRecords;
    }

    public RecordEndpoints studyRecordEndpoints() {
        return studyRecordEndpoints;
    }

    /** Notices (spec chapter 17). */
    public RecordCollection notices() {
        return notices;
    }

    public RecordEndpoints noticeEndpoints() {
        return noticeEndpoints;
    }

    /** Residents' service requests (spec chapter 18). */
    public RecordCollection serviceRequests() {
        return serviceRequests;
    }

    public RecordEndpoints serviceRequestEndpoints() {
        return serviceRequestEndpoints;
    }

    /**
     * The record {@code iri} as the store gives it back: the store writes each time in its canonical
     * form (…12.22Z for the …12.220Z the node stamped), and an answer to a write must say what a
     * later read says (LX-TASK-2). {@code written} when the record is not there.
     */
    public static Record asStored(LogicalNode node, Node iri, Graph written) {
        return new Record(iri, node.store().read(tx -> tx.get(iri)).orElse(written));
    }
}
