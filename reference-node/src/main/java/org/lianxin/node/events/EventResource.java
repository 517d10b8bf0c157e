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
        // 14.8: a Last-Event-ID that is not the id of an event of this node is ignored, as if there were none.
        Optional<Long> after = Optional.ofNullable(lastEventId).map(String::strip).filter(id -> id.matches("\\d{1,18}")).map(Long::parseLong);
        streams.subscribe(node, current.get().orElseThrow(), after, sink, sse);
    }
}
