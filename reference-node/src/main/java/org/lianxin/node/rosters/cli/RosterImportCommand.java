package org.lianxin.node.rosters.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/lianxin import FILE --node URL}: uploads a roster to a node (spec chapter 15), shows
 * the import's progress as a bar, prints what it did and writes the report — as JSON, and as the
 * spreadsheet of the rejected rows to fix and import again. Exit 0 when every row went in (or
 * would), 3 when rows were rejected, 1 when the import was refused or failed.
 */
@Command(name = "lianxin import", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Import a member roster (CSV or XLSX) into a Lianxin node: dry run first, then commit.")
public final class RosterImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the roster: .csv (UTF-8 or GB18030) or .xlsx")
    Path file;

    @Option(names = "--node", required = true, paramLabel = "URL", description = "the node's base URL, e.g. http://localhost:9080/nodes/demo")
    String node;

    @Option(names = "--dry-run", description = "check every row and write nothing")
    boolean dryRun;

    @Option(names = "--branch", paramLabel = "IRI", description = "the branch of rows that name none")
    String branch;

    @Option(names = "--mapping", paramLabel = "FILE", description = "a mapping document (spec 15.4) for another layout")
    Path mapping;

    @Option(names = "--token", paramLabel = "JWT", description = "the bearer token (default: the environment variable LIANXIN_TOKEN)")
    String token;

    @Option(names = "--report", paramLabel = "FILE", description = "where the report goes (default: FILE-report.json and FILE-report.xlsx beside the roster)")
    Path report;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) {
        System.exit(new CommandLine(new RosterImportCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String bearer = token != null ? token : System.getenv("LIANXIN_TOKEN");
        if (bearer == null || bearer.isBlank()) {
            err.println("lianxin import: give --token JWT (or set LIANXIN_TOKEN); against a demo node: bin/lianxin token --groups secretary --org IRI");
            return 1;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : name.endsWith(".csv") ? "text/csv" : null;
        if (type == null) {
            err.println("lianxin import: the file is .csv or .xlsx");
            return 1;
        }
        StringJoiner query = new StringJoiner("&", "?", "");
        query.add("dryRun=" + dryRun);
        if (branch != null) {
            query.add("branch=" + enc(branch));
        }
        if (mapping != null) {
            query.add("mapping=" + enc(Files.readString(mapping, StandardCharsets.UTF_8)));
        }
        String base = node.endsWith("/") ? node.substring(0, node.length() - 1) : node;
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/members/imports" + query))
                .header("Content-Type", type).header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (started.statusCode() != 202) {
            err.println("lianxin import: the node refused the file (" + started.statusCode() + ")");
            err.println(problem(started.body()));
            return 1;
        }
        String location = started.headers().firstValue("Location").orElseThrow();
        out.println((dryRun ? "Dry run" : "Import") + " of " + file + " → " + location);
        JsonObject done = follow(location, bearer);
        if (!"Done".equals(done.getString("state"))) {
            err.println("lianxin import: the import failed: " + done.getString("error", "no reason given"));
            return 1;
        }
        JsonObject result = done.getJsonObject("report");
        out.printf("%s: %d created, %d updated, %d unchanged, %d rejected%n", dryRun ? "Would be" : "Done",
                result.getInt("created"), result.getInt("updated"), result.getInt("unchanged"), result.getInt("rejected"));
        Path json = report != null ? report : file.resolveSibling(stem(file) + "-report.json");
        Files.writeString(json, done.toString(), StandardCharsets.UTF_8);
        out.println("Report: " + json);
        if (result.getInt("rejected") > 0) {
            Path sheet = json.resolveSibling(stem(json) + ".xlsx");
            HttpResponse<Path> xlsx = http.send(HttpRequest.newBuilder(URI.create(location))
                    .header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofFile(sheet));
            if (xlsx.statusCode() == 200) {
                out.println("Rows to fix (fix them in this file and import it again): " + sheet);
            }
            int shown = 0;
            for (JsonValue e : result.getJsonArray("errors")) {
                JsonObject error = e.asJsonObject();
                if (shown++ == 20) {
                    out.println("  ... " + (result.getJsonArray("errors").size() - 20) + " more in the report");
                    break;
                }
                out.printf("  row %d %s: %s %s [%s]%n", error.getInt("row"), error.getString("column"), error.getString("message"),
                        error.getString("suggestion"), error.getString("rule"));
            }
            return 3;
        }
        return 0;
    }

    /** Polls the import, drawing its progress, until it is Done or Failed. */
    private JsonObject follow(String location, String bearer) throws IOException, InterruptedException {
        long start = System.nanoTime();
        while (true) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(location)).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                throw new IOException("GET " + location + " answered " + answer.statusCode() + ": " + problem(answer.body()));
            }
            JsonObject state = Json.createReader(new StringReader(answer.body())).readObject();
            err.print("\r" + bar(state.getInt("rowsDone", 0), state.getInt("rowsTotal", -1), (System.nanoTime() - start) / 1e9));
            String s = state.getString("state");
            if (s.equals("Done") || s.equals("Failed")) {
                err.println();
                return state;
            }
            Thread.sleep(500);
        }
    }

    /** [██████░░░░░░] 12,000/100,000 rows  12%  1,850 rows/s */
    public static String bar(int done, int total, double seconds) {
        int width = 30;
        if (total <= 0) {
            return "[" + " ".repeat(width) + "] counting rows...";
        }
        int filled = (int) Math.round(width * (double) done / total);
        return String.format(Locale.ROOT, "[%s%s] %,d/%,d rows %3d%%  %,.0f rows/s   ", "█".repeat(filled), "░".repeat(width - filled),
                done, total, 100 * done / total, seconds > 0 ? done / seconds : 0.0);
    }

    private static String problem(String body) {
        try {
            JsonObject p = Json.createReader(new StringReader(body)).readObject();
            StringBuilder text = new StringBuilder(p.getString("detail", p.getString("title", body)));
            if (p.containsKey("errors")) {
                p.getJsonArray("errors").forEach(e -> text.append("\n  ").append(e.asJsonObject().getString("message", e.toString())));
            }
            return text.toString();
        } catch (RuntimeException e) {
            return body;
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
