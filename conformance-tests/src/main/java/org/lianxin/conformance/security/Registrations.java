package org.lianxin.conformance.security;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.probes.ProbeNode;

/**
 * The kit's probe children on the node under test: started under an organization of the sandbox,
 * registered as an operator would, and removed and stopped after the test.
 */
final class Registrations implements AutoCloseable {

    private final List<ProbeNode> probes = new ArrayList<>();
    private final List<String> registered = new ArrayList<>();

    /** A probe whose root hangs under {@code organization}, not registered. */
    ProbeNode probe(String organization) {
        int first = Kit.current().config().probePort();
        ProbeNode probe = new ProbeNode(organization, "127.0.0.1", Kit.current().config().probeHost(), first == 0 ? 0 : first + probes.size());
        probes.add(probe);
        return probe;
    }

    /** A node-operator whose token is for the node and the nodes at {@code others}. */
    static String operator(String... others) {
        return Records.mint(Json.createObjectBuilder().add("sub", "lianxin-kit-operator").add("groups", Records.strings("node-operator"))
                .add("audience", Records.strings(with(others))));
    }

    /** An administrator of {@code organization} whose token is for the node and the nodes at {@code others}. */
    static String adminFor(String organization, String... others) {
        return Kit.current().tokens().actingFor(organization, List.of(with(others)), Records.ADMIN.toArray(String[]::new));
    }

    /** The node, its ancestor nodes and {@code others}. */
    private static String[] with(String... others) {
        List<String> audience = new ArrayList<>(Kit.current().lineage());
        audience.addAll(List.of(others));
        return audience.toArray(String[]::new);
    }

    static Response register(String child, String token) {
        return Records.post(Current.base() + "/federation/children", token, "application/json", "{\"base\": \"" + child + "\"}");
    }

    /** A probe under {@code organization}, registered as a child of the node (201). */
    ProbeNode child(String organization) {
        ProbeNode probe = probe(organization);
        Response answer = register(probe.base(), operator(probe.base()));
        assertEquals(201, answer.status(), () -> "the kit could not register its probe " + probe.base() + ": " + answer.status() + " " + answer.body());
        registered.add(probe.base());
        return probe;
    }

    /** The node's federation state. */
    static JsonObject federation() {
        return Http.get(Current.base() + "/federation", "Accept", "application/json").expect(200).json();
    }

    static List<String> children() {
        return federation().getJsonArray("children").stream().map(c -> c.asJsonObject().getString("base", "")).toList();
    }

    static Optional<String> parent() {
        JsonValue parent = federation().get("parent");
        return parent instanceof JsonObject p ? Optional.of(p.getString("base", "")) : Optional.empty();
    }

    /** The status entry of {@code node} in the completeness report of an answer. */
    static Optional<JsonObject> status(JsonObject answer, String node) {
        return answer.getJsonObject("completeness").getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                .filter(n -> node.equals(n.getString("node", ""))).findFirst();
    }

    @Override
    public void close() {
        try {
            for (String child : registered) {
                Response gone = Records.delete(Current.base() + "/federation/children?base=" + Current.enc(child), operator(child));
                assertEquals(204, gone.status(), () -> "the kit could not remove its probe " + child + ": " + gone.status() + " " + gone.body());
            }
        } finally {
            registered.clear();
            probes.forEach(ProbeNode::close);
            probes.clear();
        }
    }
}
