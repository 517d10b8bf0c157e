package org.lianxin.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.members.MemberResource;
import org.lianxin.node.nodes.NodeDescriptionResource;
import org.lianxin.node.organizations.OrganizationResource;
import org.lianxin.node.spec.SpecFileResource;
import org.lianxin.node.testing.OpenApiRoutes;

/**
 * The node's real JAX-RS routes are exactly the operations of the spec's OpenAPI file: nothing
 * undocumented, nothing documented that the node lacks.
 */
class ApiRoutesTest {

    private static final String NODE_PREFIX = "/nodes/{node}";
    private static final List<Class<?>> RESOURCES = List.of(
            NodeDescriptionResource.class, OrganizationResource.class, MemberResource.class, SpecFileResource.class);

    @Test
    @DisplayName("the node's JAX-RS routes are exactly the operations of the spec's OpenAPI file")
    void routesMatchTheSpecsOpenApi() {
        assertEquals(OpenApiRoutes.ofSpec(), nodeRoutes());
    }

    /** Node-relative routes, with path templates stripped of their regular expressions. */
    static Set<String> nodeRoutes() {
        Set<String> routes = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String classPath = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path path = method.getAnnotation(Path.class);
                String full = join(classPath, path == null ? "" : path.value()).replaceAll("\\{(\\w+)\\s*:[^/]*}", "{$1}");
                if (full.startsWith(NODE_PREFIX + "/")) {
                    routes.add(verb + " " + full.substring(NODE_PREFIX.length()));
                }
            }
        }
        return routes;
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
