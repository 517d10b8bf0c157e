package org.lianxin.node.rosters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lianxin.node.rosters.cli.RosterImportCommand;
import org.lianxin.spec.SpecResources;

/** The spec's roster examples (spec/examples/rosters) are what chapter 15 says: a mapping document and a roster the profile reads. */
class RosterExamplesTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the example mapping document of spec 15.4 is a valid mapping document")
    void mappingExample() {
        RosterMapping mapping = RosterMapping.parse(SpecResources.text("examples/rosters/mapping.json"));
        assertEquals(Optional.of(2), mapping.headerRow());
        assertEquals(Optional.of(RosterColumn.NATIONAL_ID), mapping.column("身份证"));
        assertEquals(Optional.empty(), mapping.column("备注"));
        assertEquals("女", mapping.value(RosterColumn.GENDER, "2"));
    }

    @Test
    @DisplayName("the example roster of spec 15.3 (UTF-8 with a byte order mark) is read by the profile without errors")
    void rosterExample() throws IOException {
        Path file = dir.resolve("roster.csv");
        try (InputStream in = SpecResources.open("examples/rosters/roster.csv")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        RosterSource source = new RosterSource(file, RosterFormat.CSV, Optional.empty(), RosterMapping.PROFILE);
        RosterLayout layout = source.layout();
        assertEquals(14, layout.positions().size(), layout.toString());
        List<RosterCells.Read> rows = new ArrayList<>();
        RosterCells.Branches any = new RosterCells.Branches() {
            @Override
            public List<org.apache.jena.graph.Node> named(String name) {
                return List.of(org.apache.jena.graph.NodeFactory.createURI("http://localhost/nodes/demo/organizations/x"));
            }

            @Override
            public boolean writable(org.apache.jena.graph.Node organization) {
                return true;
            }
        };
        RosterCells cells = new RosterCells(layout, RosterMapping.PROFILE, Optional.empty(), any);
        source.read(new RosterRows.Handler() {
            @Override
            public void layout(RosterLayout l) {}

            @Override
            public void row(int number, List<String> values) {
                rows.add(cells.read(number, values));
            }
        });
        assertEquals(1, rows.size());
        assertEquals(List.of(), rows.get(0).errors());
        assertEquals(Optional.of("420902197803120842"), rows.get(0).nationalId());
    }

    @Test
    @DisplayName("the CLI's progress bar says rows done of the total, the share and the speed")
    void progressBar() {
        String bar = RosterImportCommand.bar(25_000, 100_000, 10);
        assertTrue(bar.contains("25,000/100,000 rows") && bar.contains("25%") && bar.contains("2,500 rows/s"), bar);
        assertTrue(RosterImportCommand.bar(0, -1, 0).contains("counting"));
    }
}
