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
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.client.ComplianceStatistic;
import org.lianxin.client.DueItem;
import org.lianxin.client.LianxinClient;
import org.lianxin.client.Transfer;
import org.lianxin.client.examples.ProvinceStatistics;
import org.lianxin.client.examples.TransferMember;
import org.lianxin.client.Member;
import org.lianxin.client.MemberStatistics;
import org.lianxin.client.PartialAnswerException;
import org.lianxin.client.ProblemException;
import org.lianxin.client.UnsupportedClassException;
import org.lianxin.conformance.probes.ProbeNode;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;

/** The Java SDK (issue 9) against a running reference node over HTTP, not mocks. */
class SdkIT {

    private static final String NODE = NodeClient.serverUrl() + "/nodes/sdk";
    private static String county;
    private static String branch;
    /** Where the tests that add members work, so that the counts of {@link #branch} stay five. */
    private static String other;
    private static List<String> members;

    @BeforeAll
    static void tree() {
        county = Trees.organizationOn(NODE, "青山县委", "CountyCommittee", NodeClient.top(NODE));
        branch = Trees.organizationOn(NODE, "青山县第一中学党支部", "Branch", county);
        other = Trees.organizationOn(NODE, "白河县第二中学党支部", "Branch", NodeClient.top(NODE));
        members = List.of("欧阳修", "司马光", "诸葛亮", "上官婉儿", "王安石").stream().map(name -> {
            HttpResponse<String> created = NodeClient.post(NODE + "/members", Fixtures.JSON_LD, Fixtures.member(name, branch));
            assertEquals(201, created.statusCode(), created.body());
            return created.headers().firstValue("Location").orElseThrow();
        }).toList();
    }

    private static LianxinClient client() {
        return LianxinClient.builder(NODE).tokens(() -> NodeClient.token(NODE)).build();
    }

    @Test
    @DisplayName("in ten lines a developer prints a subtree's member statistics with the completeness report")
    void tenLines() {
        LianxinClient client = LianxinClient.builder(NODE).tokens(() -> NodeClient.token(NODE)).build();
        MemberStatistics statistics = client.statistics().members().organization(county).groupBy("gender").subtree().execute();
        statistics.groups().forEach(g -> System.out.println(g.key() + " " + g.count()));
        System.out.println(statistics.completeness());

        assertEquals(5, statistics.total());
        assertTrue(statistics.completeness().complete());
        assertEquals(List.of(NODE), statistics.completeness().nodes().stream().map(n -> n.node()).toList());
        assertTrue(client.node().claims("Federation"));
    }

