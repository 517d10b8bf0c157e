package org.lianxin.conformance.transfer;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.transfer.TransferKit.JSON_LD;
import static org.lianxin.conformance.Current.sandbox;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.federation.StubNode.Reply;
import org.lianxin.spec.LX;

/**
 * 10.5–10.8 with the node as the sending node: the kit plays the receiving node. It answers the
 * node's offer (after a refusal, to see the retry), sends the receipt and reads the package, sends
 * a rejection, and sees the withdrawal.
 */
class SendingNodeTest extends TransferSupport {

    /** A member of a new branch of the sandbox with the values a transfer moves, and their transfer to {@code other}, approved. */
    private record Approved(String branch, String member, String transfer, JsonObject record) {}

    private Approved approved(OtherNode other, String name) {
        String branch = sandbox().newBranch();
        String member = TransferKit.member(branch, name);
        String transfer = requested(member, other.organization());
        return new Approved(branch, member, transfer, TransferKit.acted(transfer, "approve", null));
    }

    /** The other node's record of {@code transfer}, once the node's offer reached it. */
    private static String receivingRecord(OtherNode other, String transfer) {
        other.await("offer", transfer);
        return TransferKit.await("the offer of " + transfer + " answered", () -> other.receivingRecord(transfer));
    }

    private static JsonObject receipt(String transfer, String receiving, String newMember) {
        return OtherNode.message("receipt", transfer, "receivingTransfer", receiving, "newMember", newMember);
    }

    @Test
    @DisplayName("after approval the node delivers the offer of Table 10.8 to the receiving node as a node; not answered (503, 401, a 404 page without problem report) it repeats it until answered, then stops (across restarts: the node's own tests)")
    @Verifies(id = "LX-TRANSFER-8", level = "MUST", of = "Transfer")
    void offerDelivered() throws InterruptedException {
        OtherNode other = other();
        other.next("offer", m -> OtherNode.problem(503, "unavailable", null, "the receiving node is being restarted"))
                .next("offer", m -> OtherNode.problem(401, "unauthorized", null, "invalid token"))
                .next("offer", m -> new Reply(404, "text/html", "<html><body>Context Root Not Found</body></html>"));
        Approved a = approved(other, "欧阳修远");
        List<OtherNode.Message> offers = TransferKit.await("the offer repeated after a 503, a 401 and a 404 page",
                () -> Optional.of(other.messages("offer", a.transfer())).filter(m -> m.size() >= 4));
        Thread.sleep(2_500);
        assertEquals(4, other.messages("offer", a.transfer()).size(), "offers after the one answered 201: the node stops once answered");
        assertEquals("Approved", TransferKit.state(TransferKit.read(a.transfer())), "a 404 without problem report is no refusal");
        for (OtherNode.Message m : offers) {
            assertEquals(offers.get(0).body(), m.body(), "the same offer each time");
        }
        OtherNode.Message offer = offers.get(3);
        JsonObject body = offer.body();
        JsonObject record = a.record();
        assertEquals("offer", body.getString("type", ""));
        assertEquals(a.transfer(), body.getString("transfer", ""));
        assertEquals(a.member(), body.getString("transferredMember", ""));
        assertEquals(a.branch(), body.getString("fromOrganization", ""));
        assertEquals(record.getString("toOrganization"), body.getString("toOrganization", ""));
        assertEquals("欧阳修远", body.getString("name", ""), "the name, byte for byte");
        assertEquals("Female", body.getString("gender", ""));
        assertEquals("FullMember", body.getString("stage", ""));
        for (String letter : List.of("letterNumber", "letterIssued", "letterValidUntil")) {
            assertEquals(record.getString(letter), body.getString(letter, ""), letter + " of the letter, as approved");
        }
        TransferKit.assertSentAs(offer, Current.base(), other.base());
    }

