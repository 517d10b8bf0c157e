package org.lianxin.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.lianxin.node.demo.DemoTree;

/**
 * The "copy everything to the top" design: one TDB2 dataset holding every record of the province,
 * each in its named graph as the nodes keep them, queried with SPARQL directly.
 */
final class Central implements AutoCloseable {

    private static final String PREFIXES = "PREFIX lx: <https://w3id.org/lianxin/ns#> PREFIX schema: <http://schema.org/> ";

    private final Dataset dataset;

    Central(Path directory, DemoTree.Spec spec) {
        dataset = TDB2Factory.connectDataset(directory.toString());
        Txn.executeWrite(dataset, () -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            DemoTree.generate(spec, (iri, graph) -> graph.find().forEachRemaining(t -> dsg.add(iri, t.getSubject(), t.getPredicate(), t.getObject())));
        });
    }

    /** W1: members per stage over the whole province. */
    Map<String, Long> membersByStage() {
        Map<String, Long> counts = new TreeMap<>();
        select("SELECT ?stage (COUNT(?m) AS ?n) WHERE { GRAPH ?m { ?m lx:stage ?stage } } GROUP BY ?stage", row ->
                counts.put(row.getResource("stage").getLocalName(), row.getLiteral("n").getLong()));
        return counts;
    }

    /** W3: the local ids of the members with exactly this name. */
    List<String> membersNamed(String name) {
        List<String> ids = new ArrayList<>();
        select("SELECT ?m WHERE { GRAPH ?m { ?m a lx:Member ; schema:name \"" + name.replace("\"", "") + "\" } }", row -> {
            String iri = row.getResource("m").getURI();
            ids.add(iri.substring(iri.lastIndexOf('/') + 1));
        });
        ids.sort(null);
        return ids;
    }

    /** Some members' local ids and the organization slug of their branch, to read them from their nodes. */
    List<String[]> sampleMembers(int max) {
        List<String[]> members = new ArrayList<>();
        select("SELECT ?m ?b WHERE { GRAPH ?m { ?m lx:branch ?b } } LIMIT " + max, row -> {
            String m = row.getResource("m").getURI();
            String b = row.getResource("b").getURI();
            members.add(new String[] {m.substring(m.lastIndexOf('/') + 1), b.substring(b.lastIndexOf('/') + 1)});
        });
        return members;
    }

    /** A name that a few members share, for the needle search. */
    String someName() {
        String[] name = new String[1];
        select("SELECT ?name WHERE { GRAPH ?m { ?m a lx:Member ; schema:name ?name } } LIMIT 1 OFFSET 777", row -> name[0] = row.getLiteral("name").getString());
        return name[0];
    }

    private void select(String sparql, java.util.function.Consumer<QuerySolution> each) {
        Txn.executeRead(dataset, () -> {
            try (QueryExecution exec = QueryExecutionFactory.create(PREFIXES + sparql, dataset)) {
                ResultSet rows = exec.execSelect();
                rows.forEachRemaining(each);
            }
        });
    }

    @Override
    public void close() {
        dataset.close();
    }
}
