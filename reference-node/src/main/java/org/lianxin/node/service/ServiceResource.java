package org.lianxin.node.service;

import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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

import org.apache.jena.graph.NodeFactory;
import org.lianxin.node.feedback.FeedbackGuard;
import org.lianxin.node.feedback.FeedbackMessages;
import org.lianxin.node.feedback.ThreadActions;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.JsonP;
import org.lianxin.node.records.ListFilter;
import org.lianxin.node.records.References;
import org.lianxin.node.security.Caller;
import org.lianxin.node.security.CurrentCaller;
import org.lianxin.node.security.Residents;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/**
 * {@code {base}/service-requests}: residents' requests to the organizations that serve them, and
 * the answers (spec chapter 18); {@code /service-requests/messages} carries them between nodes.
 * Everything but sending and assigning is the mechanism of chapter 14.
 */
@Path("/nodes/{node}/service-requests")
@RequestScoped
public class ServiceResource {

    private static final String ID = "{id: [A-Za-z0-9_-]{1,64}}";

    @Inject
    HostedNodes nodes;

    @Inject
    ServiceThread thread;

    @Inject
    ServiceRequests requests;

    @Inject
    ThreadActions actions;

    @Inject
    FeedbackMessages messages;

    @Inject
    CurrentCaller current;

    @Inject
    Residents residents;

    @PathParam("node")
    String nodeId;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    /** LX-SERVICE-3: a resident sends a request. */
    @POST
    @Consumes("*/*")
    public Response send(InputStream body) {
        LogicalNode node = node();
        Record input = thread.endpoints().input(node, body, headers);
        return thread.endpoints().written(node, requests.send(node, input, caller()), headers, 201);
    }

    /** LX-SERVICE-5: the requests the caller may see. */
    @GET
    public Response list(@QueryParam("state") String state, @QueryParam("organization") String organization) {
        audited();
        ListFilter filter = new ListFilter().term(state, "state", LX.feedbackState, List.of("Open", "Answered", "Closed"))
                .iri(organization, "organization", LX.sentTo, LX.escalatedTo);
        return thread.endpoints().list(node(), "/service-requests", filter.selection(), uri, headers, guard());
    }

    /** LX-SERVICE-4, -5: one request, its contact masked unless a purpose is stated; a read for an organization is audited. */
    @GET
    @Path(ID)
    public Response read(@PathParam("id") String id) {
        audited();
        return thread.endpoints().read(node(), id, headers, guard());
    }

    /** LX-SERVICE-6: {"text": "..."}. */
    @POST
    @Path(ID + "/replies")
    @Consumes("*/*")
    public Response reply(@PathParam("id") String id, String body) {
        return actions.reply(thread, node(), guard(), id, body, headers);
    }

    /** LX-SERVICE-6: {"rating": 1..5, "comment": "..."}. */
    @POST
    @Path(ID + "/rating")
    @Consumes("*/*")
    public Response rate(@PathParam("id") String id, String body) {
        return actions.rate(thread, node(), guard(), id, body, headers);
    }

    /** LX-SERVICE-6. */
    @POST
    @Path(ID + "/close")
    @Consumes("*/*")
    public Response close(@PathParam("id") String id) {
        return actions.close(thread, node(), guard(), id, headers);
    }

    /** LX-SERVICE-7: {"assignedTo": "{member or organization IRI}"}. */
    @POST
    @Path(ID + "/assignment")
    @Consumes("*/*")
    public Response assign(@PathParam("id") String id, String body) {
        LogicalNode node = node();
        FeedbackGuard guard = guard();
        Record seen = thread.collection().get(node, id, guard);
        JsonObject json = JsonP.object(body).orElseThrow(() -> ProblemException.badRequest("The body is a JSON object."));
        String assignee = json.get("assignedTo") instanceof JsonString s ? s.getString() : "";
        if (!assignee.matches(References.ABSOLUTE_IRI)) {
            throw ProblemException.invalid("assignedTo", "service-assignee", "assignedTo is the IRI of a member or an organization.", "LX-SERVICE-7");
        }
        return thread.endpoints().written(node, requests.assign(node, seen, guard, NodeFactory.createURI(assignee)), headers);
    }

    /** LX-SERVICE-8: a message of another node (Table 14.9). */
    @POST
    @Path("messages")
    @Consumes("*/*")
    public Response message(@HeaderParam("Idempotency-Key") String idempotencyKey, String body) {
        return messages.receive(thread, node(), caller(), idempotencyKey, body);
    }

    /** LX-SERVICE-12: a read by a secretary, an admin or a member (an assignee), whatever its outcome; the resident's own reads are not. */
    private void audited() {
        if (caller().managesSubtree() || caller().has(Caller.MEMBER)) {
            current.audited("service-read");
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
