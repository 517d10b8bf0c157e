package org.lianxin.node.records;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.StringJoiner;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.paging.Cursor;
import org.lianxin.node.paging.PageSize;
import org.lianxin.node.security.Purpose;
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

    /**
     * One record. A record with personal data comes in full only to a caller who states a purpose
     * (header Lianxin-Purpose), and then is never cached; otherwise masked (spec 8.7).
     */
    public Response read(LogicalNode node, String id, HttpHeaders headers, RecordGuard guard) {
        RdfFormat format = RdfFormat.forAccept(headers.getHeaderString(HttpHeaders.ACCEPT));
        Optional<String> purpose = collection.kind().personal()
                ? Purpose.of(headers.getHeaderString(Purpose.HEADER)) : Optional.empty();
        Response.ResponseBuilder response = null;
        if (purpose.isPresent()) {
            Record record = collection.get(node, id, guard);
            if (!Lifecycle.isTombstone(record.graph(), record.iri())) {
                response = representations.record(node.base(), record, format, 200).header(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        }
        if (response == null) {
            RecordCollection.Shown shown = collection.shown(node, id, guard, format.name(),
                    record -> representations.recordBytes(node.base(), shown(record), format));
            response = Representations.record(shown.body(), format, shown.tombstone() ? 410 : 200);
        }
        return response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + Purpose.HEADER).build();
    }

    /** A record as shown without a stated purpose: masked when it holds personal data. */
    private Record shown(Record record) {
        return new Record(record.iri(), collection.kind().masked(record.graph(), record.iri()));
    }

    public Response create(LogicalNode node, InputStream body, HttpHeaders headers, RecordGuard guard) {
        return create(node, body, headers, guard, java.util.function.UnaryOperator.identity());
    }

    /** The same, with the record {@code completed} before it is written (a transfer's state and member summary). */
    public Response create(LogicalNode node, InputStream body, HttpHeaders headers, RecordGuard guard,
                           java.util.function.UnaryOperator<Record> completed) {
        RdfFormat answer = RdfFormat.forAnswerToWrite(headers.getHeaderString(HttpHeaders.ACCEPT));
        RecordCollection.Written written = collection.put(node, completed.apply(input(node, body, headers)), guard);
        return representations.record(node.base(), shown(written.record()), answer, 201)
                .location(URI.create(written.record().iri().getURI())).build();
    }

    /** The body of a POST as the one new record it describes, named with a fresh IRI of the collection (Table 3.3). */
    public Record input(LogicalNode node, InputStream body, HttpHeaders headers) {
        Node iri = collection.iri(node, RecordCollection.newId());
        return new Record(iri, RecordInput.readNew(body, RdfFormat.forContentType(headers.getMediaType()), iri));
    }

    public Response replace(LogicalNode node, String id, InputStream body, HttpHeaders headers, RecordGuard guard) {
        return replace(node, id, body, headers, guard, java.util.function.UnaryOperator.identity());
    }

    /**
     * The same, with the record {@code completed} before it is written: the properties the node
     * derives from other records (a dues payment's collecting branch and assessment).
     */
    public Response replace(LogicalNode node, String id, InputStream body, HttpHeaders headers, RecordGuard guard,
                            java.util.function.UnaryOperator<Record> completed) {
        RdfFormat format = RdfFormat.forContentType(headers.getMediaType());
        RdfFormat answer = RdfFormat.forAnswerToWrite(headers.getHeaderString(HttpHeaders.ACCEPT));
        Node iri = collection.iri(node, id);
        Graph input = RecordInput.readReplacement(body, format, iri);
        RecordCollection.Written written = collection.put(node, completed.apply(new Record(iri, input)), guard);
        Response.ResponseBuilder response = representations.record(node.base(), shown(written.record()), answer, written.created() ? 201 : 200);
        if (written.created()) {
            response.location(URI.create(written.record().iri().getURI()));
        }
        return response.build();
    }

    /** A record as stored, in the format the Accept header selects: the answer to an action on it (a transfer's approval). */
    public Response written(LogicalNode node, Record record, HttpHeaders headers) {
        return written(node, record, headers, 200);
    }

    /** The same with {@code status}; a 201 names the new record in Location (a task, issued after checks of its own). */
    public Response written(LogicalNode node, Record record, HttpHeaders headers, int status) {
        RdfFormat answer = RdfFormat.forAnswerToWrite(headers.getHeaderString(HttpHeaders.ACCEPT));
        Response.ResponseBuilder response = representations.record(node.base(), shown(record), answer, status);
        return (status == 201 ? response.location(URI.create(record.iri().getURI())) : response).build();
    }

    public Response delete(LogicalNode node, String id, RecordGuard guard) {
        collection.delete(node, id, guard);
        return Response.noContent().build();
    }

    /** A page of the records {@code selection} selects; see {@link RecordCollection#list}. */
    public Response list(LogicalNode node, String path, RecordCollection.Selection selection, UriInfo uri, HttpHeaders headers,
                         RecordGuard guard) {
        RdfFormat format = RdfFormat.forAccept(headers.getHeaderString(HttpHeaders.ACCEPT));
        var query = uri.getQueryParameters();
        int limit = PageSize.of(query.getFirst("limit"), defaultLimit, maxLimit);
        Optional<Instant> modifiedSince = Optional.ofNullable(query.getFirst("modifiedSince")).map(RecordEndpoints::instant);
        Optional<Cursor> cursor = Cursor.parse(query.getFirst("cursor"));
        RecordCollection.Page page = collection.list(node, selection, modifiedSince, cursor, limit, guard);
        String rawQuery = uri.getRequestUri().getRawQuery();
        String pageUrl = pageUrl(node.base() + path, rawQuery, null);
        String next = page.next().map(c -> pageUrl(node.base() + path, rawQuery, c.token())).orElse(null);
        return representations.page(node.base(), pageUrl, page.items().stream().map(this::shown).toList(), next, format)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /**
     * The URL of a page as the node publishes it: its configured base (not the Host the client
     * used), the request's parameters as the client encoded them, and the cursor given, if any.
     */
    public static String pageUrl(String url, String rawQuery, String cursor) {
        StringJoiner query = new StringJoiner("&");
        if (rawQuery != null) {
            Arrays.stream(rawQuery.split("&")).filter(p -> !p.isEmpty() && !p.startsWith("cursor=")).forEach(query::add);
        }
        if (cursor != null) {
            query.add("cursor=" + cursor);
        }
        return query.length() == 0 ? url : url + "?" + query;
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
