package org.lianxin.conformance.transfer;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lianxin.conformance.transfer.TransferKit.JSON_LD;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.transfer.TransferKit.bearer;
import static org.lianxin.conformance.Current.sandbox;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** 10.5: who may send a message, and what a message must be; the node changes nothing for a message it refuses. */
class MessagesTest extends TransferSupport {

    private static void refused(Response answer, int status, String what) {
        assertEquals(status, answer.status(), () -> what + ": status " + answer.status() + " where " + status + " was required: " + answer.body());
    }

    private static List<JsonObject> recordsOf(JsonObject offer) {
        return TransferKit.list(base() + "/transfers?member=" + Current.enc(offer.getString("transferredMember")));
    }

    @Test
    @DisplayName("an offer or a withdrawal is 403 with a user's token, a token without the role node, or a node token whose sub is not the base of the transfer's node")
    @Verifies(id = "LX-TRANSFER-13", level = "MUST", of = "Transfer")
    void onlyTheSendingNodeOffers() {
        OtherNode other = other();
        OtherNode impostor = other();
        JsonObject offer = other.offer(sandbox().newBranch(), "欧阳娜娜");
        String key = "offer " + offer.getString("transfer");
        String notANode = Kit.current().tokens().mint(Json.createObjectBuilder().add("sub", other.base())
                .add("groups", Json.createArrayBuilder().add("node-operator")).build());
        refused(OtherNode.send(offer, key, bearer(Kit.current().tokens().admin())), 403, "the kit's administrator");
        refused(OtherNode.send(offer, key, bearer(notANode)), 403, "sub the sending node, the role node-operator but not node");
        refused(OtherNode.send(offer, key, bearer(impostor.token())), 403, "a node token of another node");
        assertEquals(List.of(), recordsOf(offer), "a refused offer creates nothing");

        String record = offered(other, offer); // the control
        JsonObject withdrawal = OtherNode.message("withdrawal", offer.getString("transfer"));
        refused(OtherNode.send(withdrawal, "withdrawal " + offer.getString("transfer"), bearer(impostor.token())), 403,
                "a withdrawal from another node");
        refused(OtherNode.send(withdrawal, "withdrawal " + offer.getString("transfer"), bearer(Kit.current().tokens().admin())), 403,
                "a withdrawal with a user's token");
        assertEquals("Approved", TransferKit.state(TransferKit.read(record)), "the refused withdrawals changed nothing");
    }

    @Test
    @DisplayName("a receipt or a rejection is 403 from a node other than the one of the transfer's toOrganization, or with a user's token")
    @Verifies(id = "LX-TRANSFER-13", level = "MUST", of = "Transfer")
    void onlyTheReceivingNodeAnswers() {
        OtherNode other = other();
        OtherNode impostor = other();
        String member = TransferKit.member(sandbox().newBranch(), "东方不败");
        String transfer = requested(member, other.organization());
        TransferKit.acted(transfer, "approve", null);
        other.await("offer", transfer);
        String receiving = TransferKit.await("the offer answered", () -> other.receivingRecord(transfer));

        JsonObject ownRecord = OtherNode.message("receipt", transfer, "receivingTransfer", impostor.transfer(), "newMember", impostor.member());
        refused(impostor.send(ownRecord), 403, "a receipt from a node the transfer is not to");
        JsonObject othersRecord = OtherNode.message("receipt", transfer, "receivingTransfer", receiving, "newMember", other.member());
        refused(OtherNode.send(othersRecord, "receipt " + transfer, bearer(impostor.token())), 403,
                "a receipt naming the receiving node's record, from another node");
        refused(OtherNode.send(othersRecord, "receipt " + transfer, bearer(Kit.current().tokens().admin())), 403, "a receipt with a user's token");
        refused(impostor.send(OtherNode.message("rejection", transfer, "receivingTransfer", impostor.transfer(), "reason", "冒名拒绝")), 403,
                "a rejection from a node the transfer is not to");
        assertEquals(200, Http.get(member, "Accept", JSON_LD).status(), "the member stays live");
        assertEquals("Approved", TransferKit.state(TransferKit.read(transfer)), "the refused messages changed nothing");
    }

