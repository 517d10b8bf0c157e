package org.lianxin.node.rosters;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.lianxin.node.members.MemberKind;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.OrganizationKind;
import org.lianxin.node.rdf.RdfFormat;
import org.lianxin.node.rdf.RecordInput;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.security.LookupKey;
import org.lianxin.node.store.Record;
import org.lianxin.node.store.Tdb2RecordStore;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.ContextTerms;
import org.lianxin.spec.SpecResources;

/**
 * A large roster, imported in a JVM of its own, so that its heap can be bounded (RosterHeapTest) and
 * its speed measured (spec 15.7, the note of issue 10):
 *
 * <pre>
 *   parse ROWS          generate a CSV and an XLSX of ROWS rows; read and map every row of each
 *   import ROWS FORMAT  generate a file of ROWS rows (csv or xlsx); import it into a fresh TDB2 store on disk
 * </pre>
 *
 * It prints one line per file: the rows read or imported, the seconds, the rows per second.
 */
public final class RosterHeapRun {

    private static final String BRANCH_NAME = "青山县第一中学党支部";

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("lianxin-roster-heap");
        try {
            if (args[0].equals("parse")) {
                parse(RosterFiles.largeCsv(dir, "large.csv", rows, BRANCH_NAME), RosterFormat.CSV, rows);
                parse(RosterFiles.largeXlsx(dir, "large.xlsx", rows, BRANCH_NAME), RosterFormat.XLSX, rows);
            } else {
                RosterFormat format = RosterFormat.named(args[2]).orElseThrow();
                Path file = format == RosterFormat.CSV ? RosterFiles.largeCsv(dir, "large.csv", rows, BRANCH_NAME)
                        : RosterFiles.largeXlsx(dir, "large.xlsx", rows, BRANCH_NAME);
                importInto(dir.resolve("store"), file, format, rows);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Reads and maps every row, as an import does before its checks; nothing is kept. */
    private static void parse(Path file, RosterFormat format, int expected) {
        long start = System.nanoTime();
        int[] read = {0, 0};
        RosterCells.Branches branches = new RosterCells.Branches() {
            @Override
            public List<Node> named(String name) {
                return List.of(org.apache.jena.graph.NodeFactory.createURI("http://localhost/nodes/t/organizations/branch"));
            }

            @Override
            public boolean writable(Node organization) {
                return true;
            }
        };
        RosterCells[] cells = {null};
        new RosterSource(file, format, Optional.empty(), RosterMapping.PROFILE).read(new RosterRows.Handler() {
            @Override
            public void layout(RosterLayout layout) {
                cells[0] = new RosterCells(layout, RosterMapping.PROFILE, Optional.empty(), branches);
            }

            @Override
            public void row(int number, List<String> values) {
                RosterCells.Read row = cells[0].read(number, values);
                read[0]++;
                read[1] += row.errors().size();
            }
        });
        report("parse", format, read[0], start);
        if (read[0] != expected || read[1] != 0) {
            throw new IllegalStateException(format + ": read " + read[0] + " rows with " + read[1] + " errors, expected " + expected + " without");
        }
    }

    private static void importInto(Path storeDir, Path file, RosterFormat format, int expected) {
        RecordValidator validator = new RecordValidator(SpecResources.shapesGraph(), new ContextTerms(SpecResources.contextJson()));
        LogicalNode node = new LogicalNode("t", "http://localhost:9080/nodes/t", Tdb2RecordStore.open(storeDir));
        try {
            RecordCollection organizations = new RecordCollection(new OrganizationKind(), validator);
            RecordCollection members = new RecordCollection(new MemberKind(LookupKey.of(new byte[32])), validator);
            put(node, organizations, "county", Fixtures.organization("青山县委", "CountyCommittee", null));
            put(node, organizations, "branch", Fixtures.organization(BRANCH_NAME, "Branch", node.organizationIri("county").getURI()));
            long start = System.nanoTime();
            RosterImporter importer = new RosterImporter(node, members, new SubtreeBranches(node, organizations.kind(), RecordGuard.TRUSTED),
                    Optional.empty(), RosterMapping.PROFILE, false, Optional.empty());
            RosterReport report = importer.run(new RosterSource(file, format, Optional.empty(), RosterMapping.PROFILE), n -> { });
            report("import", format, report.created(), start);
            if (report.created() != expected) {
                throw new IllegalStateException("imported " + report.toJson());
            }
        } finally {
            node.store().close();
        }
    }

    private static void put(LogicalNode node, RecordCollection organizations, String id, String body) {
        Node iri = organizations.iri(node, id);
        organizations.put(node, new Record(iri, RecordInput.readReplacement(
                new ByteArrayInputStream(Fixtures.withId(body, iri.getURI()).getBytes(StandardCharsets.UTF_8)), RdfFormat.JSON_LD, iri)),
                RecordGuard.TRUSTED);
    }

    private static void report(String what, RosterFormat format, int rows, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s %s: %d rows in %.1f s, %.0f rows/s, heap max %d MB%n", what, format.extension(), rows, seconds, rows / seconds,
                Runtime.getRuntime().maxMemory() / 1024 / 1024);
    }
}
