package org.lianxin.conformance.orglife;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in child node for the federated compliance statistic (LX-ORGLIFE-9): it speaks the
 * child's side of registration (description, root organization, parent notification) and answers
 * {@code GET /statistics/compliance} with a valid answer of Table 12.6 about its one root, as for
 * two branches through June — two organizations checked, one compliant; 12 themed party days owed
 * and 10 held, one organization missing March and May; everything else met — or with 500 when told
 * to fail. Base URL
 * {@code http://{host}:{port}/nodes/orglife-child}; its root {@code {base}/organizations/root}
 * hangs under the parent organization it was given. It records the requests it received.
 */
final class ComplianceChild implements AutoCloseable {

    /** One request received: its path, query and the Lianxin-* headers present. */
    record Request(String method, String path, String query, Map<String, String> headers) {}

    static final String VILLAGE_NAME = "桩村党支部";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String base;
    private final String parentOrganization;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    ComplianceChild(String parentOrganization, String bindAddress, String host) {
        this.parentOrganization = parentOrganization;
        try {
            server = HttpServer.create(new InetSocketAddress(bindAddress, 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "orglife-child");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/nodes/orglife-child", this::handle);
        server.start();
        base = "http://" + host + ":" + server.getAddress().getPort() + "/nodes/orglife-child";
    }

    String base() {
        return base;
    }

    String root() {
        return base + "/organizations/root";
    }

    /** The child's branch that missed periods. */
    String village() {
        return base + "/organizations/village";
    }

    ComplianceChild failing(boolean failing) {
        this.failing = failing;
        return this;
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath().substring("/nodes/orglife-child".length());
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : List.of("Lianxin-Query-Id", "Lianxin-Hops", "Lianxin-Deadline")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            Request request = new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers);
            requests.add(request);
            switch (request.method() + " " + path) {
                case "GET /.well-known/lianxin" -> send(exchange, 200, "application/ld+json", description().toString());
                case "GET /organizations/root" -> send(exchange, 200, "application/ld+json", rootRecord().toString());
                case "PUT /federation/parent" -> send(exchange, 200, "application/json", "{}");
                case "DELETE /federation/parent" -> send(exchange, 204, null, null);
                case "GET /federation" -> send(exchange, 200, "application/json", Json.createObjectBuilder().add("node", base).addNull("parent")
                        .add("children", Json.createArrayBuilder()).build().toString());
                case "GET /statistics/compliance" -> {
                    if (failing) {
                        send(exchange, 500, "application/problem+json", "{\"status\": 500, \"title\": \"child failure\"}");
                    } else {
                        send(exchange, 200, "application/json", compliance(request).toString());
                    }
                }
                default -> send(exchange, 404, "text/plain", "not here");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", "child error: " + e);
        }
    }

    private JsonObject description() {
        return Json.createObjectBuilder().add("@context", base + "/spec/context.jsonld").add("id", base).add("type", "NodeDescription")
                .add("authoritativeFor", Json.createArrayBuilder().add(root())).build();
    }

    private JsonObject rootRecord() {
        return Json.createObjectBuilder().add("@context", base + "/spec/context.jsonld").add("id", root())
                .add("type", Json.createArrayBuilder().add("Organization").add("PartyOrganization"))
                .add("name", "桩乡党委").add("orgType", "PrimaryCommittee").add("subOrganizationOf", parentOrganization).build();
    }

    /** required, met, organizationsMissing of each requirement of Table 12.4 in the child's answer. */
    static final long[][] COUNTS = {{4, 4, 0}, {0, 0, 0}, {0, 0, 0}, {4, 4, 0}, {12, 10, 1}, {0, 0, 0}, {0, 0, 0}};

    private JsonObject compliance(Request request) {
        String year = parameter(request.query(), "year");
        String through = parameter(request.query(), "through");
        JsonArrayBuilder requirements = Json.createArrayBuilder();
        String[] frequencies = {"Quarterly", "Monthly", "Monthly", "Quarterly", "Monthly", "Yearly", "Yearly"};
        for (int i = 0; i < OrgLifeKit.REQUIREMENTS.size(); i++) {
            requirements.add(Json.createObjectBuilder().add("activityType", OrgLifeKit.REQUIREMENTS.get(i)).add("frequency", frequencies[i])
                    .add("required", COUNTS[i][0]).add("met", COUNTS[i][1]).add("organizationsMissing", COUNTS[i][2]));
        }
        String now = Instant.now().toString();
        String queryId = request.headers().get("Lianxin-Query-Id");
        return Json.createObjectBuilder()
                .add("organizations", Json.createArrayBuilder().add(root()))
                .add("roots", Json.createArrayBuilder().add(root()))
                .add("year", year == null ? 0 : Integer.parseInt(year))
                .add("through", through == null ? "" : through)
                .add("scope", "subtree")
                .add("organizationsChecked", 2)
                .add("compliant", 1)
                .add("requirements", requirements)
                .add("missing", Json.createArrayBuilder().add(Json.createObjectBuilder().add("organization", village()).add("name", VILLAGE_NAME)
                        .add("activityType", "ThemedPartyDay").add("periods", Json.createArrayBuilder().add(year + "-03").add(year + "-05"))))
                .add("completeness", Json.createObjectBuilder().add("queryId", queryId == null ? "none" : queryId).add("complete", true)
                        .add("asOf", now).add("nodes", Json.createArrayBuilder().add(Json.createObjectBuilder().add("node", base)
                                .add("status", "answered").add("asOf", now).add("elapsedMs", 0))))
                .build();
    }

    static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + ";charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
