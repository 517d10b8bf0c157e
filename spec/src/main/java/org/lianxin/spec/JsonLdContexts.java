package org.lianxin.spec;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import jakarta.json.JsonStructure;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFParserBuilder;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;

/**
 * Parses Lianxin JSON-LD without touching the network.
 * <p>
 * A record names the context by its canonical IRI {@value #CONTEXT_IRI}, or by a node's copy at
 * {@code {base}/spec/context.jsonld}. Both are served from the spec's own file on the classpath;
 * every other remote document (context, {@code @import}) is refused, so a client cannot make a
 * node fetch URLs of its choosing, and parsing works offline.
 */
public final class JsonLdContexts {

    /** The canonical IRI of the Lianxin JSON-LD context. */
    public static final String CONTEXT_IRI = "https://w3id.org/lianxin/context.jsonld";

    private static final String NODE_COPY_SUFFIX = "/spec/context.jsonld";

    /** Serves the Lianxin context and refuses everything else. Stateless and thread-safe. */
    public static final DocumentLoader LOADER = JsonLdContexts::load;

    private static volatile JsonStructure context;

    private JsonLdContexts() {}

    /** True for the canonical context IRI and for any URL whose path ends with {@code /spec/context.jsonld}. */
    public static boolean isLianxinContext(URI url) {
        if (url == null)
            return false;
        if (CONTEXT_IRI.equals(url.toString()))
            return true;
        String path = url.getPath();
        return path != null && path.endsWith(NODE_COPY_SUFFIX);
    }

    /** New titanium options whose document loader is {@link #LOADER}. */
    public static JsonLdOptions options() {
        return new JsonLdOptions(LOADER);
    }

    /**
     * A Jena context for {@link Lang#JSONLD11} parsing with {@link #options()}; use it with
     * {@code RDFParser.create().context(...)} when you build the parser yourself.
     */
    public static Context jenaContext() {
        Context cxt = new Context();
        cxt.set(LangJSONLD11.JSONLD_OPTIONS, options());
        return cxt;
    }

    /** A JSON-LD 1.1 parser builder set up with {@link #jenaContext()}; add a source and a base. */
    public static RDFParserBuilder parser() {
        return RDFParser.create().lang(Lang.JSONLD11).context(jenaContext());
    }

    /** Parses JSON-LD into a new graph; relative IRIs resolve against {@code base}. */
    public static Graph parse(InputStream json, String base) {
        Graph graph = GraphFactory.createDefaultGraph();
        parser().source(json).base(base).parse(graph);
        return graph;
    }

    /** Parses JSON-LD text into a new graph; relative IRIs resolve against {@code base}. */
    public static Graph parse(String json, String base) {
        Graph graph = GraphFactory.createDefaultGraph();
        parser().fromString(json).base(base).parse(graph);
        return graph;
    }

    private static Document load(URI url, DocumentLoaderOptions options) throws JsonLdError {
        if (!isLianxinContext(url))
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                    "Only the Lianxin context (" + CONTEXT_IRI + ") may be referenced; refused " + url);
        JsonDocument document = JsonDocument.of(MediaType.JSON_LD, localContext());
        document.setDocumentUrl(url);
        return document;
    }

    private static JsonStructure localContext() throws JsonLdError {
        JsonStructure json = context;
        if (json == null) {
            try (InputStream in = SpecResources.open(SpecResources.CONTEXT)) {
                json = JsonDocument.of(MediaType.JSON_LD, in).getJsonContent().orElseThrow();
            } catch (IOException ex) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, ex);
            }
            context = json;
        }
        return json;
    }
}
