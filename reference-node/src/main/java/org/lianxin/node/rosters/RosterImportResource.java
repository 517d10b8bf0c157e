package org.lianxin.node.rosters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

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
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Records;
import org.lianxin.node.records.References;
import org.lianxin.node.security.Access;
import org.lianxin.node.security.AuditLog;
import org.lianxin.node.security.Caller;
import org.lianxin.node.security.CurrentCaller;

/**
 * {@code {base}/members/imports}: a roster file in, the member records of its rows out (spec chapter
 * 15). A POST answers 202 at once with the import's resource; the import runs, and its GET tells the
 * rows done of the total, and once done the report — as JSON, or as the spreadsheet of the rejected
 * rows to fix and send again.
 */
@Path("/nodes/{node}/members/imports")
@RequestScoped
public class RosterImportResource {

    /** Largest file taken: a county's roster of 200,000 members in XLSX is about 30 MB. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @Inject
    CurrentCaller current;

    @Inject
    RosterImports imports;

    @Inject
    AuditLog audit;

    @PathParam("node")
    String nodeId;

    @Context
    HttpHeaders headers;

    @POST
    @Consumes("*/*")
    public Response start(InputStream body, @QueryParam("dryRun") String dryRunParameter, @QueryParam("branch") String branchParameter,
                          @QueryParam("mapping") String mappingParameter) {
        LogicalNode node = nodes.node(nodeId);
        Caller caller = current.get().orElseThrow(() -> ProblemException.forbidden("An import needs a caller."));
        current.audited("import");
        current.concerns(List.of());
        if (!access.writes(records.memberKind())) { // LX-SEC-21: the roles that write members
            throw ProblemException.forbidden("Your roles do not allow writing members.");
        }
        RosterFormat format = RosterFormat.of(headers.getMediaType()).orElseThrow(() -> Problem.of(415,
                "Send the roster as text/csv or as " + RosterFormat.XLSX.mediaType() + " (LX-ROSTER-15).").exception());
        boolean dryRun = flag(dryRunParameter);
        RosterMapping mapping = mappingParameter == null || mappingParameter.isBlank() ? RosterMapping.PROFILE : RosterMapping.parse(mappingParameter);
        SubtreeBranches branches = new SubtreeBranches(node, records.organizations().kind(), access);
        Optional<Node> branch = Optional.ofNullable(branchParameter).map(b -> defaultBranch(node, b, branches));
        branch.ifPresent(b -> current.placed(List.of(b.getURI())));
        RosterSource source = new RosterSource(saved(body, format), format, RosterImports.charset(headers.getMediaType()), mapping);
        try {
            source.layout(); // LX-ROSTER-16: a file that is no roster is answered now, not found out later
        } catch (RosterFileException e) {
            delete(source.file());
            throw ProblemException.invalid("", "roster-file", e.getMessage(), "LX-ROSTER-16");
        }
        RosterImporter.Caller who = new RosterImporter.Caller(caller.subject(), caller.actingFor(), List.copyOf(caller.roles()), audit);
        RosterImport started = imports.start(node.base() + "/members/imports", node.id(), owner(caller), dryRun, source,
                () -> RosterRows.count(source.file(), format, source.charset(), mapping),
                running -> new RosterImporter(node, records.members(), branches, branch, mapping, dryRun, Optional.of(who))
                        .run(source, running::progress));
        return Response.accepted(started.toJson().toString()).type("application/json").location(URI.create(started.url())).build();
    }

    /** The import's progress, and its report once done: JSON, or the report spreadsheet for Accept XLSX (LX-ROSTER-6, LX-ROSTER-12). */
    @GET
    @Path("{id: [A-Za-z0-9]{1,64}}")
    public Response get(@PathParam("id") String id) {
        LogicalNode node = nodes.node(nodeId);
        String caller = current.get().map(RosterImportResource::owner).orElse("");
        RosterImport found = imports.get(node.id(), id, caller).orElseThrow(() -> ProblemException.notFound("The import " + id));
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(RosterFormat.XLSX.mediaType())) {
            RosterReport report = found.report().orElseThrow(() -> Problem.of(409,
                    "The import is " + found.state().name() + "; its report spreadsheet is there once it is Done.").exception());
            StreamingOutput sheet = out -> RosterReportSheet.write(found.source(), report, out);
            return Response.ok(sheet).type(RosterFormat.XLSX.mediaType())
                    .header("Content-Disposition", "attachment; filename=\"roster-report-" + id + ".xlsx\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        return Response.ok(found.toJson().toString()).type("application/json").header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /** Who started an import: the user, acting for an organization (LX-ROSTER-19). */
    private static String owner(Caller caller) {
        return caller.subject() + " " + caller.actingFor().orElse("");
    }

    private static boolean flag(String text) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw ProblemException.badRequest("dryRun is true or false.");
    }

    /** The import's default branch: an organization of the node the caller may write, by IRI or id; else a 400. */
    private static Node defaultBranch(LogicalNode node, String text, SubtreeBranches branches) {
        Node iri = text.matches(References.ABSOLUTE_IRI) ? NodeFactory.createURI(text)
                : text.matches("[A-Za-z0-9_-]{1,64}") ? node.organizationIri(text) : null;
        if (iri == null || !branches.writable(iri)) {
            throw ProblemException.badRequest("branch is the IRI or id of an organization of this node that you may write.");
        }
        return iri;
    }

    /** The body, kept in a file while the import lasts: read twice (its rows are counted first), and again for a report. */
    private static java.nio.file.Path saved(InputStream body, RosterFormat format) {
        try {
            java.nio.file.Path file = Files.createTempFile("lianxin-roster-", "." + format.extension());
            try (InputStream limited = new org.apache.commons.io.input.BoundedInputStream.Builder()
                    .setInputStream(body).setMaxCount(MAX_BYTES + 1).get()) {
                long size = Files.copy(limited, file, StandardCopyOption.REPLACE_EXISTING);
                if (size > MAX_BYTES) {
                    delete(file);
                    throw Problem.of(413, "A roster file is at most " + MAX_BYTES / 1024 / 1024 + " MB; split it.").exception();
                }
                if (size == 0) {
                    delete(file);
                    throw ProblemException.invalid("", "roster-file", "The body is empty.", "LX-ROSTER-16");
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is removed with the others by the system
        }
    }
}
