package org.lianxin.node.members;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.Records;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/** {@code {base}/members}: the members whose organizational relationship this node holds. */
@Path("/nodes/{node}/members")
@RequestScoped
public class MemberResource {

    private static final String ID = "{id: [A-Za-z0-9_-]{1,64}}";
    private static final Set<String> STAGES = Set.of("Applicant", "Activist", "DevelopmentCandidate", "ProbationaryMember", "FullMember");

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    MemberBatch batch;

    @PathParam("node")
    String nodeId;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    /** Members, filtered by stage, branch, name prefix and admission date. */
    @GET
    public Response list(@QueryParam("stage") String stage, @QueryParam("branch") String branch,
                         @QueryParam("namePrefix") String namePrefix,
                         @QueryParam("joinedFrom") String joinedFrom, @QueryParam("joinedTo") String joinedTo) {
        LogicalNode node = node();
        List<String> patterns = new ArrayList<>();
        if (stage != null) {
            if (!STAGES.contains(stage)) {
                throw ProblemException.badRequest("stage is one of " + String.join(", ", STAGES.stream().sorted().toList()) + ".");
            }
            patterns.add("?r <" + LX.stage.getURI() + "> <" + LX.NS + stage + "> .");
        }
        String branchPattern = null;
        if (branch != null) {
            String iri = branch.contains(":") ? branch : node.organizationIri(branch).getURI();
            if (!iri.matches("https?://[^\\s<>\"{}|^`\\\\]+")) {
                throw ProblemException.badRequest("branch is the IRI of an organization, or its id on this node.");
            }
            branchPattern = "?r <" + LX.branch.getURI() + "> " + NodeFmtLib.strNT(NodeFactory.createURI(iri)) + " .";
            patterns.add(branchPattern);
        }
        if (namePrefix != null && !namePrefix.isEmpty()) {
            patterns.add("?r <" + SchemaOrg.name.getURI() + "> ?name FILTER(STRSTARTS(?name, " + NodeFmtLib.strNT(NodeFactory.createLiteralString(namePrefix)) + "))");
        }
        if (joinedFrom != null || joinedTo != null) {
            patterns.add("?r <" + LX.admissionDate.getURI() + "> ?joined .");
            if (joinedFrom != null) {
                patterns.add("FILTER(?joined >= " + date(joinedFrom, "joinedFrom") + ")");
            }
            if (joinedTo != null) {
                patterns.add("FILTER(?joined <= " + date(joinedTo, "joinedTo") + ")");
            }
        }
        String live = patterns.isEmpty() ? "" : "GRAPH ?r { " + String.join("\n", patterns) + " }";
        // A member's tombstone keeps its branch: a client syncing a branch learns of deletions in it.
        String tombstones = branchPattern == null ? "" : "GRAPH ?r { " + branchPattern + " }";
        return records.memberEndpoints().list(node, "/members", new RecordCollection.Selection(live, tombstones), uri, headers);
    }

    @POST
    @Consumes("*/*")
    public Response create(InputStream body) {
        return records.memberEndpoints().create(node(), body, headers);
    }

    /** The bulk path: many members in one body, written in one transaction, all or none. */
    @POST
    @Path("batch")
    @Consumes("*/*")
    public Response createAll(InputStream body) {
        return batch.write(node(), body, headers);
    }

    @GET
    @Path(ID)
    public Response read(@PathParam("id") String id) {
        return records.memberEndpoints().read(node(), id, headers);
    }

    @PUT
    @Path(ID)
    @Consumes("*/*")
    public Response replace(@PathParam("id") String id, InputStream body) {
        return records.memberEndpoints().replace(node(), id, body, headers);
    }

    @DELETE
    @Path(ID)
    public Response delete(@PathParam("id") String id) {
        return records.memberEndpoints().delete(node(), id);
    }

    private static String date(String text, String parameter) {
        try {
            return NodeFmtLib.strNT(NodeFactory.createLiteralDT(LocalDate.parse(text).toString(), XSDDatatype.XSDdate));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter + " is a date such as 2020-07-01.");
        }
    }

    private LogicalNode node() {
        return nodes.node(nodeId);
    }
}
