package org.lianxin.node.federation;

import org.lianxin.conformance.probes.ProbeNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;

/**
 * What the federation fault tests share: node {@code fed-faults} as the parent, a fresh
 * organization tree on it per test, probe children ({@link ProbeNode}) hanging under it, timed
 * federated queries with a 2 s deadline, and the clean-up after each test (probes unregistered
 * and stopped, so that no circuit breaker or count leaks into another test; the node still ready).
 */
abstract class FederationFaultsSupport {

    /** The deadline the tests give (Lianxin-Deadline), and what an answer may take beyond it (LX-FED-25: 1 s). */
    static final long DEADLINE_MS = 2000;
    static final long MARGIN_MS = 1000;

    private final List<ProbeNode> probes = new ArrayList<>();
    private final List<String> registered = new ArrayList<>();

    /** The parent node's base URL. */
    static String parent() {
        return NodeClient.serverUrl() + "/nodes/fed-faults";
    }

    /** A province organization with one branch and two live members, on the parent node. */
    record Tree(String province, String branch, long localMembers) {}

    static Tree tree() {
        String province = organization(Fixtures.uniqueId("province"), "探针省委", "ProvincialCommittee", NodeClient.top(parent()));
        String branch = organization(Fixtures.uniqueId("branch"), "探针省委机关第一党支部", "Branch", province);
        member("王秀英", branch);
        member("李建国", branch);
        return new Tree(province, branch, 2);
    }

