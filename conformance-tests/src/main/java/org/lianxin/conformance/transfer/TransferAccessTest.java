package org.lianxin.conformance.transfer;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.transfer.TransferKit.JSON_LD;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.transfer.TransferKit.bearer;
import static org.lianxin.conformance.Current.sandbox;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** 10.9: who reads and who acts on a transfer, what it never contains, and what the audit log keeps of it. */
class TransferAccessTest extends TransferSupport {

    private static String adminOf(String organization) {
        return Kit.current().tokens().actingFor(organization, "secretary", "organization-admin");
    }

    private static Response get(String url, String token) {
        return Http.get(url, "Accept", JSON_LD, "Authorization", bearer(token));
    }

    private static List<String> listed(String token) {
        return TransferKit.ids(TransferKit.list(base() + "/transfers?limit=100", "Authorization", bearer(token)));
    }

    @Test
    @DisplayName("a transfer is read by those over its local organization and by the member it names; others get 404, and lists carry only what the caller reads")
    @Verifies(id = "LX-TRANSFER-24", level = "MUST", of = "Transfer")
    void whoReads() {
        OtherNode other = other();
        String from = sandbox().newBranch();
        String member = TransferKit.member(from, "任盈盈");
        String another = TransferKit.member(from, "林平之");
        String transfer = requested(member, other.organization());
        String anothers = requested(another, other.organization());
        String to = sandbox().newBranch();
        JsonObject offer = other.offer(to, "欧阳娜娜");
        String incoming = offered(other, offer);

        String self = Kit.current().tokens().member(member);
        String offered = Kit.current().tokens().member(offer.getString("transferredMember"));
        String stranger = adminOf(sandbox().newBranch());
        assertEquals(200, get(transfer, adminOf(from)).status(), "the administrator of fromOrganization, at the sending node");
        assertEquals(200, get(incoming, adminOf(to)).status(), "the administrator of toOrganization, at the receiving node");
        assertEquals(404, get(incoming, adminOf(from)).status(), "the administrator of another branch of the node");
        assertEquals(200, get(transfer, self).status(), "the member the transfer moves");
        assertEquals(200, get(incoming, offered).status(), "the member an incoming transfer moves (transferredMember)");
        assertEquals(404, get(anothers, self).status(), "another member's transfer");
        assertEquals(404, get(incoming, self).status(), "another member's incoming transfer");
        assertEquals(404, get(transfer, stranger).status(), "a secretary of a branch outside");
        assertEquals(404, get(incoming, stranger).status(), "a secretary of a branch outside");

        List<String> ownList = listed(self);
        assertTrue(ownList.contains(transfer), "the member's list holds their transfer: " + ownList);
        assertFalse(ownList.contains(anothers) || ownList.contains(incoming), "the member's list holds others' transfers: " + ownList);
        List<String> strangersList = listed(stranger);
        assertFalse(strangersList.contains(transfer) || strangersList.contains(anothers) || strangersList.contains(incoming),
                "the list of a secretary outside holds the sandbox's transfers: " + strangersList);
        List<String> fromList = listed(adminOf(from));
        assertTrue(fromList.containsAll(List.of(transfer, anothers)) && !fromList.contains(incoming), "the list of fromOrganization: " + fromList);
    }

    /** A transfer the node received from {@code other} and completed: its record, the offer, and newMember. */
    private record Moved(String record, JsonObject offer, String newMember) {}

    private Moved moved(OtherNode other) {
        String to = sandbox().newBranch();
        String from = other.organization();
        String member = other.member();
        JsonObject offer = OtherNode.offer(other.transfer(), member, from, to, "欧阳娜娜", TransferKit.today().plusDays(90));
        String incoming = offered(other, offer);
        other.packageFor(incoming, OtherNode.packageOf(member, TransferKit.memberBody("欧阳娜娜", from),
                other.base() + "/dues/payments/" + Sandbox.uniqueId("p"), from, "2026-05"));
        String newMember = TransferKit.acted(incoming, "accept", null).getString("newMember", "");
        TransferKit.awaitState(incoming, "Completed");
        return new Moved(incoming, offer, newMember);
    }