    @Test
    @DisplayName("not answered, the offer is repeated after about 1 s, then after twice as long")
    @Verifies(id = "LX-TRANSFER-29", level = "SHOULD", of = "Transfer")
    void backoff() {
        OtherNode other = other();
        for (int i = 0; i < 2; i++) {
            other.next("offer", m -> OtherNode.problem(503, "unavailable", null, "the receiving node is being restarted"));
        }
        Approved a = approved(other, "欧阳修远");
        List<Long> times = TransferKit.await("three attempts of the offer",
                () -> Optional.of(other.arrivals("offer", a.transfer())).filter(t -> t.size() >= 3));
        long first = times.get(1) - times.get(0);
        long second = times.get(2) - times.get(1);
        assertTrue(first >= 800 && first <= 3_000, "the wait before the second attempt, about 1 s: " + first + " ms");
        assertTrue(second >= 1_600 && second <= 6_000, "the wait before the third attempt, about twice the first: " + second + " ms");
    }

    @Test
    @DisplayName("a receipt for an Approved transfer is answered 200 with the package; the member is then a tombstone replacedBy newMember, the transfer Completed; until then the member stayed live")
    @Verifies(id = "LX-TRANSFER-17", level = "MUST", of = "Transfer")
    @Verifies(id = "LX-TRANSFER-21", level = "MUST", of = "Transfer")
    @Verifies(id = "LX-TRANSFER-18", level = "MUST", of = "Transfer")
    @Verifies(id = "LX-TRANSFER-10", level = "MUST", of = "Transfer")
    void receipt() {
        OtherNode other = other();
        String branch = sandbox().newBranch();
        String member = TransferKit.member(branch, "欧阳修远");
        Optional<String> payment = TransferKit.pay(member, "2026-04");
        Graph stored = TransferKit.fullGraph(member);
        String transfer = requested(member, other.organization());
        TransferKit.acted(transfer, "approve", null);
        String receiving = receivingRecord(other, transfer);
        assertEquals(200, Http.get(member, "Accept", JSON_LD).status(), "LX-TRANSFER-21: approved and offered, the member is still here");

        String newMember = other.member();
        Response answer = other.send(receipt(transfer, receiving, newMember));
        assertEquals(200, answer.status(), answer.body());
        assertEquals(TransferKit.N_QUADS, answer.mediaType(), "LX-TRANSFER-18: the package is N-Quads");
        DatasetGraph pack = TransferKit.nquads(answer.body());
        Node memberGraph = NodeFactory.createURI(member);
        Set<String> graphs = new HashSet<>();
        pack.listGraphNodes().forEachRemaining(g -> graphs.add(g.toString()));
        Set<String> expected = new HashSet<>(Set.of(member));
        payment.ifPresent(expected::add);
        assertEquals(expected, graphs, "LX-TRANSFER-18: one named graph per record, the member's and each of their payments");
        assertTrue(pack.getDefaultGraph().isEmpty(), "LX-TRANSFER-18: every triple is in the graph of its record");
        assertTrue(IsoMatcher.isomorphic(stored, pack.getGraph(memberGraph)),
                "LX-TRANSFER-18: the member record as stored, with all its values (ID number, address, posts, dues category ...)");
        assertTrue(pack.getGraph(memberGraph).find(memberGraph, Node.ANY, Node.ANY).toList().stream()
                .anyMatch(t -> t.getObject().isLiteral() && t.getObject().getLiteralLexicalForm().equals("欧阳修远")), "the name, byte for byte");
        payment.ifPresent(p -> {
            Node g = NodeFactory.createURI(p);
            assertTrue(pack.contains(g, g, RDF.type.asNode(), LX.DuesPayment.asNode()), "the payment's graph holds the payment");
            assertTrue(pack.contains(g, g, LX.payer.asNode(), memberGraph), "paid by the member");
        });

        Response tombstone = Http.get(member, "Accept", JSON_LD);
        assertEquals(410, tombstone.status(), "LX-TRANSFER-17: the member record is a tombstone: " + tombstone.body());
        assertEquals(newMember, tombstone.json().getString("replacedBy", ""), tombstone.body());
        JsonObject completed = TransferKit.read(transfer);
        assertEquals("Completed", TransferKit.state(completed), completed.toString());
        OffsetDateTime.parse(completed.getString("completedAt", ""));
        assertEquals(newMember, completed.getString("newMember", ""));
        assertEquals(receiving, completed.getString("receivingTransfer", ""));

        Response again = other.send(receipt(transfer, receiving, newMember));
        assertEquals(200, again.status(), "LX-TRANSFER-10: the receipt sent again: " + again.body());
        assertEquals(TransferKit.N_QUADS, again.mediaType());
        assertTrue(IsoMatcher.isomorphic(pack, TransferKit.nquads(again.body())), "LX-TRANSFER-10: the same package");
        assertEquals(completed, TransferKit.read(transfer), "LX-TRANSFER-10: the receipt sent again changed the transfer");
        other.send(OtherNode.message("received", transfer, "receivingTransfer", receiving)); // the package is stored: the node drops its copy
    }

