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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordEndpoints;
import org.lianxin.node.records.RecordResource;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/** {@code {base}/members}: the members whose organizational relationship this node holds. */
@Path("/nodes/{node}/members")
@RequestScoped
public class MemberResource extends RecordResource {

    private static final Set<String> STAGES = Set.of("Applicant", "Activist", "DevelopmentCandidate", "ProbationaryMember", "FullMember");

    @Inject
    MemberBatch batch;

    @Override
    protected RecordEndpoints endpoints() {
        return records.memberEndpoints();
    }

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
        return endpoints().list(node, "/members", new RecordCollection.Selection(live, tombstones), uri, headers);
    }

    /** The bulk path: many members in one body, written in one transaction, all or none. */
    @POST
    @Path("batch")
    @Consumes("*/*")
    public Response createAll(InputStream body) {
        return batch.write(node(), body, headers);
    }

    private static String date(String text, String parameter) {
        try {
            return NodeFmtLib.strNT(NodeFactory.createLiteralDT(LocalDate.parse(text).toString(), XSDDatatype.XSDdate));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter + " is a date such as 2020-07-01.");
        }
    }

}
