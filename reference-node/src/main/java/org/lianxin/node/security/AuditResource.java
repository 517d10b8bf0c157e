package org.lianxin.node.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
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
import org.apache.jena.graph.NodeFactory;
import org.lianxin.node.federation.Ancestors;
import org.lianxin.node.federation.FederatedAnswers;
import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.QueryContext;
import org.lianxin.node.federation.SubtreeScope;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.paging.Cursor;
import org.lianxin.node.paging.PageSize;
import org.lianxin.node.problems.Problem;
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
    Ancestors ancestors;

    @Inject
    FederationSettings settings;

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
        Node org = FederatedAnswers.organizations(node, records, organization == null ? List.of() : List.of(organization)).get(0);
        authorize(node, caller, org);
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
        JsonArrayBuilder list = Json.createArrayBuilder();
        items.forEach(list::add);
        JsonObjectBuilder page = Json.createObjectBuilder().add("type", "Page").add("items", list);
        Response.ResponseBuilder response = Response.ok().type("application/json;charset=utf-8");
        if (more && last != null) {
            String next = RecordEndpoints.pageUrl(node.base() + "/audit", uri.getRequestUri().getRawQuery(), new Cursor(last).token());
            page.add("next", next);
            response.link(next, "next");
        }
        return response.entity(page.build().toString()).build();
    }

    /**
     * LX-SEC-48: only an organization-admin of the organization or one above it reads its audit; to
     * anyone else the organization's log does not exist (404), except a secretary of that subtree (403).
     */
    private void authorize(LogicalNode node, Caller caller, Node org) {
        boolean inSubtree = caller.actingFor().map(a -> covers(node, a, org)).orElse(false);
        if (!inSubtree || !(caller.has(Caller.ORGANIZATION_ADMIN) || caller.has(Caller.SECRETARY))) {
            throw ProblemException.notFound("The organization " + org.getURI());
        }
        if (!caller.has(Caller.ORGANIZATION_ADMIN)) {
            throw Problem.of(403, "Reading the audit log needs the role organization-admin.").exception();
        }
    }

    /** Whether {@code actingFor} is {@code org} or one of its superiors, here or on the nodes above. */
    private boolean covers(LogicalNode node, String actingFor, Node org) {
        if (node.holdsOrganization(NodeFactory.createURI(actingFor))) {
            try {
                return SubtreeScope.localSubtree(node, List.of(NodeFactory.createURI(actingFor))).contains(org.getURI());
            } catch (RuntimeException e) {
                return false;
            }
        }
        try {
            String id = org.getURI().substring(node.organizationsUrl().length() + 1);
            JsonObject line = ancestors.of(node, id, QueryContext.of(headers, settings), true);
            return line.getJsonArray("ancestors").stream().anyMatch(a -> actingFor.equals(a.asJsonObject().getString("id", "")));
        } catch (Exception e) { // not found, gone, or the line above could not be read: not covered
            return false;
        }
    }

    private static boolean selected(JsonObject entry, Set<String> subtree, Optional<Instant> since, Optional<Instant> until) {
        Instant at = Instant.parse(entry.getString("at"));
        if (since.isPresent() && at.isBefore(since.get()) || until.isPresent() && !at.isBefore(until.get())) {
            return false;
        }
        return entry.getJsonArray("organizations").stream().anyMatch(o -> o instanceof JsonString s && subtree.contains(s.getString()));
    }

}