    @Test
    @DisplayName("a transfer between two branches of the node: it sends the messages to itself, and the member moves with their values to a new record in the other branch")
    @Verifies(id = "LX-TRANSFER-8", level = "MUST", of = "Transfer")
    @Verifies(id = "LX-TRANSFER-20", level = "MUST", of = "Transfer")
    void withinTheNode() {
        String from = sandbox().newBranch();
        String to = sandbox().newBranch();
        String member = TransferKit.member(from, "欧阳修远");
        JsonObject before = TransferKit.fullRead(member);
        String transfer = requested(member, to);
        TransferKit.acted(transfer, "approve", null);
        String incoming = TransferKit.await("the node's own record of its offer", () -> TransferKit.ids(TransferKit.list(
                Current.base() + "/transfers?member=" + Current.enc(member))).stream().filter(t -> !t.equals(transfer)).findFirst());
        JsonObject offered = TransferKit.read(incoming);
        assertEquals(List.of("Approved", transfer, to), List.of(TransferKit.state(offered), offered.getString("sendingTransfer", ""),
                offered.getString("toOrganization", "")), offered.toString());
        String newMember = TransferKit.acted(incoming, "accept", null).getString("newMember", "");
        sandbox().track(newMember);
        assertEquals(newMember, TransferKit.awaitState(transfer, "Completed").getString("newMember", ""));
        TransferKit.awaitState(incoming, "Completed");
        Response tombstone = Http.get(member, "Accept", JSON_LD);
        assertEquals(410, tombstone.status(), tombstone.body());
        assertEquals(newMember, tombstone.json().getString("replacedBy", ""));
        JsonObject moved = TransferKit.fullRead(newMember);
        for (String key : List.of("name", "gender", "ethnicity", "birthDate", "nationalId", "address", "telephone", "stage", "fullMembershipDate",
                "duesCategory", "duesBase")) {
            assertEquals(before.get(key), moved.get(key), key + " moves unchanged, byte for byte: " + moved);
        }
        assertEquals(to, moved.getString("branch", ""), "in the receiving branch");
    }

    @Test
    @DisplayName("an offer answered 422 or 404 makes the sending node record the transfer Rejected with a rejectionReason; the member stays")
    @Verifies(id = "LX-TRANSFER-12", level = "MUST", of = "Transfer")
    void refusedOffer() {
        for (int status : List.of(422, 404)) {
            OtherNode other = other();
            other.next("offer", m -> status == 422
                    ? OtherNode.problem(422, "validation", "transfer-destination", "toOrganization is not an organization of this node.")
                    : OtherNode.problem(404, "not-found", null, "No such organization."));
            Approved a = approved(other, "独孤求败");
            JsonObject rejected = TransferKit.awaitState(a.transfer(), "Rejected");
            assertFalse(rejected.getString("rejectionReason", "").isBlank(), "a rejectionReason after the offer was answered " + status + ": " + rejected);
            assertEquals(1, other.messages("offer", a.transfer()).size(), "an offer refused for good is not sent again");
            assertEquals(200, Http.get(a.member(), "Accept", JSON_LD).status(), "the member stays at the sending node");
        }
    }

