package org.lianxin.node.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * The SHACL-SPARQL constraints of the spec's shapes (sh:sparql on node shapes with a sh:targetClass),
 * evaluated once for a whole batch of records rather than once per focus node: their queries bind
 * {@code $this} themselves, so one query over all records finds every violation. Per focus node
 * they were nine tenths of the validation time of a member.
 */
final class SparqlConstraints {

    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final Node SPARQL = NodeFactory.createURI(SH + "sparql");

    /** One constraint: the shape it belongs to, its target class, its query and its messages. */
    record Constraint(Node shape, Node targetClass, Query query, List<Node> messages) {}

    /** One violation: the shape, the focus node, the path and the shape's messages. */
    record Violation(Node shape, Node focus, Node path, List<Node> messages) {}

    private final List<Constraint> constraints = new ArrayList<>();

    /** Reads the constraints out of {@code shapes}, and removes them from it (the rest is validated as usual). */
    SparqlConstraints(Graph shapes) {
        for (var link : shapes.find(Node.ANY, SPARQL, Node.ANY).toList()) {
            Node shape = link.getSubject();
            Node constraint = link.getObject();
            Node target = single(shapes, shape, SH + "targetClass");
            Node select = single(shapes, constraint, SH + "select");
            StringBuilder prefixes = new StringBuilder();
            for (var p : shapes.find(constraint, NodeFactory.createURI(SH + "prefixes"), Node.ANY).toList()) {
                for (var d : shapes.find(p.getObject(), NodeFactory.createURI(SH + "declare"), Node.ANY).toList()) {
                    prefixes.append("PREFIX ").append(single(shapes, d.getObject(), SH + "prefix").getLiteralLexicalForm()).append(": <")
                            .append(single(shapes, d.getObject(), SH + "namespace").getLiteralLexicalForm()).append(">\n");
                }
            }
            if (target == null || select == null) {
                continue; // not of the form this evaluator knows: jena-shacl keeps it
            }
            List<Node> messages = shapes.find(shape, NodeFactory.createURI(SH + "message"), Node.ANY).mapWith(t -> t.getObject()).toList();
            constraints.add(new Constraint(shape, target, QueryFactory.create(prefixes + select.getLiteralLexicalForm()), messages));
            shapes.delete(link.getSubject(), SPARQL, constraint);
        }
    }

    /** Every violation in the records of {@code records}, by focus node. */
    Map<Node, List<Violation>> violations(List<Graph> records) {
        Graph all = GraphFactory.createDefaultGraph();
        records.forEach(g -> g.find().forEachRemaining(all::add));
        Map<Node, List<Violation>> found = new HashMap<>();
        for (Constraint c : constraints) {
            try (QueryExec exec = QueryExec.graph(all).query(c.query()).build()) {
                exec.select().forEachRemaining(row -> {
                    Node focus = row.get(Var.alloc("this"));
                    if (focus != null && all.contains(focus, RDF.type.asNode(), c.targetClass())) {
                        found.computeIfAbsent(focus, f -> new ArrayList<>()).add(new Violation(c.shape(), focus, row.get(Var.alloc("path")), c.messages()));
                    }
                });
            }
        }
        return found;
    }

    private static Node single(Graph g, Node s, String p) {
        var found = g.find(s, NodeFactory.createURI(p), Node.ANY);
        return found.hasNext() ? found.next().getObject() : null;
    }
}
