package org.lianxin.node.records;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.riot.out.NodeFmtLib;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.spec.LX;

/**
 * The filters of a list request (each chapter's query parameters), each checked — a 400 for a value
 * of the wrong form — and joined into the pattern over {@code ?r} that a {@link RecordCollection.Selection}
 * takes, the same for live records and tombstones.
 */
public final class ListFilter {

    private final List<String> patterns = new ArrayList<>();

    /** Records whose {@code properties} (any of them) have the IRI {@code value}, when it is given (LX-CORE-37). */
    public ListFilter iri(String value, String name, Property... properties) {
        if (value != null) {
            if (!value.matches(References.ABSOLUTE_IRI)) {
                throw ProblemException.badRequest(name + " is an absolute IRI.");
            }
            String path = Arrays.stream(properties).map(p -> "<" + p.getURI() + ">").collect(Collectors.joining("|"));
            patterns.add("?r " + path + " " + NodeFmtLib.strNT(NodeFactory.createURI(value)) + " .");
        }
        return this;
    }

    /** Records whose {@code property} is the vocabulary value {@code value} (lx:{value}), one of {@code allowed}, when it is given. */
    public ListFilter term(String value, String name, Property property, List<String> allowed) {
        if (value != null) {
            if (!allowed.contains(value)) {
                throw ProblemException.badRequest(name + " is one of " + String.join(", ", allowed) + ".");
            }
            patterns.add("?r <" + property.getURI() + "> <" + LX.NS + value + "> .");
        }
        return this;
    }

    /** Any other pattern over {@code ?r}, checked by the caller. */
    public ListFilter pattern(String pattern) {
        patterns.add(pattern);
        return this;
    }

    public RecordCollection.Selection selection() {
        String live = patterns.isEmpty() ? "" : "GRAPH ?r { " + String.join("\n", patterns) + " }";
        return new RecordCollection.Selection(live, live);
    }
}