    static String organization(String id, String name, String orgType, String parentIri) {
        String iri = parent() + "/organizations/" + id;
        HttpResponse<String> response = caller().put(iri, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization(name, orgType, parentIri), iri));
        assertEquals(201, response.statusCode(), response.body());
        return iri;
    }

    static void member(String name, String branch) {
        HttpResponse<String> response = caller().post(parent() + "/members", Fixtures.JSON_LD, Fixtures.member(name, branch));
        assertEquals(201, response.statusCode(), response.body());
    }

    /** A new probe whose root hangs under {@code parentOrganization}; stopped after the test. */
    ProbeNode probe(String parentOrganization) {
        return track(new ProbeNode(parentOrganization));
    }

    ProbeNode track(ProbeNode probe) {
        probes.add(probe);
        token = NodeClient.tokenFor(NodeClient.top(parent()), probes.stream().map(ProbeNode::base).toList(),
                "secretary", "organization-admin", "node-operator");
        return probe;
    }

    private static volatile String token;

    /**
     * The tests' caller: an administrator of the parent node's test organization, whose token is
     * also for the probes of the test (LX-SEC-29: a token goes only to the nodes in its aud).
     */
    static NodeClient.As caller() {
        if (token == null) {
            token = NodeClient.token(parent());
        }
        return NodeClient.as(token);
    }

    /** POST {parent}/federation/children; a 201 is remembered, to be unregistered after the test. */
    HttpResponse<String> register(String childBase) {
        HttpResponse<String> response = caller().post(parent() + "/federation/children", "application/json",
                "{\"base\": \"" + childBase + "\"}");
        if (response.statusCode() == 201) {
            registered.add(childBase);
        }
        return response;
    }

    /** Registers a probe and checks the handshake went through. */
    ProbeNode registered(ProbeNode probe) {
        HttpResponse<String> response = register(probe.base());
        assertEquals(201, response.statusCode(), response.body());
        JsonObject child = NodeClient.json(response);
        assertEquals(probe.base(), child.getString("base"));
        assertEquals(List.of(probe.root()), child.getJsonArray("roots").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertEquals("active", child.getString("status"));
        return probe;
    }

    /** A registered probe in {@code mode} under the tree's province. */
    ProbeNode child(Tree tree, ProbeNode.Mode mode) {
        return registered(probe(tree.province())).mode(mode);
    }

    @AfterEach
    void cleanUp() {
        for (String base : registered) {
            HttpResponse<String> gone = caller().delete(parent() + "/federation/children?base=" + URLEncoder.encode(base, StandardCharsets.UTF_8));
            assertTrue(gone.statusCode() == 204 || gone.statusCode() == 404, gone.statusCode() + " " + gone.body());
        }
        registered.clear();
        probes.forEach(ProbeNode::close);
        probes.clear();
        assertReady();
    }

    /** The node is still healthy: {@code GET /health/ready} → 200 UP. */
    static void assertReady() {
        HttpResponse<String> health = NodeClient.get(NodeClient.serverUrl() + "/health/ready", "application/json");
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("UP", NodeClient.json(health).getString("status"), health.body());
    }

    /** An answer and how long it took, measured by the test. */
    record Timed(HttpResponse<String> response, long elapsedMs) {

        JsonObject json() {
            return NodeClient.json(response);
        }

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        /** Took no longer than the deadline plus the margin. */
        Timed withinDeadline() {
            assertTrue(elapsedMs < DEADLINE_MS + MARGIN_MS, "answered after " + elapsedMs + " ms: " + response.body());
            return this;
        }
    }

    /** GET with the 2 s deadline and the extra headers given (name, value, ...), timed. */
    static Timed timedGet(String url, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = QueryContext.DEADLINE;
        all[1] = Long.toString(DEADLINE_MS);
        System.arraycopy(headers, 0, all, 2, headers.length);
        long started = System.nanoTime();
        HttpResponse<String> response = caller().get(url, "application/json", all);
        return new Timed(response, (System.nanoTime() - started) / 1_000_000);
    }

    /** Subtree statistics of {@code organization} grouped by stage. */
    static Timed statistics(String organization, boolean partial, String... headers) {
        return timedGet(parent() + "/statistics/members?organization=" + encode(organization)
                + "&groupBy=stage&scope=subtree&partial=" + partial, headers).withinDeadline();
    }

    /** Subtree search of full members of {@code organization}. */
    static Timed search(String organization, boolean partial, String... headers) {
        return timedGet(parent() + "/search/members?organization=" + encode(organization)
                + "&stage=FullMember&scope=subtree&partial=" + partial, headers).withinDeadline();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The status entry of {@code node} in a completeness report, if listed. */
    static Optional<JsonObject> nodeStatus(JsonObject completeness, String node) {
        return completeness.getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                .filter(n -> n.getString("node").equals(node)).findFirst();
    }

    /** The status of {@code node}, which must be listed. */
    static String statusOf(JsonObject completeness, String node) {
        return nodeStatus(completeness, node).orElseThrow(() -> new AssertionError(node + " is not listed in " + completeness))
                .getString("status");
    }

    /**
     * A 424 incomplete problem whose completeness report lists {@code node} as not answered and
     * whose errors name it as field; returns the status the report gives it.
     */
    static String assertIncomplete(Timed answer, String node) {
        assertEquals(424, answer.status(), answer.body());
        assertTrue(answer.response().headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = answer.json();
        assertEquals("https://w3id.org/lianxin/problems/incomplete", problem.getString("type"));
        JsonObject completeness = problem.getJsonObject("completeness");
        assertEquals(false, completeness.getBoolean("complete"), completeness.toString());
        assertEquals("answered", statusOf(completeness, parent()), completeness.toString());
        String status = statusOf(completeness, node);
        assertTrue(!status.equals("answered"), completeness.toString());
        List<JsonObject> errors = problem.getJsonArray("errors").stream().map(JsonValue::asJsonObject).toList();
        assertTrue(errors.stream().anyMatch(e -> e.getString("field").equals(node) && e.getString("rule").equals(status)
                        && !e.getString("message").isBlank() && e.getString("requirement").equals("LX-FED-29")),
                "an error naming " + node + " in " + errors);
        assertTrue(errors.stream().noneMatch(e -> e.getString("field").equals(parent())), errors.toString());
        return status;
    }

    /** A 200 partial answer in which {@code node} is listed as not answered; returns its status. */
    static String assertPartial(Timed answer, String node) {
        assertEquals(200, answer.status(), answer.body());
        JsonObject completeness = answer.json().getJsonObject("completeness");
        assertEquals(false, completeness.getBoolean("complete"), completeness.toString());
        assertEquals("answered", statusOf(completeness, parent()), completeness.toString());
        String status = statusOf(completeness, node);
        assertTrue(!status.equals("answered"), completeness.toString());
        return status;
    }

    /** A 422 or 409 problem with an error on "base" for {@code rule} and {@code requirement} (spec Table 7.6). */
    static void assertRefused(HttpResponse<String> response, int status, String rule, String requirement) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        List<JsonObject> errors = NodeClient.json(response).getJsonArray("errors").stream().map(JsonValue::asJsonObject).toList();
        assertTrue(errors.stream().anyMatch(e -> e.getString("field").equals("base") && e.getString("rule").equals(rule)),
                rule + " in " + errors);
        assertTrue(errors.stream().anyMatch(e -> e.getString("rule").equals(rule) && e.getString("requirement").equals(requirement)),
                "the error of " + rule + " names requirement " + requirement + " (Table 7.6): " + errors);
    }

    /** The parent's registrations: the children's bases. */
    static List<String> childBases() {
        return children().stream().map(c -> c.getString("base")).toList();
    }

    static List<JsonObject> children() {
        HttpResponse<String> state = caller().get(parent() + "/federation", "application/json");
        assertEquals(200, state.statusCode(), state.body());
        return NodeClient.json(state).getJsonArray("children").stream().map(JsonValue::asJsonObject).toList();
    }
}
