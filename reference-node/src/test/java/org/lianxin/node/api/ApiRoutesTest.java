package org.lianxin.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.OpenApiRoutes;

/**
 * The node's real JAX-RS routes are exactly the operations of the spec's OpenAPI file: nothing
 * undocumented, nothing documented that the node lacks.
 */
class ApiRoutesTest {

    private static final String NODE_PREFIX = "/nodes/{node}";

    @Test
    @DisplayName("the node's JAX-RS routes are exactly the operations of the spec's OpenAPI file")
    void routesMatchTheSpecsOpenApi() throws IOException {
        assertEquals(OpenApiRoutes.ofSpec(), nodeRoutes());
    }

    /** Node-relative routes, with path templates stripped of their regular expressions. */
    static Set<String> nodeRoutes() throws IOException {
        Set<String> routes = new TreeSet<>();
        for (Class<?> resource : resourceClasses()) {
            String classPath = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method method : resource.getMethods()) { // inherited routes too (RecordResource)
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                jakarta.ws.rs.Path path = method.getAnnotation(jakarta.ws.rs.Path.class);
                String full = join(classPath, path == null ? "" : path.value()).replaceAll("\\{(\\w+)\\s*:[^/]*}", "{$1}");
                if (full.startsWith(NODE_PREFIX + "/")) {
                    routes.add(verb + " " + full.substring(NODE_PREFIX.length()));
                }
            }
        }
        return routes;
    }

    /** Every JAX-RS root resource class of the node, found in the compiled classes: none can be forgotten. */
    private static List<Class<?>> resourceClasses() throws IOException {
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace(".class", "").replace('/', '.'))
                    .map(ApiRoutesTest::load)
                    .filter(c -> c.isAnnotationPresent(jakarta.ws.rs.Path.class))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiRoutesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(String a, String b) {
        String joined = ("/" + a + "/" + b).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) return "GET";
        if (method.isAnnotationPresent(POST.class)) return "POST";
        if (method.isAnnotationPresent(PUT.class)) return "PUT";
        if (method.isAnnotationPresent(DELETE.class)) return "DELETE";
        return null;
    }
}
