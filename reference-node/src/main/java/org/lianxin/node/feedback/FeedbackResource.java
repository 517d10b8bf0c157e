package org.lianxin.node.feedback;

import java.io.InputStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.security.Caller;
import org.lianxin.node.store.Record;

/**
 * {@code {base}/feedback}: members' messages to their organizations and the replies (spec
 * chapter 14); {@code /feedback/messages} carries them between nodes. The routes of every thread
 * are {@link ThreadResource}'s.
 */
@Path("/nodes/{node}/feedback")
@RequestScoped
public class FeedbackResource extends ThreadResource {

    @Inject
    Feedback feedback;

    @Inject
    FeedbackThread thread;

    @Override
    protected ThreadKind thread() {
        return thread;
    }

    /** LX-FEEDBACK-2: a member sends a message. */
    @POST
    @Consumes("*/*")
    public Response send(InputStream body) {
        LogicalNode node = node();
        Record input = thread.endpoints().input(node, body, headers);
        return thread.endpoints().written(node, feedback.send(node, input, caller()), headers, 201);
    }

    /** LX-FEEDBACK-19: a secretary's or admin's read is audited, whatever its outcome, under their organization. */
    @Override
    protected void audited(Caller caller) {
        if (caller.managesSubtree()) {
            current.audited("feedback-read");
        }
    }
}
