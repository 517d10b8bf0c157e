package org.lianxin.node.organizations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.ORG;
import org.lianxin.node.federation.Ancestors;
import org.lianxin.node.federation.FederatedAnswers;
import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.QueryContext;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordEndpoints;
import org.lianxin.node.records.RecordResource;

/** {@code {base}/organizations}: the organizations a node is the source of. */
@Path("/nodes/{node}/organizations")
@RequestScoped
public class OrganizationResource extends RecordResource {

    private static final String SUB_ORGANIZATION_OF = "<" + ORG.subOrganizationOf.getURI() + ">";

    @Inject
    Ancestors ancestors;

    @Inject
    FederationSettings settings;

    @Override
    protected RecordEndpoints endpoints() {
        return records.organizationEndpoints();
    }

    @GET
    public Response list() {
        return endpoints().list(node(), "/organizations", RecordCollection.Selection.ALL, uri, headers, access);
    }

    /** The direct sub-organizations held by this node. */
    @GET
    @Path(ID + "/children")
    public Response children(@PathParam("id") String id) {
        String parent = live(id);
        String pattern = "GRAPH ?r { ?r " + SUB_ORGANIZATION_OF + " " + parent + " }";
        return endpoints().list(node(), "/organizations/" + id + "/children",
                new RecordCollection.Selection(pattern, pattern), uri, headers, access);
    }

    /** The organization and all its descendants held by this node. */
    @GET
    @Path(ID + "/subtree")
    public Response subtree(@PathParam("id") String id) {
        String root = live(id);
        // Tombstones keep their subOrganizationOf, so the path also finds deleted descendants for modifiedSince.
        String pattern = "GRAPH <urn:x-arq:UnionGraph> { ?r " + SUB_ORGANIZATION_OF + "* " + root + " }";
        return endpoints().list(node(), "/organizations/" + id + "/subtree",
                new RecordCollection.Selection(pattern, pattern), uri, headers, access);
    }

    /** The organization's superiors, nearest first, up to the root, across nodes (spec chapter 7). */
    @GET
    @Path(ID + "/ancestors")
    public Response ancestors(@PathParam("id") String id, @QueryParam("partial") String partial) throws Exception {
        QueryContext context = QueryContext.of(headers, settings, node().base());
        var answer = ancestors.of(node(), id, context, FederatedAnswers.flag(partial, "partial"), access);
        return Response.ok(answer.toString()).type("application/json;charset=utf-8").build();
    }

    /** LX-CORE-47: below a deleted organization, as at it, the answer is 410; below a missing one, 404. */
    private String live(String id) {
        return NodeFmtLib.strNT(records.organizations().liveIri(node(), id, access));
    }

}
