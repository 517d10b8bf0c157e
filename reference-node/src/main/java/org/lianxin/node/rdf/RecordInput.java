package org.lianxin.node.rdf;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.store.Record;
import org.lianxin.spec.ContextTerms;
import org.lianxin.spec.JsonLdContexts;
import org.lianxin.spec.LX;

/**
 * Reads the body of a write into the records it describes (spec 3.5). A record is a record subject
 * with the blank nodes connected to it; the node names each subject. Properties the node manages
 * itself (created, modified, deleted, replacedBy) are dropped, so a client may send back what it read.
 */
public final class RecordInput {

    private static final Set<Node> SERVER_MANAGED = Set.of(
            DCTerms.created.asNode(), DCTerms.modified.asNode(), LX.deleted.asNode(), DCTerms.isReplacedBy.asNode());
    private static final Pattern POSITION = Pattern.compile("line: *(\\d+), *col: *(\\d+)");

    private RecordInput() {}

    /** The body of a POST: one record subject, a blank node, named {@code iri} (Table 3.3). */
    public static Graph readNew(InputStream body, RdfFormat format, Node iri) {
        return single(readAll(body, format, iri.getURI(), root -> {
            if (!root.isBlank()) {
                throw subjectError("A POST creates a record: its subject is a blank node (no id); use PUT to choose the IRI.");
            }
            return iri;
        }));
    }

    /**
     * What a client states of a record whose other values the node sets (a task's state, a message's
     * sender): the record subject's values of {@code stated}, and everything about its blank nodes.
     */
    public static Graph stated(Record input, java.util.Collection<Node> stated) {
        Graph kept = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        input.graph().find().filterKeep(t -> !t.getSubject().equals(input.iri()) || stated.contains(t.getPredicate())).forEach(kept::add);
        return kept;
    }

    /** The body of a PUT: one record subject, the request URL (Table 3.3). */
    public static Graph readReplacement(InputStream body, RdfFormat format, Node iri) {
        return single(readAll(body, format, iri.getURI(), root -> {
            if (!root.equals(iri)) {
                throw subjectError("A PUT body describes the resource at the request URL, " + iri.getURI() + ".");
            }
            return iri;
        }));
    }

    /**
     * Parses a body that describes any number of records and splits it into records; {@code naming}
     * gives each record subject its IRI, or refuses it.
     */
    public static List<Record> readAll(InputStream body, RdfFormat format, String base, UnaryOperator<Node> naming) {
        Graph parsed = parse(body, format, base);
        Set<Node> subjects = parsed.find().mapWith(Triple::getSubject).toSet();
        List<Node> roots = subjects.stream().filter(s -> !isConnected(parsed, subjects, s))
                .sorted(Comparator.comparing(Node::toString)).toList();
        if (roots.isEmpty()) {
            throw subjectError("The body describes no record.");
        }
        Map<Node, Node> owner = new HashMap<>();
        List<Record> records = new ArrayList<>();
        for (Node root : roots) {
            Node iri = naming.apply(root);
            Graph record = GraphFactory.createDefaultGraph();
            collect(parsed, subjects, root, root, iri, record, owner);
            records.add(new Record(iri, record));
        }
        if (owner.size() != subjects.size()) {
            throw subjectError("The body has statements about resources other than its records and their blank nodes.");
        }
        return records;
    }

    private static Graph single(List<Record> records) {
        if (records.size() != 1) {
            throw subjectError("A write carries exactly one record; this body has " + records.size() + ".");
        }
        return records.get(0).graph();
    }

    /** LX-CORE-18, rule record-subject. */
    private static ProblemException subjectError(String message) {
        return ProblemException.invalid("", "record-subject", message, "LX-CORE-18");
    }

    /**
     * A blank node is connected, so not a record of its own, when something points to it, or when
     * it is a membership pointing to its member. The member's side of that link, org:member, does
     * not make the member part of its membership: a member with memberships is still a record.
     */
    private static boolean isConnected(Graph g, Set<Node> subjects, Node s) {
        Node member = org.apache.jena.vocabulary.ORG.member.asNode();
        return s.isBlank() && (g.find(Node.ANY, Node.ANY, s).filterDrop(t -> t.getPredicate().equals(member)).hasNext()
                || g.find(s, member, Node.ANY).filterKeep(t -> subjects.contains(t.getObject())).hasNext());
    }

