package org.lianxin.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.lianxin.conformance.report.Evidence;
import org.lianxin.conformance.report.Exchange;

/**
 * The kit's HTTP client for the node under test: plain java.net.http, UTF-8, no redirects followed.
 * Every request carries the kit's administrator token unless it names its own Authorization (or is
 * sent {@link #anonymous}), and every exchange is kept as the running test's evidence.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(java.time.Duration.ofSeconds(10)).build();

    private Http() {}

    /** GET with headers given as name, value, name, value, ... */
    public static Response get(String url, String... headers) {
        return send(with(HttpRequest.newBuilder(URI.create(url)).GET(), headers));
    }

    public static Response post(String url, String contentType, String body, String... headers) {
        return send(with(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers), body);
    }

    public static Response put(String url, String contentType, String body, String... headers) {
        return send(with(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers), body);
    }

    public static Response delete(String url, String... headers) {
        return send(with(HttpRequest.newBuilder(URI.create(url)).DELETE(), headers));
    }

    /** Any request, with the administrator token unless it has an Authorization header. */
    public static Response send(HttpRequest.Builder request) {
        return send(request, "");
    }

    /** As it is: no token added. */
    public static Response anonymous(HttpRequest.Builder request) {
        return exchange(request, "");
    }

    private static Response send(HttpRequest.Builder request, String body) {
        if (request.build().headers().firstValue("Authorization").isEmpty()) {
            Kit.current().tokens().defaultToken().ifPresent(t -> request.header("Authorization", "Bearer " + t));
        }
        return exchange(request, body);
    }

    /** Headers as name, value pairs; a value of null leaves the header out. */
    private static HttpRequest.Builder with(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        return request;
    }

    private static Response exchange(HttpRequest.Builder builder, String body) {
        HttpRequest request = builder.timeout(Kit.current().config().timeout()).build();
        List<String> sent = new ArrayList<>();
        request.headers().map().forEach((name, values) -> values.forEach(v ->
                sent.add(name + ": " + (name.equalsIgnoreCase("Authorization") ? redacted(v) : v))));
        try {
            HttpResponse<String> answer = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, List<String>> headers = new TreeMap<>();
            answer.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            List<String> received = new ArrayList<>();
            headers.forEach((name, values) -> values.forEach(v -> received.add(name + ": " + v)));
            Evidence.record(new Exchange(request.method(), request.uri().toString(), sent, Exchange.excerpt(body), answer.statusCode(),
                    received, Exchange.excerpt(answer.body())));
            return new Response(answer.statusCode(), headers, answer.body());
        } catch (IOException e) {
            Evidence.record(new Exchange(request.method(), request.uri().toString(), sent, Exchange.excerpt(body), 0, List.of(),
                    "no answer: " + e));
            throw new java.io.UncheckedIOException("no answer from " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A token in evidence: its scheme and length, never the token. */
    private static String redacted(String authorization) {
        int space = authorization.indexOf(' ');
        return (space > 0 ? authorization.substring(0, space) : "?") + " (" + authorization.length() + " characters, not shown)";
    }
}
