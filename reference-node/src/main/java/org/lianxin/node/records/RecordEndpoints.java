package org.lianxin.node.records;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.paging.Cursor;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.RdfFormat;
import org.lianxin.node.rdf.RecordInput;
import org.lianxin.node.rdf.Representations;
import org.lianxin.node.store.Record;

/**
 * The HTTP side of a {@link RecordCollection}, shared by the organization and member resources:
 * content negotiation, status codes (201 with Location, 410 for tombstones), and paging links.
 */
public final class RecordEndpoints {

    private final RecordCollection collection;
    private final Representations representations;
    private final int defaultLimit;
    private final int maxLimit;

    public RecordEndpoints(RecordCollection collection, Representations representations, int defaultLimit, int maxLimit) {
        this.collection = collection;
        this.representations = representations;
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    public Response read(LogicalNode node, String id, HttpHeaders headers) {
        RdfFormat format = RdfFormat.forAccept(headers.getHeaderString(HttpHeaders.ACCEPT));
        Record record = collection.get(node, id);
        int status = Lifecycle.isTombstone(record.graph(), record.iri()) ? 410 : 200;
        return representations.record(node.base(), record, format, status).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    public Response create(LogicalNode node, InputStream body, HttpHeaders headers) {
        RdfFormat format = RdfFormat.forContentType(headers.getMediaType());
        RdfFormat answer = RdfFormat.forAnswerToWrite(headers.getHeaderString(HttpHeaders.ACCEPT));
        Node iri = collection.iri(node, RecordCollection.newId());
        Graph input = RecordInput.readNew(body, format, iri);
        RecordCollection.Written written = collection.put(node, new Record(iri, input));
        return representations.record(node.base(), written.record(), answer, 201)
                .location(URI.create(written.record().iri().getURI())).build();
    }

    public Response replace(LogicalNode node, String id, InputStream body, HttpHeaders headers) {
        RdfFormat format = RdfFormat.forContentType(headers.getMediaType());
        RdfFormat answer = RdfFormat.forAnswerToWrite(headers.getHeaderString(HttpHeaders.ACCEPT));
        Node iri = collection.iri(node, id);
        Graph input = RecordInput.readReplacement(body, format, iri);
        RecordCollection.Written written = collection.put(node, new Record(iri, input));
        Response.ResponseBuilder response = representations.record(node.base(), written.record(), answer, written.created() ? 201 : 200);
        if (written.created()) {
            response.location(URI.create(written.record().iri().getURI()));
        }
        return response.build();
    }

    public Response delete(LogicalNode node, String id) {
        collection.delete(node, id);
        return Response.noContent().build();
    }

    /** A page of the records {@code selection} selects; see {@link RecordCollection#list}. */
    public Response list(LogicalNode node, String path, RecordCollection.Selection selection, UriInfo uri, HttpHeaders headers) {
        RdfFormat format = RdfFormat.forAccept(headers.getHeaderString(HttpHeaders.ACCEPT));
        var query = uri.getQueryParameters();
        int limit = limit(query.getFirst("limit"));
        Optional<Instant> modifiedSince = Optional.ofNullable(query.getFirst("modifiedSince")).map(RecordEndpoints::instant);
        Optional<Cursor> cursor = Cursor.parse(query.getFirst("cursor"));
        RecordCollection.Page page = collection.list(node, selection, modifiedSince, cursor, limit);
        String pageUrl = publicUrl(node, path, uri).toString();
        String next = page.next().map(c -> publicUrl(node, path, uri).replaceQueryParam("cursor", c.token()).toString()).orElse(null);
        return representations.page(node.base(), pageUrl, page.items(), next, format).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /** The request's URL as the node publishes it (its configured base, not the Host the client used). */
    private static UriBuilder publicUrl(LogicalNode node, String path, UriInfo uri) {
        return UriBuilder.fromUri(node.base() + path).replaceQuery(uri.getRequestUri().getRawQuery());
    }

    private int limit(String text) {
        if (text == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // the problem below says what is allowed
        }
        throw ProblemException.badRequest("limit is a whole number from 1 to " + maxLimit + ".");
    }

    /** Parses a date-time query parameter (xsd:dateTime with a time zone), or answers 400. */
    public static Instant instant(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("Give a date-time with a time zone, e.g. 2026-01-31T08:00:00Z.");
        }
    }

}
