package org.lianxin.bench;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lianxin.node.demo.DemoTree;
import org.lianxin.spec.LX;

/**
 * Bodies for {@code POST /members/batch}: generated members, each a blank node as a batch requires,
 * all of them in one branch, as N-Triples (which is Turtle).
 */
final class Batches {

    private Batches() {}

    static List<String> of(DemoTree.Spec spec, String branch, int size) {
        Node branchNode = NodeFactory.createURI(branch);
        String organizations = spec.base() + "/organizations/";
        List<String> bodies = new ArrayList<>();
        Graph[] batch = {GraphFactory.createDefaultGraph()};
        int[] count = {0};
        DemoTree.generate(spec, (iri, graph) -> {
            if (!graph.contains(iri, org.apache.jena.vocabulary.RDF.type.asNode(), LX.Member.asNode())) {
                return;
            }
            Node member = NodeFactory.createBlankNode();
            graph.find().forEachRemaining(t -> batch[0].add(Triple.create(swap(t.getSubject(), iri, member, organizations, branchNode),
                    t.getPredicate(), swap(t.getObject(), iri, member, organizations, branchNode))));
            if (++count[0] % size == 0) {
                bodies.add(ntriples(batch[0]));
                batch[0] = GraphFactory.createDefaultGraph();
            }
        });
        if (!batch[0].isEmpty()) {
            bodies.add(ntriples(batch[0]));
        }
        return bodies;
    }

    private static Node swap(Node n, Node iri, Node member, String organizations, Node branch) {
        if (n.equals(iri)) {
            return member;
        }
        return n.isURI() && n.getURI().startsWith(organizations) ? branch : n;
    }

    private static String ntriples(Graph graph) {
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, graph, Lang.NTRIPLES);
        return out.toString();
    }
}
