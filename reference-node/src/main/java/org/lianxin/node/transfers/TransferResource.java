package org.lianxin.node.transfers;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

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

import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.JsonP;
import org.lianxin.node.records.ListFilter;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Access;
import org.lianxin.node.security.CurrentCaller;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/**
 * {@code {base}/transfers}: organizational-relationship transfers (spec chapter 10). A secretary
 * of the member's branch requests and approves; the receiving organization, on its own node,
 * accepts or rejects; the nodes tell each other through {@code /transfers/messages}.
 */
@Path("/nodes/{node}/transfers")
@RequestScoped
public class TransferResource {

    private static final String ID = "{id: [A-Za-z0-9_-]{1,64}}";

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @Inject
    Transfers transfers;

    @Inject
    TransferMessages messages;

    @Inject
    CurrentCaller current;

    @PathParam("node")
    String nodeId;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    /** LX-TRANSFER-2..5: a new transfer, Requested. */
    @POST
    @Consumes("*/*")
    public Response request(InputStream body) {
        LogicalNode node = node();
        return records.transferEndpoints().create(node, body, headers, access, input -> transfers.requested(node, input, access));
    }

    /** LX-TRANSFER-24: the transfers the caller may read, filtered by member (either IRI) and state. */
    @GET
    public Response list(@QueryParam("member") String member, @QueryParam("state") String state) {
        ListFilter filter = new ListFilter().iri(member, "member", LX.transferredMember, LX.newMember)
                .term(state, "state", LX.transferState, java.util.Arrays.stream(TransferState.values()).map(TransferState::json).toList());
        return records.transferEndpoints().list(node(), "/transfers", filter.selection(), uri, headers, access);
    }

    @GET
    @Path(ID)
    public Response read(@PathParam("id") String id) {
        return records.transferEndpoints().read(node(), id, headers, access);
    }

    /** LX-TRANSFER-6: the sending organization approves and issues the introduction letter. */
    @POST
    @Path(ID + "/approve")
    @Consumes("*/*")
    public Response approve(@PathParam("id") String id) {
        return act(id, Transfers.Action.APPROVE, Optional.empty());
    }

    /** LX-TRANSFER-23: the sending organization withdraws the transfer. */
    @POST
    @Path(ID + "/cancel")
    @Consumes("*/*")
    public Response cancel(@PathParam("id") String id, String body) {
        return act(id, Transfers.Action.CANCEL, reason(body));
    }

    /** LX-TRANSFER-15, -16: the receiving organization accepts. */
    @POST
    @Path(ID + "/accept")
    @Consumes("*/*")
    public Response accept(@PathParam("id") String id) {
        return act(id, Transfers.Action.ACCEPT, Optional.empty());
    }

    /** LX-TRANSFER-22: the receiving organization rejects, with its reason. */
    @POST
    @Path(ID + "/reject")
    @Consumes("*/*")
    public Response reject(@PathParam("id") String id, String body) {
        return act(id, Transfers.Action.REJECT, reason(body));
    }

    /** Table 10.6: a message of another node. */
    @POST
    @Path("messages")
    @Consumes("*/*")
    public Response message(@HeaderParam("Idempotency-Key") String idempotencyKey, String body) {
        return messages.receive(node(), current.get().orElseThrow(), idempotencyKey, body);
    }

    private Response act(String id, Transfers.Action action, Optional<String> reason) {
        LogicalNode node = node();
        // LX-TRANSFER-28: listed under the record's organization, also when the action is refused.
        Record seen = records.transfers().get(node, id, access);
        records.transfers().kind().organizationOf(seen.graph(), seen.iri()).ifPresent(o -> current.placed(List.of(o.getURI())));
        Record stored = transfers.act(node, seen, action, reason, access);
        return records.transferEndpoints().written(node, stored, headers);
    }

    /** The optional JSON body {"reason": "..."} of a cancel or a rejection. */
    private static Optional<String> reason(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonObject json = JsonP.object(body)
                .orElseThrow(() -> ProblemException.badRequest("The body is a JSON object, e.g. {\"reason\": \"...\"}."));
        return json.get("reason") instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private LogicalNode node() {
        return nodes.node(nodeId);
    }
}
