package org.lianxin.conformance.federation;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scripted stand-in node for what {@link org.lianxin.conformance.probes.ProbeNode} cannot do: it
 * answers each route with what the test tells it and records every request with its body (to see
 * the body of {@code PUT /federation/parent}, LX-FED-10), and can play a parent that answers
 * ancestors (LX-FED-48) or a child that reports a node below it (LX-FED-26). Base URL
 * {@code http://{probeHost}:{port}/nodes/stub}; unknown routes answer 404. Public: the Transfer tests play the
 * other node of a transfer with it.
 */
public final class StubNode implements AutoCloseable {

    /** One request received; {@code headers} holds the Lianxin-*, Accept, Content-Type, Authorization and Idempotency-Key headers present. */
    public record Call(String method, String path, String query, Map<String, String> headers, String body) {}

    /** An answer: status, media type (null for none) and body; {@code stallMs} > 0: the body stops after its first character for that long. */
    public record Reply(int status, String type, String body, long stallMs) {

        public Reply(int status, String type, String body) {
            this(status, type, body, 0);
        }

        /** 200 and the headers at once, then one character of the body, then nothing for {@code millis}. */
        public static Reply stalled(long millis) {
            return new Reply(200, "application/json", "{}", millis);
        }

        public static Reply json(JsonObject body) {
            return new Reply(200, "application/json", body.toString());
        }

        public static Reply jsonLd(JsonObject body) {
            return new Reply(200, "application/ld+json", body.toString());
        }
    }

    private static final List<String> HEADERS = List.of("Lianxin-Query-Id", "Lianxin-Hops", "Lianxin-Deadline", "Accept",
            "Content-Type", "Authorization", "Idempotency-Key");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stub-node");
        t.setDaemon(true);
        return t;
    });
    private final String base;
    private final Map<String, Function<Call, Reply>> routes = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public StubNode(String bindAddress, String host, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(bindAddress, port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/nodes/stub", this::handle);
        server.start();
        base = "http://" + host + ":" + server.getAddress().getPort() + "/nodes/stub";
    }

    public String base() {
        return base;
    }

    /** The stub's organization {@code id}. */
    public String organization(String id) {
        return base + "/organizations/" + id;
    }

    /** Answers {@code method path} (path below the base, e.g. {@code /federation}) with {@code reply}. */
    public StubNode on(String method, String path, Function<Call, Reply> reply) {
        routes.put(method + " " + path, reply);
        return this;
    }

    public List<Call> calls(String method, String path) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
    }

    /**
     * Plays a child whose one root {@code {base}/organizations/root} hangs under {@code parentOrganization}:
     * its description, its root and the parent's notification (answered 200).
     */
    public StubNode asChild(String parentOrganization) {
        on("GET", "/.well-known/lianxin", c -> Reply.jsonLd(description(List.of(organization("root")))));
        on("GET", "/organizations/root", c -> Reply.jsonLd(Json.createObjectBuilder()
                .add("@context", base + "/spec/context.jsonld").add("id", organization("root"))
                .add("type", Json.createArrayBuilder().add("Organization").add("PartyOrganization"))
                .add("name", "桩县委").add("orgType", "CountyCommittee").add("subOrganizationOf", parentOrganization).build()));
        on("PUT", "/federation/parent", c -> Reply.json(federation(null, List.of())));
        on("DELETE", "/federation/parent", c -> new Reply(204, null, null));
        return this;
    }

    /** A node description of the stub claiming {@code roots}. */
    JsonObject description(List<String> roots) {
        JsonArrayBuilder claims = Json.createArrayBuilder();
        roots.forEach(claims::add);
        return Json.createObjectBuilder().add("@context", base + "/spec/context.jsonld").add("id", base)
                .add("type", "NodeDescription").add("authoritativeFor", claims).build();
    }

    /** A federation state of the stub (Table 7.3). */
    public JsonObject federation(String parent, List<String> children) {
        var state = Json.createObjectBuilder().add("node", base);
        if (parent == null) {
            state.addNull("parent");
        } else {
            state.add("parent", Json.createObjectBuilder().add("base", parent).add("since", Instant.now().toString()));
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        children.forEach(c -> list.add(Json.createObjectBuilder().add("base", c).add("roots", Json.createArrayBuilder())
                .add("registered", Instant.now().toString()).add("status", "active")));
        return state.add("children", list).build();
    }

    /** A completeness report of the stub for {@code call}, listing itself answered and then {@code others}. */
    public JsonObject completeness(Call call, JsonObject... others) {
        String now = Instant.now().toString();
        JsonArrayBuilder nodes = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("node", base).add("status", "answered").add("asOf", now).add("elapsedMs", 0));
        boolean complete = true;
        for (JsonObject other : others) {
            nodes.add(other);
            complete &= "answered".equals(other.getString("status", ""));
        }
        String queryId = call.headers().get("Lianxin-Query-Id");
        return Json.createObjectBuilder().add("queryId", queryId == null ? "none" : queryId).add("complete", complete)
                .add("asOf", now).add("nodes", nodes).build();
    }

    /** A valid statistics answer of the stub as a child (Table 7.16) about its root, counting {@code count} members. */
    JsonObject statistics(Call call, long count, JsonObject... others) {
        String groupBy = "none";
        for (String pair : call.query() == null ? new String[0] : call.query().split("&")) {
            if (pair.startsWith("groupBy=")) {
                groupBy = pair.substring("groupBy=".length());
            }
        }
        return Json.createObjectBuilder()
                .add("organizations", Json.createArrayBuilder().add(organization("root")))
                .add("roots", Json.createArrayBuilder().add(organization("root")))
                .add("groupBy", groupBy).add("scope", "subtree").add("total", count)
                .add("groups", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("key", groupBy.equals("stage") ? "FullMember" : "").add("count", count)))
                .add("completeness", completeness(call, others)).build();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : HEADERS) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            String path = exchange.getRequestURI().getPath().substring("/nodes/stub".length());
            Call call = new Call(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers, body);
            calls.add(call);
            Function<Call, Reply> route = routes.get(call.method() + " " + path);
            Reply reply;
            try {
                reply = route == null ? new Reply(404, "text/plain", "not here") : route.apply(call);
            } catch (RuntimeException e) {
                reply = new Reply(500, "text/plain", "stub error: " + e);
            }
            send(exchange, reply);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.type() + ";charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (reply.stallMs() > 0) {
                out.write(bytes, 0, 1);
                out.flush();
                try {
                    Thread.sleep(reply.stallMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            out.write(bytes, reply.stallMs() > 0 ? 1 : 0, reply.stallMs() > 0 ? bytes.length - 1 : bytes.length);
        }
    }
}
