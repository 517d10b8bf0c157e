package org.lianxin.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.OpenApiRoutes;
import org.lianxin.spec.SpecResources;
import org.yaml.snakeyaml.Yaml;

/** The node serves the spec's own OpenAPI file at /openapi: the same operations, title and version. */
class OpenApiIT {

    @Test
    @DisplayName("the node serves the spec's OpenAPI file at /openapi")
    void servesTheSpecsOpenApiDocument() {
        HttpResponse<String> response = NodeClient.get(NodeClient.serverUrl() + "/openapi", "application/yaml");
        assertEquals(200, response.statusCode());
        Map<String, Object> served = new Yaml().load(response.body());
        Map<String, Object> spec = new Yaml().load(SpecResources.openApi());
        assertEquals(OpenApiRoutes.of(spec), OpenApiRoutes.of(served));
        assertEquals(((Map<?, ?>) spec.get("info")).get("version"), ((Map<?, ?>) served.get("info")).get("version"));
        assertEquals(((Map<?, ?>) spec.get("info")).get("title"), ((Map<?, ?>) served.get("info")).get("title"));
    }
}
