package org.lianxin.node.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lianxin.conformance.KitConfig;
import org.lianxin.conformance.KitRunner;
import org.lianxin.conformance.broken.BrokenNode;
import org.lianxin.conformance.broken.BrokenNode.Defect;
import org.lianxin.conformance.report.Outcome;
import org.lianxin.conformance.report.Summary;
import org.lianxin.node.testing.NodeClient;

/**
 * The kit catches a broken node: a proxy in front of the test server's kit node breaks one rule at
 * a time, and the kit fails exactly that rule's requirement while a control requirement still
 * passes through the same proxy.
 */
class BrokenNodeIT {

    /** The requirement each defect breaks. */
    private static final Map<Defect, String> BREAKS = Map.of(
            Defect.TURTLE_AS_JSON, "LX-CORE-8",
            Defect.ACCEPTS_WRONG_AUDIENCE, "LX-SEC-10",
            Defect.SIBLING_READS, "LX-SEC-18",
            Defect.ID_NUMBERS_IN_SEARCH, "LX-SEC-37",
            Defect.SERVER_ERROR_FOR_BAD_RECORDS, "LX-CORE-48");

    /** Passes through every proxy: the proxy is transparent but for its defect. */
    private static final String CONTROL = "LX-CORE-1";

    @ParameterizedTest(name = "{0}")
    @EnumSource(Defect.class)
    @DisplayName("the kit fails a broken node with the requirement it breaks, and passes the rest through the same proxy")
    void theKitNamesTheBrokenRequirement(Defect defect) {
        try (BrokenNode broken = new BrokenNode(NodeClient.serverUrl(), defect)) {
            String broke = BREAKS.get(defect);
            KitConfig config = KitConfig.of(broken.origin() + "/nodes/kit").withRequirements(List.of(broke, CONTROL))
                    .withOutput(Path.of("target", "conformance-broken", defect.name()));
            Summary summary = KitRunner.run(config, new PrintStream(OutputStream.nullOutputStream()));
            assertEquals(Outcome.FAILED, outcome(summary, broke), defect + " must fail " + broke);
            assertEquals(Outcome.PASSED, outcome(summary, CONTROL), "the control passes through the proxy");
        }
    }

    private static Outcome outcome(Summary summary, String id) {
        return summary.verdicts().stream().filter(v -> v.requirement().id().equals(id)).findFirst().orElseThrow().outcome();
    }
}
