package org.lianxin.node.testing;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.lianxin.spec.SpecResources;
import org.yaml.snakeyaml.Yaml;

/** The operations ("GET /members/{id}") an OpenAPI document declares, and the media types they take and give. */
public final class OpenApiRoutes {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /**
     * The media types of one operation.
     *
     * @param requests  those of its request body; none when it declares no body
     * @param responses those of its 2xx answers
     */
    public record MediaTypes(Set<String> requests, Set<String> responses) {}

    private OpenApiRoutes() {}

    /** The operations of the spec's own OpenAPI file. */
    public static Set<String> ofSpec() {
        return of(new Yaml().load(SpecResources.openApi()));
    }

    /** The operations of a parsed OpenAPI document (YAML or JSON both load as maps). */
    @SuppressWarnings("unchecked")
    public static Set<String> of(Map<String, Object> document) {
        Set<String> operations = new TreeSet<>();
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    /** The media types of every operation of the spec's own OpenAPI file, {@code $ref}s followed. */
    @SuppressWarnings("unchecked")
    public static Map<String, MediaTypes> mediaTypesOfSpec() {
        Map<String, Object> document = new Yaml().load(SpecResources.openApi());
        Map<String, MediaTypes> types = new TreeMap<>();
        ((Map<String, Object>) document.get("paths")).forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Map<String, Object> op = (Map<String, Object>) operation;
            Set<String> requests = new TreeSet<>(content(document, op.get("requestBody")));
            Set<String> responses = new TreeSet<>();
            ((Map<String, Object>) op.get("responses")).forEach((status, response) -> {
                if (String.valueOf(status).startsWith("2")) {
                    responses.addAll(content(document, response));
                }
            });
            types.put(method.toUpperCase() + " " + path, new MediaTypes(requests, responses));
        }));
        return types;
    }

    /** The media types under {@code content} of a request body or a response, following its {@code $ref}. */
    @SuppressWarnings("unchecked")
    private static Set<String> content(Map<String, Object> document, Object part) {
        while (part instanceof Map<?, ?> map && map.containsKey("$ref")) {
            Object target = document;
            for (String step : ((String) map.get("$ref")).substring(2).split("/")) {
                target = ((Map<String, Object>) target).get(step);
            }
            part = target;
        }
        return part instanceof Map<?, ?> map && map.get("content") instanceof Map<?, ?> content ? (Set<String>) content.keySet() : Set.of();
    }
}
