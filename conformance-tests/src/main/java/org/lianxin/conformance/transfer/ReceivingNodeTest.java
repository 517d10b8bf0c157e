package org.lianxin.conformance.transfer;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.transfer.TransferKit.JSON_LD;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.sandbox;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * 10.5–10.8 with the node as the receiving node: the kit plays the sending node. It offers a
 * member of its own to an organization of the sandbox, answers the node's receipt with a package
 * it builds (a member record with Chinese values and one dues payment), sends withdrawals, and
 * sees the rejection and the received message.
 */
class ReceivingNodeTest extends TransferSupport {

    @Test
    @DisplayName("an offer is answered 201 with receivingTransfer, a record Approved with the offer's letter, member summary, organizations and sendingTransfer; sent again it is 200 with the same IRI and one record")
    @Verifies(id = "LX-TRANSFER-9", level = "MUST", of = "Transfer")
    @Verifies(id = "LX-TRANSFER-10", level = "MUST", of = "Transfer")
    void offer() {
        OtherNode other = other();
        String to = sandbox().newBranch();
        JsonObject offer = other.offer(to, "欧阳娜娜");
        String record = offered(other, offer);
        assertTrue(record.startsWith(base() + "/transfers/"), "a transfer IRI of the node: " + record);
        JsonObject stored = TransferKit.read(record);
        assertEquals("Approved", TransferKit.state(stored), stored.toString());
        assertEquals(offer.getString("transfer"), stored.getString("sendingTransfer", ""));
        for (String key : List.of("transferredMember", "fromOrganization", "toOrganization", "name", "gender", "stage", "letterNumber",
                "letterIssued", "letterValidUntil", "duesPaidThrough", "reason")) {
            assertEquals(offer.getString(key), stored.getString(key, ""), key + " as offered, byte for byte: " + stored);
        }

        Response again = other.send(offer);
        assertEquals(200, again.status(), "LX-TRANSFER-10: the offer sent again: " + again.body());
        assertEquals(record, again.json().getString("receivingTransfer", ""), "LX-TRANSFER-10: the same receivingTransfer");
        assertEquals(List.of(record), TransferKit.ids(TransferKit.list(base() + "/transfers?member=" + Current.enc(offer.getString("transferredMember")))),
                "LX-TRANSFER-10: one record for the offer sent twice");
        assertEquals(stored, TransferKit.read(record), "LX-TRANSFER-10: the offer sent again changed the record");
    }

    @Test
    @DisplayName("an offer to an organization the node does not hold — none, a deleted one, one of another node — is 422 transfer-destination and creates nothing")
    @Verifies(id = "LX-TRANSFER-11", level = "MUST", of = "Transfer")
    void offerElsewhere() {
        OtherNode other = other();
        String deleted = sandbox().newOrganization("连心县已撤销党支部", "Branch");
        Http.delete(deleted).expect(204);
        for (String to : List.of(base() + "/organizations/" + Sandbox.uniqueId("never"), deleted, other.organization())) {
            JsonObject offer = other.offer(to, "欧阳娜娜");
            TransferKit.assertRule(other.send(offer), 422, "transfer-destination", "an offer to " + to);
            assertEquals(List.of(), TransferKit.list(base() + "/transfers?member=" + Current.enc(offer.getString("transferredMember"))),
                    "no record for a refused offer");
        }
    }

