package org.lianxin.conformance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.lianxin.conformance.report.Summary;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/lianxin conformance} and {@code java -jar lianxin-conformance-tests-all.jar}: the kit's command line. */
@Command(name = "lianxin-conformance", mixinStandardHelpOptions = true, version = "Lianxin conformance kit " + org.lianxin.spec.SpecResources.VERSION,
        description = {"Runs the Lianxin conformance kit against a node and reports every numbered requirement of the spec.",
                "Exit status 0 when the node conforms to every class tested, 1 when it does not, 2 on a usage error."})
public final class LianxinConformance implements Callable<Integer> {

    @Option(names = "--base-url", required = true, description = "the base URL of the node, e.g. http://localhost:9080/nodes/demo")
    String baseUrl;

    @Option(names = "--classes", split = ",", description = "the conformance classes to test (default: those the node claims)")
    List<String> classes = new ArrayList<>();

    @Option(names = "--requirements", split = ",", description = "only the tests of these requirement IDs")
    List<String> requirements = new ArrayList<>();

    @Option(names = "--token", description = "a token by role: admin=JWT (organization-admin and secretary of the test organization), "
            + "operator=JWT (node-operator). Without them the kit mints tokens at the host's demo issuer.")
    Map<String, String> tokens = new LinkedHashMap<>();

    @Option(names = "--test-organization", description = "the organization the kit writes under (default: in demo mode, one it creates)")
    String testOrganization;

    @Option(names = "--timeout", defaultValue = "30", description = "seconds to wait for one answer (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--output", defaultValue = "lianxin-conformance", description = "folder for the reports (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--probe-host", defaultValue = "localhost", description = "the host name by which the node reaches the kit's probe nodes")
    String probeHost;

    @Option(names = "--probe-port", defaultValue = "0", description = "the first port of the probe nodes (default: any free port)")
    int probePort;

    @Option(names = "--escalation-delay", description = "the node's escalation delay, an ISO 8601 duration such as P3D or PT3S "
            + "(lianxin.feedback.escalate-after on the reference node); default: unknown, the kit waits --escalation-wait and cannot tell when nothing escalates")
    Duration escalationDelay;

    @Option(names = "--escalation-wait", defaultValue = "PT60S", description = "how long the kit waits for an escalation beyond the delay "
            + "(the node's checking interval and delivery), or in all when the delay is unknown (default: ${DEFAULT-VALUE})")
    Duration escalationWait;

    @Override
    public Integer call() {
        KitConfig config = new KitConfig(baseUrl, classes, requirements, tokens, Optional.ofNullable(testOrganization),
                Duration.ofSeconds(timeoutSeconds), output, probeHost, probePort, Optional.ofNullable(escalationDelay), escalationWait);
        Summary summary = KitRunner.run(config, System.out);
        boolean conforms = summary.classes(Untested.BY_DESIGN.keySet()).stream()
                .filter(c -> summary.tested().contains(c.conformanceClass()))
                .allMatch(c -> c.conformance() == Summary.Conformance.CONFORMS);
        return conforms ? 0 : 1;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LianxinConformance()).registerConverter(Duration.class, Duration::parse).execute(args));
    }
}
