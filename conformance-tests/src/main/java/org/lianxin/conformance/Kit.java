package org.lianxin.conformance;

import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.lianxin.conformance.fixtures.Sandbox;
import org.lianxin.conformance.fixtures.Tokens;

/**
 * The run the kit's tests belong to: the node under test, its description, the kit's tokens and
 * its sandbox. Tests reach it with {@link #current()}; the runner sets it before the first test.
 */
public final class Kit {

    private static volatile Kit current;

    private final KitConfig config;
    private final JsonObject description;
    private final List<String> lineage;
    private final Tokens tokens;
    private final Sandbox sandbox;

    Kit(KitConfig config, JsonObject description, Tokens tokens) {
        this(config, description, lineage(config.baseUrl(), description), tokens, null);
    }

    private Kit(KitConfig config, JsonObject description, List<String> lineage, Tokens tokens, Sandbox sandbox) {
        this.config = config;
        this.description = description;
        this.lineage = lineage;
        this.tokens = tokens;
        this.sandbox = sandbox;
    }

    /** The same run, writing under {@code sandbox}. */
    Kit with(Sandbox sandbox) {
        return new Kit(config, description, lineage, tokens, sandbox);
    }

    /** The run in progress. */
    public static Kit current() {
        Kit kit = current;
        if (kit == null) {
            throw new IllegalStateException("the kit's tests run inside the kit: start them with KitRunner or bin/lianxin conformance");
        }
        return kit;
    }

    static void begin(Kit kit) {
        current = kit;
    }

    static void end() {
        current = null;
    }

    public KitConfig config() {
        return config;
    }

    /** The base URL of the node under test, without a trailing slash. */
    public String base() {
        return config.baseUrl();
    }

    /** Scheme, host and port of the node: where the host listing and demo routes are. */
    public String origin() {
        return config.origin();
    }

    /** The node's description, as it answered {@code GET {base}/.well-known/lianxin} at the start. */
    public JsonObject description() {
        return description;
    }

    /** The conformance classes the node's description claims. */
    public List<String> claimed() {
        return claimed(description);
    }

    public boolean claims(String conformanceClass) {
        return claimed().contains(conformanceClass);
    }

    /** The href of the node's endpoint with this rel, if it lists one. */
    public Optional<String> endpoint(String rel) {
        JsonValue endpoints = description.get("endpoints");
        if (!(endpoints instanceof jakarta.json.JsonArray list)) {
            return Optional.empty();
        }
        return list.stream().filter(e -> e instanceof JsonObject o && rel.equals(o.getString("rel", "")))
                .map(e -> e.asJsonObject().getString("href", null)).filter(h -> h != null).findFirst();
    }

    /**
     * The node's base URL and those of its ancestor nodes, nearest first, as their descriptions
     * say ({@code parentNode}): a token that reaches probes must also be for these, since the node
     * asks its parents while it checks a registration or a caller (LX-SEC-25, LX-SEC-29).
     */
    public List<String> lineage() {
        return lineage;
    }

    private static List<String> lineage(String base, JsonObject description) {
        List<String> line = new java.util.ArrayList<>(List.of(base));
        JsonObject current = description;
        while (current.get("parentNode") instanceof JsonString parent && !line.contains(parent.getString()) && line.size() < 16) {
            line.add(parent.getString());
            try {
                java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(parent.getString() + "/.well-known/lianxin"))
                                .header("Accept", "application/ld+json").timeout(java.time.Duration.ofSeconds(10)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    break;
                }
                current = jakarta.json.Json.createReader(new java.io.StringReader(answer.body())).readObject();
            } catch (java.io.IOException | RuntimeException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.copyOf(line);
    }

    public Tokens tokens() {
        return tokens;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    static List<String> claimed(JsonObject description) {
        JsonValue classes = description.get("conformanceClasses");
        if (classes instanceof JsonString one) {
            return List.of(one.getString());
        }
        if (classes instanceof jakarta.json.JsonArray list) {
            return list.stream().filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).getString()).toList();
        }
        return List.of();
    }
}
