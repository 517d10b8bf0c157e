package org.lianxin.node.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** A small HTTP client for the node under test: plain java.net.http, UTF-8 bodies. */
public final class NodeClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** The server's root URL, e.g. http://localhost:9181, from the it.base.url system property. */
    public static String serverUrl() {
        return System.getProperty("it.base.url", "http://localhost:9181");
    }

    /** The base URL of the node the integration tests use. */
    public static String nodeBase() {
        return serverUrl() + "/nodes/it";
    }

    public static HttpResponse<String> get(String url, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET());
    }

    public static HttpResponse<String> post(String url, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public static HttpResponse<String> put(String url, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** GET with extra headers (name, value, name, value, ...). */
    public static HttpResponse<String> get(String url, String accept, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public static HttpResponse<String> delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new java.io.StringReader(response.body())).readObject();
    }

    private static final java.util.Set<String> READY = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.Set<String> FAILED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The root URL of the second server process (federation across processes). */
    public static String secondServerUrl() {
        return System.getProperty("it2.base.url", "http://localhost:9183");
    }

    /**
     * Waits, once per server, until a server under test reports ready (MicroProfile Health): the
     * Liberty plugin returns as soon as the server process runs, before the application has started.
     */
    private static void awaitReady(URI uri) {
        String server = java.util.stream.Stream.of(serverUrl(), secondServerUrl())
                .filter(s -> uri.toString().startsWith(s)).findFirst().orElse(null);
        if (server == null || READY.contains(server)) {
            return;
        }
        if (FAILED.contains(server)) {
            throw new IllegalStateException("the server at " + server + " is not ready");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(server + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    READY.add(server);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        FAILED.add(server);
        throw new IllegalStateException("the server at " + server + " did not become ready");
    }

    private static volatile String token;

    /**
     * The bearer token the tests call with: minted once by the test server's demo issuer, for every
     * role and every node of the test servers (they share the test issuer), as an operator's would be.
     */
    public static String token() {
        if (token == null) {
            String nodes = java.util.stream.Stream.of(
                            nodeBase(), serverUrl() + "/nodes/fed-province", serverUrl() + "/nodes/fed-city",
                            serverUrl() + "/nodes/fed-county", serverUrl() + "/nodes/fed-faults",
                            secondServerUrl() + "/nodes/remote", secondServerUrl() + "/nodes/remote-child",
                            arquillianUrl() + "/nodes/arq", arquillianUrl() + "/nodes/arq-child")
                    .map(n -> "\"" + n + "\"").collect(java.util.stream.Collectors.joining(","));
            HttpResponse<String> minted = raw(HttpRequest.newBuilder(URI.create(serverUrl() + "/demo/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sub\": \"lianxin-tests\", \"groups\": [\"member\", \"secretary\", "
                            + "\"organization-admin\", \"node-operator\"], \"audience\": [" + nodes + "]}")));
            if (minted.statusCode() != 200) {
                throw new IllegalStateException("the test server's demo issuer did not mint a token: " + minted.statusCode());
            }
            token = json(minted).getString("token");
        }
        return token;
    }

    /** A token of the test issuer for these roles, acting for {@code actingFor} (may be null), for the test nodes. */
    public static String tokenFor(String actingFor, String... roles) {
        String groups = java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").collect(java.util.stream.Collectors.joining(","));
        HttpResponse<String> minted = raw(HttpRequest.newBuilder(URI.create(serverUrl() + "/demo/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\": \"audit-test\", \"groups\": [" + groups + "]"
                        + (actingFor == null ? "" : ", \"actingFor\": \"" + actingFor + "\"") + "}")));
        return json(minted).getString("token");
    }

    /** The base of the Arquillian server's application. */
    public static String arquillianUrl() {
        return "http://localhost:" + System.getProperty("arquillian.http.port", "9182") + "/reference-node";
    }

    /** Sends as it is: no token added (for the tests of authentication itself). */
    public static HttpResponse<String> raw(HttpRequest.Builder request) {
        return sendOnce(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        if (!request.build().headers().firstValue("Authorization").isPresent()) {
            request.header("Authorization", "Bearer " + token());
        }
        return sendOnce(request);
    }

    private static HttpResponse<String> sendOnce(HttpRequest.Builder request) {
        try {
            awaitReady(request.build().uri());
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
