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

    /** A JSON object from its text. */
    public static JsonObject jsonOf(String text) {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
            return reader.readObject();
        }
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

    /** The base URLs of every node of the test servers: the audience of the tests' tokens. */
    private static String audience() {
        return java.util.stream.Stream.of(
                        nodeBase(), serverUrl() + "/nodes/fed-province", serverUrl() + "/nodes/fed-city",
                        serverUrl() + "/nodes/fed-county", serverUrl() + "/nodes/fed-faults",
                        serverUrl() + "/nodes/sec-province", serverUrl() + "/nodes/sec-city",
                        serverUrl() + "/nodes/sec-sibling", serverUrl() + "/nodes/sec-county",
                        serverUrl() + "/nodes/dues", serverUrl() + "/nodes/dues-province", serverUrl() + "/nodes/dues-county",
                        serverUrl() + "/nodes/transfer-a", serverUrl() + "/nodes/transfer-b",
                        serverUrl() + "/nodes/orglife-province", serverUrl() + "/nodes/orglife-county", serverUrl() + "/nodes/sdk",
                        serverUrl() + "/nodes/tasks-province", serverUrl() + "/nodes/tasks-city", serverUrl() + "/nodes/tasks-county",
                        serverUrl() + "/nodes/tasks-orphan", serverUrl() + "/nodes/feedback-city", serverUrl() + "/nodes/feedback-county", serverUrl() + "/nodes/rosters",
                        serverUrl() + "/nodes/learning-province", serverUrl() + "/nodes/learning-city", serverUrl() + "/nodes/learning-county",
                        serverUrl() + "/nodes/learning-elsewhere", serverUrl() + "/nodes/learning-orphan",
                        serverUrl() + "/nodes/notices-province", serverUrl() + "/nodes/notices-city", serverUrl() + "/nodes/notices-county",
                        serverUrl() + "/nodes/notices-orphan",
                        serverUrl() + "/nodes/service-city", serverUrl() + "/nodes/service-district",
                        secondServerUrl() + "/nodes/remote", secondServerUrl() + "/nodes/remote-child",
                        arquillianUrl() + "/nodes/arq", arquillianUrl() + "/nodes/arq-child")
                .map(n -> "\"" + n + "\"").collect(java.util.stream.Collectors.joining(","));
    }

    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The bearer token the tests call a node with, unless they give their own: an administrator of
     * the node's test organization ({@link #top}), who is also its secretary and the node's operator,
     * minted by the test server's demo issuer for every node of the test servers (they share the
     * test issuer), as an identity service would. The test organization is created on first use.
     */
    public static String token(String nodeBase) {
        return TOKENS.computeIfAbsent(nodeBase, base -> {
            String iri = nodeBase + TOP;
            String token = tokenFor(iri, "secretary", "organization-admin", "node-operator");
            String body = Fixtures.withId(Fixtures.organization("测试党委", "PrimaryCommittee", null), iri);
            HttpResponse<String> created = sendOnce(HttpRequest.newBuilder(URI.create(iri)).header("Content-Type", Fixtures.JSON_LD)
                    .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
            if (created.statusCode() != 201 && created.statusCode() != 200 && created.statusCode() != 404) { // 404: no such node
                throw new IllegalStateException("the test organization of " + base + " could not be written: " + created.body());
            }
            return token;
        });
    }

    /**
     * The organization the tests work under on a node: it has no superior, and the default token
     * acts for it, so that every tree a test builds below it is the token's to read and write.
     */
    public static String top(String nodeBase) {
        token(nodeBase);
        return nodeBase + TOP;
    }

    private static final String TOP = "/organizations/tests";

    /** The test organization of the node the integration tests use. */
    public static String top() {
        return top(nodeBase());
    }

    /** A token of the test issuer for these roles, acting for {@code actingFor} (may be null), for every test node. */
    public static String tokenFor(String actingFor, String... roles) {
        return mint("lianxin-tests", actingFor, null, java.util.List.of(), roles);
    }

    /** The same, also for the nodes at {@code moreAudience} (probe nodes, which listen on ports of their own). */
    public static String tokenFor(String actingFor, java.util.List<String> moreAudience, String... roles) {
        return mint("lianxin-tests", actingFor, null, moreAudience, roles);
    }

    /** A token of the role member for the member record {@code member}. */
    public static String memberToken(String member) {
        return mint("lianxin-tests", null, member, java.util.List.of(), "member");
    }

    /** A token of the role resident (spec chapter 18) whose sub is {@code subject}. */
    public static String residentToken(String subject) {
        return mint(subject, null, null, java.util.List.of(), "resident");
    }

    /** Requests with the token given, instead of the node's default one. */
    public static As as(String token) {
        return new As(token);
    }

    /** A client that calls with one caller's token. */
    public record As(String token) {

        public HttpResponse<String> get(String url, String accept, String... headers) {
            for (int i = 0; i < headers.length; i += 2) {
                if (headers[i].equalsIgnoreCase("Authorization")) {
                    return NodeClient.get(url, accept, headers); // the caller's own token for this one request
                }
            }
            String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
            all[headers.length] = "Authorization";
            all[headers.length + 1] = "Bearer " + token;
            return NodeClient.get(url, accept, all);
        }

        public HttpResponse<String> post(String url, String contentType, String body) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        }

        public HttpResponse<String> put(String url, String contentType, String body) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType).header("Authorization", "Bearer " + token)
                    .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        }

        public HttpResponse<String> delete(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).DELETE());
        }
    }

    /** A token of the role node for the node at {@code sender} calling {@code receiver} (spec chapter 10). */
    public static String nodeToken(String sender, String receiver) {
        HttpResponse<String> minted = raw(HttpRequest.newBuilder(URI.create(serverUrl() + "/demo/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\": \"" + sender + "\", \"groups\": [\"node\"], \"audience\": [\"" + receiver + "\"]}")));
        if (minted.statusCode() != 200) {
            throw new IllegalStateException("the test server's demo issuer did not mint a token: " + minted.body());
        }
        return json(minted).getString("token");
    }

    private static String mint(String subject, String actingFor, String member, java.util.List<String> moreAudience, String... roles) {
        String groups = java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").collect(java.util.stream.Collectors.joining(","));
        HttpResponse<String> minted = raw(HttpRequest.newBuilder(URI.create(serverUrl() + "/demo/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\": \"" + subject + "\", \"groups\": [" + groups + "]"
                        + (actingFor == null ? "" : ", \"actingFor\": \"" + actingFor + "\"")
                        + (member == null ? "" : ", \"member\": \"" + member + "\"")
                        + ", \"audience\": [" + audience()
                        + moreAudience.stream().map(a -> ",\"" + a + "\"").collect(java.util.stream.Collectors.joining()) + "]}")));
        if (minted.statusCode() != 200) {
            throw new IllegalStateException("the test server's demo issuer did not mint a token: " + minted.body());
        }
        return json(minted).getString("token");
    }

    private static final java.util.regex.Pattern NODE = java.util.regex.Pattern.compile("^(.*?/nodes/[^/?#]+)");

    /** The base of the Arquillian server's application. */
    public static String arquillianUrl() {
        return "http://localhost:" + System.getProperty("arquillian.http.port", "9182") + "/reference-node";
    }

    /** Sends as it is: no token added (for the tests of authentication itself). */
    public static HttpResponse<String> raw(HttpRequest.Builder request) {
        return sendOnce(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        java.util.regex.Matcher node = NODE.matcher(built.uri().toString());
        if (built.headers().firstValue("Authorization").isEmpty() && node.find()) {
            request.header("Authorization", "Bearer " + token(node.group(1)));
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
