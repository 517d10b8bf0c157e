package org.lianxin.spec;

import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The terms of the Lianxin JSON-LD context, read from the spec's own context file: which short key
 * stands for which IRI, and how its values are written. Nodes and clients use it to write records
 * with the short keys a plain-JSON client expects, and to name fields in error reports.
 */
public final class ContextTerms {

    /**
     * One term of the context.
     *
     * @param name     the short key, e.g. {@code birthDate}
     * @param iri      the full IRI it stands for
     * @param coercion {@code null}, {@code @id}, {@code @vocab} or a datatype IRI
     * @param set      whether values are always written as an array
     * @param reverse  whether the term names the property in the reverse direction
     * @param rank     the term's position in the context
     */
    public record Term(String name, String iri, String coercion, boolean set, boolean reverse, int rank) {}

    private final Map<String, String> prefixes = new LinkedHashMap<>();
    private final Map<String, Term> byName = new LinkedHashMap<>();
    private final Map<String, Term> forwardByIri = new HashMap<>();
    private final Map<String, Term> reverseByIri = new HashMap<>();

    public ContextTerms(String contextJson) {
        JsonObject context = Json.createReader(new StringReader(contextJson)).readObject().getJsonObject("@context");
        context.forEach((key, value) -> {
            if (key.startsWith("@")) {
                return;
            }
            if (value instanceof JsonString s && (s.getString().endsWith("#") || s.getString().endsWith("/"))) {
                prefixes.put(key, s.getString());
            }
        });
        context.forEach((key, value) -> {
            if (key.startsWith("@") || prefixes.containsKey(key)) {
                return;
            }
            Term term = toTerm(key, value);
            if (term.iri().startsWith("@")) {
                return; // keyword aliases (id, type) are handled by the writer itself
            }
            byName.put(key, term);
            (term.reverse() ? reverseByIri : forwardByIri).putIfAbsent(term.iri(), term);
        });
    }

    private Term toTerm(String name, JsonValue value) {
        if (value instanceof JsonString s) {
            return new Term(name, expand(s.getString()), null, false, false, byName.size());
        }
        JsonObject def = value.asJsonObject();
        boolean reverse = def.containsKey("@reverse");
        String iri = expand(def.getString(reverse ? "@reverse" : "@id"));
        String coercion = def.containsKey("@type") ? def.getString("@type") : null;
        if (coercion != null && !coercion.startsWith("@")) {
            coercion = expand(coercion);
        }
        boolean set = def.containsKey("@container") || reverse;
        return new Term(name, iri, coercion, set, reverse, byName.size());
    }

    /** Expands a compact IRI such as {@code lx:Member} with the context's prefixes. */
    public String expand(String compact) {
        int colon = compact.indexOf(':');
        if (colon > 0 && prefixes.containsKey(compact.substring(0, colon))) {
            return prefixes.get(compact.substring(0, colon)) + compact.substring(colon + 1);
        }
        return compact;
    }

    /** The JSON key of a property in error reports (Table 3.5): its term, else the full IRI. */
    public String key(String iri) {
        Term term = forwardByIri.get(iri);
        return term != null ? term.name() : iri;
    }

    /** The shortest name for {@code iri}: its term, else a compact IRI, else the IRI itself. */
    public String compact(String iri) {
        Term term = forwardByIri.get(iri);
        if (term != null) {
            return term.name();
        }
        for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
            if (iri.startsWith(prefix.getValue()) && iri.length() > prefix.getValue().length()) {
                return prefix.getKey() + ":" + iri.substring(prefix.getValue().length());
            }
        }
        return iri;
    }

    public Optional<Term> forward(String propertyIri) {
        return Optional.ofNullable(forwardByIri.get(propertyIri));
    }

    public Optional<Term> reverse(String propertyIri) {
        return Optional.ofNullable(reverseByIri.get(propertyIri));
    }

    public Optional<Term> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The position of {@code name} in the context, so that JSON keys follow the context's order. */
    public int rank(String name) {
        Term term = byName.get(name);
        return term == null ? Integer.MAX_VALUE : term.rank();
    }

    /** Every term (prefix definitions and keyword aliases left out) with the full IRI it stands for. */
    public Map<String, String> iris() {
        Map<String, String> iris = new LinkedHashMap<>();
        byName.forEach((name, term) -> iris.put(name, term.iri()));
        return iris;
    }

    /** The terms of the Lianxin context of this spec version. */
    public static ContextTerms lianxin() {
        return LIANXIN;
    }

    private static final ContextTerms LIANXIN = new ContextTerms(SpecResources.contextJson());

    /** The prefixes declared by the context, for Turtle output. */
    public Map<String, String> prefixes() {
        return prefixes;
    }
}
