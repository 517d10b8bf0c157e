package org.lianxin.conformance.broken;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A deliberately broken node for the kit's own proof: a proxy in front of a conformant node that
 * rewrites its URLs to the proxy's own (so it looks like a node of its own) and breaks one rule.
 * The kit run against it must fail that rule's requirement.
 */
public final class BrokenNode implements AutoCloseable {

    /** What is broken. */
    public enum Defect {
        /** Answers a read that asks for Turtle with JSON-LD (LX-CORE-8). */
        TURTLE_AS_JSON,
        /** Takes a token that is not for this node as if it were (LX-SEC-10). */
        ACCEPTS_WRONG_AUDIENCE,
        /** Lets a caller read a record outside its subtree (LX-SEC-18). */
        SIBLING_READS,
        /** Puts national ID numbers into its search answers (LX-SEC-37). */
        ID_NUMBERS_IN_SEARCH,
        /** Answers a record that breaks a rule with 500 instead of 422 (LX-CORE-48 among others). */
        SERVER_ERROR_FOR_BAD_RECORDS
    }

    private static final String SECRET_ID = "11010519491231002X";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String target;
    private final String origin;
    private final Defect defect;
    private volatile String firstToken;

    /** A broken copy of the host at {@code targetOrigin} (e.g. http://localhost:9181). */
    public BrokenNode(String targetOrigin, Defect defect) {
        this.target = targetOrigin;
        this.defect = defect;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        origin = "http://localhost:" + server.getAddress().getPort();
    }

    /** The proxy's origin; a node at {@code {target}/nodes/x} is {@code {origin}/nodes/x} here. */
    public String origin() {
        return origin;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] sent;
            try (InputStream in = exchange.getRequestBody()) {
                sent = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null ? ""
                    : "?" + exchange.getRequestURI().getRawQuery());
            HttpResponse<byte[]> answer = forward(exchange, path, sent, authorization(exchange));
            if (defect == Defect.SIBLING_READS && answer.statusCode() == 404 && exchange.getRequestMethod().equals("GET") && firstToken != null) {
                answer = forward(exchange, path, sent, firstToken); // read it with a token that may
            }
            byte[] body = toProxy(answer.body());
            int status = answer.statusCode();
            if (defect == Defect.ID_NUMBERS_IN_SEARCH && path.contains("/search/members") && status == 200) {
                body = new String(body, StandardCharsets.UTF_8).replace("\"name\":", "\"nationalId\":\"" + SECRET_ID + "\",\"name\":")
                        .getBytes(StandardCharsets.UTF_8);
            }
            if (defect == Defect.SERVER_ERROR_FOR_BAD_RECORDS && status == 422) {
                status = 500;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!Set.of("content-length", "transfer-encoding", "connection", "date").contains(name.toLowerCase())) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, toProxy(v)));
                }
            });
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The Authorization to pass on; with ACCEPTS_WRONG_AUDIENCE, a token for another node becomes the first one seen. */
    private String authorization(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return null;
        }
        if (firstToken == null && !exchange.getRequestURI().getPath().startsWith("/demo")) {
            firstToken = authorization;
        }
        if (defect == Defect.ACCEPTS_WRONG_AUDIENCE && !forTheNode(authorization, exchange.getRequestURI().getPath()) && firstToken != null) {
            return firstToken;
        }
        return authorization;
    }

    /** Whether the token's aud holds the base of the node the request is for. */
    private boolean forTheNode(String authorization, String path) {
        java.util.regex.Matcher node = java.util.regex.Pattern.compile("^/nodes/[^/]+").matcher(path);
        if (!node.find()) {
            return true;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(authorization.substring(7).split("\\.")[1]), StandardCharsets.UTF_8);
            jakarta.json.JsonValue aud = jakarta.json.Json.createReader(new java.io.StringReader(payload)).readObject().get("aud");
            List<String> audience = aud instanceof jakarta.json.JsonString one ? List.of(one.getString())
                    : aud instanceof jakarta.json.JsonArray many ? many.getValuesAs(jakarta.json.JsonString::getString) : List.of();
            return audience.contains(target + node.group()) || audience.contains(origin + node.group());
        } catch (RuntimeException e) {
            return true; // not a token this defect is about
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, String path, byte[] sent, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path)).timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), sent.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(toTarget(sent)));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!List.of("host", "content-length", "connection", "authorization", "expect", "upgrade").contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, toTarget(v)));
            }
        });
        if (defect == Defect.TURTLE_AS_JSON && "GET".equals(exchange.getRequestMethod())
                && String.valueOf(exchange.getRequestHeaders().getFirst("Accept")).contains("text/turtle")) {
            request.setHeader("Accept", "application/ld+json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String toProxy(String text) {
        return text.replace(target, origin);
    }

    private byte[] toProxy(byte[] body) {
        return toProxy(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    private String toTarget(String text) {
        return text.replace(origin, target);
    }

    private byte[] toTarget(byte[] body) {
        return toTarget(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
