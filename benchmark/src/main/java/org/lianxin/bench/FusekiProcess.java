package org.lianxin.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.lianxin.node.demo.DemoLoader;
import org.lianxin.node.dues.DuesRates;

/**
 * Design (b) of issue 6, the standard tool a user would pick instead of Lianxin: Apache Jena
 * Fuseki holding each node's records in its own TDB2 dataset ({@link FusekiFederation}, in a JVM of
 * its own, so that it shares no heap with the driver's measurements), and the province's questions
 * written as a user would write them: one query to the province's endpoint that asks every county
 * with a SPARQL 1.1 SERVICE clause and combines the answers.
 */
final class FusekiProcess implements AutoCloseable {

    /** One county's part of an answer. */
    static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(60);
    /** The province's query, all its SERVICE calls included. */
    static final Duration QUERY_TIMEOUT = Duration.ofMinutes(5);

    final String origin;
    private final Process process;
    private final List<String> countyEndpoints;

    FusekiProcess(int port, DemoLoader.Federation federation, int members, Path data, Path log) throws IOException {
        this.origin = "http://localhost:" + port;
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"), FusekiFederation.class.getName(),
                Integer.toString(port), Integer.toString(federation.cities()), Integer.toString(federation.counties()),
                Integer.toString(members), data.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        countyEndpoints = federation.nodeIds().stream().filter(id -> id.contains("-county-")).map(id -> origin + "/" + id + "/sparql").toList();
    }

    /** Waits until the server answers its ping, which it does once every dataset is loaded. */
    void awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Fuseki process ended: see its log");
            }
            try {
                if (NodeProcess.HTTP.send(HttpRequest.newBuilder(URI.create(origin + "/$/ping")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Fuseki was not ready within " + limit);
    }

    /** W1: each county counts its members by stage; the province sums the counts. */
    Map<String, Long> membersByStage() {
        String services = countyEndpoints.stream().map(e -> "{ SERVICE <" + e + "> { " + Central.MEMBERS_BY_STAGE + " } }")
                .collect(Collectors.joining("\n  UNION "));
        return Central.countsByStage(select("SELECT ?stage (SUM(?n) AS ?total) WHERE {\n  " + services + "\n} GROUP BY ?stage"), "total");
    }

    /** W2: each county counts its liable members by category and base, and sums its month's payments; the province adds them up. */
    DuesCollected duesCollection(YearMonth month, DuesRates rates) {
        String liable = countyEndpoints.stream().map(e -> "{ SERVICE <" + e + "> { " + Central.liableByCategoryAndBase(month) + " } }")
                .collect(Collectors.joining("\n  UNION "));
        BigDecimal expected = Central.expected(select("SELECT ?category ?base (SUM(?n) AS ?total) WHERE {\n  " + liable
                + "\n} GROUP BY ?category ?base"), "total", rates);
        String paid = countyEndpoints.stream().map(e -> "{ SERVICE <" + e + "> { " + Central.paidIn(month) + " } }")
                .collect(Collectors.joining("\n  UNION "));
        return Central.collected(expected, select("SELECT (SUM(?paid) AS ?total) (SUM(?payers) AS ?paying) WHERE {\n  " + paid + "\n}"),
                "total", "paying");
    }

    /** W3: each county finds its members of that name; the province lists them all. */
    List<String> membersNamed(String name) {
        String services = countyEndpoints.stream().map(e -> "{ SERVICE <" + e + "> " + Central.memberNamed(name) + " }")
                .collect(Collectors.joining("\n  UNION "));
        return Central.memberIds(select("SELECT ?m WHERE {\n  " + services + "\n}"));
    }

    /** Not SERVICE SILENT: a county that fails fails the answer, rather than leaving its part out unnoticed. */
    private ResultSet select(String sparql) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + "/province/sparql"))
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .timeout(QUERY_TIMEOUT.plusSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(Central.PREFIXES + sparql)).build();
        try {
            HttpResponse<byte[]> answer = NodeProcess.HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Fuseki answered " + answer.statusCode() + ": " + new String(answer.body()));
            }
            return ResultSetMgr.read(new ByteArrayInputStream(answer.body()), ResultSetLang.RS_JSON);
        } catch (IOException e) {
            throw new IllegalStateException("Fuseki did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close(); // the end of its stdin stops the server and closes the datasets cleanly
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