    @Test
    @DisplayName("a rejection message makes the sending node record Rejected with the reason, byte for byte; the member stays live; sent again it gets the same answer; a receipt afterwards is 409")
    @Verifies(id = "LX-TRANSFER-22", level = "MUST", of = "Transfer")
    @Verifies(id = "LX-TRANSFER-10", level = "MUST", of = "Transfer")
    @Verifies(id = "LX-TRANSFER-19", level = "MUST", of = "Transfer")
    void rejection() {
        OtherNode other = other();
        Approved a = approved(other, "岳不群");
        String receiving = receivingRecord(other, a.transfer());
        JsonObject rejection = OtherNode.message("rejection", a.transfer(), "receivingTransfer", receiving, "reason", "本支部不具备接收条件");
        Response answer = other.send(rejection);
        assertEquals(200, answer.status(), answer.body());
        assertEquals(Json.createObjectBuilder().add("transferState", "Rejected").build(), answer.json());
        JsonObject rejected = TransferKit.read(a.transfer());
        assertEquals("Rejected", TransferKit.state(rejected), rejected.toString());
        assertEquals("本支部不具备接收条件", rejected.getString("rejectionReason", ""), "the reason, byte for byte");
        assertEquals(200, Http.get(a.member(), "Accept", JSON_LD).status(), "the member stays live at the sending node");

        Response again = other.send(rejection);
        assertEquals(200, again.status(), "LX-TRANSFER-10: " + again.body());
        assertEquals(answer.json(), again.json(), "LX-TRANSFER-10: the same answer");
        assertEquals(rejected, TransferKit.read(a.transfer()), "LX-TRANSFER-10: the rejection sent again changed the transfer");

        Response late = other.send(receipt(a.transfer(), receiving, other.member()));
        TransferKit.assertRule(late, 409, "transfer-state", "LX-TRANSFER-19: a receipt for a Rejected transfer");
        assertEquals(200, Http.get(a.member(), "Accept", JSON_LD).status(), "LX-TRANSFER-19: the member stays live");
    }

    @Test
    @DisplayName("cancel of a Requested or Approved transfer is 200 Cancelled; once the offer was delivered the node delivers the withdrawal; a receipt afterwards is 409 and the member stays")
    @Verifies(id = "LX-TRANSFER-23", level = "MUST", of = "Transfer")
    @Verifies(id = "LX-TRANSFER-19", level = "MUST", of = "Transfer")
    void withdrawal() {
        OtherNode other = other();
        String branch = sandbox().newBranch();
        String requested = requested(TransferKit.member(branch, "慕容复"), other.organization());
        JsonObject cancelled = TransferKit.acted(requested, "cancel", null);
        assertEquals("Cancelled", TransferKit.state(cancelled), cancelled.toString());
        assertEquals("Cancelled", TransferKit.state(TransferKit.read(requested)));

        Approved a = approved(other, "王语嫣");
        String receiving = receivingRecord(other, a.transfer());
        TransferKit.poll(() -> Optional.ofNullable(TransferKit.read(a.transfer()).getString("receivingTransfer", null)), 3_000);
        JsonObject withdrawn = TransferKit.acted(a.transfer(), "cancel", TransferKit.reason("本人撤回申请"));
        assertEquals("Cancelled", TransferKit.state(withdrawn), withdrawn.toString());
        OtherNode.Message message = other.await("withdrawal", a.transfer());
        TransferKit.assertSentAs(message, Current.base(), other.base());
        if (message.body().containsKey("reason")) {
            assertEquals("本人撤回申请", message.body().getString("reason", ""), "the reason, byte for byte");
        }
        assertTrue(other.messages("offer", requested).isEmpty() && other.messages("withdrawal", requested).isEmpty(),
                "nothing is sent for a transfer cancelled before approval");

        Response late = other.send(receipt(a.transfer(), receiving, other.member()));
        TransferKit.assertRule(late, 409, "transfer-state", "LX-TRANSFER-19: a receipt for a Cancelled transfer");
        assertEquals(200, Http.get(a.member(), "Accept", JSON_LD).status(), "the member stays live at the sending node");
        assertEquals("Cancelled", TransferKit.state(TransferKit.read(a.transfer())));
    }
}
