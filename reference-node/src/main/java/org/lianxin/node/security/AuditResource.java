package org.lianxin.node.security;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.apache.jena.graph.Node;
import org.lianxin.node.federation.FederatedAnswers;
import org.lianxin.node.federation.SubtreeScope;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.paging.Cursor;
import org.lianxin.node.paging.PageSize;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.RecordEndpoints;
import org.lianxin.node.records.Records;

/**
 * {@code {base}/audit}: the audit entries listed under an organization and everything below it
 * (spec 8.9), for that organization's administrators. There is no route that changes an entry.
 */
@Path("/nodes/{node}/audit")
@RequestScoped
public class AuditResource {

    private static final int SCAN = 500;

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    AuditLog log;

    @Inject
    CurrentCaller current;

    @Inject
    Access access;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @PathParam("node")
    String nodeId;

    @GET
    public Response query(@QueryParam("organization") String organization, @QueryParam("from") String from,
                          @QueryParam("to") String to, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) throws Exception {
        LogicalNode node = nodes.node(nodeId);
        Optional<Instant> since = Optional.ofNullable(from).map(RecordEndpoints::instant);
        Optional<Instant> until = Optional.ofNullable(to).map(RecordEndpoints::instant);
        int pageSize = PageSize.of(limit, 50, 1000);
        Optional<Cursor> after = Cursor.parse(cursor);
        Caller caller = current.get().orElseThrow();
        // LX-SEC-48: outside the caller's subtree, or to a caller without such a role, the organization's log does not exist.
        Node org = FederatedAnswers.organizations(node, records, organization == null ? List.of() : List.of(organization), access.managed()).get(0);
        if (!caller.has(Caller.ORGANIZATION_ADMIN)) {
            throw ProblemException.forbidden("Reading the audit log needs the role organization-admin.");
        }
        Set<String> subtree = SubtreeScope.localSubtree(node, List.of(org));

        List<JsonObject> items = new ArrayList<>();
        Long last = null;
        boolean more = false;
        Optional<Cursor> position = after;
        scan:
        while (true) {
            List<AuditLog.Listed> chunk = log.after(node, position, SCAN);
            for (AuditLog.Listed listed : chunk) {
                if (selected(listed.entry(), subtree, since, until)) {
                    if (items.size() == pageSize) {
                        more = true;
                        break scan;
                    }
                    items.add(listed.entry());
                    last = listed.sequence();
                }
                position = Optional.of(new Cursor(listed.sequence()));
            }
            if (chunk.size() < SCAN) {
                break;
            }
        }
        JsonArrayBuilder list = JSON.createArrayBuilder();
        items.forEach(list::add);
        JsonObjectBuilder page = JSON.createObjectBuilder().add("type", "Page").add("items", list);
        Response.ResponseBuilder response = Response.ok().type("application/json;charset=utf-8");
        if (more && last != null) {
            String next = RecordEndpoints.pageUrl(node.base() + "/audit", uri.getRequestUri().getRawQuery(), new Cursor(last).token());
            page.add("next", next);
            response.link(next, "next");
        }
        return response.entity(page.build().toString()).build();
    }

    private static boolean selected(JsonObject entry, Set<String> subtree, Optional<Instant> since, Optional<Instant> until) {
        Instant at = Instant.parse(entry.getString("at"));
        if (since.isPresent() && at.isBefore(since.get()) || until.isPresent() && !at.isBefore(until.get())) {
            return false;
        }
        return entry.getJsonArray("organizations").stream().anyMatch(o -> o instanceof JsonString s && subtree.contains(s.getString()));
    }

}
