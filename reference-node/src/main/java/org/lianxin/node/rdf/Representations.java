package org.lianxin.node.rdf;

import static org.lianxin.node.rdf.JsonP.JSON;

import org.lianxin.spec.ContextTerms;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/**
 * Writes records and pages in the negotiated format. JSON-LD carries the context by reference to the
 * node's own copy ({@code {base}/spec/context.jsonld}), so a client never needs another server.
 */
public final class Representations {

    private static final JsonWriterFactory PRETTY = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private final ContextTerms terms;
    private final CompactJsonLdWriter jsonLd;

    public Representations(ContextTerms terms) {
        this.terms = terms;
        this.jsonLd = new CompactJsonLdWriter(terms);
    }

    public static String contextUrl(String nodeBase) {
        return nodeBase + "/spec/context.jsonld";
    }

    /** One record, as the body of a response with {@code status}. */
    public Response.ResponseBuilder record(String nodeBase, Record record, RdfFormat format, int status) {
        StreamingOutput body = out -> writeRecord(out, nodeBase, record, format);
        return Response.status(status).type(format.mediaType() + ";charset=utf-8").entity(body);
    }

    /** One record written out in {@code format}, for a representation kept and sent many times. */
    public byte[] recordBytes(String nodeBase, Record record, RdfFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        writeRecord(out, nodeBase, record, format);
        return out.toByteArray();
    }

    /** A response with a representation written before by {@link #recordBytes}. */
    public static Response.ResponseBuilder record(byte[] body, RdfFormat format, int status) {
        return Response.status(status).type(format.mediaType() + ";charset=utf-8").entity(body);
    }

    private void writeRecord(OutputStream out, String nodeBase, Record record, RdfFormat format) {
        switch (format) {
            case JSON_LD -> writeJson(out, withContext(nodeBase, jsonLd.object(record.graph(), record.iri())));
            case TURTLE, N_TRIPLES -> writeRdf(out, record.graph(), format);
        }
    }

    /**
     * A page of a list: the records in order, and a link to the next page when there is one.
     * In RDF the page is {@code <pageUrl> a lx:Page; lx:item ...; lx:next <nextUrl>}.
     */
    public Response.ResponseBuilder page(String nodeBase, String pageUrl, List<Record> items, String nextUrl, RdfFormat format) {
        StreamingOutput body = switch (format) {
            case JSON_LD -> out -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                items.forEach(r -> array.add(jsonLd.object(r.graph(), r.iri())));
                JsonObjectBuilder page = JSON.createObjectBuilder()
                        .add("@context", contextUrl(nodeBase))
                        .add("id", pageUrl)
                        .add("type", "Page")
                        .add("items", array);
                if (nextUrl != null) {
                    page.add("next", nextUrl);
                }
                writeJson(out, page.build());
            };
            case TURTLE, N_TRIPLES -> out -> writeRdf(out, pageGraph(pageUrl, items, nextUrl), format);
        };
        Response.ResponseBuilder response = Response.ok(body).type(format.mediaType() + ";charset=utf-8");
        if (nextUrl != null) {
            response.link(nextUrl, "next");
        }
        return response;
    }

    private static Graph pageGraph(String pageUrl, List<Record> items, String nextUrl) {
        Graph graph = GraphFactory.createDefaultGraph();
        Node page = NodeFactory.createURI(pageUrl);
        graph.add(page, RDF.type.asNode(), LX.Page.asNode());
        for (Record r : items) {
            graph.add(page, LX.item.asNode(), r.iri());
            r.graph().find().forEach(graph::add);
        }
        if (nextUrl != null) {
            graph.add(page, LX.next.asNode(), NodeFactory.createURI(nextUrl));
        }
        return graph;
    }

    private static JsonObject withContext(String nodeBase, JsonObject object) {
        JsonObjectBuilder withContext = JSON.createObjectBuilder().add("@context", contextUrl(nodeBase));
        object.forEach(withContext::add);
        return withContext.build();
    }

    private static void writeJson(OutputStream out, JsonObject object) {
        try (JsonWriter writer = PRETTY.createWriter(out, StandardCharsets.UTF_8)) {
            writer.writeObject(object);
        }
    }

    private void writeRdf(OutputStream out, Graph graph, RdfFormat format) {
        if (format == RdfFormat.TURTLE) {
            terms.prefixes().forEach(graph.getPrefixMapping()::setNsPrefix);
            RDFDataMgr.write(out, graph, RDFFormat.TURTLE_PRETTY);
        } else {
            RDFDataMgr.write(out, graph, RDFFormat.NTRIPLES_UTF8);
        }
    }
}
