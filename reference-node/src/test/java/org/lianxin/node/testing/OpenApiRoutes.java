package org.lianxin.node.testing;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.lianxin.spec.SpecResources;
import org.yaml.snakeyaml.Yaml;

/** The operations ("GET /members/{id}") an OpenAPI document declares. */
public final class OpenApiRoutes {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

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
}
