package org.lianxin.node.notices;

import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.apache.jena.graph.Triple;
import org.lianxin.node.federation.FederatedAnswers;
import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.QueryContext;
import org.lianxin.node.federation.SubtreeFanOut;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.publications.FromAbove;
import org.lianxin.node.security.CurrentCaller;
import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.records.ListFilter;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Access;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/**
 * {@code {base}/notices}: the notices this node's organizations publish (spec chapter 17), their
 * withdrawal and their reach.
 */
@Path("/nodes/{node}/notices")
@RequestScoped
public class NoticeResource {

    private static final String ID = "{id: [A-Za-z0-9_-]{1,64}}";

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @Inject
    Notices notices;

    @Inject
    FederationSettings settings;

    @Inject
    SubtreeFanOut subtree;

    @Inject
    ReachingNotices reaching;

    @Inject
    FromAbove fromAbove;

    @Inject
    CurrentCaller current;

    @PathParam("node")
    String nodeId;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    /** LX-NOTICE-2: publishes a notice. */
    @POST
    @Consumes("*/*")
    public Response publish(InputStream body) {
        LogicalNode node = node();
        Record stored = notices.publish(node, records.noticeEndpoints().input(node, body, headers), access);
        return records.noticeEndpoints().written(node, stored, headers, 201);
    }

    /** LX-NOTICE-5: the notices the caller may read, by publisher. */
    @GET
    public Response list(@QueryParam("publishedBy") String publishedBy) {
        ListFilter filter = new ListFilter().iri(publishedBy, "publishedBy", LX.publishedBy);
        return records.noticeEndpoints().list(node(), "/notices", filter.selection(), uri, headers, access);
    }

    @GET
    @Path(ID)
    public Response read(@PathParam("id") String id) {
        return records.noticeEndpoints().read(node(), id, headers, access);
    }

    /** LX-NOTICE-6. */
    @POST
    @Path(ID + "/withdraw")
    @Consumes("*/*")
    public Response withdraw(@PathParam("id") String id) {
        LogicalNode node = node();
        Record seen = records.notices().live(node, id, access);
        return records.noticeEndpoints().written(node, notices.withdraw(node, seen, access), headers);
    }

    /** LX-NOTICE-12: how many members of its targets' subtrees the notice is for and how many read it, live over the subtree. */
    @GET
    @Path(ID + "/reach")
    public Response reach(@PathParam("id") String id, @QueryParam("partial") String partial) throws Exception {
        LogicalNode node = node();
        Record notice = records.notices().live(node, id, access); // LX-NOTICE-13: 404 when not readable
        QueryContext context = QueryContext.of(headers, settings, node.base());
        List<Node> targets = notice.graph().find(notice.iri(), LX.target.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
        SubtreeFanOut.Summed<NoticeReach> reach = NoticeReachResource.sum(subtree, node, targets, notice.iri(), context, true,
                FederatedAnswers.flag(partial, "partial"));
        return NoticeReachResource.json(reach.value().toJson().add("notice", notice.iri().getURI())
                .add("organizations", org.lianxin.node.rdf.JsonP.JSON.createArrayBuilder(targets.stream().map(Node::getURI).toList()))
                .add("completeness", reach.completeness().toJson()).build().toString());
    }

    /** LX-NOTICE-8: a registered child asks, with its node credential, which notices from here and above reach its roots. */
    @GET
    @Path("inbound")
    public Response inbound() {
        LogicalNode node = node();
        Child child = fromAbove.callingChild(node, current.get().orElseThrow(), "notices");
        FromAbove.Seen<NoticeSummary> seen = reaching.seen(node);
        var list = org.lianxin.node.rdf.JsonP.JSON.createArrayBuilder();
        fromAbove.forChild(node, child, seen.items(), NoticeSummary.NEWEST_FIRST).forEach(n -> list.add(n.toJson()));
        QueryContext context = QueryContext.of(headers, settings, node.base());
        return NoticeReachResource.json(org.lianxin.node.rdf.JsonP.JSON.createObjectBuilder().add("notices", list)
                .add("completeness", seen.completeness(context.queryId()).toJson()).build().toString());
    }

    private LogicalNode node() {
        return nodes.node(nodeId);
    }
}
