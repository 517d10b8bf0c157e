package org.lianxin.node.members;

import static org.lianxin.node.rdf.JsonP.JSON;

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
import org.lianxin.node.records.References;
import org.lianxin.node.security.CurrentCaller;
import org.lianxin.spec.LX;
import org.lianxin.spec.NationalIdNumber;
import org.lianxin.spec.SchemaOrg;

/** {@code {base}/members}: the members whose organizational relationship this node holds. */
@Path("/nodes/{node}/members")
@RequestScoped
public class MemberResource extends RecordResource {

    private static final Set<String> STAGES = Set.of("Applicant", "Activist", "DevelopmentCandidate", "ProbationaryMember", "FullMember");

    @Inject
    MemberBatch batch;

    @Inject
    CurrentCaller caller;

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
            String iri = branch; // Table 5.11: an absolute IRI; a relative one is a 400 (LX-CORE-37)
            if (!iri.matches(References.ABSOLUTE_IRI)) {
                throw ProblemException.badRequest("branch is the absolute IRI of an organization.");
            }
            branchPattern = "?r <" + LX.branch.getURI() + "> " + NodeFmtLib.strNT(NodeFactory.createURI(iri)) + " .";
            patterns.add(branchPattern);
        }
        if (namePrefix != null) {
            if (namePrefix.isEmpty() || namePrefix.codePointCount(0, namePrefix.length()) > 50) {
                throw ProblemException.badRequest("namePrefix is 1 to 50 characters."); // Table 5.11, LX-CORE-37
            }
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
        return endpoints().list(node, "/members", new RecordCollection.Selection(live, tombstones), uri, headers, access);
    }

    /**
     * Finds a member by national ID number, sent in the body, never in the URL (spec 8.8): through
     * the keyed-hash index, answered with the member's IRI only.
     */
    @POST
    @Path("lookup")
    @Consumes("*/*")
    public Response lookup(String body) {
        String number;
        try {
            number = JSON.createReader(new java.io.StringReader(body == null ? "" : body)).readObject()
                    .getString("nationalId").strip();
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("Send {\"nationalId\": \"<the number>\"} as application/json.");
        }
        number = number.endsWith("x") ? number.substring(0, number.length() - 1) + "X" : number;
        if (!NationalIdNumber.FORMAT.matcher(number).matches()) {
            throw ProblemException.badRequest("nationalId is an 18-character national ID number.");
        }
        String normalized = number;
        LogicalNode node = node();
        // LX-SEC-39: a member the caller may not read is not found.
        var found = node.store().read(tx -> records.memberKind().find(tx, normalized)
                .filter(m -> tx.get(m).filter(g -> !org.lianxin.node.records.Lifecycle.isTombstone(g, m))
                        .map(g -> access.readable(node, tx, records.memberKind(), m, g)).orElse(false)));
        if (found.isEmpty()) {
            throw ProblemException.notFound("A member with that number");
        }
        caller.concerns(java.util.List.of(found.get().getURI()));
        return Response.ok(JSON.createObjectBuilder().add("member", found.get().getURI()).build().toString())
                .type("application/json").build();
    }

    /** The bulk path: many members in one body, written in one transaction, all or none. */
    @POST
    @Path("batch")
    @Consumes("*/*")
    public Response createAll(InputStream body) {
        return batch.write(node(), body, headers, access);
    }

    private static String date(String text, String parameter) {
        try {
            return NodeFmtLib.strNT(NodeFactory.createLiteralDT(LocalDate.parse(text).toString(), XSDDatatype.XSDdate));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter + " is a date such as 2020-07-01.");
        }
    }

}
