package org.lianxin.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.lianxin.node.demo.DemoLoader;
import org.lianxin.node.demo.DemoTree;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/lianxin bench}: a province-sized federation in one reference-node process, measured
 * through its HTTP API side by side with one central TDB2 dataset holding the same generated tree,
 * in one run; the table goes to the console and, with --write, to BENCHMARKS.md.
 */
@Command(name = "lianxin-bench", mixinStandardHelpOptions = true, description = "Benchmark a province-sized Lianxin federation.")
public final class LianxinBench implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--members", defaultValue = "1000000", description = "members of the province (default ${DEFAULT-VALUE})")
    int members;
    @Option(names = "--cities", defaultValue = "15") int cities;
    @Option(names = "--counties", defaultValue = "10", description = "counties per city") int counties;
    @Option(names = "--port", defaultValue = "9680") int port;
    @Option(names = "--reps", defaultValue = "30", description = "measured repetitions of W1 and W3") int reps;
    @Option(names = "--clients", defaultValue = "200", description = "concurrent clients of W4") int clients;
    @Option(names = "--seconds", defaultValue = "60", description = "duration of W4") int seconds;
    @Option(names = "--import-batches", defaultValue = "20", description = "batches of 1,000 members of W5") int importBatches;
    @Option(names = "--work-dir", defaultValue = ".lianxin/bench") Path work;
    @Option(names = "--root", defaultValue = ".", description = "the repository (bin/lianxin)") Path root;
    @Option(names = "--write", description = "write the table to BENCHMARKS.md") boolean write;

    private final List<Latencies> table = new ArrayList<>();
    private boolean generated;
    private final Map<String, String> figures = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        DemoLoader.Federation federation = new DemoLoader.Federation(cities, counties);
        List<String> nodes = new ArrayList<>(federation.nodeIds());
        nodes.add("bench-import");
        Files.createDirectories(work);
        Path data = work.resolve("data-" + members + "-" + cities + "x" + counties);
        boolean fresh = !Files.exists(data);
        generated = fresh;
        Path importNode = data.resolve("bench-import");
        if (Files.exists(importNode)) { // W5 imports into an empty node on every run
            try (var files = Files.walk(importNode)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        System.out.printf("Lianxin bench: %d members, 1 + %d + %d nodes (%s)%n", members, cities, cities * counties, fresh ? "generating" : "reusing " + data);

        try (NodeProcess node = new NodeProcess(root, port, nodes, members, data, work.resolve("node.log"))) {
            figures.put("W6 process ready (s)", fmt(node.awaitReady(Duration.ofHours(2))));
            String province = node.origin + "/nodes/province";
            String admin = node.token(Json.createObjectBuilder().add("sub", "bench").add("groups", Json.createArrayBuilder().add("organization-admin").add("secretary"))
                    .add("actingFor", province + "/organizations/province").build());
            figures.put("W6 federation registered (s)", fmt(node.awaitChildren(province, cities, admin, Duration.ofMinutes(30))));
            for (int c = 1; c <= cities; c++) {
                node.awaitChildren(node.origin + "/nodes/city-" + (c < 10 ? "0" : "") + c, counties, admin, Duration.ofMinutes(30));
            }
            figures.put("W6 heap after load and GC (MB)", Long.toString(node.heapAfterGc()));

            try (Central central = new Central(work.resolve("central-" + members + "-" + cities + "x" + counties + "-" + System.nanoTime()),
                    federation.spec(members))) {
                workloads(node, province, admin, central);
            }
            importRate(node);
        }
        String report = report();
        System.out.println(report);
        if (write) {
            Files.writeString(root.resolve("BENCHMARKS.md"), report, StandardCharsets.UTF_8);
        }
        // The answers of the designs must agree: a benchmark of wrong answers measures nothing.
        return figures.values().stream().anyMatch(v -> v.startsWith("NO")) ? 1 : 0;
    }

    private void workloads(NodeProcess node, String province, String admin, Central central) throws Exception {
        String w1 = province + "/statistics/members?organization=province&groupBy=stage";
        // Warm: each node learns once what lies above its roots (cached 5 minutes); cold, 150 counties ask at once.
        long cold = System.nanoTime();
        int attempts = 0;
        while (attempts++ < 30 && !NodeProcess.get(w1 + "&partial=true", admin).getJsonObject("completeness").getBoolean("complete")) {
            Thread.sleep(1000);
        }
        figures.put("W1 first complete answer after (s, attempts)", fmt((System.nanoTime() - cold) / 1e9) + ", " + attempts);
        Map<String, Long> federated = stages(NodeProcess.get(w1, admin));
        Map<String, Long> centralized = central.membersByStage();
        check("W1 answers agree", federated.equals(centralized), federated + " vs " + centralized);
        table.add(Latencies.measure("W1 members by stage", "Lianxin", 3, reps, () -> call(() -> NodeProcess.get(w1, admin))));
        table.add(Latencies.measure("W1 members by stage", "central TDB2", 3, reps, central::membersByStage));

        String name = central.someName();
        String w3 = province + "/search/members?organization=province&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&limit=1000";
        List<String> found = new ArrayList<>();
        NodeProcess.get(w3, admin).getJsonArray("items").forEach(i -> {
            String id = i.asJsonObject().getString("id");
            found.add(id.substring(id.lastIndexOf('/') + 1));
        });
        Collections.sort(found);
        check("W3 answers agree", found.equals(central.membersNamed(name)), found + " vs " + central.membersNamed(name));
        table.add(Latencies.measure("W3 find by exact name", "Lianxin", 3, reps, () -> call(() -> NodeProcess.get(w3, admin))));
        table.add(Latencies.measure("W3 find by exact name", "central TDB2", 3, reps, () -> central.membersNamed(name)));

        List<String> urls = new ArrayList<>();
        for (String[] m : central.sampleMembers(10_000)) {
            urls.add(node.origin + "/nodes/" + DemoLoader.Federation.nodeOf(m[1]) + "/members/" + m[0]);
        }
        concurrentReads(urls, admin);
    }

    /** W4: {@code clients} clients read single members as fast as they can for {@code seconds}. */
    private void concurrentReads(List<String> urls, String token) throws InterruptedException {
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int offset = c;
            pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < until) {
                    long started = System.nanoTime();
                    try {
                        HttpResponse<Void> r = NodeProcess.HTTP.send(HttpRequest.newBuilder(URI.create(urls.get(i++ % urls.size())))
                                .header("Authorization", "Bearer " + token).header("Accept", "application/ld+json").build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    millis.add((System.nanoTime() - started) / 1e6);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        table.add(new Latencies("W4 single reads, " + clients + " clients", "Lianxin", new ArrayList<>(millis)));
        figures.put("W4 reads/s", fmt(millis.size() / (double) seconds));
        figures.put("W4 errors", Long.toString(errors.get()));
    }

    /** W5: members a second through POST /members/batch, full validation, into an empty node. */
    private void importRate(NodeProcess node) throws Exception {
        String base = node.origin + "/nodes/bench-import";
        String branch = base + "/organizations/bench-branch";
        String token = node.token(Json.createObjectBuilder().add("sub", "bench").add("groups", Json.createArrayBuilder().add("organization-admin").add("secretary"))
                .add("actingFor", branch).build());
        send(HttpRequest.newBuilder(URI.create(branch)).header("Content-Type", "application/ld+json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"@context\": \"https://w3id.org/lianxin/context.jsonld\", \"id\": \"" + branch
                        + "\", \"type\": \"PartyOrganization\", \"name\": \"导入测试党支部\", \"orgType\": \"Branch\"}")), 201);
        DemoTree.Spec spec = DemoTree.Spec.sized("http://demo.invalid/nodes/demo", importBatches * 1000);
        List<String> bodies = Batches.of(spec, branch, 1000);
        long started = System.nanoTime();
        for (String body : bodies) {
            send(HttpRequest.newBuilder(URI.create(base + "/members/batch")).header("Content-Type", "text/turtle")
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)), 200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        figures.put("W5 import (members/s)", fmt(bodies.size() * 1000 / seconds));
    }

    private static void send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> answer = NodeProcess.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static Map<String, Long> stages(JsonObject statistic) {
        Map<String, Long> stages = new TreeMap<>();
        statistic.getJsonArray("groups").forEach(g -> stages.put(g.asJsonObject().getString("key"), g.asJsonObject().getJsonNumber("count").longValue()));
        return stages;
    }

    private void check(String what, boolean ok, String detail) {
        figures.put(what, ok ? "yes" : "NO: " + detail);
        if (!ok) {
            System.out.println("  " + what + ": NO — " + detail);
        }
    }

    private String report() {
        StringBuilder t = new StringBuilder("# Lianxin benchmark\n\n");
        t.append("Command: `bin/lianxin bench --members ").append(members).append(" --cities ").append(cities).append(" --counties ").append(counties)
                .append(" --seconds ").append(seconds).append("`, ").append(java.time.LocalDate.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ").append(System.getProperty("java.version")).append(". ")
                .append(generated ? "Data generated and loaded in this run (W6 ready includes the load)."
                        : "Data reused from an earlier run of the same size (W6 ready excludes generating it).").append("\n\n");
        t.append("| workload | design | n | p50 ms | p95 ms | p99 ms |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Latencies l : table) {
            t.append("| ").append(l.workload()).append(" | ").append(l.design()).append(" | ").append(l.millis().size()).append(" | ")
                    .append(fmt(l.percentile(50))).append(" | ").append(fmt(l.percentile(95))).append(" | ").append(fmt(l.percentile(99))).append(" |\n");
        }
        t.append("\n| figure | value |\n| --- | --- |\n");
        for (String w : List.of("W1 members by stage", "W3 find by exact name")) {
            Latencies lianxin = table.stream().filter(l -> l.workload().equals(w) && l.design().equals("Lianxin")).findFirst().orElse(null);
            Latencies central = table.stream().filter(l -> l.workload().equals(w) && l.design().equals("central TDB2")).findFirst().orElse(null);
            if (lianxin != null && central != null) {
                figures.put(w + ": Lianxin / central (p50)", fmt(lianxin.percentile(50) / central.percentile(50)));
            }
        }
        figures.forEach((k, v) -> t.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return t.toString();
    }

    private static void call(java.util.concurrent.Callable<?> c) {
        try {
            c.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LianxinBench()).execute(args));
    }
}
