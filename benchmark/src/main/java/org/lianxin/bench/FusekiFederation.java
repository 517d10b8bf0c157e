package org.lianxin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.lianxin.node.demo.DemoLoader;
import org.lianxin.node.demo.DemoTree;

/**
 * The server side of design (b) of issue 6, run by {@link FusekiProcess} in its own JVM: a TDB2
 * dataset per node of the federation, holding the records that node holds (placed as the demo
 * loader places them), all served by one Fuseki server at /province, /city-01,
 * /city-01-county-01, ... One process hosts every dataset, as one reference-node process hosts
 * every node. The datasets are loaded once per size and reused.
 *
 * <p>Arguments: port, cities, counties per city, members, data directory.
 */
final class FusekiFederation {

    /** Written when every dataset is loaded: a directory without it is a load that did not finish. */
    private static final String LOADED = "loaded";
    private static final int QUADS_PER_TRANSACTION = 50_000;
    /** Held: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final Logger FUSEKI_LOG = Logger.getLogger("org.apache.jena.fuseki");

    private FusekiFederation() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        DemoLoader.Federation federation = new DemoLoader.Federation(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        int members = Integer.parseInt(args[3]);
        Path data = Path.of(args[4]);

        // A request log line per SERVICE call would put console output into the measured time.
        FUSEKI_LOG.setLevel(Level.WARNING);
        // Bounds, so that one stuck county cannot hang the province's query, nor that query the run.
        ARQ.getContext().set(ARQ.httpQueryTimeout, FusekiProcess.SERVICE_TIMEOUT.toMillis());
        ARQ.getContext().set(ARQ.queryTimeout, FusekiProcess.QUERY_TIMEOUT.toMillis());

        Map<String, DatasetGraph> datasets = open(data, federation, members);
        FusekiServer.Builder builder = FusekiServer.create().port(port).loopback(true).enablePing(true);
        datasets.forEach((node, dataset) -> builder.add("/" + node, dataset));
        FusekiServer server = builder.build().start();
        System.out.println("Fuseki: " + datasets.size() + " datasets on " + server.serverURL());

        // The driver holds this process's stdin: at its end, the driver is gone, and so is the reason to serve.
        while (System.in.read() >= 0) {
            // nothing is sent
        }
        server.stop();
        datasets.values().forEach(DatasetGraph::close);
        System.exit(0);
    }

    private static Map<String, DatasetGraph> open(Path data, DemoLoader.Federation federation, int members) throws IOException {
        boolean loaded = Files.exists(data.resolve(LOADED));
        if (!loaded) {
            Directories.delete(data); // a load that did not finish
        }
        Map<String, DatasetGraph> datasets = new LinkedHashMap<>();
        for (String node : federation.nodeIds()) {
            datasets.put(node, DatabaseMgr.connectDatasetGraph(data.resolve(node).toString()));
        }
        if (!loaded) {
            long started = System.nanoTime();
            load(datasets, federation.spec(members));
            Files.writeString(data.resolve(LOADED), members + " members, " + federation + "\n");
            System.out.printf("Fuseki: %d members loaded in %.1f s%n", members, (System.nanoTime() - started) / 1e9);
        }
        return datasets;
    }

    /** Each record, in its named graph as the nodes keep them, into the dataset of the node that holds it. */
    private static void load(Map<String, DatasetGraph> datasets, DemoTree.Spec spec) {
        Map<String, List<Quad>> pending = new HashMap<>();
        GeneratedData.generate(spec, (iri, record, placedWith, placing) -> {
            String node = DemoLoader.Federation.nodeOf(DemoLoader.placingSlug(placedWith, placing, spec.base()));
            List<Quad> quads = pending.computeIfAbsent(node, n -> new ArrayList<>());
            record.find().forEachRemaining(t -> quads.add(Quad.create(iri, t)));
            if (quads.size() >= QUADS_PER_TRANSACTION) {
                write(datasets.get(node), quads);
            }
        });
        pending.forEach((node, quads) -> write(datasets.get(node), quads));
    }

    private static void write(DatasetGraph dataset, List<Quad> quads) {
        Txn.executeWrite(dataset, () -> quads.forEach(dataset::add));
        quads.clear();
    }
}
