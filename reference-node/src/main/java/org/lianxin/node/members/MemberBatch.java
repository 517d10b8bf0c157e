package org.lianxin.node.members;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.RdfFormat;
import org.lianxin.node.rdf.RecordInput;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.CurrentCaller;
import org.lianxin.node.store.Record;

/**
 * The bulk path for members (spec chapter 6): one body with many new members, each a blank node,
 * validated whole and written in one transaction, all or none (LX-CORE-60, LX-CORE-61).
 */
@ApplicationScoped
public class MemberBatch {

    /** LX-CORE-62/63: a node takes 1,000 records in one batch, and may refuse more. */
    public static final int MAX_RECORDS = 1_000;

    @Inject
    Records records;

    @Inject
    CurrentCaller caller;

    public Response write(LogicalNode node, InputStream body, HttpHeaders headers, RecordGuard guard) {
        RdfFormat format = RdfFormat.forContentType(headers.getMediaType());
        RecordCollection members = records.members();
        List<Record> inputs = RecordInput.readAll(body, format, node.membersUrl() + "/", root -> {
            if (!root.isBlank()) {
                throw ProblemException.invalid("", "record-subject",
                        "Each record of a batch is a blank node; use PUT to choose an IRI.", "LX-CORE-18");
            }
            return members.iri(node, RecordCollection.newId());
        });
        if (inputs.size() > MAX_RECORDS) {
            throw Problem.of(413, "A batch carries at most " + MAX_RECORDS + " records; split the import.").exception();
        }
        List<RecordCollection.Written> written = members.putAll(node, inputs, guard);
        caller.concerns(written.stream().map(w -> w.record().iri().getURI()).toList());
        return Response.ok(JSON.createObjectBuilder().add("created", written.size()).build().toString())
                .type("application/json").build();
    }
}
