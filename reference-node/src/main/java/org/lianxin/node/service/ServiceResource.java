package org.lianxin.node.service;

import java.io.InputStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.apache.jena.graph.NodeFactory;
import org.lianxin.node.feedback.FeedbackGuard;
import org.lianxin.node.feedback.ThreadKind;
import org.lianxin.node.feedback.ThreadResource;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.JsonP;
import org.lianxin.node.records.References;
import org.lianxin.node.security.Caller;
import org.lianxin.node.store.Record;

/**
 * {@code {base}/service-requests}: residents' requests to the organizations that serve them, and
 * the answers (spec chapter 18); {@code /service-requests/messages} carries them between nodes.
 * Reading, listing, replies, rating, closing and the messages are the routes of every thread
 * ({@link ThreadResource}); sending and assigning are a request's own.
 */
@Path("/nodes/{node}/service-requests")
@RequestScoped
public class ServiceResource extends ThreadResource {

    @Inject
    ServiceThread thread;

    @Inject
    ServiceRequests requests;

    @Override
    protected ThreadKind thread() {
        return thread;
    }

    /** LX-SERVICE-3: a resident sends a request. */
    @POST
    @Consumes("*/*")
    public Response send(InputStream body) {
        LogicalNode node = node();
        Record input = thread.endpoints().input(node, body, headers);
        return thread.endpoints().written(node, requests.send(node, input, caller()), headers, 201);
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

    /** LX-SERVICE-12: a read by a secretary, an admin or a member (an assignee), whatever its outcome; the resident's own reads are not. */
    @Override
    protected void audited(Caller caller) {
        if (caller.managesSubtree() || caller.has(Caller.MEMBER)) {
            current.audited("service-read");
        }
    }
}
