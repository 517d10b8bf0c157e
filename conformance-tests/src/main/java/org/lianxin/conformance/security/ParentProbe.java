package org.lianxin.conformance.security;

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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.lianxin.conformance.fixtures.Sandbox;
import org.lianxin.conformance.probes.ProbeNode;

/**
 * A stand-in parent node for LX-SEC-23 and LX-SEC-32 (8.13, Across nodes): it confirms the node
 * under test as its child, holds a small line of organizations — top, middle, superior, with a
 * sideline beside middle and a below under superior — answers their records and ancestors (7.11),
 * and records every request it receives with its Authorization and Lianxin-Query-Id headers.
 * Base URL {@code http://{host}:{port}/nodes/parent-probe}; fresh organization ids on every start,
 * so that no node has kept what lies above them.
 */
final class ParentProbe implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final String base;
    private final String child;
    private final String tag = Sandbox.uniqueId("p");
    private final Map<String, String[]> organizations = new LinkedHashMap<>();
    private final List<ProbeNode.Request> requests = new CopyOnWriteArrayList<>();

    ParentProbe(String child, String bindAddress, String host, int port) {
        this.child = child;
        try {
            server = HttpServer.create(new InetSocketAddress(bindAddress, port), 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "parent-probe");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/nodes/parent-probe", this::handle);
        server.start();
        base = "http://" + host + ":" + server.getAddress().getPort() + "/nodes/parent-probe";
        organization("top", "探针省委", "ProvincialCommittee", null);
        organization("middle", "探针市委", "MunicipalCommittee", "top");
        organization("sideline", "探针邻市委", "MunicipalCommittee", "top");
        organization("superior", "探针县委", "CountyCommittee", "middle");
        organization("below", "探针县委机关党支部", "Branch", "superior");
    }

    String base() {
        return base;
    }

    /** The IRI of one of the probe's organizations: top, middle, sideline, superior, below. */
    String organization(String name) {
        return base + "/organizations/" + tag + "-" + name;
    }

    List<ProbeNode.Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests for the ancestors of one of the probe's organizations. */
    List<ProbeNode.Request> ancestorRequests() {
        return requests.stream().filter(r -> r.path().endsWith("/ancestors")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void organization(String name, String label, String orgType, String superior) {
        organizations.put(tag + "-" + name, new String[] {label, orgType, superior == null ? null : tag + "-" + superior});
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath().substring("/nodes/parent-probe".length());
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : List.of("Authorization", "Lianxin-Query-Id", "Lianxin-Hops", "Lianxin-Deadline", "Accept")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            requests.add(new ProbeNode.Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers));
            String[] segments = path.split("/");
            String id = segments.length > 2 && segments[1].equals("organizations") ? segments[2] : null;
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, "{\"status\": 405}");
            } else if (path.equals("/.well-known/lianxin")) {
                send(exchange, 200, Json.createObjectBuilder().add("id", base).add("type", "NodeDescription")
                        .add("authoritativeFor", Json.createArrayBuilder().add(organization("top"))).build().toString());
            } else if (path.equals("/federation")) {
                send(exchange, 200, Json.createObjectBuilder().add("node", base).addNull("parent").add("children", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("base", child).add("roots", Json.createArrayBuilder())
                                .add("registered", Instant.now().toString()).add("status", "active"))).build().toString());
            } else if (id != null && organizations.containsKey(id) && segments.length == 3) {
                String[] o = organizations.get(id);
                var record = Json.createObjectBuilder().add("@context", base + "/spec/context.jsonld").add("id", base + "/organizations/" + id)
                        .add("type", "PartyOrganization").add("name", o[0]).add("orgType", o[1]);
                if (o[2] != null) {
                    record.add("subOrganizationOf", base + "/organizations/" + o[2]);
                }
                send(exchange, 200, "application/ld+json", record.build().toString());
            } else if (id != null && organizations.containsKey(id) && segments.length == 4 && segments[3].equals("ancestors")) {
                send(exchange, 200, ancestors(id, headers.get("Lianxin-Query-Id")).toString());
            } else {
                send(exchange, 404, "{\"status\": 404, \"title\": \"Not found\"}");
            }
        }
    }

    private JsonObject ancestors(String id, String queryId) {
        JsonArrayBuilder line = Json.createArrayBuilder();
        for (String up = organizations.get(id)[2]; up != null; up = organizations.get(up)[2]) {
            line.add(summary(up));
        }
        String now = Instant.now().toString();
        return Json.createObjectBuilder().add("organization", summary(id)).add("ancestors", line)
                .add("completeness", Json.createObjectBuilder().add("queryId", queryId == null ? UUID.randomUUID().toString() : queryId)
                        .add("complete", true).add("asOf", now).add("nodes", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("node", base).add("status", "answered").add("asOf", now).add("elapsedMs", 0))))
                .build();
    }

    private JsonObject summary(String id) {
        String[] o = organizations.get(id);
        return Json.createObjectBuilder().add("id", base + "/organizations/" + id).add("name", o[0]).add("orgType", o[1]).add("node", base).build();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, status < 400 ? "application/json" : "application/problem+json", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + ";charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