    @Test
    @DisplayName("once the member has moved, they read the transfer records of both nodes under either IRI, their old and their new one")
    @Verifies(id = "LX-TRANSFER-24", level = "MUST", of = "Transfer")
    void theMovedMemberReads() {
        OtherNode other = other();
        Moved in = moved(other);
        String oldIri = in.offer().getString("transferredMember");
        assertEquals(200, get(in.record(), Kit.current().tokens().member(in.newMember())).status(), "the member under newMember, at the receiving node");
        assertEquals(200, get(in.record(), Kit.current().tokens().member(oldIri)).status(), "the member under transferredMember, at the receiving node");
        assertTrue(listed(Kit.current().tokens().member(in.newMember())).contains(in.record()), "the list of the member under newMember");

        String member = TransferKit.member(sandbox().newBranch(), "欧阳修远");
        String out = requested(member, other.organization());
        TransferKit.acted(out, "approve", null);
        other.await("offer", out);
        String receiving = TransferKit.await("the offer answered", () -> other.receivingRecord(out));
        String newMember = other.member();
        assertEquals(200, other.send(OtherNode.message("receipt", out, "receivingTransfer", receiving, "newMember", newMember)).status());
        other.send(OtherNode.message("received", out, "receivingTransfer", receiving));
        assertEquals(200, get(out, Kit.current().tokens().member(member)).status(), "the member under transferredMember, at the sending node");
        assertEquals(200, get(out, Kit.current().tokens().member(newMember)).status(), "the member under newMember, at the sending node");
    }

    @Test
    @DisplayName("the receiving node's record of a completed transfer, the receipt and the received message hold no ID number, phone, address or birth date, full or masked")
    @Verifies(id = "LX-TRANSFER-27", level = "MUST NOT", of = "Transfer")
    void theMovedMembersValuesStay() {
        OtherNode other = other();
        Moved in = moved(other);
        OtherNode.Message received = other.await("received", in.offer().getString("transfer"));
        List<String> sensitive = TransferKit.sensitiveValues(in.newMember());
        TransferKit.assertFree(TransferKit.read(in.record()).toString(), sensitive, "the receiving node's transfer record");
        TransferKit.assertFree(Http.get(in.record(), "Accept", "text/turtle").expect(200).body(), sensitive, "the record in Turtle");
        TransferKit.assertFree(other.await("receipt", in.offer().getString("transfer")).body().toString(), sensitive, "the receipt");
        TransferKit.assertFree(received.body().toString(), sensitive, "the received message");
    }

    @Test
    @DisplayName("request, approve and cancel by the member, who reads but does not manage fromOrganization, and accept and reject by the incoming member, are 403 and change nothing")
    @Verifies(id = "LX-TRANSFER-25", level = "MUST", of = "Transfer")
    void whoActs() {
        OtherNode other = other();
        String member = TransferKit.member(sandbox().newBranch(), "岳灵珊");
        String self = bearer(Kit.current().tokens().member(member));
        assertEquals(403, TransferKit.request(member, other.organization(), "Authorization", self).status(), "the member requests their own transfer");
        String transfer = requested(member, other.organization());
        JsonObject before = TransferKit.read(transfer);
        assertEquals(200, Http.get(transfer, "Accept", JSON_LD, "Authorization", self).status(), "the member reads their transfer");
        assertEquals(403, TransferKit.act(transfer, "approve", null, "Authorization", self).status(), "the member approves");
        assertEquals(403, TransferKit.act(transfer, "cancel", null, "Authorization", self).status(), "the member cancels");
        assertEquals(before, TransferKit.read(transfer), "the refused actions changed the transfer");

        JsonObject offer = other.offer(sandbox().newBranch(), "欧阳娜娜");
        String incoming = offered(other, offer);
        String offered = bearer(Kit.current().tokens().member(offer.getString("transferredMember")));
        JsonObject offeredBefore = TransferKit.read(incoming);
        assertEquals(200, Http.get(incoming, "Accept", JSON_LD, "Authorization", offered).status(), "the member reads their incoming transfer");
        assertEquals(403, TransferKit.act(incoming, "accept", null, "Authorization", offered).status(), "the member accepts");
        assertEquals(403, TransferKit.act(incoming, "reject", TransferKit.reason("不去了"), "Authorization", offered).status(), "the member rejects");
        assertEquals(offeredBefore, TransferKit.read(incoming), "the refused actions changed the transfer");
    }

