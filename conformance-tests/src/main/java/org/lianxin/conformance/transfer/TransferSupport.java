package org.lianxin.conformance.transfer;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.federation.StubNode;

/**
 * The life cycle of the tests that play the other node of a transfer: the Transfer tests, and those
 * of the classes whose records a transfer moves (Learning, 16.9). The node under test is the only
 * real node: the kit plays the other node of each transfer with an {@link OtherNode} on the kit's
 * host, reachable as the probes of the Federation tests are ({@code --probe-host}, {@code --probe-port}). After each test, the
 * transfers it left open are closed as the spec lets each side close them — the kit's administrator
 * cancels those the node sends, the other node withdraws those it receives — so that the sandbox's
 * members can be deleted; the kit then lets the node deliver what that calls for before it closes
 * the other node, so that the node is not left retrying a message to nowhere. Transfer records
 * themselves cannot be deleted: they stay, closed, under the sandbox's organizations.
 */
public abstract class TransferSupport {

    private static final AtomicInteger PORTS = new AtomicInteger();

    /** A transfer the node received from {@code other}, whose record there is {@code sendingTransfer}. */
    private record Received(String record, OtherNode other, String sendingTransfer) {}

    private final List<OtherNode> others = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private final List<Received> received = new ArrayList<>();

    /** A new other node on the kit's host; closed after the test. */
    protected OtherNode other() {
        String host = Kit.current().config().probeHost();
        String bind = host.equals("localhost") || host.startsWith("127.") ? "127.0.0.1" : "0.0.0.0";
        int first = Kit.current().config().probePort();
        OtherNode other = new OtherNode(new StubNode(bind, host, first == 0 ? 0 : first + PORTS.getAndIncrement() % 32));
        others.add(other);
        return other;
    }

    /** A new transfer the kit's administrator requested (201); its IRI, closed after the test if still open. */
    protected String requested(String member, String to) {
        Response created = TransferKit.request(member, to);
        assertEquals(201, created.status(), () -> "POST /transfers of a valid transfer: " + created.body());
        String transfer = created.header("Location").orElseThrow(() -> new AssertionError("a 201 without Location"));
        sent.add(transfer);
        return transfer;
    }

    /** Remembers a transfer the node sends, created otherwise than by {@link #requested}. */
    String sending(String transfer) {
        sent.add(transfer);
        return transfer;
    }

    /** The node's record of the transfer {@code other} offered (201); its IRI, closed after the test if still open. */
    protected String offered(OtherNode other, JsonObject offer) {
        Response answer = other.send(offer);
        assertEquals(201, answer.status(), () -> "an offer for an organization of the node: " + answer.body());
        String record = answer.json().getString("receivingTransfer", "");
        received.add(new Received(record, other, offer.getString("transfer")));
        return record;
    }

    @AfterEach
    protected void closeTransfers() {
        try {
            for (String transfer : sent) {
                quietly(() -> {
                    if (List.of("Requested", "Approved").contains(TransferKit.state(TransferKit.read(transfer)))) {
                        TransferKit.act(transfer, "cancel", TransferKit.reason("符合性测试结束"));
                    }
                });
            }
            for (Received r : received) {
                quietly(() -> {
                    if (List.of("Approved", "Accepted").contains(TransferKit.state(TransferKit.read(r.record())))) {
                        r.other().send(OtherNode.message("withdrawal", r.sendingTransfer(), "reason", "符合性测试结束"));
                    }
                });
            }
            // What the closed states call for reaches the other node before it goes away.
            for (String transfer : sent) {
                quietly(() -> {
                    JsonObject record = TransferKit.read(transfer);
                    String to = record.getString("toOrganization", "");
                    if (TransferKit.state(record).equals("Cancelled") && record.containsKey("receivingTransfer")) {
                        others.stream().filter(o -> to.startsWith(o.base() + "/")).forEach(o ->
                                TransferKit.poll(() -> o.messages("withdrawal", transfer).stream().findFirst(), 10_000));
                    }
                });
            }
            for (Received r : received) {
                quietly(() -> {
                    JsonObject record = TransferKit.read(r.record());
                    if (record.containsKey("newMember")) {
                        Current.sandbox().track(record.getString("newMember")); // deleted before its branch
                    }
                    String due = switch (TransferKit.state(record)) {
                        case "Rejected" -> "rejection";
                        case "Completed" -> "received";
                        default -> null;
                    };
                    if (due != null) {
                        TransferKit.poll(() -> r.other().messages(due, r.sendingTransfer()).stream().findFirst(), 10_000);
                    }
                });
            }
        } finally {
            others.forEach(OtherNode::close);
            others.clear();
            sent.clear();
            received.clear();
        }
    }

    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | AssertionError e) {
            // best effort: the test's own outcome stands, and its exchanges are in the report
        }
    }
}
