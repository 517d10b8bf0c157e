package org.lianxin.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.lianxin.conformance.fixtures.Sandbox;
import org.lianxin.conformance.fixtures.Tokens;
import org.lianxin.conformance.report.EarlReport;
import org.lianxin.conformance.report.HtmlReport;
import org.lianxin.conformance.report.Manifest;
import org.lianxin.conformance.report.ResultCollector;
import org.lianxin.conformance.report.Summary;

/**
 * Runs the kit against one node: reads its description, sets up tokens and the sandbox, runs the
 * tests of each class it tests (one package per class, {@code org.lianxin.conformance.core}, ...)
 * on the JUnit Platform, cleans up, and writes the reports.
 */
public final class KitRunner {

    /** The package of each conformance class's tests. */
    static String packageOf(String conformanceClass) {
        return "org.lianxin.conformance." + conformanceClass.toLowerCase(Locale.ROOT);
    }

    private KitRunner() {}

    /** Runs the kit; prints progress and the verdict to {@code out}; returns the summary, reports written. */
    public static Summary run(KitConfig config, PrintStream out) {
        Manifest manifest = Manifest.spec();
        JsonObject description = description(config);
        List<String> claimed = Kit.claimed(description);
        List<String> tested = new ArrayList<>((config.classes().isEmpty() ? claimed : config.classes()).stream()
                .filter(manifest.classes()::contains).toList());
        out.println("Lianxin conformance kit " + org.lianxin.spec.SpecResources.VERSION + " → " + config.baseUrl());
        out.println("  claims " + claimed + "; testing " + tested);

        Tokens tokens = new Tokens(config.origin(), config.tokens());
        Kit kit = new Kit(config, description, tokens);
        Kit.begin(kit);
        List<String> left;
        ResultCollector collector = new ResultCollector();
        try {
            Sandbox sandbox = config.testOrganization().map(o -> Sandbox.under(config.baseUrl(), o, tokens))
                    .orElseGet(() -> {
                        if (!tokens.demo() && claimed.contains("Security")) {
                            throw new IllegalStateException("the node has no demo issuer: give --test-organization and --token admin=...");
                        }
                        return Sandbox.own(config.baseUrl(), tokens);
                    });
            out.println("  writing under " + sandbox.organization());
            Kit.begin(kit.with(sandbox));
            try {
                execute(config, tested, collector);
            } finally {
                left = sandbox.cleanUp();
            }
        } finally {
            Kit.end();
        }
        Summary summary = Summary.of(config.baseUrl(), manifest, claimed, tested, collector.results(), Untested.BY_DESIGN);
        write(config, summary, left, out);
        return summary;
    }

    private static void execute(KitConfig config, List<String> tested, ResultCollector collector) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(tested.stream().map(c -> DiscoverySelectors.selectPackage(packageOf(c))).toList())
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
        if (!config.requirements().isEmpty()) {
            request.filters(onlyRequirements(config.requirements()));
        }
        LauncherDiscoveryRequest discovery = request.build();
        Launcher launcher = LauncherFactory.create();
        try {
            Files.createDirectories(config.output().resolve("junit"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        launcher.execute(discovery, collector,
                new LegacyXmlReportGeneratingListener(config.output().resolve("junit"), new PrintWriter(System.err, true)));
    }

    /** Keeps the tests that check one of {@code ids}. */
    private static PostDiscoveryFilter onlyRequirements(List<String> ids) {
        return descriptor -> {
            if (!(descriptor.getSource().orElse(null) instanceof MethodSource source)) {
                return FilterResult.included("not a test method");
            }
            try {
                for (Method m : Class.forName(source.getClassName()).getDeclaredMethods()) {
                    if (m.getName().equals(source.getMethodName())
                            && Arrays.stream(m.getAnnotationsByType(Verifies.class)).anyMatch(v -> ids.contains(v.id()))) {
                        return FilterResult.included("checks a requirement asked for");
                    }
                }
            } catch (ClassNotFoundException e) {
                // excluded below
            }
            return FilterResult.excluded("checks none of " + ids);
        };
    }

    private static void write(KitConfig config, Summary summary, List<String> left, PrintStream out) {
        try {
            Files.createDirectories(config.output());
            Files.writeString(config.output().resolve("report.html"), HtmlReport.html(summary, left), StandardCharsets.UTF_8);
            Files.writeString(config.output().resolve("earl.ttl"), EarlReport.turtle(summary), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        for (Summary.ClassVerdict c : summary.classes(Untested.BY_DESIGN.keySet())) {
            out.printf("  %-11s %-17s %s%s%n", c.conformanceClass(), c.conformance().words(), counts(c),
                    c.warnings() > 0 ? ", " + c.warnings() + " SHOULD/MAY warning(s)" : "");
        }
        summary.verdicts().stream().filter(v -> v.breaksConformance()).forEach(v ->
                out.println("    FAILED " + v.requirement().id() + " (" + v.requirement().level() + "): "
                        + v.tests().stream().filter(t -> t.outcome() == org.lianxin.conformance.report.Outcome.FAILED)
                        .map(t -> t.test() + ": " + firstLine(t.message())).findFirst().orElse("")));
        if (!left.isEmpty()) {
            out.println("  not cleaned up: " + left);
        }
        out.println();
        out.println("  reports: " + config.output().resolve("report.html") + ", " + config.output().resolve("earl.ttl") + ", "
                + config.output().resolve("junit"));
    }

    private static String counts(Summary.ClassVerdict c) {
        StringBuilder text = new StringBuilder();
        c.counts().forEach((outcome, n) -> text.append(text.length() == 0 ? "" : ", ").append(n).append(' ').append(outcome.earl()));
        return text.toString();
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** The node's description, read without a token (it is open, LX-SEC-1). */
    private static JsonObject description(KitConfig config) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(config.baseUrl() + "/.well-known/lianxin"))
                    .header("Accept", "application/ld+json").timeout(config.timeout()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(config.baseUrl() + "/.well-known/lianxin answers " + answer.statusCode() + ": is this a Lianxin node?");
            }
            return Json.createReader(new StringReader(answer.body())).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + config.baseUrl() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
