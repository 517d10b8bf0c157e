package org.lianxin.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
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
import org.lianxin.node.dues.DuesRates;

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
    @Option(names = "--fuseki-port", defaultValue = "9681", description = "the Fuseki server of design (b)") int fusekiPort;
    @Option(names = "--reps", defaultValue = "30", description = "measured repetitions of W1 and W3") int reps;
    @Option(names = "--clients", defaultValue = "200", description = "concurrent clients of W4") int clients;
    @Option(names = "--seconds", defaultValue = "60", description = "duration of W4") int seconds;
    @Option(names = "--import-batches", defaultValue = "20", description = "batches of 1,000 members of W5") int importBatches;
    @Option(names = "--work-dir", defaultValue = ".lianxin/bench") Path work;
    @Option(names = "--root", defaultValue = ".", description = "the repository (bin/lianxin)") Path root;
    @Option(names = "--write", description = "write the table to BENCHMARKS.md") boolean write;

    /** The heading in BENCHMARKS.md under which the figures are discussed; --write keeps it and what follows. */
    private static final String NOTES = "## Reading the figures";
    private static final String W1 = "W1 members by stage";
    private static final String W2 = "W2 dues collection of a month";
    private static final String W3 = "W3 find by exact name";
    private static final String LIANXIN = "Lianxin";
    private static final String CENTRAL = "central TDB2";
    private static final String FUSEKI = "Fuseki SERVICE";

    private final List<Latencies> table = new ArrayList<>();
    private boolean generated;
    private final Map<String, String> figures = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        DemoLoader.Federation federation = new DemoLoader.Federation(cities, counties);
        List<String> nodes = new ArrayList<>(federation.nodeIds());
        nodes.add("bench-import");
        Files.createDirectories(work);
        // Named by what they hold: data generated with another size or without dues is not reused.
        String size = members + "-" + cities + "x" + counties + "-dues" + GeneratedData.DUES_MONTHS;
        Path data = work.resolve("data-" + size);
        boolean fresh = !Files.exists(data);
        generated = fresh;
        Path importNode = data.resolve("bench-import");
        Directories.delete(importNode); // W5 imports into an empty node on every run
        System.out.printf("Lianxin bench: %d members, 1 + %d + %d nodes (%s)%n", members, cities, cities * counties, fresh ? "generating" : "reusing " + data);

        // W6 first, while nothing else runs: one empty node, from the start of its process until it is ready.
        Path single = work.resolve("single-node");
        Directories.delete(single);
        try (NodeProcess node = new NodeProcess(root, port, List.of("single"), 0, 0, single, work.resolve("single-node.log"))) {
            figures.put("W6 one node ready (s)", fmt(node.awaitReady(Duration.ofMinutes(10))));
        }

        try (NodeProcess node = new NodeProcess(root, port, nodes, members, GeneratedData.DUES_MONTHS, data, work.resolve("node.log"))) {
            figures.put("W6 process ready (s)", fmt(node.awaitReady(Duration.ofHours(2))));
            String province = node.origin + "/nodes/province";
            String admin = node.token(Json.createObjectBuilder().add("sub", "bench").add("groups", Json.createArrayBuilder().add("organization-admin").add("secretary"))
                    .add("actingFor", province + "/organizations/province").build());
            figures.put("W6 federation registered (s)", fmt(node.awaitChildren(province, cities, admin, Duration.ofMinutes(30))));
            for (int c = 1; c <= cities; c++) {
                node.awaitChildren(node.origin + "/nodes/city-" + (c < 10 ? "0" : "") + c, counties, admin, Duration.ofMinutes(30));
            }
            figures.put("W6 heap after load and GC (MB)", Long.toString(node.heapAfterGc()));

            // Fuseki loads (the first time) in its process while Central loads here: nothing is measured meanwhile.
            try (FusekiProcess fuseki = new FusekiProcess(fusekiPort, federation, members, work.resolve("fuseki-" + size),
                    work.resolve("fuseki.log"));
                 Central central = new Central(work.resolve("central-" + size),
                    federation.spec(members))) {
                fuseki.awaitReady(Duration.ofHours(2));
                workloads(node, province, admin, central, fuseki, federation.spec(members));
            }
            importRate(node);
        }
        String report = report();
        System.out.println(report);
        if (write) {
            // The table is replaced; what people wrote under it about the figures is kept.
            Path file = root.resolve("BENCHMARKS.md");
            String kept = "";
            if (Files.exists(file)) {
                String old = Files.readString(file, StandardCharsets.UTF_8);
                int notes = old.indexOf(NOTES);
                kept = notes < 0 ? "" : "\n" + old.substring(notes);
            }
            Files.writeString(file, report + kept, StandardCharsets.UTF_8);
        }
        // The answers of the designs must agree: a benchmark of wrong answers measures nothing.
        return figures.values().stream().anyMatch(v -> v.startsWith("NO")) ? 1 : 0;
    }

    private void workloads(NodeProcess node, String province, String admin, Central central, FusekiProcess fuseki,
                           DemoTree.Spec spec) throws Exception {
        String w1 = province + "/statistics/members?organization=province&groupBy=stage";
        // Warm: each node learns once what lies above its roots (cached 5 minutes); cold, 150 counties ask at once.
        long cold = System.nanoTime();
        int attempts = warm(w1, admin);
        figures.put("W1 first complete answer after (s, attempts)", fmt((System.nanoTime() - cold) / 1e9) + ", " + attempts);
        Map<String, Long> federated = stages(NodeProcess.get(w1, admin));
        Map<String, Long> centralized = central.membersByStage();
        Map<String, Long> serviced = fuseki.membersByStage();
        check("W1 answers agree", federated.equals(centralized) && serviced.equals(centralized),
                LIANXIN + " " + federated + ", " + CENTRAL + " " + centralized + ", " + FUSEKI + " " + serviced);
        table.add(Latencies.measure(W1, LIANXIN, 3, reps, () -> call(() -> NodeProcess.get(w1, admin))));
        table.add(Latencies.measure(W1, CENTRAL, 3, reps, central::membersByStage));
        table.add(Latencies.measure(W1, FUSEKI, 3, reps, fuseki::membersByStage));

        YearMonth month = GeneratedData.payments(spec).lastMonth();
        DuesRates rates = DuesRates.of(GeneratedData.FARMER_AMOUNT);
        String w2 = province + "/statistics/dues?organization=province&month=" + month;
        warm(w2, admin);
        DuesCollected federatedDues = dues(NodeProcess.get(w2, admin));
        DuesCollected centralDues = central.duesCollection(month, rates);
        DuesCollected servicedDues = fuseki.duesCollection(month, rates);
        check("W2 answers agree", federatedDues.equals(centralDues) && servicedDues.equals(centralDues),
                LIANXIN + " " + federatedDues + ", " + CENTRAL + " " + centralDues + ", " + FUSEKI + " " + servicedDues);
        table.add(Latencies.measure(W2, LIANXIN, 3, reps, () -> call(() -> NodeProcess.get(w2, admin))));
        table.add(Latencies.measure(W2, CENTRAL, 3, reps, () -> central.duesCollection(month, rates)));
        table.add(Latencies.measure(W2, FUSEKI, 3, reps, () -> fuseki.duesCollection(month, rates)));

        String name = central.someName();
        String w3 = province + "/search/members?organization=province&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&limit=1000";
        warm(w3, admin);
        List<String> found = new ArrayList<>();
        NodeProcess.get(w3, admin).getJsonArray("items").forEach(i -> {
            String id = i.asJsonObject().getString("id");
            found.add(id.substring(id.lastIndexOf('/') + 1));
        });
        Collections.sort(found);
        List<String> centrallyFound = central.membersNamed(name);
        List<String> servicedFound = fuseki.membersNamed(name);
        check("W3 answers agree", found.equals(centrallyFound) && servicedFound.equals(centrallyFound),
                LIANXIN + " " + found + ", " + CENTRAL + " " + centrallyFound + ", " + FUSEKI + " " + servicedFound);
        table.add(Latencies.measure(W3, LIANXIN, 3, reps, () -> call(() -> NodeProcess.get(w3, admin))));
        table.add(Latencies.measure(W3, CENTRAL, 3, reps, () -> central.membersNamed(name)));
        table.add(Latencies.measure(W3, FUSEKI, 3, reps, () -> fuseki.membersNamed(name)));

        List<String> urls = new ArrayList<>();
        for (String[] m : central.sampleMembers(10_000)) {
            urls.add(node.origin + "/nodes/" + DemoLoader.Federation.nodeOf(m[1]) + "/members/" + m[0]);
        }
        concurrentReads(urls, admin);
        // The floor under W4, side by side: the same clients asking for members that do not exist, so
        // every request is parsed, its token checked and a 404 problem written, but no record is read.
        List<String> missing = urls.stream().map(u -> u + "-missing").toList();
        figures.put("W4 floor: the same clients reading members that do not exist (404s/s)", fmt(concurrently(missing, admin, 404).size() / (double) seconds));
    }

    /**
     * Asks {@code url} with partial=true until every node answers, at most 30 times a second apart:
     * the first answers after start wait on nodes reading their data and compiling their code, and
     * would time out. The number of attempts it took.
     */
    private static int warm(String url, String token) throws Exception {
        int attempts = 0;
        while (attempts++ < 30 && !NodeProcess.get(url + "&partial=true", token).getJsonObject("completeness").getBoolean("complete")) {
            Thread.sleep(1000);
        }
        return attempts;
    }

    /** W4: {@code clients} clients read single members as fast as they can for {@code seconds}. */
    private void concurrentReads(List<String> urls, String token) throws InterruptedException {
        AtomicLong errors = new AtomicLong();
        List<Double> millis = concurrently(urls, token, 200, errors);
        table.add(new Latencies("W4 single reads, " + clients + " clients", LIANXIN, millis));
        figures.put("W4 reads/s", fmt(millis.size() / (double) seconds));
        figures.put("W4 errors", Long.toString(errors.get()));
    }

    private List<Double> concurrently(List<String> urls, String token, int expected) throws InterruptedException {
        return concurrently(urls, token, expected, new AtomicLong());
    }

    /** The latencies of {@code clients} clients getting {@code urls} in turn for {@code seconds}; a status other than {@code expected} is an error. */
    private List<Double> concurrently(List<String> urls, String token, int expected, AtomicLong errors) throws InterruptedException {
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
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
                        if (r.statusCode() != expected) {
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
        return new ArrayList<>(millis);
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
        figures.put("W5 ceiling: the same members written straight into TDB2 (members/s)", fmt(WriteCeiling.membersPerSecond(bodies, work.resolve("write-ceiling"))));
    }

    private static void send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> answer = NodeProcess.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static DuesCollected dues(JsonObject statistic) {
        return new DuesCollected(new BigDecimal(statistic.getString("expected")), statistic.getString("paid"),
                statistic.getJsonNumber("paidMembers").longValue());
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
                .append(" --seconds ").append(seconds).append(" --reps ").append(reps).append(" --clients ").append(clients)
                .append(" --import-batches ").append(importBatches).append("`, ").append(java.time.LocalDate.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ").append(System.getProperty("java.version")).append(". ")
                .append(generated ? "Data generated and loaded in this run (W6 ready includes the load)."
                        : "Data reused from an earlier run of the same size (W6 ready excludes generating it).")
                .append(" Designs: ").append(LIANXIN).append(", the federation through its HTTP API; ").append(CENTRAL)
                .append(", one dataset of every record, queried in the driver's JVM; ").append(FUSEKI)
                .append(", a Fuseki process serving a TDB2 dataset per node, the province's query asking the ").append(cities * counties)
                .append(" county datasets with SPARQL 1.1 SERVICE.\n\n");
        t.append("| workload | design | n | p50 ms | p95 ms | p99 ms |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Latencies l : table) {
            t.append("| ").append(l.workload()).append(" | ").append(l.design()).append(" | ").append(l.millis().size()).append(" | ")
                    .append(fmt(l.percentile(50))).append(" | ").append(fmt(l.percentile(95))).append(" | ").append(fmt(l.percentile(99))).append(" |\n");
        }
        t.append("\n| figure | value |\n| --- | --- |\n");
        for (String w : List.of(W1, W2, W3)) {
            double lianxin = p50(w, LIANXIN);
            figures.put(w + ": Lianxin / central (p50)", fmt(lianxin / p50(w, CENTRAL)));
            figures.put(w + ": Fuseki / Lianxin (p50)", fmt(p50(w, FUSEKI) / lianxin));
        }
        figures.forEach((k, v) -> t.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return t.toString();
    }

    /** The median of a measured workload and design; NaN when it was not measured. */
    private double p50(String workload, String design) {
        return table.stream().filter(l -> l.workload().equals(workload) && l.design().equals(design)).findFirst()
                .map(l -> l.percentile(50)).orElse(Double.NaN);
    }

    private static void call(java.util.concurrent.Callable<?> c) {
        try {
            c.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, v >= 100 ? "%.0f" : v >= 1 ? "%.1f" : "%.2g", v); // a ratio below 1 keeps two digits
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LianxinBench()).execute(args));
    }
}
