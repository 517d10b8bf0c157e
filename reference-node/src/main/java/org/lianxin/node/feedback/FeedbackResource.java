package org.lianxin.node.feedback;

import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.ListFilter;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Caller;
import org.lianxin.node.security.CurrentCaller;
import org.lianxin.node.security.Residents;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/**
 * {@code {base}/feedback}: members' messages to their organizations and the replies (spec
 * chapter 14); {@code /feedback/messages} carries them between nodes.
 */
@Path("/nodes/{node}/feedback")
@RequestScoped
public class FeedbackResource {

    private static final String ID = "{id: [A-Za-z0-9_-]{1,64}}";

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Feedback feedback;

    @Inject
    FeedbackMessages messages;

    @Inject
    ThreadActions actions;

    @Inject
    CurrentCaller current;

    @Inject
    FeedbackThread thread;

    @Inject
    Residents residents;

    @PathParam("node")
    String nodeId;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    /** LX-FEEDBACK-2: a member sends a message. */
    @POST
    @Consumes("*/*")
    public Response send(InputStream body) {
        LogicalNode node = node();
        Record input = records.feedbackEndpoints().input(node, body, headers);
        return records.feedbackEndpoints().written(node, feedback.send(node, input, caller()), headers, 201);
    }

    /** LX-FEEDBACK-7: the messages the caller may see. */
    @GET
    public Response list(@QueryParam("state") String state, @QueryParam("organization") String organization) {
        audited();
        ListFilter filter = new ListFilter().term(state, "state", LX.feedbackState, List.of("Open", "Answered", "Closed"))
                .iri(organization, "organization", LX.sentTo, LX.escalatedTo);
        return records.feedbackEndpoints().list(node(), "/feedback", filter.selection(), uri, headers, guard());
    }

    /** LX-FEEDBACK-3, -19: one message; an organization's read is a personal-data read, audited. */
    @GET
    @Path(ID)
    public Response read(@PathParam("id") String id) {
        LogicalNode node = node();
        audited();
        Record seen = records.feedback().get(node, id, guard());
        return records.feedbackEndpoints().written(node, seen, headers);
    }

    /** LX-FEEDBACK-4: {"text": "..."}. */
    @POST
    @Path(ID + "/replies")
    @Consumes("*/*")
    public Response reply(@PathParam("id") String id, String body) {
        return actions.reply(thread, node(), guard(), id, body, headers);
    }

    /** LX-FEEDBACK-5: {"rating": 1..5, "comment": "..."}. */
    @POST
    @Path(ID + "/rating")
    @Consumes("*/*")
    public Response rate(@PathParam("id") String id, String body) {
        return actions.rate(thread, node(), guard(), id, body, headers);
    }

    /** LX-FEEDBACK-6. */
    @POST
    @Path(ID + "/close")
    @Consumes("*/*")
    public Response close(@PathParam("id") String id) {
        return actions.close(thread, node(), guard(), id, headers);
    }

    /** Table 14.8: a message of another node. */
    @POST
    @Path("messages")
    @Consumes("*/*")
    public Response message(@HeaderParam("Idempotency-Key") String idempotencyKey, String body) {
        return messages.receive(thread, node(), caller(), idempotencyKey, body);
    }

    /** LX-FEEDBACK-19: a secretary's or admin's read is audited, whatever its outcome, under their organization. */
    private void audited() {
        if (caller().managesSubtree()) {
            current.audited("feedback-read");
        }
    }

    private Caller caller() {
        return current.get().orElseThrow();
    }

    private FeedbackGuard guard() {
        return new FeedbackGuard(caller(), residents.persons(caller()));
    }

    private LogicalNode node() {
        return nodes.node(nodeId);
    }
}