    @Test
    @DisplayName("a partial federated answer is refused unless the caller allows it, and then says which node is missing")
    void partialAnswers() {
        try (ProbeNode probe = new ProbeNode(county).mode(ProbeNode.Mode.FAIL_500)) {
            String operator = NodeClient.tokenFor(NodeClient.top(NODE), List.of(probe.base()), "secretary", "organization-admin", "node-operator");
            HttpResponse<String> registered = NodeClient.as(operator).post(NODE + "/federation/children", "application/json",
                    "{\"base\": \"" + probe.base() + "\"}");
            assertEquals(201, registered.statusCode(), registered.body());
            try {
                PartialAnswerException refused = assertThrows(PartialAnswerException.class,
                        () -> client().statistics().members().organization(county).subtree().execute());
                assertEquals(424, refused.status());
                assertEquals(List.of(probe.base()), refused.completeness().missing().stream().map(n -> n.node()).toList());
                MemberStatistics partial = client().statistics().members().organization(county).subtree().allowPartial().execute();
                assertFalse(partial.completeness().complete());
                assertEquals(5, partial.total(), "this node's own members, counted");
            } finally {
                NodeClient.raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(NODE + "/federation/children?base="
                        + java.net.URLEncoder.encode(probe.base(), StandardCharsets.UTF_8))).DELETE()
                        .header("Authorization", "Bearer " + operator));
            }
        }
    }

    @Test
    @DisplayName("a list is read page after page, every member once, names byte for byte")
    void pages() {
        List<Member> read = client().members().search().branch(branch).pageSize(2).stream().toList();
        assertEquals(Set.copyOf(members), read.stream().map(Member::id).collect(Collectors.toSet()));
        assertEquals(5, read.size());
        assertTrue(read.stream().map(Member::name).anyMatch("上官婉儿"::equals));
        assertTrue(read.get(0).other().containsKey("nationalId"), "keys the SDK does not type are kept");
    }

    @Test
    @DisplayName("a refused request is a typed exception with the status, and a token refused once is asked for again")
    void problemsAndTokens() {
        ProblemException missing = assertThrows(ProblemException.class, () -> client().members().read(NODE + "/members/" + Fixtures.uniqueId("nobody")));
        assertEquals(404, missing.status());
        AtomicInteger asked = new AtomicInteger();
        LianxinClient renewing = LianxinClient.builder(NODE)
                .tokens(() -> asked.getAndIncrement() == 0 ? "expired.token.value" : NodeClient.token(NODE)).build();
        assertEquals(members.get(0), renewing.members().read(members.get(0)).id());
        assertEquals(2, asked.get());
    }

    @Test
    @DisplayName("a read answered 503 with Retry-After is tried again after that wait; an operation of a class the node does not claim is refused before any request")
    void retriesAndClasses() throws IOException {
        AtomicInteger descriptions = new AtomicInteger();
        AtomicInteger statistics = new AtomicInteger();
        HttpServer stub = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        String base = "http://localhost:" + stub.getAddress().getPort() + "/nodes/stub";
        stub.createContext("/nodes/stub/.well-known/lianxin", exchange -> {
            boolean first = descriptions.getAndIncrement() == 0;
            byte[] body = ("{\"id\": \"" + base + "\", \"specVersion\": \"0.1.0\", \"conformanceClasses\": [\"Core\", \"Federation\"], \"endpoints\": []}")
                    .getBytes(StandardCharsets.UTF_8);
            if (first) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(first ? 503 : 200, first ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!first) {
                    out.write(body);
                }
            }
        });
        stub.createContext("/nodes/stub/statistics", exchange -> {
            statistics.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        stub.start();
        try {
            LianxinClient client = LianxinClient.builder(base).build();
            long started = System.nanoTime();
            assertTrue(client.node().claims("Federation"));
            assertTrue((System.nanoTime() - started) / 1_000_000 >= 1000, "waited as Retry-After asked");
            assertEquals(2, descriptions.get());
            assertThrows(UnsupportedClassException.class, () -> client.statistics().dues().organization("x").month("2026-10").execute());
            assertEquals(0, statistics.get(), "nothing sent");
        } finally {
            stub.stop(0);
        }
    }

    private static <T> T await(java.util.function.Supplier<java.util.Optional<T>> probe) {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            java.util.Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("waited 20 s");
    }

    @Test
    @DisplayName("a member transfers to another node with the SDK: request and approve here, accept there, completed on both")
    void transfer() {
        String receiving = NodeClient.serverUrl() + "/nodes/transfer-b";
        String to = NodeClient.serverUrl() + "/nodes/transfer-b/organizations/" + Fixtures.uniqueId("sdk-to");
        assertEquals(201, NodeClient.put(to, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization("白河县党支部", "Branch", NodeClient.top(receiving)), to)).statusCode());
        HttpResponse<String> created = NodeClient.post(NODE + "/members", Fixtures.JSON_LD, Fixtures.member("调动者", other));
        String member = created.headers().firstValue("Location").orElseThrow();

        LianxinClient here = client();
        LianxinClient there = LianxinClient.builder(receiving).tokens(() -> NodeClient.token(receiving)).build();
        Transfer requested = here.transfers().request(member, to, "工作调动");
        assertEquals("Requested", requested.state());
        assertTrue(here.transfers().approve(requested.id()).letterNumber().matches("\\d{4}-\\d{6}"));
        Transfer offered = await(() -> there.transfers().of(member).findFirst());
        Transfer accepted = there.transfers().accept(offered.id());
        Transfer completed = await(() -> java.util.Optional.of(here.transfers().read(requested.id())).filter(Transfer::finished));
        assertEquals("Completed", completed.state());
        assertEquals(accepted.newMember(), completed.newMember());
        ProblemException again = assertThrows(ProblemException.class, () -> here.transfers().approve(requested.id()));
        assertEquals(409, again.status());
        assertEquals(List.of("LX-TRANSFER-7"), again.requirements());
    }

    @Test
    @DisplayName("a development step with the SDK, a step too early refused citing its rule, and the due list")
    void development() {
        String body = Fixtures.member("入党申请人", other).replace("\"stage\": \"FullMember\"", "\"stage\": \"Applicant\"")
                .replaceAll("\"activistDate\": \"[0-9-]+\", \"candidateDate\": \"[0-9-]+\",\\s*\"admissionDate\": \"[0-9-]+\", \"fullMembershipDate\": \"[0-9-]+\"",
                        "\"activistDate\": \"2024-03-01\"").replace("\"stage\": \"Applicant\"", "\"stage\": \"Activist\"");
        HttpResponse<String> created = NodeClient.post(NODE + "/members", Fixtures.JSON_LD, body);
        assertEquals(201, created.statusCode(), created.body());
        String activist = created.headers().firstValue("Location").orElseThrow();
        LianxinClient client = client();
        ProblemException early = assertThrows(ProblemException.class,
                () -> client.development().step(activist, "CandidateDesignation", java.time.LocalDate.of(2025, 2, 28)).execute());
        assertEquals(422, early.status());
        assertEquals(List.of("LX-PIPELINE-3"), early.requirements());
        List<DueItem> due = client.development().due(other, java.time.LocalDate.of(2025, 3, 1));
        assertTrue(due.stream().anyMatch(i -> i.member().equals(activist) && i.next().equals("CandidateDesignation")), due.toString());
        assertEquals("DevelopmentCandidate", client.development().step(activist, "CandidateDesignation", java.time.LocalDate.of(2025, 3, 1)).execute().stage());
    }

    @Test
    @DisplayName("meeting compliance with the SDK: counts and organizations, with the completeness report")
    void compliance() {
        ComplianceStatistic statistic = client().statistics().compliance().organization(county).year(2025).through("2025-03").subtree().execute();
        assertTrue(statistic.completeness().complete());
        assertEquals(1, statistic.organizationsChecked(), "the branch; a county committee owes nothing itself");
        assertTrue(statistic.missing().stream().anyMatch(m -> m.organization().equals(branch) && m.activityType().equals("ThemedPartyDay")
                && m.periods().equals(List.of("2025-01", "2025-02", "2025-03"))));
    }

    @Test
    @DisplayName("the SDK's examples run against the node: a subtree's statistics, and a member transferred to another node")
    void examples() throws InterruptedException {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        MemberStatistics statistics = ProvinceStatistics.run(NODE, county, NodeClient.token(NODE), new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(5, statistics.total());
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("FullMember\t5") && text.contains("complete: 1 node(s), 1 answered"), text);

        String receiving = NodeClient.serverUrl() + "/nodes/transfer-b";
        String to = receiving + "/organizations/" + Fixtures.uniqueId("sdk-example");
        assertEquals(201, NodeClient.put(to, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization("白河县示例党支部", "Branch", NodeClient.top(receiving)), to)).statusCode());
        String member = NodeClient.post(NODE + "/members", Fixtures.JSON_LD, Fixtures.member("示例党员", other)).headers().firstValue("Location").orElseThrow();
        java.io.ByteArrayOutputStream moved = new java.io.ByteArrayOutputStream();
        Transfer transfer = TransferMember.run(NODE, member, receiving, to, NodeClient.token(NODE), NodeClient.token(receiving),
                new java.io.PrintStream(moved, true, StandardCharsets.UTF_8));
        assertEquals("Completed", transfer.state(), moved.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("writes with the SDK: a member created, read in full for a purpose, replaced and deleted; a dues payment sent twice recorded once, then seen in the member's account and not in arrears; an activity recorded and listed")
    void writes() throws Exception {
        LianxinClient client = client();
        jakarta.json.JsonObject body;
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(Fixtures.member("新党员", other)
                .replace("\"stage\": \"FullMember\"", "\"stage\": \"FullMember\", \"duesCategory\": \"Employed\", \"duesBase\": \"3000.01\"")))) {
            body = reader.readObject();
        }
        Member created = client.members().create(body);
        Member full = client.members().readFull(created.id(), "党费核对");
        assertEquals(java.util.Optional.of(created.id()), client.members().lookup(" " + body.getString("nationalId") + " "),
                "found by the number, normalized (LX-SEC-38)");
        assertEquals(java.util.Optional.empty(), client.members().lookup(Fixtures.nationalId(java.time.LocalDate.of(1990, 1, 1), true)),
                "nobody has it (LX-SEC-39)");
        assertEquals(body.getString("nationalId"), full.text("nationalId").orElseThrow(), "in full, for a purpose");
        assertFalse(client.members().readAsync(created.id()).get().text("nationalId").orElseThrow().equals(body.getString("nationalId")), "masked otherwise");
        Member renamed = client.members().replace(created.id(), jakarta.json.Json.createObjectBuilder(body).add("id", created.id()).add("name", "新名字").build());
        assertEquals("新名字", renamed.name());

        var first = client.dues().pay(Fixtures.uniqueId("sdk-pay"), created.id(), "2026-09", new java.math.BigDecimal("30.00"), "Cash",
                java.time.OffsetDateTime.parse("2026-09-10T09:30:00+08:00"));
        assertEquals(Boolean.TRUE, first.matchesAssessment());
        String paymentId = first.id().substring(first.id().lastIndexOf('/') + 1);
        var again = client.dues().pay(paymentId, created.id(), "2026-09", new java.math.BigDecimal("30.00"), "Cash",
                java.time.OffsetDateTime.parse("2026-09-10T09:30:00+08:00"));
        assertEquals(first, again, "the same payment, recorded once (LX-DUES-11)");
        var account = client.dues().account(created.id(), "2026-09");
        var september = account.months().stream().filter(m -> m.month().equals("2026-09")).findFirst().orElseThrow();
        assertTrue(september.paidInFull(), account.toString());
        assertEquals(new java.math.BigDecimal("30.00"), september.paid());
        assertEquals(0, account.consecutiveUnpaid(), "the account's last month is paid");
        assertFalse(client.dues().arrears(other, "2026-09").members().stream().anyMatch(m -> m.member().equals(created.id())),
                "a member who paid is not in arrears");

        var activity = client.activities().record(other, "ThemedPartyDay", java.time.LocalDate.of(2025, 4, 15), "学习党章");
        assertEquals(List.of(activity.id()), client.activities().of(other, 2025).map(a -> a.id()).toList());

        String turtle = client.rdf().turtle(created.id());
        assertTrue(turtle.contains("新名字"), turtle);
        org.apache.jena.rdf.model.Model model = client.rdf().model(created.id());
        assertTrue(model.contains(model.createResource(created.id()), model.createProperty("http://schema.org/name"), "新名字"));

        client.members().delete(created.id());
        assertEquals(410, assertThrows(ProblemException.class, () -> client.members().read(created.id())).status());
    }
}
