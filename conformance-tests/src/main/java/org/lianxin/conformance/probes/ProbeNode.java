package org.lianxin.conformance.probes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in child node for the federation fault tests: a small HTTP server that speaks the child's
 * side of the protocol (description, root organization, parent notification, statistics, search, dues statistics),
 * and misbehaves on demand. Base URL {@code http://{host}:{port}/nodes/probe}; its one root
 * organization {@code {base}/organizations/root} hangs under the parent organization it was given.
 * It records every request it received, with the federation headers, for the test to check.
 */
public final class ProbeNode implements AutoCloseable {

    /** How the probe answers statistics and search; switchable at any time. */
    public enum Mode {
        /** A valid answer. */
        NORMAL,
        /** Sleeps 30 s before answering. */
        HANG,
        /** HTTP 500. */
        FAIL_500,
        /** HTTP 401, as a node that refuses the caller's token. */
        REFUSE,
        /** 200 with a body that is not JSON. */
        GARBAGE,
        /** A valid answer whose roots include an organization the probe never registered. */
        OUTSIDE,
        /** A search answer whose items also carry an ID number, phone, address and birth date. */
        SECRETS,
        /** The description answers 302 to another URL. */
        REDIRECT,
        /** Statistics: asks the parent the same query (same query id) and answers with what it got. */
        LOOP,
        /**
         * A valid answer with the probe's own roots that names something of the parent: statistics
         * about the parent's organization, a search item held by the parent (listed as answered).
         */
        FOREIGN
    }

    /** One request the probe received. {@code headers} holds the Lianxin-* headers that were present. */
    public record Request(String method, String path, String query, Map<String, String> headers) {

        public String header(String name) {
            return headers.get(name);
        }
    }

    /** What the parent answered the probe's looped query. */
    public record LoopAnswer(int status, String body) {}

    public static final String SECRET_NATIONAL_ID = "11010519491231002X";
    public static final String SECRET_TELEPHONE = "13800138000";
    public static final String SECRET_ADDRESS = "探针市秘密路4号";
    public static final String SECRET_BIRTH_DATE = "1949-12-31";
    /** An organization on no node of the test, which an OUTSIDE probe claims as one of its roots. */
    public static final String ELSEWHERE = "http://localhost:9/nodes/x/organizations/elsewhere";

    private static final List<String> HEADERS = List.of("Lianxin-Query-Id", "Lianxin-Hops", "Lianxin-Deadline", "Accept", "Authorization");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String base;
    private final String parentOrganization;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<LoopAnswer> loopAnswer = new AtomicReference<>();
    private volatile Mode mode = Mode.NORMAL;
    private volatile long count = 7;
    private volatile String federationParent;
    private volatile List<String> federationChildren = List.of();

    /** A probe on 127.0.0.1 (base URL with host {@code localhost}) whose root hangs under {@code parentOrganization}. */
    public ProbeNode(String parentOrganization) {
        this(parentOrganization, "127.0.0.1", "localhost");
    }

    /** A probe listening on {@code bindAddress}, naming itself with {@code host} in its base URL. */
    public ProbeNode(String parentOrganization, String bindAddress, String host) {
        this(parentOrganization, bindAddress, host, 0);
    }

    /**
     * A probe on {@code port} (0: any free port): an operator whose issuer must list the probes in
     * its tokens' aud runs the kit with fixed probe ports.
     */
    public ProbeNode(String parentOrganization, String bindAddress, String host, int port) {
        this.parentOrganization = parentOrganization;
        try {
            server = HttpServer.create(new InetSocketAddress(bindAddress, port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "probe-node");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/nodes/probe", this::handle);
        server.start();
        base = "http://" + host + ":" + server.getAddress().getPort() + "/nodes/probe";
    }

    public String base() {
        return base;
    }

    /** The probe's one root organization. */
    public String root() {
        return base + "/organizations/root";
    }

    public ProbeNode mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    /** How many members the probe reports (statistics total). */
    public ProbeNode count(long count) {
        this.count = count;
        return this;
    }

    public long count() {
        return count;
    }

    /** What the probe's own {@code GET {base}/federation} says: its parent (or null) and its children. */
    public ProbeNode federation(String parent, String... children) {
        this.federationParent = parent;
        this.federationChildren = List.of(children);
        return this;
    }

    /** Every request received, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests to a path below the base, e.g. {@code /statistics/members}. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** What the parent answered the looped query, or null when the probe did not loop (yet). */
    public LoopAnswer loopAnswer() {
        return loopAnswer.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            respond(exchange);
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath().substring("/nodes/probe".length());
            String method = exchange.getRequestMethod();
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : HEADERS) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            Request request = new Request(method, path, exchange.getRequestURI().getRawQuery(), headers);
            requests.add(request);
            Mode now = mode;
            switch (method + " " + path) {
                case "GET /.well-known/lianxin" -> {
                    if (now == Mode.REDIRECT) {
                        exchange.getResponseHeaders().add("Location", base + "/moved/.well-known/lianxin");
                        send(exchange, 302, "text/plain", "moved");
                    } else {
                        send(exchange, 200, "application/ld+json", description().toString());
                    }
                }
                case "GET /moved/.well-known/lianxin" -> send(exchange, 200, "application/ld+json", description().toString());
                case "GET /organizations/root" -> send(exchange, 200, "application/ld+json", rootRecord().toString());
                case "PUT /federation/parent" -> send(exchange, 200, "application/json", "{}");
                case "DELETE /federation/parent" -> send(exchange, 204, null, null);
                case "GET /federation" -> send(exchange, 200, "application/json", federation().toString());
                case "GET /statistics/members" -> answer(exchange, request, now, true);
                case "GET /search/members" -> answer(exchange, request, now, false);
                case "GET /statistics/dues" -> {
                    if (now == Mode.FAIL_500) {
                        send(exchange, 500, "application/problem+json", "{\"status\": 500, \"title\": \"probe failure\"}");
                    } else {
                        send(exchange, 200, "application/json", dues(request).toString());
                    }
                }
                default -> send(exchange, 404, "text/plain", "not here");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", "probe error: " + e);
        }
    }

    private void answer(HttpExchange exchange, Request request, Mode now, boolean statistics) throws IOException {
        switch (now) {
            case HANG -> {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                send(exchange, 200, "application/json", (statistics ? statistics(request, false) : search(request, false, false)).toString());
            }
            case FAIL_500 -> send(exchange, 500, "application/problem+json", "{\"status\": 500, \"title\": \"probe failure\"}");
            case REFUSE -> send(exchange, 401, "application/problem+json", "{\"status\": 401, \"title\": \"Unauthorized\"}");
            case GARBAGE -> send(exchange, 200, "application/json", "<html><body>这不是 JSON {{{</body>");
            case OUTSIDE -> send(exchange, 200, "application/json",
                    (statistics ? statistics(request, true) : search(request, true, false)).toString());
            case FOREIGN -> send(exchange, 200, "application/json",
                    (statistics ? foreignStatistics(request) : foreignSearch(request)).toString());
            case SECRETS -> send(exchange, 200, "application/json",
                    (statistics ? statistics(request, false) : search(request, false, true)).toString());
            case LOOP -> {
                if (statistics) {
                    LoopAnswer got = loop(request);
                    loopAnswer.set(got);
                    send(exchange, got.status(), "application/problem+json", got.body());
                } else {
                    send(exchange, 200, "application/json", search(request, false, false).toString());
                }
            }
            default -> send(exchange, 200, "application/json",
                    (statistics ? statistics(request, false) : search(request, false, false)).toString());
        }
    }

    /** Asks the parent node, with the query id it was given, the statistics of its parent organization. */
    private LoopAnswer loop(Request request) {
        URI url = URI.create(parentBase() + "/statistics/members?organization="
                + URLEncoder.encode(parentOrganization, StandardCharsets.UTF_8) + "&scope=subtree&partial=true");
        long budget = 1000;
        try {
            budget = Math.max(1, Long.parseLong(request.header("Lianxin-Deadline")) - 100);
        } catch (RuntimeException e) {
            // keep 1000
        }
        HttpRequest.Builder call = HttpRequest.newBuilder(url).GET().header("Accept", "application/json")
                .timeout(Duration.ofMillis(budget)).header("Lianxin-Deadline", Long.toString(budget));
        if (request.header("Lianxin-Query-Id") != null) {
            call.header("Lianxin-Query-Id", request.header("Lianxin-Query-Id"));
        }
        if (request.header("Authorization") != null) {
            call.header("Authorization", request.header("Authorization")); // relayed, as a node does
        }
        if (request.header("Lianxin-Hops") != null) {
            call.header("Lianxin-Hops", request.header("Lianxin-Hops"));
        }
        try {
            HttpResponse<String> response = HTTP.send(call.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new LoopAnswer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new LoopAnswer(502, "{\"title\": \"probe could not reach its parent: " + e.getClass().getSimpleName() + "\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LoopAnswer(502, "{\"title\": \"interrupted\"}");
        }
    }

    private JsonObject description() {
        return Json.createObjectBuilder()
                .add("@context", base + "/spec/context.jsonld")
                .add("id", base)
                .add("type", "NodeDescription")
                .add("authoritativeFor", Json.createArrayBuilder().add(root()))
                .build();
    }

    private JsonObject rootRecord() {
        return Json.createObjectBuilder()
                .add("@context", base + "/spec/context.jsonld")
                .add("id", root())
                .add("type", Json.createArrayBuilder().add("Organization").add("PartyOrganization"))
                .add("name", "探针县委")
                .add("orgType", "CountyCommittee")
                .add("subOrganizationOf", parentOrganization)
                .build();
    }

    private JsonObject federation() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("node", base);
        if (federationParent == null) {
            json.addNull("parent");
        } else {
            json.add("parent", Json.createObjectBuilder().add("base", federationParent).add("since", Instant.now().toString()));
        }
        JsonArrayBuilder children = Json.createArrayBuilder();
        for (String child : federationChildren) {
            children.add(Json.createObjectBuilder().add("base", child).add("roots", Json.createArrayBuilder())
                    .add("registered", Instant.now().toString()).add("status", "active"));
        }
        return json.add("children", children).build();
    }

    private JsonArrayBuilder roots(boolean outside) {
        JsonArrayBuilder roots = Json.createArrayBuilder().add(root());
        return outside ? roots.add(ELSEWHERE) : roots;
    }

    private JsonObject completeness(Request request) {
        String now = Instant.now().toString();
        String queryId = request.header("Lianxin-Query-Id");
        return Json.createObjectBuilder()
                .add("queryId", queryId == null ? "none" : queryId)
                .add("complete", true)
                .add("asOf", now)
                .add("nodes", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("node", base).add("status", "answered").add("asOf", now).add("elapsedMs", 0)))
                .build();
    }

    private JsonObject statistics(Request request, boolean outside) {
        String groupBy = parameter(request.query(), "groupBy");
        groupBy = groupBy == null ? "none" : groupBy;
        String key = groupBy.equals("stage") ? "FullMember" : "";
        return Json.createObjectBuilder()
                .add("organizations", Json.createArrayBuilder().add(root()))
                .add("roots", roots(outside))
                .add("groupBy", groupBy)
                .add("scope", "subtree")
                .add("total", count)
                .add("groups", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", key).add("count", count)))
                .add("completeness", completeness(request))
                .build();
    }

    /**
     * A collection statistic (spec Table 9.14) of {@link #count()} liable members, each assessed 1.00
     * yuan, of whom all but two paid 1.00: expected {@code count}.00, paid {@code count - 2}.00.
     */
    private JsonObject dues(Request request) {
        String month = parameter(request.query(), "month");
        return Json.createObjectBuilder()
                .add("organizations", Json.createArrayBuilder().add(root()))
                .add("roots", roots(false))
                .add("month", month == null ? "" : month)
                .add("scope", "subtree")
                .add("members", count)
                .add("unassessed", 0)
                .add("expected", count + ".00")
                .add("paidMembers", Math.max(0, count - 2))
                .add("paid", Math.max(0, count - 2) + ".00")
                .add("rate", "0.5000") // deliberately wrong: a parent computes the rate from the sums (LX-DUES-22)
                .add("completeness", completeness(request))
                .build();
    }

    private JsonObject search(Request request, boolean outside, boolean secrets) {
        JsonObjectBuilder item = Json.createObjectBuilder()
                .add("id", base + "/members/p1")
                .add("name", "探针")
                .add("stage", "FullMember")
                .add("branch", root())
                .add("node", base);
        if (secrets) {
            item.add("nationalId", SECRET_NATIONAL_ID)
                    .add("telephone", SECRET_TELEPHONE)
                    .add("address", SECRET_ADDRESS)
                    .add("birthDate", SECRET_BIRTH_DATE);
        }
        return Json.createObjectBuilder()
                .add("type", "Page")
                .add("roots", roots(outside))
                .add("items", Json.createArrayBuilder().add(item))
                .add("completeness", completeness(request))
                .build();
    }

    private String parentBase() {
        return parentOrganization.substring(0, parentOrganization.indexOf("/organizations/"));
    }

    private JsonObject foreignStatistics(Request request) {
        JsonObject normal = statistics(request, false);
        return Json.createObjectBuilder(normal)
                .add("organizations", Json.createArrayBuilder().add(parentOrganization))
                .build();
    }

    private JsonObject foreignSearch(Request request) {
        JsonObject normal = search(request, false, false);
        String parentBase = parentBase();
        JsonObject completeness = normal.getJsonObject("completeness");
        JsonArrayBuilder nodes = Json.createArrayBuilder(completeness.getJsonArray("nodes"))
                .add(Json.createObjectBuilder().add("node", parentBase).add("status", "answered")
                        .add("asOf", Instant.now().toString()).add("elapsedMs", 0));
        return Json.createObjectBuilder(normal)
                .add("items", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("id", parentBase + "/members/forged")
                        .add("name", "伪造")
                        .add("stage", "FullMember")
                        .add("branch", parentOrganization)
                        .add("node", parentBase)))
                .add("completeness", Json.createObjectBuilder(completeness).add("nodes", nodes))
                .build();
    }

    private static String parameter(String query, String name) {
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
