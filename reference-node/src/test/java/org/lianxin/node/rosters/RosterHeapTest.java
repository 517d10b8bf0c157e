package org.lianxin.node.rosters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A roster of 100,000 rows is read and mapped in a JVM whose heap is 256 MB (LX-ROSTER-21): CSV
 * record by record, XLSX with the event parser. A bound on memory, not a timing: the speed of a
 * whole import is measured apart ({@link RosterHeapRun}, BENCHMARKS.md).
 */
class RosterHeapTest {

    static final String HEAP = "-Xmx256m";

    @Test
    @DisplayName("LX-ROSTER-21 a 100,000-row CSV and XLSX roster is read and mapped with a 256 MB heap")
    void largeRosterInBoundedHeap() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), HEAP, "-cp", System.getProperty("java.class.path"),
                RosterHeapRun.class.getName(), "parse", "100000").redirectErrorStream(true).start();
        String output;
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        System.out.println(output);
        assertTrue(ended, "the run ended");
        assertEquals(0, process.exitValue(), output);
        List<String> lines = output.lines().filter(l -> l.startsWith("parse ")).toList();
        assertEquals(2, lines.size(), output);
        assertTrue(lines.stream().allMatch(l -> l.contains(": 100000 rows")), output);
    }
}