    @Test
    @DisplayName("accept gives 200, Accepted, decidedAt and a fresh newMember; the receipt is delivered, retried; on the package the member is created at newMember with its values and the payment, the record Completed, and the received message sent")
    @Verifies(id = "LX-TRANSFER-15", level = "MUST", of = "Transfer")
    @Verifies(id = "LX-TRANSFER-20", level = "MUST", of = "Transfer")
    @Verifies(id = "LX-TRANSFER-21", level = "MUST", of = "Transfer")
    void accept() {
        OtherNode other = other();
        String to = sandbox().newBranch();
        String from = other.organization();
        String member = other.member();
        JsonObject offer = OtherNode.offer(other.transfer(), member, from, to, "欧阳娜娜", TransferKit.today().plusDays(90));
        String record = offered(other, offer);
        String memberBody = TransferKit.memberBody("欧阳娜娜", from);
        String payment = other.base() + "/dues/payments/" + Sandbox.uniqueId("p");
        other.packageFor(record, OtherNode.packageOf(member, memberBody, payment, from, "2026-05"));
        for (int i = 0; i < 2; i++) { // the receipt is refused twice: the kit looks at the node meanwhile
            other.next("receipt", m -> OtherNode.problem(503, "unavailable", null, "the sending node is being restarted"));
        }

        JsonObject accepted = TransferKit.acted(record, "accept", null);
        assertEquals("Accepted", TransferKit.state(accepted), accepted.toString());
        OffsetDateTime.parse(accepted.getString("decidedAt", ""));
        String newMember = accepted.getString("newMember", "");
        assertTrue(newMember.startsWith(base() + "/members/"), "newMember, a member IRI of the node: " + accepted);
        OtherNode.Message receipt = other.await("receipt", offer.getString("transfer"));
        assertEquals(404, Http.get(newMember, "Accept", JSON_LD).status(),
                "LX-TRANSFER-15, LX-TRANSFER-21: newMember is fresh, and no live member until the package arrives");
        assertEquals(record, receipt.body().getString("receivingTransfer", ""));
        assertEquals(newMember, receipt.body().getString("newMember", ""));
        TransferKit.assertSentAs(receipt, base(), other.base());

        JsonObject completed = TransferKit.awaitState(record, "Completed"); // the receipt tried again, answered with the package
        OffsetDateTime.parse(completed.getString("completedAt", ""));
        JsonObject sent = Json.createReader(new StringReader(memberBody)).readObject();
        JsonObject moved = TransferKit.fullRead(newMember);
        for (String key : List.of("name", "gender", "ethnicity", "birthDate", "nationalId", "address", "telephone", "stage", "applicationDate",
                "activistDate", "candidateDate", "admissionDate", "fullMembershipDate", "duesCategory", "duesBase")) {
            assertEquals(sent.get(key), moved.get(key), "LX-TRANSFER-20: " + key + " as in the package, byte for byte: " + moved);
        }
        assertEquals(to, moved.getString("branch", ""), "LX-TRANSFER-20: the branch is toOrganization");
        assertTrue(moved.get("memberships").toString().contains(from) && moved.get("memberships").toString().contains("CommitteeMember"),
                "LX-TRANSFER-20: the post held at the sending node stays, as history: " + moved);
        if (Kit.current().claims("Dues")) { // read by the member: the payment stays collected by the sending organization (10.6)
            String self = TransferKit.bearer(Kit.current().tokens().member(newMember));
            List<JsonObject> payments = TransferKit.list(base() + "/dues/payments?member=" + Current.enc(newMember), "Authorization", self);
            assertEquals(1, payments.size(), "LX-TRANSFER-20: the package's payment, a payment of newMember: " + payments);
            JsonObject paid = payments.get(0);
            assertEquals(List.of(newMember, "2026-05", "30.00", from),
                    List.of(paid.getString("payer", ""), paid.getString("month", ""), paid.getString("amount", ""), paid.getString("collectedBy", "")),
                    "LX-TRANSFER-20: payer renamed, the rest as paid: " + paid);
        }
        OtherNode.Message received = other.await("received", offer.getString("transfer"));
        assertEquals(record, received.body().getString("receivingTransfer", ""));
        TransferKit.assertSentAs(received, base(), other.base());
    }

    @Test
    @DisplayName("while the transfer is Accepted and the package not stored, a PUT of a member record to newMember is 409 transfer-open, and no member is there")
    @Verifies(id = "LX-TRANSFER-21", level = "MUST", of = "Transfer")
    void newMemberStaysFree() {
        OtherNode other = other();
        String to = sandbox().newBranch();
        String record = offered(other, other.offer(to, "欧阳娜娜"));
        for (int i = 0; i < 3; i++) { // the receipt is refused for a while: the package does not come
            other.next("receipt", m -> OtherNode.problem(503, "unavailable", null, "the sending node is being restarted"));
        }
        String newMember = TransferKit.acted(record, "accept", null).getString("newMember", "");
        Response put = Http.put(newMember, JSON_LD, Sandbox.withId(TransferKit.memberBody("欧阳娜娜", to), newMember));
        TransferKit.assertRule(put, 409, "transfer-open", "a PUT to newMember before the package is stored");
        assertEquals(404, Http.get(newMember, "Accept", JSON_LD).status(), "no member at newMember before the package");
        assertEquals("Accepted", TransferKit.state(TransferKit.read(record)));
    }

