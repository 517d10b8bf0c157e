package org.lianxin.node.transfers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.node.transfers.TransferSupport.*;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;

/**
 * Transfers survive nodes that stop and start (LX-TRANSFER-8): the Arquillian server's application
 * (nodes {@code arq} and {@code arq-child}) is undeployed and deployed again in the middle of a
 * transfer, while the test server's node {@code transfer-a} or a sending node the test plays keeps
 * running. Messages due are kept as states in the stores, so nothing is lost or sent twice.
 */
@ExtendWith(ArquillianExtension.class)
class TransferRestartIT {

    private static final String DEPLOYMENT = "transfer-node";
    private static final String ARQ = NodeClient.arquillianUrl() + "/nodes/arq";
    private static final String ARQ_CHILD = NodeClient.arquillianUrl() + "/nodes/arq-child";
    private static final String A = NodeClient.serverUrl() + "/nodes/transfer-a";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive node() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("war.file", "target/reference-node.war")));
    }

    @Test
    @DisplayName("LX-TRANSFER-8 the receiving node is down when the letter is issued; the offer waits and arrives when it is back")
    void receivingNodeDown() throws InterruptedException {
        deployer.deploy(DEPLOYMENT);
        String to = branch(ARQ, "白河县第一党支部");
        deployer.undeploy(DEPLOYMENT);
        try {
            String member = member(A, branch(A, "青山县第二十中学党支部"), "公孙胜");
            String transfer = requested(A, member, to);
            acted(transfer, "approve", null);
            Thread.sleep(3000); // several attempts, 1 s and 2 s apart
            JsonHolder waiting = new JsonHolder(read(transfer));
            assertEquals("Approved", waiting.json.getString("transferState"), "still waiting, not refused: " + waiting.json);
            assertFalse(waiting.json.containsKey("receivingTransfer"));

            deployer.deploy(DEPLOYMENT);
            String incoming = receivingRecord(ARQ, member);
            String newMember = acted(incoming, "accept", null).getString("newMember");
            awaitState(transfer, "Completed");
            awaitState(incoming, "Completed");
            assertEquals("公孙胜", NodeClient.json(NodeClient.get(newMember, Fixtures.JSON_LD)).getString("name"));
            assertEquals(1, NodeClient.json(NodeClient.get(ARQ + "/transfers?member=" + enc(member), "application/ld+json"))
                    .getJsonArray("items").size(), "one record at the receiving node, however often the offer was sent");
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
    }

    @Test
    @DisplayName("LX-TRANSFER-8 LX-TRANSFER-21 both nodes restart while the letter awaits the receiving organization; the transfer then completes")
    void bothNodesRestart() {
        deployer.deploy(DEPLOYMENT);
        try {
            String from = branch(ARQ, "青山县第二十一中学党支部");
            String to = branch(ARQ_CHILD, "白河县第二党支部");
            String member = member(ARQ, from, "呼延灼");
            String transfer = requested(ARQ, member, to);
            acted(transfer, "approve", null);
            String incoming = receivingRecord(ARQ_CHILD, member);

            deployer.undeploy(DEPLOYMENT);
            deployer.deploy(DEPLOYMENT);

            assertEquals("Approved", read(transfer).getString("transferState"));
            assertEquals(200, NodeClient.get(member, Fixtures.JSON_LD).statusCode(), "LX-TRANSFER-21: still at the sending node");
            String newMember = acted(incoming, "accept", null).getString("newMember");
            awaitState(transfer, "Completed");
            awaitState(incoming, "Completed");
            assertEquals(410, NodeClient.get(member, Fixtures.JSON_LD).statusCode());
            assertEquals(200, NodeClient.get(newMember, Fixtures.JSON_LD).statusCode());
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
    }

    @Test
    @DisplayName("LX-TRANSFER-8 LX-TRANSFER-20 a receipt not yet delivered when the receiving node restarts is delivered after, and the package stored once")
    void pendingReceiptSurvivesRestart() throws IOException {
        SendingNode sender = new SendingNode();
        deployer.deploy(DEPLOYMENT);
        try {
            String to = branch(ARQ, "白河县第三党支部");
            HttpResponse<String> offered = message(ARQ, sender.base, "offer " + sender.transfer, offer(sender.transfer, sender.member,
                    sender.base + "/organizations/o1", to, LocalDate.now().plusDays(30).toString()));
            assertEquals(201, offered.statusCode(), offered.body());
            String incoming = NodeClient.json(offered).getString("receivingTransfer");
            String newMember = acted(incoming, "accept", null).getString("newMember");
            await("a refused receipt", () -> java.util.Optional.of(sender.receipts.size()).filter(n -> n > 0));

            deployer.undeploy(DEPLOYMENT);
            deployer.deploy(DEPLOYMENT);
            sender.up.set(true);

            awaitState(incoming, "Completed");
            HttpResponse<String> moved = NodeClient.get(newMember, Fixtures.JSON_LD, "Lianxin-Purpose", "transfer");
            assertEquals(200, moved.statusCode(), moved.body());
            assertEquals("欧阳娜娜", NodeClient.json(moved).getString("name"));
            assertEquals("广东省广州市天河区体育西路191号", NodeClient.json(moved).getString("address"), "byte for byte");
            assertEquals(to, NodeClient.json(moved).getString("branch"));
            await("received", () -> java.util.Optional.of(sender.received.size()).filter(n -> n > 0));
        } finally {
            deployer.undeploy(DEPLOYMENT);
            sender.server.stop(0);
        }
    }

    private record JsonHolder(jakarta.json.JsonObject json) {}

    /**
     * A sending node the test plays: it refuses receipts (503) until {@link #up}, then answers with
     * the package of its member, and notes the received message.
     */
    private static final class SendingNode {
        final HttpServer server;
        final String base;
        final String transfer;
        final String member;
        final AtomicBoolean up = new AtomicBoolean();
        final List<String> receipts = new CopyOnWriteArrayList<>();
        final List<String> received = new CopyOnWriteArrayList<>();

        SendingNode() throws IOException {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            base = "http://localhost:" + server.getAddress().getPort() + "/nodes/stub";
            transfer = base + "/transfers/t1";
            member = base + "/members/m1";
            server.createContext("/nodes/stub/transfers/messages", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status;
                String answer;
                String type = "application/json";
                if (body.contains("\"received\"")) {
                    received.add(body);
                    status = 200;
                    answer = "{}";
                } else if (!up.get()) {
                    receipts.add(body);
                    status = 503;
                    answer = "{}";
                } else {
                    status = 200;
                    answer = pack();
                    type = "application/n-quads";
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", type);
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
        }

        /** The member record, as a sending node keeps it, and one payment. */
        private String pack() {
            String m = "<" + member + ">";
            String lx = "https://w3id.org/lianxin/ns#";
            String xsd = "http://www.w3.org/2001/XMLSchema#";
            String id = Fixtures.nationalId(LocalDate.of(1980, 5, 17), false);
            String p = "<" + base + "/dues/payments/p1>";
            return String.join("\n",
                    m + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <" + lx + "Member> " + m + " .",
                    m + " <http://schema.org/name> \"欧阳娜娜\" " + m + " .",
                    m + " <http://schema.org/gender> <http://schema.org/Female> " + m + " .",
                    m + " <" + lx + "ethnicity> \"汉族\" " + m + " .",
                    m + " <http://schema.org/birthDate> \"1980-05-17\"^^<" + xsd + "date> " + m + " .",
                    m + " <" + lx + "nationalIdNumber> \"" + id + "\" " + m + " .",
                    m + " <http://schema.org/address> \"广东省广州市天河区体育西路191号\" " + m + " .",
                    m + " <" + lx + "stage> <" + lx + "FullMember> " + m + " .",
                    m + " <" + lx + "branch> <" + base + "/organizations/o1> " + m + " .",
                    m + " <" + lx + "applicationDate> \"2005-03-01\"^^<" + xsd + "date> " + m + " .",
                    m + " <" + lx + "activistDate> \"2005-09-01\"^^<" + xsd + "date> " + m + " .",
                    m + " <" + lx + "candidateDate> \"2006-10-01\"^^<" + xsd + "date> " + m + " .",
                    m + " <" + lx + "admissionDate> \"2007-07-01\"^^<" + xsd + "date> " + m + " .",
                    m + " <" + lx + "fullMembershipDate> \"2008-07-01\"^^<" + xsd + "date> " + m + " .",
                    p + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <" + lx + "DuesPayment> " + p + " .",
                    p + " <" + lx + "payer> " + m + " " + p + " .",
                    p + " <" + lx + "month> \"2026-09\"^^<" + xsd + "gYearMonth> " + p + " .",
                    p + " <" + lx + "amount> \"30.00\"^^<" + xsd + "decimal> " + p + " .",
                    p + " <" + lx + "paymentChannel> <" + lx + "Cash> " + p + " .",
                    p + " <" + lx + "paidAt> \"2026-09-10T09:30:00+08:00\"^^<" + xsd + "dateTime> " + p + " .",
                    p + " <" + lx + "collectedBy> <" + base + "/organizations/o1> " + p + " .") + "\n";
        }
    }
}
