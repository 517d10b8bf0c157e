package org.lianxin.node.rdf;

import static org.lianxin.node.rdf.JsonP.JSON;

import org.lianxin.spec.ContextTerms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes a record graph as compacted JSON-LD with the Lianxin context: short keys, enumeration
 * values by their short names, nested blank nodes, memberships under their member.
 *
 * <p>A writer of our own rather than a general JSON-LD compaction and framing pass: it knows the
 * shape of a record (one root, nested blank nodes), is deterministic (keys in context order) and
 * cheap enough for every read. Tests expand its output with a real JSON-LD 1.1 processor and check
 * that the graph is the same, triple for triple.
 */
public final class CompactJsonLdWriter {

    private final ContextTerms terms;

    public CompactJsonLdWriter(ContextTerms terms) {
        this.terms = terms;
    }

    /** The node object of {@code root} in {@code record}, without an {@code @context}. */
    public JsonObject object(Graph record, Node root) {
        Set<Triple> written = new HashSet<>();
        JsonObjectBuilder object = nodeObject(record, root, written);
        List<Triple> rest = record.find().filterDrop(written::contains).toList();
        if (!rest.isEmpty()) {
            // Triples about other subjects than the root and its blank nodes: kept, never dropped.
            JsonArrayBuilder included = JSON.createArrayBuilder();
            rest.stream().map(Triple::getSubject).distinct().sorted(Comparator.comparing(Node::toString))
                    .forEach(s -> included.add(nodeObject(record, s, written)));
            object.add("@included", included);
        }
        return object.build();
    }

    private JsonObjectBuilder nodeObject(Graph g, Node subject, Set<Triple> written) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        if (subject.isURI()) {
            object.add("id", subject.getURI());
        }
        List<Triple> types = g.find(subject, RDF.type.asNode(), Node.ANY).toList();
        if (!types.isEmpty()) {
            written.addAll(types);
            List<String> names = types.stream().map(t -> terms.compact(t.getObject().getURI())).sorted().toList();
            object.add("type", names.size() == 1 ? JSON.createValue(names.get(0)) : JSON.createArrayBuilder(names).build());
        }
        Map<String, List<JsonValue>> properties = new TreeMap<>(Comparator.comparing(this::keyRank).thenComparing(k -> k));
        Map<String, Boolean> asSet = new TreeMap<>();
        for (Triple t : g.find(subject, Node.ANY, Node.ANY).toList()) {
            if (written.contains(t)) {
                continue;
            }
            written.add(t);
            String iri = t.getPredicate().getURI();
            ContextTerms.Term term = terms.forward(iri).orElse(null);
            String key = term != null ? term.name() : terms.compact(iri);
            properties.computeIfAbsent(key, k -> new ArrayList<>()).add(value(g, t.getObject(), term, written));
            asSet.put(key, term != null && term.set());
        }
        // Reverse terms: e.g. memberships, the org:Membership nodes whose org:member is this subject.
        for (Triple t : g.find(Node.ANY, Node.ANY, subject).toList()) {
            if (written.contains(t) || !t.getSubject().isBlank()) {
                continue;
            }
            terms.reverse(t.getPredicate().getURI()).ifPresent(term -> {
                written.add(t);
                properties.computeIfAbsent(term.name(), k -> new ArrayList<>())
                        .add(nodeObject(g, t.getSubject(), written).build());
                asSet.put(term.name(), true);
            });
        }
        properties.forEach((key, values) -> {
            if (values.size() == 1 && !asSet.get(key)) {
                object.add(key, values.get(0));
            } else {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                values.stream().sorted(Comparator.comparing(JsonValue::toString)).forEach(array::add);
                object.add(key, array);
            }
        });
        return object;
    }

    private JsonValue value(Graph g, Node o, ContextTerms.Term term, Set<Triple> written) {
        String coercion = term == null ? null : term.coercion();
        if (o.isBlank()) {
            return nodeObject(g, o, written).build();
        }
        if (o.isURI()) {
            if ("@id".equals(coercion)) {
                return JSON.createValue(o.getURI());
            }
            if ("@vocab".equals(coercion)) {
                return JSON.createValue(terms.compact(o.getURI()));
            }
            return JSON.createObjectBuilder().add("id", o.getURI()).build();
        }
        String lexical = o.getLiteralLexicalForm();
        String language = o.getLiteralLanguage();
        String datatype = o.getLiteralDatatypeURI();
        if (!language.isEmpty()) {
            return JSON.createObjectBuilder().add("@value", lexical).add("@language", language).build();
        }
        if (datatype.equals(coercion)) {
            return JSON.createValue(lexical);
        }
        if (coercion == null && XSDDatatype.XSDstring.getURI().equals(datatype)) {
            return JSON.createValue(lexical);
        }
        if (coercion == null && XSDDatatype.XSDboolean.getURI().equals(datatype) && (lexical.equals("true") || lexical.equals("false"))) {
            return lexical.equals("true") ? jakarta.json.JsonValue.TRUE : jakarta.json.JsonValue.FALSE; // a native JSON boolean expands to this
        }
        return JSON.createObjectBuilder().add("@value", lexical).add("@type", terms.compact(datatype)).build();
    }

    private int keyRank(String key) {
        return terms.rank(key);
    }
}
