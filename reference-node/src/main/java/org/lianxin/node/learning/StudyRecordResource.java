package org.lianxin.node.learning;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.rdf.RdfFormat;
import org.lianxin.node.rdf.RecordInput;
import org.lianxin.node.records.ListFilter;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Access;
import org.lianxin.node.security.CurrentCaller;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/** {@code {base}/study-records}: what the members of this node studied (spec 16.6). */
@Path("/nodes/{node}/study-records")
@RequestScoped
public class StudyRecordResource {

    private static final String ID = "{id: [A-Za-z0-9_-]{1,64}}";

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @Inject
    CurrentCaller current;

    @Inject
    StudyRecords studies;

    @PathParam("node")
    String nodeId;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    /** LX-LEARN-10..12. */
    @POST
    @Consumes("*/*")
    public Response record(InputStream body) {
        LogicalNode node = nodes.node(nodeId);
        Record input = records.studyRecordEndpoints().input(node, body, headers);
        audited(node, input, "create");
        Record stored = studies.write(node, input, Optional.empty(), guard());
        return records.studyRecordEndpoints().written(node, stored, headers, 201);
    }

    /** LX-LEARN-10, -11: more minutes, a completion, a score. */
    @PUT
    @Path(ID)
    @Consumes("*/*")
    public Response replace(@PathParam("id") String id, InputStream body) {
        LogicalNode node = nodes.node(nodeId);
        Record before = records.studyRecords().live(node, id, guard());
        Record input = new Record(before.iri(), RecordInput.readReplacement(body, RdfFormat.forContentType(headers.getMediaType()), before.iri()));
        audited(node, before, "replace");
        return records.studyRecordEndpoints().written(node, studies.write(node, input, Optional.of(before), guard()), headers);
    }

    /** LX-LEARN-13: the records the caller may read, by learner and course. */
    @GET
    public Response list(@QueryParam("learner") String learner, @QueryParam("course") String course) {
        ListFilter filter = new ListFilter().iri(learner, "learner", LX.learner).iri(course, "course", LX.course);
        return records.studyRecordEndpoints().list(nodes.node(nodeId), "/study-records", filter.selection(), uri, headers, guard());
    }

    /** LX-LEARN-13. */
    @GET
    @Path(ID)
    public Response read(@PathParam("id") String id) {
        return records.studyRecordEndpoints().read(nodes.node(nodeId), id, headers, guard());
    }

    private StudyGuard guard() {
        return new StudyGuard(current.get().orElseThrow(), access, records.memberKind());
    }

    /** Table 8.13: a study record's write is audited under its learner's branch (16.10). */
    private void audited(LogicalNode node, Record record, String action) {
        current.audited(action);
        studies.branchOf(node, record).ifPresent(b -> current.placed(List.of(b.getURI())));
    }
}
