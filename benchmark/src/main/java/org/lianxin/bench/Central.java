package org.lianxin.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.lianxin.node.demo.DemoTree;
import org.lianxin.node.dues.DuesRates;
import org.lianxin.node.dues.Money;

/**
 * The "copy everything to the top" design: one TDB2 dataset holding every record of the province,
 * each in its named graph as the nodes keep them, queried with SPARQL directly.
 */
final class Central implements AutoCloseable {

    static final String PREFIXES = "PREFIX lx: <https://w3id.org/lianxin/ns#> PREFIX schema: <http://schema.org/> ";
    /**
     * Record ?m is live, as the members a node counts and finds are. MINUS, not FILTER NOT EXISTS:
     * Jena 5.6 sends {@code FILTER NOT EXISTS { GRAPH ... }} within a SERVICE clause as invalid SPARQL
     * (without its braces), and the filter inside the GRAPH keeps TDB2 from starting at the name.
     */
    private static final String LIVE = " MINUS { GRAPH ?m { ?m a lx:Tombstone } }";
    /** W1 asked of one dataset, as ?stage ?n; a design that splits the data sums ?n over its parts. */
    static final String MEMBERS_BY_STAGE = "SELECT ?stage (COUNT(?m) AS ?n) WHERE { GRAPH ?m { ?m lx:stage ?stage }" + LIVE + " } GROUP BY ?stage";

    private final Dataset dataset;

    /** Opens the dataset in {@code directory}, loading the generated tree first unless a complete load is there. */
    Central(Path directory, DemoTree.Spec spec) throws java.io.IOException {
        Path loaded = directory.resolve("loaded");
        if (!Files.exists(loaded) && Files.exists(directory)) { // a load that did not finish
            Directories.delete(directory);
        }
        boolean load = !Files.exists(loaded);
        dataset = TDB2Factory.connectDataset(directory.toString());
        if (load) {
            // TDB2's own bulk loader: the way to fill a central store. Many small transactions would
            // leave each one's copy of the B+tree blocks behind (16 GB for 100,000 members).
            DataLoader loader = LoaderFactory.phasedLoader(dataset.asDatasetGraph(), (format, args) -> { }); // no progress lines
            loader.startBulk();
            StreamRDF stream = loader.stream();
            GeneratedData.generate(spec, (iri, graph, placedWith, placing) -> graph.find().forEachRemaining(t -> stream.quad(new Quad(iri, t))));
            loader.finishBulk();
            Files.writeString(loaded, "");
        }
    }

    /** W2, expected part, over one dataset: members liable in the month by category and base (LX-DUES-6), as ?category ?base ?n. */
    static String liableByCategoryAndBase(YearMonth month) {
        return "SELECT ?category ?base (COUNT(?m) AS ?n) WHERE { GRAPH ?m { ?m a lx:Member ; lx:stage ?stage ; lx:admissionDate ?admission "
                + "OPTIONAL { ?m lx:duesCategory ?category } OPTIONAL { ?m lx:duesBase ?base } } "
                + "FILTER (?stage IN (lx:ProbationaryMember, lx:FullMember)) FILTER (SUBSTR(STR(?admission), 1, 7) <= \"" + month + "\")"
                + LIVE + " } GROUP BY ?category ?base";
    }

    /** W2, paid part, over one dataset: the month's payments, as ?paid ?payers. */
    static String paidIn(YearMonth month) {
        return "SELECT (SUM(?amount) AS ?paid) (COUNT(DISTINCT ?payer) AS ?payers) WHERE { GRAPH ?p { ?p a lx:DuesPayment ; "
                + "lx:month ?month ; lx:amount ?amount ; lx:payer ?payer } FILTER (STR(?month) = \"" + month + "\") }";
    }

    /** W2: expected, paid and paying members of the month over the whole province. */
    DuesCollected duesCollection(YearMonth month, DuesRates rates) {
        BigDecimal expected = select(liableByCategoryAndBase(month), rows -> expected(rows, "n", rates));
        return select(paidIn(month), rows -> collected(expected, rows, "paid", "payers"));
    }