    /** Copies into {@code record} the statements about {@code s} and the blank nodes connected to it. */
    private static void collect(Graph g, Set<Node> subjects, Node root, Node s, Node iri, Graph record, Map<Node, Node> owner) {
        Node previous = owner.putIfAbsent(s, root);
        if (previous != null) {
            if (!previous.equals(root)) {
                throw subjectError("A blank node is connected to two records; each record has its own.");
            }
            return;
        }
        for (Triple t : g.find(s, Node.ANY, Node.ANY).toList()) {
            if (s.equals(root) && SERVER_MANAGED.contains(t.getPredicate())) {
                continue;
            }
            Node o = t.getObject().equals(root) ? iri : t.getObject();
            record.add(Triple.create(s.equals(root) ? iri : s, t.getPredicate(), o));
            if (o.isBlank() && subjects.contains(o)) {
                collect(g, subjects, root, o, iri, record, owner);
            }
        }
        for (Triple t : g.find(Node.ANY, Node.ANY, s).toList()) {
            if (t.getSubject().isBlank()) {
                collect(g, subjects, root, t.getSubject(), iri, record, owner);
            }
        }
    }

    private static Graph parse(InputStream body, RdfFormat format, String base) {
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (format == RdfFormat.JSON_LD) {
                refuseUnknownKeys(new String(bytes, StandardCharsets.UTF_8));
                return JsonLdContexts.parser().source(new ByteArrayInputStream(bytes)).base(base)
                        .errorHandler(ErrorHandlerFactory.errorHandlerNoLogging).toGraph();
            }
            Graph parsed = GraphFactory.createDefaultGraph();
            RDFParser.source(new ByteArrayInputStream(bytes)).lang(format.lang()).base(base)
                    .errorHandler(ErrorHandlerFactory.errorHandlerNoLogging).parse(parsed);
            return parsed;
        } catch (RiotException | JsonException | IllegalArgumentException e) {
            // LX-CORE-15, LX-CORE-17. The parser's own text may quote the input, and the input may be
            // personal data: only the position is passed on.
            throw ProblemException.badRequest("The body is not valid " + format.mediaType() + where(e.getMessage())
                    + ", or its @context is not the Lianxin context (a node never fetches another).");
        }
    }

    /**
     * LX-CORE-16: JSON-LD drops keys it cannot expand without a word; a node refuses them instead, so
     * that a mistyped key never loses data silently.
     */
    private static void refuseUnknownKeys(String json) {
        JsonValue document = JSON.createReader(new StringReader(json)).readValue();
        Set<String> inlineTerms = new HashSet<>();
        collectInlineTerms(document, inlineTerms);
        List<String> unknown = new ArrayList<>();
        findUnknownKeys(document, inlineTerms, unknown);
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown.get(0), "unknown-term",
                    "The key is not a term of the Lianxin context, a JSON-LD keyword or an IRI.", "LX-CORE-16");
        }
    }

    private static void collectInlineTerms(JsonValue value, Set<String> terms) {
        if (value instanceof JsonObject object) {
            JsonValue context = object.get("@context");
            if (context instanceof JsonObject c) {
                terms.addAll(c.keySet());
            } else if (context instanceof JsonArray a) {
                a.stream().filter(JsonObject.class::isInstance).forEach(c -> terms.addAll(c.asJsonObject().keySet()));
            }
            object.forEach((k, v) -> collectInlineTerms(v, terms));
        } else if (value instanceof JsonArray array) {
            array.forEach(v -> collectInlineTerms(v, terms));
        }
    }

    private static void findUnknownKeys(JsonValue value, Set<String> inlineTerms, List<String> unknown) {
        if (value instanceof JsonObject object) {
            object.forEach((key, v) -> {
                if (key.equals("@context") || key.equals("@value")) {
                    return;
                }
                boolean known = key.startsWith("@") || key.contains(":") || inlineTerms.contains(key)
                        || ContextTerms.lianxin().byName(key).isPresent() || key.equals("id") || key.equals("type");
                if (!known) {
                    unknown.add(key);
                }
                findUnknownKeys(v, inlineTerms, unknown);
            });
        } else if (value instanceof JsonArray array) {
            array.forEach(v -> findUnknownKeys(v, inlineTerms, unknown));
        }
    }

    /** Where the parser stopped, without its quote of the input. */
    private static String where(String message) {
        Matcher m = message == null ? null : POSITION.matcher(message);
        return m != null && m.find() ? " (line " + m.group(1) + ", column " + m.group(2) + ")" : "";
    }
}
