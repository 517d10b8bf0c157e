package org.lianxin.node.events;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.security.CurrentCaller;

/**
 * {@code {base}/events}: the caller's Server-Sent Events — new feedback messages, replies, state
 * changes and tasks (spec 14.6, LX-FEEDBACK-14). {@code Last-Event-ID} resumes after the event it
 * names (LX-FEEDBACK-17).
 */
@Path("/nodes/{node}/events")
@RequestScoped
public class EventResource {

    @Inject
    HostedNodes nodes;

    @Inject
    EventStreams streams;

    @Inject
    CurrentCaller current;

    @PathParam("node")
    String nodeId;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void subscribe(@HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        LogicalNode node = nodes.node(nodeId);
        Optional<Long> after;
        if (lastEventId == null || lastEventId.isBlank()) {
            after = Optional.empty();
        } else if (lastEventId.strip().matches("\\d{1,18}")) {
            after = Optional.of(Long.parseLong(lastEventId.strip()));
        } else {
            throw ProblemException.badRequest("Last-Event-ID is the id of an event of this node, a number.");
        }
        streams.subscribe(node, current.get().orElseThrow(), after, sink, sse);
    }
}
