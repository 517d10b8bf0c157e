package org.lianxin.node.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.client.Ancestors;
import org.lianxin.client.AuditEntry;
import org.lianxin.client.ChildRegistration;
import org.lianxin.client.FederationState;
import org.lianxin.client.LianxinClient;
import org.lianxin.client.Organization;
import org.lianxin.client.OrganizationSummary;
import org.lianxin.client.ProblemException;
import org.lianxin.conformance.probes.ProbeNode;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;

/** The SDK's organizations, audit log and federation administration (issue 9) against the reference node's {@code sdk} node. */
class SdkAdminIT {

    private static final String NODE = NodeClient.serverUrl() + "/nodes/sdk";

    private static LianxinClient client() {
        return LianxinClient.builder(NODE).tokens(() -> NodeClient.token(NODE)).build();
    }

    @Test
    @DisplayName("organizations: create, read, replace, children, subtree, ancestors and delete, with the SDK alone")
    void organizations() {
        LianxinClient client = client();
        String top = NodeClient.top(NODE);
        Organization county = client.organizations().create(Organization.draft("青山县委", "CountyCommittee", top)
                .foundingDate(LocalDate.of(1949, 6, 1)).unitCode("420624000001"));
        assertTrue(county.id().startsWith(NODE + "/organizations/"), county.id());
        assertEquals("青山县委", county.name());
        assertEquals(java.util.Optional.of(top), county.subOrganizationOf());
        assertEquals(java.util.Optional.of(LocalDate.of(1949, 6, 1)), county.foundingDate());
        assertTrue(county.created().isPresent(), "set by the node");

        String branchIri = NODE + "/organizations/" + Fixtures.uniqueId("sdk-admin-branch");
        Organization branch = client.organizations().put(branchIri, Organization.draft("青山县第一中学党支部", "Branch", county.id()));
        assertEquals(branchIri, branch.id());
        Organization replaced = client.organizations().put(branchIri.substring(branchIri.lastIndexOf('/') + 1),
                Organization.draft("青山县第一中学党支部", "Branch", county.id()).address("青山县人民路1号").description("教工支部"));
        assertEquals(java.util.Optional.of("青山县人民路1号"), replaced.address(), "put by id, on this node");
        assertEquals(replaced.address(), client.organizations().read(branchIri).address());
        assertEquals(replaced.description(), client.organizations().read(branchIri).description());
        assertTrue(client.organizations().read(branchIri).types().contains("PartyOrganization"));

        assertEquals(List.of(branchIri), client.organizations().children(county.id()).stream().map(Organization::id).toList());
        assertEquals(Set.of(county.id(), branchIri),
                client.organizations().subtree(county.id()).pageSize(1).stream().map(Organization::id).collect(Collectors.toSet()));

        Ancestors ancestors = client.organizations().ancestors(branchIri);
        assertEquals(branchIri, ancestors.organization().id());
        assertEquals(List.of(county.id(), top), ancestors.ancestors().stream().map(OrganizationSummary::id).toList());
        assertEquals(NODE, ancestors.root().node());
        assertTrue(ancestors.completeness().complete());

        ProblemException busy = assertThrows(ProblemException.class, () -> client.organizations().delete(county.id()));
        assertEquals(409, busy.status(), "an organization below it");
        client.organizations().delete(branchIri);
        ProblemException gone = assertThrows(ProblemException.class, () -> client.organizations().read(branchIri));
        assertEquals(410, gone.status());
        assertEquals(List.of(), client.organizations().children(county.id()).stream().toList());
        assertTrue(client.organizations().list().modifiedSince(OffsetDateTime.now().minusMinutes(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).stream()
                .anyMatch(o -> o.id().equals(branchIri) && o.deleted().isPresent()), "its tombstone, with modifiedSince");

        ProblemException invalid = assertThrows(ProblemException.class,
                () -> client.organizations().create(Organization.draft("", "NoSuchType", county.id())));
        assertEquals(422, invalid.status());
        assertFalse(invalid.errors().isEmpty());
    }

    @Test
    @DisplayName("120 organizations are read 25 a page: every one once, in five pages")
    void manyPages() {
        LianxinClient client = client();
        Organization parent = client.organizations().create(Organization.draft("分页测试党委", "PrimaryCommittee", NodeClient.top(NODE)));
        List<String> created = IntStream.range(0, 120)
                .mapToObj(i -> client.organizations().create(Organization.draft("第" + (i + 1) + "党支部", "Branch", parent.id())).id())
                .toList();
        List<String> read = client.organizations().children(parent.id()).pageSize(25).stream().map(Organization::id).toList();
        assertEquals(120, read.size());
        assertEquals(Set.copyOf(created), Set.copyOf(read));

        JsonPage first = JsonPage.of(NodeClient.get(parent.id() + "/children?limit=25", "application/ld+json"));
        assertEquals(25, first.items(), "the node honours the page size, so the stream followed next four times");
        assertTrue(first.next());
        Set<String> all = client.organizations().list().pageSize(25).stream().map(Organization::id).collect(Collectors.toSet());
        assertTrue(all.containsAll(created), "the node's whole list, page after page");
        assertEquals(121, client.organizations().subtree(parent.id()).pageSize(25).stream().count());
    }

    private record JsonPage(int items, boolean next) {
        static JsonPage of(HttpResponse<String> response) {
            assertEquals(200, response.statusCode(), response.body());
            var json = NodeClient.json(response);
            return new JsonPage(json.getJsonArray("items").size(), json.containsKey("next"));
        }
    }

    @Test
    @DisplayName("the audit log lists the SDK's own writes and full reads under the organization, page after page")
    void audit() {
        LianxinClient client = client();
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Organization unit = client.organizations().create(Organization.draft("审计测试党委", "PrimaryCommittee", NodeClient.top(NODE)));
        Organization branch = client.organizations().create(Organization.draft("审计测试党支部", "Branch", unit.id()));
        HttpResponse<String> created = NodeClient.post(NODE + "/members", Fixtures.JSON_LD, Fixtures.member("审计对象", branch.id()));
        assertEquals(201, created.statusCode(), created.body());
        String member = created.headers().firstValue("Location").orElseThrow();
        client.members().readFull(member, "组织关系核查");

        List<AuditEntry> entries = client.audit().of(unit.id()).from(before).pageSize(1).stream().toList();
        AuditEntry create = entries.stream().filter(e -> e.record().equals(java.util.Optional.of(branch.id()))).findFirst().orElseThrow();
        assertEquals("create", create.action());
        assertEquals(201, create.outcome());
        assertEquals("lianxin-tests", create.actor());
        assertTrue(create.roles().contains("organization-admin"));
        assertTrue(create.organizations().contains(branch.id()), "listed under the organization written: " + create.organizations());
        AuditEntry full = entries.stream().filter(e -> e.action().equals("read-full")).findFirst().orElseThrow();
        assertEquals(java.util.Optional.of(member), full.record());
        assertEquals(java.util.Optional.of("组织关系核查"), full.purpose());
        assertEquals(200, full.outcome());
        assertTrue(entries.size() >= 3, "the branch, the member and the full read, one a page");
        assertEquals(List.of(), client.audit().of(unit.id()).from(before).to(before.plusSeconds(1)).stream()
                .filter(e -> e.record().equals(java.util.Optional.of(branch.id()))).toList(), "to is exclusive and before the writes");

        String secretary = NodeClient.tokenFor(unit.id(), "secretary");
        LianxinClient notAdmin = LianxinClient.builder(NODE).tokens(() -> secretary).build();
        ProblemException refused = assertThrows(ProblemException.class, () -> notAdmin.audit().of(unit.id()).stream().toList());
        assertTrue(refused.status() == 403 || refused.status() == 404, "a secretary reads no audit log (LX-SEC-48): " + refused.status());
    }

    @Test
    @DisplayName("the federation state is read, and a child node registered and removed with the SDK, as the audit log shows")
    void federation() {
        LianxinClient client = client();
        FederationState state = client.federation().state();
        assertEquals(NODE, state.node());
        assertTrue(state.parent().isEmpty(), "the sdk node is a root node");
        try (ProbeNode probe = new ProbeNode(NodeClient.top(NODE))) {
            String operator = NodeClient.tokenFor(NodeClient.top(NODE), List.of(probe.base()), "secretary", "organization-admin", "node-operator");
            LianxinClient operating = LianxinClient.builder(NODE).tokens(() -> operator).build();
            OffsetDateTime before = OffsetDateTime.now().minusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            ChildRegistration registered = operating.federation().register(probe.base());
            try {
                assertEquals(probe.base(), registered.base());
                assertEquals("active", registered.status());
                assertTrue(registered.parentNotified().isPresent());
                ChildRegistration listed = client.federation().state().child(probe.base()).orElseThrow();
                assertTrue(listed.active());
                assertEquals(registered.roots(), listed.roots());
                ProblemException twice = assertThrows(ProblemException.class, () -> operating.federation().register(probe.base()));
                assertEquals(409, twice.status());
            } finally {
                operating.federation().remove(probe.base());
            }
            assertTrue(client.federation().state().child(probe.base()).isEmpty());
            assertEquals(404, assertThrows(ProblemException.class, () -> operating.federation().remove(probe.base())).status());
            List<String> actions = client.audit().of(NodeClient.top(NODE)).from(before).stream()
                    .filter(e -> e.outcome() / 100 == 2).map(AuditEntry::action).toList(); // listed under the operator's organization
            assertTrue(actions.containsAll(List.of("register-child", "remove-child")), actions.toString());
            List<AuditEntry> federationEntries = client.audit().of(NodeClient.top(NODE)).from(before).stream()
                    .filter(e -> e.outcome() / 100 == 2 && e.action().endsWith("-child")).toList();
            assertTrue(federationEntries.stream().allMatch(e -> e.record().equals(java.util.Optional.of(probe.base()))),
                    "a federation entry names the other node (Table 8.12): " + federationEntries);
        }
    }

    @Test
    @DisplayName("a token the node refuses is asked for again, once, for writes, lists and the audit log alike")
    void tokenRefresh() {
        AtomicInteger asked = new AtomicInteger();
        LianxinClient renewing = LianxinClient.builder(NODE)
                .tokens(() -> asked.getAndIncrement() == 0 ? "expired.token.value" : NodeClient.token(NODE)).build();
        Organization created = renewing.organizations().create(Organization.draft("令牌测试党支部", "Branch", NodeClient.top(NODE)));
        assertEquals(2, asked.get(), "the first token refused (401), the second taken");
        assertEquals("令牌测试党支部", created.name());

        AtomicInteger again = new AtomicInteger();
        LianxinClient expiring = LianxinClient.builder(NODE)
                .tokens(() -> again.getAndIncrement() == 0 ? NodeClient.tokenFor(NodeClient.top(NODE), "organization-admin") + "x"
                        : NodeClient.token(NODE)).build();
        assertTrue(expiring.audit().of(NodeClient.top(NODE)).pageSize(5).stream().findFirst().isPresent());
        expiring.organizations().delete(created.id());
        assertEquals(2, again.get());

        LianxinClient never = LianxinClient.builder(NODE).tokens(() -> "never.valid.token").build();
        assertEquals(401, assertThrows(ProblemException.class, () -> never.organizations().read(created.id())).status(),
                "asked twice, then the 401 is the caller's");
    }

    @Test
    @DisplayName("503 with Retry-After: a page of a list and a PUT are tried again after the wait; a POST is not")
    void retryAfter() throws IOException {
        AtomicInteger secondPage = new AtomicInteger();
        AtomicInteger puts = new AtomicInteger();
        AtomicInteger posts = new AtomicInteger();
        List<Long> waits = new ArrayList<>();
        HttpServer stub = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        String base = "http://localhost:" + stub.getAddress().getPort() + "/nodes/stub";
        long[] last = {0};
        stub.createContext("/nodes/stub/.well-known/lianxin", exchange -> answer(exchange, 200,
                "{\"id\": \"" + base + "\", \"specVersion\": \"0.1.0\", \"conformanceClasses\": [\"Core\", \"Federation\", \"Security\"], \"endpoints\": []}"));
        stub.createContext("/nodes/stub/organizations", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String method = exchange.getRequestMethod();
            if (method.equals("POST")) {
                posts.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", "1");
                answer(exchange, 503, "{\"type\": \"about:blank\", \"title\": \"Service Unavailable\", \"status\": 503}");
            } else if (method.equals("PUT")) {
                if (puts.incrementAndGet() == 1) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    answer(exchange, 503, "");
                } else {
                    answer(exchange, 200, organization(base + "/organizations/put", "重试党支部"));
                }
            } else if (query != null && query.contains("cursor=2")) {
                long now = System.nanoTime();
                synchronized (waits) {
                    if (last[0] != 0) {
                        waits.add((now - last[0]) / 1_000_000);
                    }
                    last[0] = now;
                }
                if (secondPage.incrementAndGet() == 1) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    answer(exchange, 503, "");
                } else {
                    answer(exchange, 200, "{\"type\": \"Page\", \"items\": [" + organization(base + "/organizations/b", "乙") + "]}");
                }
            } else {
                answer(exchange, 200, "{\"type\": \"Page\", \"items\": [" + organization(base + "/organizations/a", "甲") + "], \"next\": \""
                        + base + "/organizations?limit=1&cursor=2\"}");
            }
        });
        stub.start();
        try {
            LianxinClient client = LianxinClient.builder(base).build();
            List<Organization> read = client.organizations().list().pageSize(1).stream().toList();
            assertEquals(List.of("甲", "乙"), read.stream().map(Organization::name).toList());
            assertTrue(read.get(1).other().containsKey("futureKey"), "a key a newer node adds is kept");
            assertEquals(2, secondPage.get(), "the second page was asked again");
            assertTrue(waits.get(0) >= 1000, "after the Retry-After of 1 s: " + waits);

            assertEquals("重试党支部", client.organizations().put(base + "/organizations/put", Organization.draft("重试党支部", "Branch", null)).name());
            assertEquals(2, puts.get(), "a PUT is idempotent: tried again");

            ProblemException unavailable = assertThrows(ProblemException.class,
                    () -> client.organizations().create(Organization.draft("新党支部", "Branch", null)));
            assertEquals(503, unavailable.status());
            assertEquals(1, posts.get(), "a POST is never repeated: the node could not tell it from a new one");
        } finally {
            stub.stop(0);
        }
    }

    private static String organization(String id, String name) {
        return "{\"id\": \"" + id + "\", \"type\": [\"Organization\", \"PartyOrganization\"], \"name\": \"" + name
                + "\", \"orgType\": \"Branch\", \"futureKey\": {\"kept\": true}}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/ld+json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
