package org.lianxin.node.rosters;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.Records;
import org.lianxin.node.records.References;
import org.lianxin.node.security.Access;
import org.lianxin.node.security.CurrentCaller;
import org.lianxin.node.security.Purpose;

/**
 * {@code {base}/members/export}: the roster of an organization's subtree as CSV or XLSX, in the
 * layout an import reads (LX-ROSTER-13); masked unless the caller states a purpose (LX-ROSTER-14),
 * and audited either way (LX-ROSTER-18).
 */
@Path("/nodes/{node}/members/export")
@RequestScoped
public class RosterExportResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @Inject
    CurrentCaller current;

    @PathParam("node")
    String nodeId;

    @Context
    HttpHeaders headers;

    @GET
    public Response export(@QueryParam("organization") String organization, @QueryParam("format") String formatName) {
        LogicalNode node = nodes.node(nodeId);
        current.audited("export");
        current.concerns(List.of());
        Optional<String> purpose = Purpose.of(headers.getHeaderString(Purpose.HEADER));
        RosterFormat format = formatName != null
                ? RosterFormat.named(formatName).orElseThrow(() -> ProblemException.badRequest("format is csv or xlsx."))
                : Optional.ofNullable(headers.getHeaderString(HttpHeaders.ACCEPT)).filter(a -> a.contains(RosterFormat.XLSX.mediaType()))
                        .map(a -> RosterFormat.XLSX).orElse(RosterFormat.CSV);
        if (organization == null || organization.isBlank()) {
            throw ProblemException.badRequest("organization is the IRI or id of the organization whose roster is exported.");
        }
        Node org = organization.matches(References.ABSOLUTE_IRI) ? NodeFactory.createURI(organization)
                : organization.matches("[A-Za-z0-9_-]{1,64}") ? node.organizationIri(organization) : null;
        if (org == null) {
            throw ProblemException.badRequest("organization is the IRI or id of an organization.");
        }
        // Spec 8.6: an organization outside the caller's subtree is one that does not exist (LX-SEC-18).
        boolean readable = node.holdsOrganization(org) && node.store().read(tx -> tx.get(org)
                .filter(g -> !Lifecycle.isTombstone(g, org))
                .map(g -> access.managed().readable(node, tx, records.organizations().kind(), org, g)).orElse(false));
        if (!readable) {
            throw ProblemException.notFound("The organization " + organization);
        }
        current.placed(List.of(org.getURI()));
        RosterExport export = new RosterExport(node, records.memberKind(), access, org, purpose.isPresent());
        StreamingOutput body = out -> export.write(format, out);
        String name = "roster-" + org.getURI().substring(org.getURI().lastIndexOf('/') + 1) + "." + format.extension();
        return Response.ok(body).type(format == RosterFormat.CSV ? "text/csv;charset=utf-8" : format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, purpose.isPresent() ? "no-store" : "private")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + Purpose.HEADER).build();
    }
}