    @Test
    @DisplayName("accept after letterValidUntil is 422 letter-expired and changes nothing; on letterValidUntil itself it is accepted")
    @Verifies(id = "LX-TRANSFER-16", level = "MUST", of = "Transfer")
    void expiredLetter() {
        OtherNode other = other();
        String to = sandbox().newBranch();
        String expired = offered(other, OtherNode.offer(other.transfer(), other.member(), other.organization(), to, "欧阳娜娜",
                TransferKit.today().minusDays(1)));
        JsonObject before = TransferKit.read(expired);
        TransferKit.assertRule(TransferKit.act(expired, "accept", null), 422, "letter-expired", "accept of a letter valid until yesterday");
        assertEquals(before, TransferKit.read(expired), "the refused accept changed the record");
        String lastDay = offered(other, OtherNode.offer(other.transfer(), other.member(), other.organization(), to, "欧阳娜娜", TransferKit.today()));
        assertEquals("Accepted", TransferKit.state(TransferKit.acted(lastDay, "accept", null)), "a letter is valid on letterValidUntil");
    }

    @Test
    @DisplayName("a receipt the sending node answers 409 makes the receiving node record Cancelled, with no member at newMember")
    @Verifies(id = "LX-TRANSFER-19", level = "MUST", of = "Transfer")
    void receiptRefused() {
        OtherNode other = other(); // it has no package for the transfer: it answers the receipt 409 transfer-state
        String record = offered(other, other.offer(sandbox().newBranch(), "欧阳娜娜"));
        String newMember = TransferKit.acted(record, "accept", null).getString("newMember", "");
        TransferKit.awaitState(record, "Cancelled");
        assertEquals(404, Http.get(newMember, "Accept", JSON_LD).status(), "no member at newMember");
    }

    @Test
    @DisplayName("reject without a reason is 422 rejection-reason; with one 200, Rejected with rejectionReason and decidedAt, and the rejection is delivered with the reason byte for byte")
    @Verifies(id = "LX-TRANSFER-22", level = "MUST", of = "Transfer")
    void reject() {
        OtherNode other = other();
        JsonObject offer = other.offer(sandbox().newBranch(), "欧阳娜娜");
        String record = offered(other, offer);
        TransferKit.assertRule(TransferKit.act(record, "reject", null), 422, "rejection-reason", "reject without a body");
        TransferKit.assertRule(TransferKit.act(record, "reject", TransferKit.reason("")), 422, "rejection-reason", "reject with an empty reason");
        assertEquals("Approved", TransferKit.state(TransferKit.read(record)));
        JsonObject rejected = TransferKit.acted(record, "reject", TransferKit.reason("本支部不具备接收条件"));
        assertEquals("Rejected", TransferKit.state(rejected), rejected.toString());
        assertEquals("本支部不具备接收条件", rejected.getString("rejectionReason", ""));
        OffsetDateTime.parse(rejected.getString("decidedAt", ""));
        OtherNode.Message rejection = other.await("rejection", offer.getString("transfer"));
        assertEquals(record, rejection.body().getString("receivingTransfer", ""));
        assertEquals("本支部不具备接收条件", rejection.body().getString("reason", ""), "the reason, byte for byte");
        TransferKit.assertSentAs(rejection, base(), other.base());
    }

    @Test
    @DisplayName("a withdrawal makes the receiving node record Cancelled (200), and a later accept is 409 transfer-state")
    @Verifies(id = "LX-TRANSFER-23", level = "MUST", of = "Transfer")
    void withdrawn() {
        OtherNode other = other();
        JsonObject offer = other.offer(sandbox().newBranch(), "欧阳娜娜");
        String record = offered(other, offer);
        Response answer = other.send(OtherNode.message("withdrawal", offer.getString("transfer"), "reason", "本人撤回申请"));
        assertEquals(200, answer.status(), answer.body());
        assertEquals("Cancelled", answer.json().getString("transferState", ""), answer.body());
        assertEquals("Cancelled", TransferKit.state(TransferKit.read(record)));
        TransferKit.assertRule(TransferKit.act(record, "accept", null), 409, "transfer-state", "accept after the withdrawal");
        assertEquals("Cancelled", TransferKit.state(TransferKit.read(record)));
    }
}
