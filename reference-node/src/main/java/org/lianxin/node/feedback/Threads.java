package org.lianxin.node.feedback;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;

/** The kinds of thread the node keeps, found by a record's class (a record of the chain) or by their segment (a message's route). */
@ApplicationScoped
public class Threads {

    @Inject
    Instance<ThreadKind> kinds;

    /** The kind of the thread record {@code iri} of {@code g}, by its class. */
    public ThreadKind of(Graph g, Node iri) {
        for (ThreadKind kind : kinds) {
            if (g.contains(iri, RDF.type.asNode(), kind.recordClass())) {
                return kind;
            }
        }
        throw new IllegalStateException(iri + " is no thread record");
    }

    public List<ThreadKind> all() {
        return kinds.stream().toList();
    }
}
