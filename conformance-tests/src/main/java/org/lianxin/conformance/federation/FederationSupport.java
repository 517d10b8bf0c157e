package org.lianxin.conformance.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.probes.ProbeNode;

/**
 * What the Federation tests share: probe nodes (and {@link StubNode}s) on the kit's host, closed
 * after each test; their registration as children of the node under test, removed after each
 * test; tokens whose {@code aud} lists the node and the test's probes (LX-SEC-29: a node sends a
 * token only to the nodes of its aud); a fresh committee in the sandbox per test; and federated
 * queries with a 2 s deadline, timed by the kit.
 */
abstract class FederationSupport extends FederatedAnswers {

    private static final AtomicInteger PORTS = new AtomicInteger();

    private final List<AutoCloseable> servers = new ArrayList<>();
    private final List<String> audience = new ArrayList<>();
    private final List<String> registered = new ArrayList<>();
    private String caller;
    private String operator;

    /** A committee of the sandbox with one branch and two live full members. */
    record Tree(String committee, String branch, long localMembers) {}

    static Tree tree() {
        String committee = sandbox().newOrganization("探针省委", "ProvincialCommittee");
        String branch = sandbox().newOrganization("探针省委机关第一党支部", "Branch", committee);
        sandbox().newMemberFrom(sandbox().memberBody("王秀英", branch));
        sandbox().newMemberFrom(sandbox().memberBody("李建国", branch));
        return new Tree(committee, branch, 2);
    }

    /** A committee of the sandbox, without members: something for probes to hang under. */
    static String committee() {
        return sandbox().newOrganization("探针市委", "MunicipalCommittee");
    }

    /** A port for the next probe: any free one, or the next of the operator's range (--probe-port). */
    static int port() {
        int first = Kit.current().config().probePort();
        return first == 0 ? 0 : first + PORTS.getAndIncrement() % 32;
    }

    static String probeHost() {
        return Kit.current().config().probeHost();
    }

    private static String bindAddress() {
        String host = probeHost();
        return host.equals("localhost") || host.startsWith("127.") ? "127.0.0.1" : "0.0.0.0";
    }

    /** A probe whose root hangs under {@code parentOrganization}; closed after the test. */
    ProbeNode probe(String parentOrganization) {
        ProbeNode probe = new ProbeNode(parentOrganization, bindAddress(), probeHost(), port());
        return track(probe, probe.base());
    }

    /** A stub node; closed after the test. */
    StubNode stub() {
        StubNode stub = new StubNode(bindAddress(), probeHost(), port());
        return track(stub, stub.base());
    }

    <T extends AutoCloseable> T track(T server, String serverBase) {
        servers.add(server);
        audience.add(serverBase);
        caller = null;
        operator = null;
        return server;
    }

    /** The node, its ancestor nodes and the test's probes: the aud of the test's tokens. */
    List<String> audience() {
        List<String> all = new ArrayList<>(Kit.current().lineage());
        all.addAll(audience);
        return all;
    }

    /** An organization-admin and secretary of the sandbox, for the node and the test's probes. */
    String caller() {
        if (caller == null) {
            caller = Kit.current().tokens().actingFor(sandbox().organization(), audience(), "organization-admin", "secretary");
        }
        return caller;
    }

    /** A node-operator, for the node and the test's probes. */
    String operator() {
        if (operator == null) {
            JsonArrayBuilder aud = Json.createArrayBuilder();
            audience().forEach(aud::add);
            operator = Kit.current().tokens().mint(Json.createObjectBuilder().add("sub", "lianxin-kit-operator")
                    .add("groups", Json.createArrayBuilder().add("node-operator")).add("audience", aud).build());
        }
        return operator;
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** POST {base}/federation/children as the operator; a 201 is remembered, to be removed after the test. */
    Response register(String childBase) {
        Response response = Http.post(base() + "/federation/children", "application/json", "{\"base\": \"" + childBase + "\"}",
                "Accept", "application/json", "Authorization", bearer(operator()));
        if (response.status() == 201) {
            registered.add(childBase);
        }
        return response;
    }

    /** DELETE {base}/federation/children?base=... as the operator. */
    Response unregister(String childBase) {
        Response response = Http.delete(base() + "/federation/children?base=" + encode(childBase), "Authorization", bearer(operator()));
        if (response.status() == 204) {
            registered.remove(childBase);
        }
        return response;
    }

    /** Registers a probe and checks that the registration went through. */
    ProbeNode registered(ProbeNode probe) {
        Response response = register(probe.base());
        assertEquals(201, response.status(), () -> "the registration of a probe that passes every check of 7.3: " + response.body());
        return probe;
    }

    /** A probe in {@code mode}, registered as a child, its root under the tree's committee. */
    ProbeNode child(Tree tree, ProbeNode.Mode mode) {
        return registered(probe(tree.committee())).mode(mode);
    }

    /** PUT {base}/federation/parent as the operator. */
    Response putParent(String parentBase) {
        return Http.put(base() + "/federation/parent", "application/json", "{\"base\": \"" + parentBase + "\"}",
                "Accept", "application/json", "Authorization", bearer(operator()));
    }

    @AfterEach
    void removeProbes() {
        for (String child : List.copyOf(registered)) {
            try {
                unregister(child);
            } catch (RuntimeException e) {
                // best effort: the report shows the exchange
            }
        }
        registered.clear();
        servers.forEach(s -> {
            try {
                s.close();
            } catch (Exception e) {
                // closed anyway
            }
        });
        servers.clear();
    }

    /** The node's federation state. */
    JsonObject state() {
        Response state = Http.get(base() + "/federation", "Accept", "application/json", "Authorization", bearer(caller())).expect(200);
        return state.json();
    }

    List<String> childBases() {
        return state().getJsonArray("children").stream().map(c -> c.asJsonObject().getString("base", "")).toList();
    }

    /** GET as the caller, with Accept: application/json, the 2 s deadline unless given, and the headers given; timed. */
    Timed query(String url, String... headers) {
        List<String> all = new ArrayList<>(List.of("Accept", "application/json", "Authorization", bearer(caller())));
        if (!Arrays.asList(headers).contains(DEADLINE)) {
            all.addAll(List.of(DEADLINE, Long.toString(DEADLINE_MS)));
        }
        all.addAll(Arrays.asList(headers));
        long started = System.nanoTime();
        Response response = Http.get(url, all.toArray(String[]::new));
        return new Timed(response, (System.nanoTime() - started) / 1_000_000);
    }

    /** Subtree statistics of {@code organization} grouped by stage, within the deadline. */
    Timed statistics(String organization, boolean partial, String... headers) {
        return query(base() + "/statistics/members?organization=" + encode(organization) + "&groupBy=stage&scope=subtree&partial="
                + partial, headers).withinDeadline();
    }

    /** Subtree search of the full members of {@code organization}, within the deadline. */
    Timed search(String organization, boolean partial, String... headers) {
        return query(base() + "/search/members?organization=" + encode(organization) + "&stage=FullMember&scope=subtree&partial="
                + partial, headers).withinDeadline();
    }
}