    @Test
    @DisplayName("neither the transfer record, in any format or list, nor the offer, nor the answers to messages hold the member's ID number, phone, address or birth date, full or masked")
    @Verifies(id = "LX-TRANSFER-27", level = "MUST NOT", of = "Transfer")
    void noSensitiveValues() {
        OtherNode other = other();
        String member = TransferKit.member(sandbox().newBranch(), "任盈盈");
        List<String> sensitive = TransferKit.sensitiveValues(member);
        String transfer = requested(member, other.organization());
        TransferKit.acted(transfer, "approve", null);
        OtherNode.Message offer = other.await("offer", transfer);
        List<String> texts = List.of(Http.get(transfer, "Accept", JSON_LD).expect(200).body(),
                Http.get(transfer, "Accept", "text/turtle").expect(200).body(),
                Http.get(transfer, "Accept", TransferKit.N_TRIPLES).expect(200).body(), offer.body().toString(),
                TransferKit.list(base() + "/transfers?member=" + Current.enc(member)).toString());
        for (String text : texts) {
            TransferKit.assertFree(text, sensitive, "the transfer record or the offer");
        }
        String receiving = TransferKit.await("the offer answered", () -> other.receivingRecord(transfer));
        Response rejection = other.send(OtherNode.message("rejection", transfer, "receivingTransfer", receiving, "reason", "本支部不具备接收条件"));
        assertEquals(200, rejection.status(), rejection.body());
        TransferKit.assertFree(rejection.body(), sensitive, "the answer to a rejection");
        TransferKit.assertFree(TransferKit.read(transfer).toString(), sensitive, "the rejected transfer record");
    }

    @Test
    @DisplayName("request, approve, cancel, accept, reject and the release of the package are in the audit log under the record's local organization")
    @Verifies(id = "LX-TRANSFER-28", level = "MUST", of = "Transfer")
    void audited() {
        Inapplicable.unless(Kit.current().claims("Security"), "the node does not claim Security: no audit log to read");
        OtherNode other = other();
        String from = sandbox().newBranch();
        String cancelled = requested(TransferKit.member(from, "岳不群"), other.organization());
        TransferKit.acted(cancelled, "approve", null);
        TransferKit.acted(cancelled, "cancel", null);
        assertEquals(409, TransferKit.act(cancelled, "approve", null).status(), "approve of a cancelled transfer");
        String released = requested(TransferKit.member(from, "宁中则"), other.organization());
        TransferKit.acted(released, "approve", null);
        other.await("offer", released);
        String receiving = TransferKit.await("the offer answered", () -> other.receivingRecord(released));
        Response receipt = other.send(OtherNode.message("receipt", released, "receivingTransfer", receiving, "newMember", other.member()));
        assertEquals(200, receipt.status(), receipt.body());
        other.send(OtherNode.message("received", released, "receivingTransfer", receiving));

        String to = sandbox().newBranch();
        String accepted = offered(other, other.offer(to, "欧阳娜娜"));
        TransferKit.acted(accepted, "accept", null);
        String rejected = offered(other, other.offer(to, "欧阳娜娜"));
        TransferKit.acted(rejected, "reject", TransferKit.reason("本支部不具备接收条件"));

        List<JsonObject> atFrom = audit(from);
        assertTrue(actions(atFrom, cancelled).containsAll(List.of("transfer-request 201", "transfer-approve 200", "transfer-cancel 200",
                "transfer-approve 409")), "under fromOrganization, for " + cancelled + ", whatever the outcome: " + actions(atFrom, cancelled));
        assertTrue(actions(atFrom, released).containsAll(List.of("transfer-request 201", "transfer-approve 200", "transfer-release 200")),
                "under fromOrganization, for " + released + ": " + actions(atFrom, released));
        JsonObject release = atFrom.stream().filter(e -> released.equals(e.getString("record", "")) && "transfer-release".equals(e.getString("action", "")))
                .findFirst().orElseThrow();
        assertEquals(other.base(), release.getString("actor", ""), "the release names the receiving node as actor: " + release);
        List<JsonObject> atTo = audit(to);
        assertTrue(actions(atTo, accepted).contains("transfer-accept 200"), "under toOrganization, for " + accepted + ": " + actions(atTo, accepted));
        assertTrue(actions(atTo, rejected).contains("transfer-reject 200"), "under toOrganization, for " + rejected + ": " + actions(atTo, rejected));
    }

    private static List<JsonObject> audit(String organization) {
        Response page = Http.get(base() + "/audit?limit=1000&organization=" + Current.enc(organization), "Accept", "application/json");
        assertEquals(200, page.status(), page.body());
        return page.json().getJsonArray("items").stream().map(v -> v.asJsonObject()).toList();
    }

    private static List<String> actions(List<JsonObject> entries, String record) {
        return entries.stream().filter(e -> record.equals(e.getString("record", ""))).map(e -> e.getString("action", "") + " " + e.get("outcome"))
                .toList();
    }
}
