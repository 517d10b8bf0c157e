package org.lianxin.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The spec's files as the jar carries them, under {@value #ROOT} on the classpath.
 * Paths are relative to that root, as in the source tree: {@code "vocabulary/lianxin.ttl"},
 * {@code "examples/members/applicant.jsonld"}.
 */
public final class SpecResources {

    /** The version of the standard these files are (lx:specVersion in every node description). */
    public static final String VERSION = "0.1.0";

    /** Classpath folder of the spec files. */
    public static final String ROOT = "lianxin/spec/";

    public static final String VOCABULARY = "vocabulary/lianxin.ttl";
    public static final String CONTEXT = "context/lianxin.jsonld";
    public static final String OPENAPI = "openapi/lianxin.yaml";
    public static final String REQUIREMENTS = "requirements.ttl";
    public static final String EXAMPLES_MANIFEST = "examples/manifest.ttl";
    /** The national rates of party dues (chapter 9, Table 9.5). */
    public static final String DUES_RATES = "dues/rates.ttl";

    /** Every SHACL shapes file; {@link #shapesGraph()} is their union. */
    public static final List<String> SHAPES = List.of("shapes/organizations.ttl", "shapes/members.ttl", "shapes/dues.ttl",
            "shapes/transfers.ttl",
            "shapes/activities.ttl", "shapes/tasks.ttl", "shapes/feedback.ttl", "shapes/learning.ttl", "shapes/notices.ttl",
            "shapes/service.ttl");

    private SpecResources() {}

    /** The URL of a spec file; IllegalArgumentException if there is no such file. */
    public static URL url(String path) {
        URL url = SpecResources.class.getClassLoader().getResource(ROOT + path);
        if (url == null)
            throw new IllegalArgumentException("No spec resource " + ROOT + path);
        return url;
    }

    /** Opens a spec file; the caller closes the stream. */
    public static InputStream open(String path) {
        try {
            return url(path).openStream();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A spec file as UTF-8 text. */
    public static String text(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Parses a spec file into a new graph: Turtle for {@code .ttl}, JSON-LD 1.1 for {@code .jsonld}
     * (through {@link JsonLdContexts}, never fetching the context). Relative IRIs resolve against the
     * file's classpath URL.
     */
    public static Graph graph(String path) {
        Graph graph = GraphFactory.createDefaultGraph();
        readInto(graph, path);
        return graph;
    }

    /** The Lianxin vocabulary. */
    public static Model vocabulary() {
        return ModelFactory.createModelForGraph(graph(VOCABULARY));
    }

    /** All SHACL shapes in one graph, with the files' prefixes. */
    public static Graph shapesGraph() {
        Graph graph = GraphFactory.createDefaultGraph();
        SHAPES.forEach(path -> readInto(graph, path));
        return graph;
    }

    /** The JSON-LD context as text. */
    public static String contextJson() {
        return text(CONTEXT);
    }

    /** The OpenAPI description of the node's REST API, as YAML text. */
    public static String openApi() {
        return text(OPENAPI);
    }

    /** The manifest of numbered requirements. */
    public static Model requirements() {
        return ModelFactory.createModelForGraph(graph(REQUIREMENTS));
    }

    private static void readInto(Graph graph, String path) {
        String base = url(path).toString();
        try (InputStream in = open(path)) {
            if (path.endsWith(".jsonld"))
                JsonLdContexts.parser().source(in).base(base).parse(graph);
            else if (path.endsWith(".ttl"))
                RDFParser.source(in).lang(Lang.TURTLE).base(base).parse(graph);
            else
                throw new IllegalArgumentException("Not an RDF spec file: " + path);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
