package org.lianxin.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.spec.LX;

/**
 * What W5 cannot exceed on this machine: the same batches of members, parsed beforehand, added to
 * an empty TDB2 dataset on disk, one transaction per batch as the node does, each member in its own
 * named graph as the node keeps it; no HTTP, no validation, no index of the node's own.
 */
final class WriteCeiling {

    private WriteCeiling() {}

    /** Members a second written from {@code bodies} (N-Triples batches of members) into a new dataset in {@code directory}. */
    static double membersPerSecond(List<String> bodies, Path directory) throws IOException {
        List<List<Quad>> batches = new ArrayList<>();
        int members = 0;
        for (String body : bodies) {
            Graph parsed = RDFParser.fromString(body, Lang.TURTLE).toGraph();
            Map<Node, Node> graphOf = graphsOfMembers(parsed);
            members += (int) graphOf.values().stream().distinct().count();
            List<Quad> quads = new ArrayList<>();
            parsed.find().forEachRemaining(t -> quads.add(new Quad(graphOf.getOrDefault(t.getSubject(), Quad.defaultGraphIRI), t)));
            batches.add(quads);
        }
        Directories.delete(directory);
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(directory.toString());
        try {
            long started = System.nanoTime();
            for (List<Quad> batch : batches) {
                Txn.executeWrite(dataset, () -> batch.forEach(dataset::add));
            }
            return members / ((System.nanoTime() - started) / 1e9);
        } finally {
            TDBInternal.expel(dataset, true);
            Directories.delete(directory);
        }
    }

    /** Each member, and each blank node of its record (memberships, their intervals), to the member's graph. */
    private static Map<Node, Node> graphsOfMembers(Graph parsed) {
        Map<Node, Node> graphOf = new HashMap<>();
        parsed.find(null, RDF.type.asNode(), LX.Member.asNode()).forEachRemaining(t -> graphOf.put(t.getSubject(), t.getSubject()));
        for (int depth = 0; depth < 4; depth++) {
            parsed.find().forEachRemaining(t -> {
                if (graphOf.containsKey(t.getSubject()) && t.getObject().isBlank()) {
                    graphOf.putIfAbsent(t.getObject(), graphOf.get(t.getSubject()));
                }
                if (t.getSubject().isBlank() && graphOf.containsKey(t.getObject()) && t.getObject().isURI()) {
                    graphOf.putIfAbsent(t.getSubject(), graphOf.get(t.getObject())); // a membership points at its member
                }
            });
        }
        return graphOf;
    }
}
