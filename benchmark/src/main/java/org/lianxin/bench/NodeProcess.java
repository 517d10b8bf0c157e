package org.lianxin.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The reference node in its own process, started with {@code bin/lianxin node} in demo mode, as an
 * operator would run it: its start-up is measured from outside, through its health endpoint.
 */
final class NodeProcess implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();

    final String origin;
    private final Process process;
    private final Path root;
    private final long started = System.nanoTime();

    NodeProcess(Path root, int port, List<String> nodes, int members, int duesMonths, Path data, Path log) throws IOException {
        this.root = root;
        this.origin = "http://localhost:" + port;
        process = new ProcessBuilder(root.resolve("bin/lianxin").toString(), "node", "--nodes", String.join(",", nodes), "--demo-mode",
                "--demo-members", Integer.toString(members), "--demo-dues-months", Integer.toString(duesMonths),
                "--port", Integer.toString(port), "--data-dir", data.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Seconds from the start of the process until /health/ready answers 200. */
    double awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node process ended: see its log");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(origin + "/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the node was not ready within " + limit);
    }

    /** Seconds from the start until {@code parent} lists {@code children} active children. */
    double awaitChildren(String parent, int children, String token, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject state = get(parent + "/federation", token);
            long active = state.getJsonArray("children").stream().filter(c -> "active".equals(c.asJsonObject().getString("status", ""))).count();
            if (active >= children) {
                return (System.nanoTime() - started) / 1e9;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(parent + " did not list " + children + " active children within " + limit);
    }

    /** A token of the node's demo issuer for {@code claims} (Table 8.16). */
    String token(JsonObject claims) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(origin + "/demo/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(claims.toString())).build(), HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(answer.body())).readObject().getString("token");
    }

    static JsonObject get(String url, String token) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    /** The live heap of the node's JVM after a full GC, in MB (jcmd), or -1 when it cannot be read. */
    long heapAfterGc() {
        try {
            // The server's JVM is a descendant of bin/lianxin; not any lianxinServer of this machine.
            String pid = Long.toString(process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                    .findFirst().orElseThrow().pid());
            new ProcessBuilder("jcmd", pid, "GC.run").start().waitFor();
            String info = new String(new ProcessBuilder("jcmd", pid, "GC.heap_info").start().getInputStream().readAllBytes());
            java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
            return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() throws Exception {
        new ProcessBuilder(root.resolve("reference-node/target/liberty/wlp/bin/server").toString(), "stop", "lianxinServer")
                .redirectErrorStream(true).start().waitFor();
        process.destroy();
        process.waitFor();
    }
}
