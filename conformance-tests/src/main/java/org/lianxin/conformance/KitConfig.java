package org.lianxin.conformance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a vendor or operator tells the kit: the node, what to test, how to get tokens, where the
 * kit may write, where the reports go.
 *
 * @param baseUrl          the base URL of the node under test, e.g. http://localhost:9080/nodes/demo
 * @param classes          the conformance classes to test; empty: those the node description claims
 * @param requirements     only the tests of these requirement IDs; empty: all of the classes
 * @param tokens           tokens given by role name ({@code admin}: an organization-admin and
 *                         secretary acting for the test organization; {@code operator}: a
 *                         node-operator); without them the kit mints its own from a demo issuer
 * @param testOrganization the organization the kit creates its records under; empty: in demo mode
 *                         the kit creates one of its own
 * @param timeout          how long the kit waits for one answer
 * @param output           the folder the reports are written to
 * @param probeHost        the host name by which the node reaches the kit's probe nodes
 * @param probePort        the first port of the probe nodes; 0: any free port
 * @param escalationDelay  the node's escalation delay (spec 14.6, policy: {@code lianxin.feedback.escalate-after} on the
 *                         reference node), when the operator tells it; empty: unknown
 * @param escalationWait   how long the kit waits for an escalation beyond the delay (the node's checking interval and
 *                         the delivery), or in all when the delay is unknown
 */
public record KitConfig(String baseUrl, List<String> classes, List<String> requirements, Map<String, String> tokens,
                        Optional<String> testOrganization, Duration timeout, Path output, String probeHost, int probePort,
                        Optional<Duration> escalationDelay, Duration escalationWait) {

    /** How long the kit waits for an escalation by default: {@link #escalationWait}. */
    public static final Duration DEFAULT_ESCALATION_WAIT = Duration.ofSeconds(60);

    public KitConfig {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        classes = List.copyOf(classes);
        requirements = List.copyOf(requirements);
        tokens = Map.copyOf(tokens);
    }

    /** A run against {@code baseUrl} with every default: claimed classes, demo tokens, reports in target/conformance. */
    public static KitConfig of(String baseUrl) {
        return new KitConfig(baseUrl, List.of(), List.of(), Map.of(), Optional.empty(), Duration.ofSeconds(30),
                Path.of("target", "conformance"), "localhost", 0, Optional.empty(), DEFAULT_ESCALATION_WAIT);
    }

    public KitConfig withOutput(Path output) {
        return new KitConfig(baseUrl, classes, requirements, tokens, testOrganization, timeout, output, probeHost, probePort, escalationDelay, escalationWait);
    }

    public KitConfig withRequirements(List<String> requirements) {
        return new KitConfig(baseUrl, classes, requirements, tokens, testOrganization, timeout, output, probeHost, probePort, escalationDelay, escalationWait);
    }

    public KitConfig withClasses(List<String> classes) {
        return new KitConfig(baseUrl, classes, requirements, tokens, testOrganization, timeout, output, probeHost, probePort, escalationDelay, escalationWait);
    }

    /** The same, knowing the node's escalation delay and waiting at most {@code wait} beyond it. */
    public KitConfig withEscalation(Optional<Duration> delay, Duration wait) {
        return new KitConfig(baseUrl, classes, requirements, tokens, testOrganization, timeout, output, probeHost, probePort, delay, wait);
    }

    /** The scheme, host and port of the base URL: where host-level routes such as /demo live. */
    public String origin() {
        java.net.URI uri = java.net.URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
