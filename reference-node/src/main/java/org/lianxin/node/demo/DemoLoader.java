package org.lianxin.node.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.Records;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/**
 * Fills an empty node with generated demo data ({@code lianxin.demo.members} members), through the
 * same bulk path, validation included, as any import.
 */
@ApplicationScoped
public class DemoLoader {

    private static final Logger LOG = Logger.getLogger(DemoLoader.class.getName());
    private static final int BATCH = 2_000;

    @Inject
    @ConfigProperty(name = "lianxin.demo.members")
    int members;

    @Inject
    Records records;

    public void loadIfEmpty(LogicalNode node) {
        if (members <= 0 || !records.organizations().list(node, RecordCollection.Selection.ALL, Optional.empty(), Optional.empty(), 1).items().isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<Record> organizations = new ArrayList<>();
        List<Record> people = new ArrayList<>();
        DemoTree.generate(DemoTree.Spec.sized(node.base(), members), (iri, graph) -> {
            boolean member = graph.contains(iri, org.apache.jena.vocabulary.RDF.type.asNode(), LX.Member.asNode());
            (member ? people : organizations).add(new Record(iri, graph));
            if (people.size() >= BATCH) {
                flush(node, organizations, people);
            }
        });
        flush(node, organizations, people);
        LOG.info(() -> "Demo data: " + members + " members loaded into " + node.base() + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /** Organizations first, so that every member's branch exists when the member is written. */
    private void flush(LogicalNode node, List<Record> organizations, List<Record> people) {
        write(records.organizations(), node, organizations);
        write(records.members(), node, people);
    }

    private static void write(RecordCollection collection, LogicalNode node, List<Record> batch) {
        if (!batch.isEmpty()) {
            collection.putAll(node, List.copyOf(batch));
            batch.clear();
        }
    }
}
