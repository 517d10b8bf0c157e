package org.lianxin.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.fixtures.Sandbox;
import org.lianxin.spec.JsonLdContexts;

/**
 * What the Core tests share: the node's routes, reads that work with and without Security (a node
 * that claims Security masks member records read without a Lianxin-Purpose header, spec 8.8),
 * lists followed page by page, and the checks of problem reports (Tables 3.4 and 3.5).
 */
final class Records {

    static final String JSON_LD = "application/ld+json";
    static final String TURTLE = "text/turtle";
    static final String N_TRIPLES = "application/n-triples";
    static final String PROBLEM = "application/problem+json";
    static final String LX = "https://w3id.org/lianxin/ns#";

    private Records() {}

    static String base() {
        return Kit.current().base();
    }

    static String members() {
        return base() + "/members";
    }

    static String organizations() {
        return base() + "/organizations";
    }

    static Sandbox sandbox() {
        return Kit.current().sandbox();
    }

    static boolean security() {
        return Kit.current().claims("Security");
    }

    /** A read of one record, in full: with a stated purpose where the node claims Security (spec 8.8). */
    static Response read(String iri, String accept) {
        return security() ? Http.get(iri, "Accept", accept, "Lianxin-Purpose", "conformance%20test")
                : Http.get(iri, "Accept", accept);
    }

    /** The record in JSON-LD, which must be live. */
    static JsonObject json(String iri) {
        Response read = read(iri, JSON_LD);
        assertEquals(200, read.status(), () -> "GET " + iri + " answered " + read.status() + " where 200 was required: " + read.body());
        return read.json();
    }

    /** An absolute IRI of a new organization of the node that no write has created. */
    static String unusedOrganization() {
        return organizations() + "/" + Sandbox.uniqueId("never");
    }

    static String unusedMember() {
        return members() + "/" + Sandbox.uniqueId("never");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The ids of the items of one page, which must be a 200 JSON-LD page. */
    static List<String> itemIds(JsonObject page) {
        assertTrue(page.get("items") instanceof jakarta.json.JsonArray, () -> "a page has an items array: " + page);
        List<String> ids = new ArrayList<>();
        for (JsonValue item : page.getJsonArray("items")) {
            assertTrue(item instanceof JsonObject o && o.get("id") instanceof JsonString, () -> "an item without id: " + item);
            ids.add(item.asJsonObject().getString("id"));
        }
        return ids;
    }

    /** Every item id of a list, following next from {@code url} until the last page. */
    static List<String> allIds(String url, String... headers) {
        List<String> ids = new ArrayList<>();
        allPages(url, headers).forEach(p -> ids.addAll(itemIds(p)));
        return ids;
    }

    /** Every page of a list, following next. */
    static List<JsonObject> allPages(String url, String... headers) {
        List<JsonObject> pages = new ArrayList<>();
        String next = url;
        while (next != null) {
            String[] h = new String[headers.length + 2];
            h[0] = "Accept";
            h[1] = JSON_LD;
            System.arraycopy(headers, 0, h, 2, headers.length);
            Response response = Http.get(next, h);
            String at = next;
            assertEquals(200, response.status(), () -> "the list page " + at + " answered " + response.status() + ": " + response.body());
            JsonObject page = response.json();
            pages.add(page);
            next = page.get("next") instanceof JsonString s ? s.getString() : null;
            if (pages.size() > 5000) {
                fail("more than 5000 pages: the list does not end");
            }
        }
        return pages;
    }

    /** An answer's body as an RDF graph, parsed in the media type of its Content-Type. */
    static Graph graph(Response response, String base) {
        return parse(response.body(), response.mediaType(), base);
    }

    /** Text in one of the three media types as an RDF graph. */
    static Graph parse(String body, String mediaType, String base) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Graph graph = GraphFactory.createDefaultGraph();
        try {
            switch (mediaType) {
                case JSON_LD -> graph = JsonLdContexts.parse(new ByteArrayInputStream(bytes), base);
                case TURTLE -> RDFParser.source(new ByteArrayInputStream(bytes)).lang(Lang.TURTLE).base(base).parse(graph);
                case N_TRIPLES -> RDFParser.source(new ByteArrayInputStream(bytes)).lang(Lang.NTRIPLES).parse(graph);
                default -> fail("not an RDF media type of Lianxin: " + mediaType);
            }
        } catch (RiotException e) {
            fail("the " + mediaType + " body does not parse: " + e.getMessage());
        }
        return graph;
    }

    /** LX-CORE-19: the status, media type, type and title of Table 3.4. */
    static JsonObject assertProblem(Response response, int status, String slug, String title) {
        assertEquals(status, response.status(), () -> "status " + response.status() + " where " + status + " was required: " + response.body());
        assertEquals(PROBLEM, response.mediaType(), "a problem report is application/problem+json");
        JsonObject problem = response.json();
        assertEquals("https://w3id.org/lianxin/problems/" + slug, problem.getString("type", null), "type of the problem report");
        assertEquals(title, problem.getString("title", null), "title of the problem report");
        assertTrue(problem.get("status") instanceof jakarta.json.JsonNumber n && n.intValue() == status,
                () -> "the status member is the number " + status + ": " + problem);
        return problem;
    }

    /** A 422 validation problem (LX-CORE-19) listing an error with this field (null: any), rule (null: any) and requirement. */
    static void assertRejected(Response response, String field, String rule, String requirement) {
        assertProblem(response, 422, "validation", "Validation failed");
        assertError(response, field, rule, requirement);
    }

    /** LX-CORE-20: an entry of errors with this field ("a or b": either), rule and requirement (null: any), and a message. */
    static void assertError(Response response, String field, String rule, String requirement) {
        List<JsonObject> errors = errors(response);
        List<String> fields = field == null ? null : List.of(field.split(" or "));
        assertTrue(errors.stream().anyMatch(e -> (fields == null || fields.contains(e.getString("field", null)))
                        && (rule == null || rule.equals(e.getString("rule", null)))
                        && (requirement == null || requirement.equals(e.getString("requirement", null)))
                        && !e.getString("message", "").isBlank()),
                () -> "no error entry with field " + field + ", rule " + rule + ", requirement " + requirement + " and a message in " + errors);
    }

    static List<JsonObject> errors(Response response) {
        JsonObject problem = response.json();
        assertTrue(problem.get("errors") instanceof jakarta.json.JsonArray, () -> "the problem report has an errors array: " + problem);
        List<JsonObject> errors = new ArrayList<>();
        for (JsonValue e : problem.getJsonArray("errors")) {
            assertTrue(e instanceof JsonObject, () -> "an errors entry is an object: " + e);
            errors.add(e.asJsonObject());
        }
        return errors;
    }

    /** A string or array of strings as a list; empty when absent. */
    static List<String> strings(JsonValue value) {
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        return value instanceof jakarta.json.JsonArray a
                ? a.stream().filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).getString()).toList() : List.of();
    }
}