    /** The expected sum from rows of ?category ?base and the count in {@code count}, assessed as the node does. */
    static BigDecimal expected(ResultSet rows, String count, DuesRates rates) {
        BigDecimal expected = BigDecimal.ZERO;
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            if (row.contains("category")) {
                Optional<BigDecimal> base = Optional.ofNullable(row.get("base")).map(b -> Money.of(b.asNode()));
                Optional<BigDecimal> assessment = rates.assess(row.getResource("category").getLocalName(), base);
                if (assessment.isPresent()) {
                    expected = expected.add(assessment.get().multiply(BigDecimal.valueOf(row.getLiteral(count).getLong())));
                }
            }
        }
        return expected;
    }

    /** W2's answer from {@code expected} and the one row of the paid sum and the paying members. */
    static DuesCollected collected(BigDecimal expected, ResultSet rows, String paid, String payers) {
        QuerySolution row = rows.next();
        return new DuesCollected(expected, row.contains(paid) ? row.getLiteral(paid).getLexicalForm() : "0",
                row.contains(payers) ? row.getLiteral(payers).getLong() : 0);
    }

    /** W1: members per stage over the whole province. */
    Map<String, Long> membersByStage() {
        return select(MEMBERS_BY_STAGE, rows -> countsByStage(rows, "n"));
    }

    /** W3: the local ids of the members with exactly this name. */
    List<String> membersNamed(String name) {
        return select("SELECT ?m WHERE " + memberNamed(name), Central::memberIds);
    }

    /** W3 as a group graph pattern over one dataset, binding ?m. */
    static String memberNamed(String name) {
        return "{ GRAPH ?m { ?m a lx:Member ; schema:name \"" + name.replace("\"", "") + "\" }" + LIVE + " }";
    }

    /** The answer of W1 from rows of ?stage and the count in {@code count}, keyed by the stage's local name as the node keys it. */
    static Map<String, Long> countsByStage(ResultSet rows, String count) {
        Map<String, Long> counts = new TreeMap<>();
        rows.forEachRemaining(row -> counts.put(row.getResource("stage").getLocalName(), row.getLiteral(count).getLong()));
        return counts;
    }

    /** The answer of W3 from rows of ?m: the members' local ids, sorted. */
    static List<String> memberIds(ResultSet rows) {
        List<String> ids = new ArrayList<>();
        rows.forEachRemaining(row -> {
            String iri = row.getResource("m").getURI();
            ids.add(iri.substring(iri.lastIndexOf('/') + 1));
        });
        ids.sort(null);
        return ids;
    }

    /** Some members' local ids and the organization slug of their branch, to read them from their nodes. */
    List<String[]> sampleMembers(int max) {
        return select("SELECT ?m ?b WHERE { GRAPH ?m { ?m lx:branch ?b } } LIMIT " + max, rows -> {
            List<String[]> members = new ArrayList<>();
            rows.forEachRemaining(row -> {
                String m = row.getResource("m").getURI();
                String b = row.getResource("b").getURI();
                members.add(new String[] {m.substring(m.lastIndexOf('/') + 1), b.substring(b.lastIndexOf('/') + 1)});
            });
            return members;
        });
    }

    /** A name that a few members share, for the needle search. */
    String someName() {
        return select("SELECT ?name WHERE { GRAPH ?m { ?m a lx:Member ; schema:name ?name } } LIMIT 1 OFFSET 777",
                rows -> rows.next().getLiteral("name").getString());
    }

    private <T> T select(String sparql, Function<ResultSet, T> answer) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution exec = QueryExecutionFactory.create(PREFIXES + sparql, dataset)) {
                return answer.apply(exec.execSelect());
            }
        });
    }

    @Override
    public void close() {
        dataset.close();
    }
}