    @Test
    @DisplayName("a message without Idempotency-Key, whose body is not a JSON object, whose type is unknown or that lacks a key of its type is 400")
    @Verifies(id = "LX-TRANSFER-14", level = "MUST", of = "Transfer")
    void malformed() {
        OtherNode other = other();
        String to = sandbox().newBranch();
        JsonObject offer = other.offer(to, "欧阳娜娜");
        String transfer = offer.getString("transfer");
        String node = bearer(other.token());
        refused(OtherNode.send(offer, null, node), 400, "no Idempotency-Key");
        refused(OtherNode.sendText("not json", "offer " + transfer, node), 400, "not JSON");
        refused(OtherNode.sendText("[" + offer + "]", "offer " + transfer, node), 400, "a JSON array");
        refused(OtherNode.send(Json.createObjectBuilder(offer).remove("type").build(), "offer " + transfer, node), 400, "no type");
        refused(OtherNode.send(Json.createObjectBuilder(offer).add("type", "gossip").build(), "gossip " + transfer, node), 400, "an unknown type");
        for (String key : List.of("transfer", "transferredMember", "toOrganization", "name", "letterNumber", "letterValidUntil")) {
            refused(OtherNode.send(Json.createObjectBuilder(offer).remove(key).build(), "offer " + transfer, node), 400, "an offer without " + key);
        }
        assertEquals(List.of(), recordsOf(offer), "a malformed offer creates nothing");

        String member = TransferKit.member(sandbox().newBranch(), "上官婉儿");
        String sent = requested(member, other.organization());
        TransferKit.acted(sent, "approve", null);
        other.await("offer", sent);
        String receiving = TransferKit.await("the offer answered", () -> other.receivingRecord(sent));
        refused(other.send(OtherNode.message("receipt", sent, "receivingTransfer", receiving)), 400, "a receipt without newMember");
        refused(other.send(OtherNode.message("rejection", sent, "receivingTransfer", receiving)), 400, "a rejection without reason");
        assertEquals(200, Http.get(member, "Accept", JSON_LD).status(), "the member stays live");
        assertEquals("Approved", TransferKit.state(TransferKit.read(sent)), "the malformed messages changed nothing");
    }

    @Test
    @DisplayName("an offer with a required value not of the form Table 10.8 gives — an IRI that is not absolute, a gender or stage of no code, a date that is no date — is 400")
    @Verifies(id = "LX-TRANSFER-14", level = "MUST", of = "Transfer")
    void valuesOfTheirForm() {
        OtherNode other = other();
        JsonObject offer = other.offer(sandbox().newBranch(), "欧阳娜娜");
        String node = bearer(other.token());
        List<String[]> wrong = List.of(new String[] {"transferredMember", "m-12345"}, new String[] {"fromOrganization", "连心县第一中学党支部"},
                new String[] {"gender", "Unknown"}, new String[] {"stage", "Chairman"}, new String[] {"letterIssued", "2026-02-30"},
                new String[] {"letterValidUntil", "next week"});
        List<String> answers = new ArrayList<>();
        for (String[] value : wrong) {
            JsonObject bad = Json.createObjectBuilder(offer).add(value[0], value[1]).build();
            Response answer = OtherNode.send(bad, "offer " + offer.getString("transfer"), node);
            if (answer.status() != 400) {
                answers.add(value[0] + " " + value[1] + ": " + answer.status() + " " + answer.body());
            }
        }
        JsonObject relative = Json.createObjectBuilder(offer).add("transfer", "transfers/t-1").build();
        Response answer = OtherNode.send(relative, "offer transfers/t-1", node);
        if (answer.status() != 400) {
            answers.add("transfer transfers/t-1: " + answer.status() + " " + answer.body());
        }
        assertEquals(List.of(), answers, "offers with a value not of its form, answered otherwise than 400");
        assertEquals(List.of(), recordsOf(offer), "an offer with a value not of its form creates nothing");
    }
}
