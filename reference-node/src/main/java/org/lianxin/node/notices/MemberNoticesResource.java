package org.lianxin.node.notices;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.QueryContext;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.OrganizationLine;
import org.lianxin.node.paging.PageSize;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.publications.FromAbove;
import org.lianxin.node.rdf.JsonP;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordEndpoints;
import org.lianxin.node.records.Records;
import org.lianxin.node.records.References;
import org.lianxin.node.security.Access;
import org.lianxin.node.security.Caller;
import org.lianxin.node.security.CurrentCaller;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/**
 * {@code {base}/members/{id}/notices}: a member's feed of the notices of every level (spec 17.6) and
 * the member's reads of them (17.7), kept where the member is.
 */
@Path("/nodes/{node}/members/{id: [A-Za-z0-9_-]{1,64}}/notices")
@RequestScoped
public class MemberNoticesResource {

    private static final int DEFAULT_LIMIT = 20;

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @Inject
    ReachingNotices reaching;

    @Inject
    CurrentCaller current;

    @Inject
    FederationSettings settings;

    @Inject
    @ConfigProperty(name = "lianxin.page.max")
    int maxLimit;

    @PathParam("node")
    String nodeId;

    @PathParam("id")
    String id;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    /** LX-NOTICE-9, -11: the notices reaching the member, newest first, with the member's read state; never 424. */
    @GET
    public Response feed(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        LogicalNode node = nodes.node(nodeId);
        Record member = records.members().live(node, id, access); // the member themself, or whoever may read the record; else 404
        int size = PageSize.of(limit, DEFAULT_LIMIT, maxLimit);
        FromAbove.Seen<NoticeSummary> seen = reaching.seen(node);
        List<NoticeSummary> mine = reachingMember(node, member, seen.items());
        Map<String, String> read = node.store().read(tx -> ReadReceipts.of(tx, member.iri()));
        Feed feed = Feed.page(mine, read, Optional.ofNullable(cursor), size);
        Optional<String> next = feed.next().map(c -> RecordEndpoints.pageUrl(member.iri().getURI() + "/notices", uri.getRequestUri().getRawQuery(), c));
        String queryId = QueryContext.of(headers, settings, node.base()).queryId();
        return NoticeReachResource.json(feed.toJson(member.iri(), next, seen.completeness(queryId).toJson()).toString());
    }

    /** LX-NOTICE-10: {"notice": IRI}, by the member only; once per member and notice. */
    @POST
    @Path("read")
    @Consumes("*/*")
    public Response read(String body) {
        LogicalNode node = nodes.node(nodeId);
        Caller caller = current.get().orElseThrow();
        Node memberIri = NodeFactory.createURI(node.membersUrl() + "/" + id);
        if (!caller.has(Caller.MEMBER) || !caller.member().filter(memberIri.getURI()::equals).isPresent()) {
            throw ProblemException.forbidden("Only the member records that they read a notice."); // LX-NOTICE-10
        }
        Record member = records.members().live(node, id, access);
        JsonObject json = JsonP.object(body).orElseThrow(() -> ProblemException.badRequest("The body is a JSON object: {\"notice\": IRI}."));
        String notice = json.get("notice") instanceof JsonString s ? s.getString() : "";
        if (!notice.matches(References.ABSOLUTE_IRI)) {
            throw ProblemException.badRequest("notice is the absolute IRI of a notice.");
        }
        boolean inFeed = reachingMember(node, member, reaching.seen(node).items()).stream().anyMatch(n -> n.id().getURI().equals(notice));
        if (!inFeed) {
            throw ProblemException.invalid("notice", "notice-unknown", "The notice is not in the member's feed.", "LX-NOTICE-10");
        }
        ReadReceipts.Receipt receipt = ReadReceipts.read(node, member.iri(), NodeFactory.createURI(notice));
        return Response.status(receipt.first() ? 201 : 200).entity(receipt.toJson().toString()).type("application/json;charset=utf-8").build();
    }

    /** LX-NOTICE-7: the notices that reach the member's branch. */
    private static List<NoticeSummary> reachingMember(LogicalNode node, Record member, List<NoticeSummary> notices) {
        Optional<Node> branch = Lifecycle.value(member.graph(), member.iri(), LX.branch.asNode());
        if (branch.isEmpty()) {
            return List.of();
        }
        List<Node> line = node.store().read(tx -> OrganizationLine.of(node, tx, branch.get()));
        return notices.stream().filter(n -> n.reaches(line)).toList();
    }
}
