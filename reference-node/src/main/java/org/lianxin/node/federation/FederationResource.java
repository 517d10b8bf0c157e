package org.lianxin.node.federation;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.io.StringReader;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.federation.Registrations.State;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.security.Caller;
import org.lianxin.node.security.CurrentCaller;

/** {@code {base}/federation}: a node's parent and children, and the operator's registration of children. */
@Path("/nodes/{node}/federation")
@RequestScoped
public class FederationResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Federation federation;

    @Inject
    CurrentCaller caller;

    @PathParam("node")
    String nodeId;

    @GET
    public Response state() {
        LogicalNode node = nodes.node(nodeId);
        return json(200, toJson(node, federation.state(node)));
    }

    /** Registers a child by its base URL, after the handshake; then tells the child who its parent is. */
    @POST
    @Path("children")
    @Consumes("*/*")
    public Response register(String body) {
        LogicalNode node = nodes.node(nodeId);
        caller.require(Caller.NODE_OPERATOR);
        String base = baseOf(body);
        caller.concerns(List.of(Caller.Audience.normalized(base))); // Table 8.12: a federation entry names the other node
        Child child = federation.register(node, base, caller.authorization());
        boolean notified = federation.notifyChild(node, child.base(), caller.authorization());
        return json(201, JSON.createObjectBuilder(toJson(child)).add("parentNotified", notified).build());
    }

    @DELETE
    @Path("children")
    public Response unregister(@QueryParam("base") String base) {
        LogicalNode node = nodes.node(nodeId);
        caller.require(Caller.NODE_OPERATOR);
        if (base != null) {
            caller.concerns(List.of(Caller.Audience.normalized(base)));
        }
        federation.unregister(node, base, caller.authorization());
        return Response.noContent().build();
    }

    /** Called by the parent after it registered this node; accepted once the parent lists this node. */
    @PUT
    @Path("parent")
    @Consumes("*/*")
    public Response parent(String body) {
        LogicalNode node = nodes.node(nodeId);
        caller.require(Caller.NODE_OPERATOR);
        String base = baseOf(body);
        caller.concerns(List.of(Caller.Audience.normalized(base)));
        federation.acceptParent(node, base, caller.authorization());
        return json(200, toJson(node, federation.state(node)));
    }

    @DELETE
    @Path("parent")
    public Response clearParent() {
        LogicalNode node = nodes.node(nodeId);
        caller.require(Caller.NODE_OPERATOR);
        federation.state(node).parent().ifPresent(parent -> caller.concerns(List.of(parent)));
        federation.clearParent(node);
        return Response.noContent().build();
    }

    static JsonObject toJson(LogicalNode node, State state) {
        JsonArrayBuilder children = JSON.createArrayBuilder();
        state.children().forEach(c -> children.add(toJson(c)));
        JsonObjectBuilder json = JSON.createObjectBuilder().add("node", node.base());
        if (state.parent().isPresent()) {
            json.add("parent", JSON.createObjectBuilder().add("base", state.parent().get())
                    .add("since", state.parentSince().map(Object::toString).orElse("")));
        } else {
            json.addNull("parent");
        }
        return json.add("children", children).build();
    }

    static JsonObject toJson(Child child) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("base", child.base())
                .add("roots", JSON.createArrayBuilder(child.roots().keySet().stream().toList()))
                .add("registered", child.registered().toString())
                .add("status", child.active() ? "active" : "suspended");
        if (child.reason() != null) {
            json.add("reason", child.reason());
        }
        return json.build();
    }

    private static String baseOf(String body) {
        try {
            JsonObject json = JSON.createReader(new StringReader(body == null ? "" : body)).readObject();
            return json.getString("base");
        } catch (JsonException | ClassCastException | NullPointerException | IllegalStateException e) {
            throw ProblemException.badRequest("Send {\"base\": \"<the node's base URL>\"} as application/json.");
        }
    }

    private static Response json(int status, JsonObject body) {
        return Response.status(status).type("application/json;charset=utf-8").entity(body.toString()).build();
    }
}
