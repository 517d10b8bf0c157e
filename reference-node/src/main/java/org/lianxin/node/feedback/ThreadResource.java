package org.lianxin.node.feedback;

import java.util.List;

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
import org.lianxin.node.security.Caller;
import org.lianxin.node.security.CurrentCaller;
import org.lianxin.node.security.Residents;
import org.lianxin.spec.LX;

/**
 * The routes every kind of thread has (spec 14.2, 18.2): list and read, reply, rate and close, and
 * the messages of other nodes. A kind's resource adds how a thread is sent, and whatever else is
 * its own (a request's assignment).
 */
public abstract class ThreadResource {

    /** A record id in a path: what no record can have is a 404 without looking. */
    protected static final String ID = "{id: [A-Za-z0-9_-]{1,64}}";

    @Inject
    protected HostedNodes nodes;

    @Inject
    protected CurrentCaller current;

    @Inject
    protected Residents residents;

    @Inject
    protected ThreadActions actions;

    @Inject
    protected FeedbackMessages messages;

    @PathParam("node")
    protected String nodeId;

    @Context
    protected HttpHeaders headers;

    @Context
    protected UriInfo uri;

    /** The kind of thread of this resource. */
    protected abstract ThreadKind thread();

    /** Audits the caller's read, when it is one of Table 8.13 (LX-FEEDBACK-19, LX-SERVICE-12). */
    protected abstract void audited(Caller caller);

    /** LX-FEEDBACK-7, LX-SERVICE-11: the threads the caller may see, by the filters of Table 14.8. */
    @GET
    public Response list(@QueryParam("state") String state, @QueryParam("organization") String organization) {
        audited(caller());
        ListFilter filter = new ListFilter().term(state, "state", LX.feedbackState, List.of("Open", "Answered", "Closed"))
                .iri(organization, "organization", LX.sentTo, LX.escalatedTo);
        return thread().endpoints().list(node(), "/" + thread().segment(), filter.selection(), uri, headers, guard());
    }

    /** LX-FEEDBACK-3, LX-SERVICE-4, -5: one thread, personal data in full only with a stated purpose. */
    @GET
    @Path(ID)
    public Response read(@PathParam("id") String id) {
        audited(caller());
        return thread().endpoints().read(node(), id, headers, guard());
    }

    /** LX-FEEDBACK-4, LX-SERVICE-6: {"text": "..."}. */
    @POST
    @Path(ID + "/replies")
    @Consumes("*/*")
    public Response reply(@PathParam("id") String id, String body) {
        return actions.reply(thread(), node(), guard(), id, body, headers);
    }

    /** LX-FEEDBACK-5, LX-SERVICE-6: {"rating": 1..5, "comment": "..."}. */
    @POST
    @Path(ID + "/rating")
    @Consumes("*/*")
    public Response rate(@PathParam("id") String id, String body) {
        return actions.rate(thread(), node(), guard(), id, body, headers);
    }

    /** LX-FEEDBACK-6, LX-SERVICE-6. */
    @POST
    @Path(ID + "/close")
    @Consumes("*/*")
    public Response close(@PathParam("id") String id) {
        return actions.close(thread(), node(), guard(), id, headers);
    }

    /** Table 14.9: a message of another node (LX-FEEDBACK-13, LX-SERVICE-10). */
    @POST
    @Path("messages")
    @Consumes("*/*")
    public Response message(@HeaderParam("Idempotency-Key") String idempotencyKey, String body) {
        return messages.receive(thread(), node(), caller(), idempotencyKey, body);
    }

    protected Caller caller() {
        return current.get().orElseThrow();
    }

    protected FeedbackGuard guard() {
        return new FeedbackGuard(caller(), residents.persons(caller()));
    }

    protected LogicalNode node() {
        return nodes.node(nodeId);
    }
}
