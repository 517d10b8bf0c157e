package org.lianxin.node.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.KitConfig;
import org.lianxin.conformance.KitRunner;
import org.lianxin.conformance.Untested;
import org.lianxin.conformance.report.Outcome;
import org.lianxin.conformance.report.Summary;
import org.lianxin.conformance.report.Verdict;
import org.lianxin.node.nodes.NodeDescriptions;
import org.lianxin.node.testing.NodeClient;

/**
 * The conformance kit, as a vendor runs it, against a node of the test server: every class the
 * node claims conforms, every MUST passed (but those the kit cannot check over HTTP, and those
 * that do not apply in demo mode). The reports are kept in target/conformance.
 */
class ConformanceKitIT {

    @Test
    @DisplayName("the reference node passes every MUST of every class it claims, as the kit checks them over HTTP")
    void theReferenceNodeConforms() throws Exception {
        Path output = Path.of("target", "conformance");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Summary summary = KitRunner.run(KitConfig.of(NodeClient.serverUrl() + "/nodes/kit").withOutput(output),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String verdict = printed.toString(StandardCharsets.UTF_8);
        System.out.println(verdict);

        assertEquals(new java.util.TreeSet<>(NodeDescriptions.CLASSES), new java.util.TreeSet<>(summary.tested()));
        String notPassed = summary.verdicts().stream()
                .filter(v -> v.requirement().mandatory() && summary.tested().contains(v.requirement().conformanceClass()))
                .filter(v -> v.outcome() != Outcome.PASSED && v.outcome() != Outcome.INAPPLICABLE
                        && !Untested.BY_DESIGN.containsKey(v.requirement().id()))
                .map(ConformanceKitIT::line).collect(Collectors.joining("\n"));
        assertEquals("", notPassed, "MUSTs the reference node did not pass");
        for (Summary.ClassVerdict c : summary.classes(Untested.BY_DESIGN.keySet())) {
            assertEquals(Summary.Conformance.CONFORMS, c.conformance(), c.conformanceClass());
        }
        for (String report : List.of("report.html", "earl.ttl")) {
            assertTrue(Files.size(output.resolve(report)) > 0, report);
        }
        assertTrue(verdict.contains("conforms"), verdict);
    }

    private static String line(Verdict v) {
        return v.requirement().id() + " " + v.outcome().earl() + ": " + v.tests().stream()
                .map(t -> t.test() + " — " + t.message()).collect(Collectors.joining("; ")) + v.note();
    }
}
