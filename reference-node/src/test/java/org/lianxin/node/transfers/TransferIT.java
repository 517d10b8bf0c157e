package org.lianxin.node.transfers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.node.transfers.TransferSupport.*;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;

/**
 * Organizational-relationship transfers (spec chapter 10) between two nodes of the test server,
 * {@code transfer-a} sending and {@code transfer-b} receiving, over HTTP as between any two nodes,
 * and once to a node of the second server process.
 */
class TransferIT {

    static final String A = NodeClient.serverUrl() + "/nodes/transfer-a";
    static final String B = NodeClient.serverUrl() + "/nodes/transfer-b";

    @Test
    @DisplayName("LX-TRANSFER-1 the node description names the transfer routes; LX-TRANSFER-2 LX-TRANSFER-6 LX-TRANSFER-8 LX-TRANSFER-9 LX-TRANSFER-15 LX-TRANSFER-17 LX-TRANSFER-18 LX-TRANSFER-20 LX-TRANSFER-21 a member moves to another node with one request and two approvals, history intact")
    void happyPath() {
        JsonObject description = NodeClient.json(NodeClient.get(A + "/.well-known/lianxin", "application/json"));
        assertTrue(description.getJsonArray("conformanceClasses").contains(jakarta.json.Json.createValue("Transfer")));
        List<String> rels = description.getJsonArray("endpoints").stream().map(e -> e.asJsonObject().getString("rel") + " " + e.asJsonObject().getString("href")).toList();
        assertTrue(rels.contains("transfers " + A + "/transfers"), rels.toString());
        assertTrue(rels.contains("transfer-messages " + A + "/transfers/messages"), rels.toString());

        String from = branch(A, "青山县第一中学党支部");
        String to = branch(B, "白河县人民医院党支部");
        String member = member(A, from, "欧阳修远");
        String full = NodeClient.get(member, Fixtures.JSON_LD, "Lianxin-Purpose", "transfer").body();
        pay(A, member, "2026-08");
        pay(A, member, "2026-09");

        String transfer = requested(A, member, to);
        JsonObject requested = read(transfer);
        assertEquals("Requested", requested.getString("transferState"));
        assertEquals(from, requested.getString("fromOrganization"), "LX-TRANSFER-2");
        assertEquals("欧阳修远", requested.getString("name"));
        assertEquals("FullMember", requested.getString("stage"));
        assertEquals("2026-09", requested.getString("duesPaidThrough"));

        JsonObject approved = acted(transfer, "approve", null);
        assertEquals("Approved", approved.getString("transferState"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertEquals(today.toString(), approved.getString("letterIssued"), "LX-TRANSFER-6");
        assertEquals(today.plusDays(90).toString(), approved.getString("letterValidUntil"));
        assertTrue(approved.getString("letterNumber").matches("\\d{4}-\\d{6}"), approved.toString());

        String incoming = receivingRecord(B, member); // LX-TRANSFER-8, LX-TRANSFER-9
        JsonObject offered = read(incoming);
        assertEquals("Approved", offered.getString("transferState"));
        assertEquals(transfer, offered.getString("sendingTransfer"));
        assertEquals(approved.getString("letterNumber"), offered.getString("letterNumber"));
        assertEquals(to, offered.getString("toOrganization"));
        assertEquals("欧阳修远", offered.getString("name"));
        assertEquals(incoming, await("receivingTransfer at A", () -> java.util.Optional.ofNullable(read(transfer).getString("receivingTransfer", null))));
        assertEquals(200, NodeClient.get(member, Fixtures.JSON_LD).statusCode(), "LX-TRANSFER-21: A stays responsible until the receipt");

        JsonObject accepted = acted(incoming, "accept", null);
        String newMember = accepted.getString("newMember");
        assertTrue(newMember.startsWith(B + "/members/"), "LX-TRANSFER-15");

        JsonObject completed = awaitState(transfer, "Completed"); // LX-TRANSFER-17
        assertEquals(newMember, completed.getString("newMember"));
        assertEquals(incoming, completed.getString("receivingTransfer"));
        awaitState(incoming, "Completed");

        HttpResponse<String> tombstone = NodeClient.get(member, Fixtures.JSON_LD);
        assertEquals(410, tombstone.statusCode(), "LX-TRANSFER-17: the old record is a tombstone");
        assertEquals(newMember, NodeClient.json(tombstone).getString("replacedBy"));

        HttpResponse<String> moved = NodeClient.get(newMember, Fixtures.JSON_LD, "Lianxin-Purpose", "transfer");
        assertEquals(200, moved.statusCode(), moved.body());
        JsonObject was = NodeClient.json(NodeClient.get(member, Fixtures.JSON_LD)); // tombstone only: compare with what was read before
        JsonObject before = jakarta.json.Json.createReader(new java.io.StringReader(full)).readObject();
        JsonObject after = NodeClient.json(moved);
        for (String key : List.of("name", "gender", "ethnicity", "birthDate", "nationalId", "address", "telephone", "stage",
                "applicationDate", "activistDate", "candidateDate", "admissionDate", "fullMembershipDate", "duesCategory", "duesBase")) {
            assertEquals(before.get(key), after.get(key), "LX-TRANSFER-20: " + key + " moves unchanged");
        }
        assertEquals(to, after.getString("branch"), "LX-TRANSFER-20: in the receiving branch");
        assertEquals(before.get("memberships").toString().replace(member, newMember).length(), after.get("memberships").toString().length(),
                "LX-TRANSFER-20: the posts move");
        assertTrue(after.get("memberships").toString().contains(from), "the post held at the sending branch is history");
        assertNotEquals(was, after);

        // LX-TRANSFER-18 LX-TRANSFER-20: the dues paid move with the member, so the receiving branch sees no arrears for them
        JsonObject account = NodeClient.json(NodeClient.get(B + "/dues/accounts/" + newMember.substring(newMember.lastIndexOf('/') + 1) + "?to=2026-09",
                "application/json"));
        List<String> paid = account.getJsonArray("months").stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("status").equals("paid")).map(m -> m.getString("month")).toList();
        assertTrue(paid.containsAll(List.of("2026-08", "2026-09")), account.toString());
        NodeClient.As movedMember = NodeClient.as(NodeClient.memberToken(newMember));
        JsonObject own = NodeClient.json(movedMember.get(B + "/dues/payments?member=" + enc(newMember), "application/ld+json"));
        assertEquals(2, own.getJsonArray("items").size(), "the member reads their own payment history at the new node");
        JsonObject members = NodeClient.json(NodeClient.get(A + "/members?branch=" + enc(from), "application/ld+json"));
        assertEquals(0, members.getJsonArray("items").size(), "LX-TRANSFER-21: no longer a member at A");
        NodeClient.As oldSelf = NodeClient.as(NodeClient.memberToken(member));
        assertEquals(200, oldSelf.get(incoming, Fixtures.JSON_LD).statusCode(), "LX-TRANSFER-24: the member under the old IRI");
        assertEquals(200, oldSelf.get(transfer, Fixtures.JSON_LD).statusCode());
        assertEquals(200, NodeClient.as(NodeClient.memberToken(newMember)).get(incoming, Fixtures.JSON_LD).statusCode(), "and under the new one");
    }

    @Test
    @DisplayName("LX-TRANSFER-21 the IRI kept for an arriving member is not written until the package comes")
    void newMemberKeptFree() {
        String to = branch(B, "白河县第十三小学党支部");
        String ghost = "http://localhost:1/nodes/ghost"; // a sending node that never answers: the receipt stays owed
        String transfer = ghost + "/transfers/" + Fixtures.uniqueId("t");
        HttpResponse<String> offered = message(B, ghost, "offer " + transfer, offer(transfer, ghost + "/members/m1", ghost + "/organizations/o1", to, "2099-12-31"));
        assertEquals(201, offered.statusCode(), offered.body());
        String incoming = NodeClient.json(offered).getString("receivingTransfer");
        String newMember = acted(incoming, "accept", null).getString("newMember");
        HttpResponse<String> taken = NodeClient.put(newMember, Fixtures.JSON_LD, Fixtures.withId(Fixtures.member("抢注者", to), newMember));
        assertEquals(409, taken.statusCode(), taken.body());
        assertTrue(taken.body().contains("transfer-open"), taken.body());
        assertEquals(200, message(B, ghost, "withdrawal " + transfer, "{\"type\": \"withdrawal\", \"transfer\": \"" + transfer + "\"}").statusCode());
        assertEquals("Cancelled", read(incoming).getString("transferState"));
    }

    @Test
    @DisplayName("LX-TRANSFER-22 a rejection needs a reason, reaches the sending node and leaves the member where they were; LX-TRANSFER-5 afterwards a new request is possible")
    void rejection() {
        String from = branch(A, "青山县第二中学党支部");
        String to = branch(B, "白河县第二小学党支部");
        String member = member(A, from, "司马光");
        String transfer = requested(A, member, to);
        acted(transfer, "approve", null);
        String incoming = receivingRecord(B, member);
        HttpResponse<String> noReason = act(incoming, "reject", "{}");
        assertEquals(422, noReason.statusCode(), noReason.body());
        assertTrue(noReason.body().contains("rejection-reason"), noReason.body());
        JsonObject rejected = acted(incoming, "reject", "{\"reason\": \"本支部不具备接收条件\"}");
        assertEquals("Rejected", rejected.getString("transferState"));
        JsonObject atA = awaitState(transfer, "Rejected");
        assertEquals("本支部不具备接收条件", atA.getString("rejectionReason"));
        assertEquals(200, NodeClient.get(member, Fixtures.JSON_LD).statusCode());
        assertEquals(201, request(A, member, to).statusCode(), "a rejected transfer is finished");
    }

    @Test
    @DisplayName("LX-TRANSFER-5 of concurrent requests for one member exactly one is created, the others 409 transfer-open")
    void concurrentRequests() throws Exception {
        String from = branch(A, "青山县第三中学党支部");
        String to = branch(B, "白河县第三小学党支部");
        String member = member(A, from, "诸葛亮");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit((Callable<HttpResponse<String>>) () -> request(A, member, to)));
        }
        int created = 0, conflicts = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> r = answer.get();
            if (r.statusCode() == 201) {
                created++;
            } else {
                assertEquals(409, r.statusCode(), r.body());
                assertTrue(r.body().contains("transfer-open"), r.body());
                conflicts++;
            }
        }
        pool.shutdown();
        assertEquals(1, created);
        assertEquals(7, conflicts);
        JsonObject list = NodeClient.json(NodeClient.get(A + "/transfers?member=" + enc(member), "application/ld+json"));
        assertEquals(1, list.getJsonArray("items").size());
    }

    @Test
    @DisplayName("LX-TRANSFER-7 an action the state does not allow is 409 transfer-state and changes nothing; LX-TRANSFER-3 LX-TRANSFER-4 requests that name no member of the node or no other organization are 422")
    void stateAndRequestRules() {
        String from = branch(A, "青山县第四中学党支部");
        String to = branch(B, "白河县第四小学党支部");
        String member = member(A, from, "上官婉儿");
        HttpResponse<String> unknown = request(A, A + "/members/" + Fixtures.uniqueId("nobody"), to);
        assertEquals(422, unknown.statusCode());
        assertTrue(unknown.body().contains("transfer-member"), unknown.body());
        HttpResponse<String> self = request(A, member, from);
        assertEquals(422, self.statusCode());
        assertTrue(self.body().contains("transfer-destination"), self.body());
        HttpResponse<String> notAnOrganization = request(A, member, B + "/members/x");
        assertEquals(422, notAnOrganization.statusCode());
        assertTrue(notAnOrganization.body().contains("transfer-destination"), notAnOrganization.body());

        String transfer = requested(A, member, to);
        HttpResponse<String> accept = act(transfer, "accept", null);
        assertEquals(409, accept.statusCode(), "accepting is for the receiving node");
        assertTrue(accept.body().contains("transfer-state"), accept.body());
        JsonObject approved = acted(transfer, "approve", null);
        HttpResponse<String> again = act(transfer, "approve", null);
        assertEquals(409, again.statusCode());
        assertEquals(approved.getString("letterNumber"), read(transfer).getString("letterNumber"), "nothing changed");
    }

    @Test
    @DisplayName("LX-TRANSFER-23 a withdrawal reaches the receiving node, which then refuses to accept; LX-TRANSFER-19 a receipt for a cancelled transfer is 409")
    void cancel() {
        String from = branch(A, "青山县第五中学党支部");
        String to = branch(B, "白河县第五小学党支部");
        String member = member(A, from, "慕容复");
        String transfer = requested(A, member, to);
        acted(transfer, "approve", null);
        String incoming = receivingRecord(B, member);
        await("receivingTransfer at A", () -> java.util.Optional.ofNullable(read(transfer).getString("receivingTransfer", null)));
        JsonObject cancelled = acted(transfer, "cancel", "{\"reason\": \"本人撤回申请\"}");
        assertEquals("Cancelled", cancelled.getString("transferState"));
        awaitState(incoming, "Cancelled");
        HttpResponse<String> accept = act(incoming, "accept", null);
        assertEquals(409, accept.statusCode(), accept.body());
        HttpResponse<String> receipt = message(A, B, "receipt " + transfer, """
                {"type": "receipt", "transfer": "%s", "receivingTransfer": "%s", "newMember": "%s"}""".formatted(transfer, incoming, B + "/members/x"));
        assertEquals(409, receipt.statusCode(), receipt.body());
        assertTrue(receipt.body().contains("transfer-state"), receipt.body());
        assertEquals(200, NodeClient.get(member, Fixtures.JSON_LD).statusCode());
    }

    @Test
    @DisplayName("LX-TRANSFER-11 an offer to an organization the receiving node does not hold is 422; LX-TRANSFER-12 the sending node then records the transfer Rejected")
    void refusedOffer() {
        String from = branch(A, "青山县第六中学党支部");
        String member = member(A, from, "独孤求败");
        String transfer = requested(A, member, B + "/organizations/" + Fixtures.uniqueId("missing"));
        acted(transfer, "approve", null);
        JsonObject rejected = awaitState(transfer, "Rejected");
        assertTrue(rejected.getString("rejectionReason").contains("422"), rejected.toString());
        assertEquals(200, NodeClient.get(member, Fixtures.JSON_LD).statusCode());
    }

    @Test
    @DisplayName("LX-TRANSFER-13 only the node a message is from may send it; LX-TRANSFER-14 a message without Idempotency-Key or with a malformed body is 400")
    void messageChecks() {
        String to = branch(B, "白河县第六小学党支部");
        String transfer = A + "/transfers/" + Fixtures.uniqueId("t");
        String offer = offer(transfer, A + "/members/m1", A + "/organizations/o1", to, "2099-12-31");
        HttpResponse<String> asUser = NodeClient.raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(B + "/transfers/messages"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "offer " + transfer)
                .header("Authorization", "Bearer " + NodeClient.token(B))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(offer)));
        assertEquals(403, asUser.statusCode(), "a user's token, not a node's");
        assertEquals(400, message(B, A, "k", offer.replace("\"Female\"", "\"Unknown\"")).statusCode(), "a value not of its form");
        assertEquals(400, message(B, A, "k", offer.replace("2099-12-31", "next week")).statusCode());
        assertEquals(403, message(B, NodeClient.serverUrl() + "/nodes/fed-city", "offer " + transfer, offer).statusCode(),
                "another node than the transfer's");
        assertEquals(400, message(B, A, null, offer).statusCode(), "no Idempotency-Key");
        assertEquals(400, message(B, A, "k", "not json").statusCode());
        assertEquals(400, message(B, A, "k", "{\"type\": \"offer\", \"transfer\": \"" + transfer + "\"}").statusCode(), "keys missing");
        assertEquals(400, message(B, A, "k", "{\"type\": \"gossip\", \"transfer\": \"" + transfer + "\"}").statusCode());
    }

    @Test
    @DisplayName("LX-TRANSFER-10 an offer sent twice creates one record and gets the same answer; LX-TRANSFER-16 an expired letter cannot be accepted")
    void idempotentOfferAndExpiredLetter() {
        String to = branch(B, "白河县第七小学党支部");
        String transfer = A + "/transfers/" + Fixtures.uniqueId("t");
        String offer = offer(transfer, A + "/members/" + Fixtures.uniqueId("m"), A + "/organizations/o1", to,
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
        HttpResponse<String> first = message(B, A, "offer " + transfer, offer);
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> second = message(B, A, "offer " + transfer, offer);
        assertEquals(200, second.statusCode(), second.body());
        String incoming = NodeClient.json(first).getString("receivingTransfer");
        assertEquals(incoming, NodeClient.json(second).getString("receivingTransfer"));
        HttpResponse<String> expired = act(incoming, "accept", null);
        assertEquals(422, expired.statusCode(), expired.body());
        assertTrue(expired.body().contains("letter-expired"), expired.body());
    }

    @Test
    @DisplayName("LX-TRANSFER-10 LX-TRANSFER-18 a receipt sent twice gets the same package, with the member record and the member's payments")
    void receiptTwice() {
        String from = branch(A, "青山县第七中学党支部");
        String to = branch(B, "白河县第八小学党支部");
        String member = member(A, from, "东方不败");
        String payment = pay(A, member, "2026-10");
        String transfer = requested(A, member, to);
        acted(transfer, "approve", null);
        String incoming = receivingRecord(B, member);
        // The test plays the receiving node's courier before the real one is asked to (the record stays Approved at B).
        String newMember = B + "/members/" + Fixtures.uniqueId("moved");
        String receipt = """
                {"type": "receipt", "transfer": "%s", "receivingTransfer": "%s", "newMember": "%s"}""".formatted(transfer, incoming, newMember);
        HttpResponse<String> first = message(A, B, "receipt " + transfer, receipt);
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("application/n-quads"));
        HttpResponse<String> second = message(A, B, "receipt " + transfer, receipt);
        assertEquals(first.body(), second.body());
        assertTrue(first.body().contains("<" + member + "> <" + member + "> <https://w3id.org/lianxin/ns#nationalIdNumber>")
                || first.body().contains("<" + member + "> <https://w3id.org/lianxin/ns#nationalIdNumber>"), "the full record");
        assertTrue(first.body().contains("<" + payment + ">"), "the payment, in its own graph");
        assertTrue(first.body().contains("东方不败"), "UTF-8, byte for byte");
        assertEquals(410, NodeClient.get(member, Fixtures.JSON_LD).statusCode());
    }

    @Test
    @DisplayName("LX-TRANSFER-26 a member whose transfer is under way is neither deleted nor moved to another branch")
    void memberStaysWhileOpen() {
        String from = branch(A, "青山县第八中学党支部");
        String other = branch(A, "青山县第九中学党支部");
        String member = member(A, from, "令狐冲");
        requested(A, member, branch(B, "白河县第九小学党支部"));
        HttpResponse<String> delete = NodeClient.delete(member);
        assertEquals(409, delete.statusCode(), delete.body());
        assertTrue(delete.body().contains("transfer-open"));
        String record = NodeClient.get(member, Fixtures.JSON_LD, "Lianxin-Purpose", "transfer").body().replace(from, other);
        HttpResponse<String> move = NodeClient.put(member, Fixtures.JSON_LD, record);
        assertEquals(409, move.statusCode(), move.body());
    }

    @Test
    @DisplayName("LX-TRANSFER-24 the member and the organizations of both ends read a transfer, others get 404; LX-TRANSFER-25 only the organization of the right end acts on it; LX-TRANSFER-27 no ID number, phone or address in a transfer")
    void access() {
        String from = branch(A, "青山县第十中学党支部");
        String to = branch(B, "白河县第十小学党支部");
        String member = member(A, from, "任盈盈");
        String transfer = requested(A, member, to);
        NodeClient.As self = NodeClient.as(NodeClient.memberToken(member));
        assertEquals(200, self.get(transfer, Fixtures.JSON_LD).statusCode(), "the member follows their transfer");
        assertEquals(403, self.post(transfer + "/approve", "application/json", "").statusCode(), "but does not approve it");
        NodeClient.As stranger = NodeClient.as(NodeClient.tokenFor(branch(A, "青山县第十一中学党支部"), "secretary"));
        assertEquals(404, stranger.get(transfer, Fixtures.JSON_LD).statusCode());
        assertEquals(404, stranger.post(transfer + "/approve", "application/json", "").statusCode());
        JsonObject list = NodeClient.json(stranger.get(A + "/transfers", "application/ld+json"));
        assertFalse(list.toString().contains(transfer));
        acted(transfer, "approve", null);
        String incoming = receivingRecord(B, member);
        NodeClient.As fromSecretary = NodeClient.as(NodeClient.tokenFor(from, "secretary"));
        assertEquals(404, fromSecretary.post(incoming + "/accept", "application/json", "").statusCode(),
                "the sending branch does not act at the receiving node");
        String full = NodeClient.get(member, Fixtures.JSON_LD, "Lianxin-Purpose", "transfer").body();
        JsonObject m = jakarta.json.Json.createReader(new java.io.StringReader(full)).readObject();
        for (String both : List.of(read(transfer).toString(), read(incoming).toString())) {
            for (String key : List.of("nationalId", "telephone", "address")) {
                assertFalse(both.contains(m.getString(key)), "LX-TRANSFER-27: " + key);
            }
        }
    }

    @Test
    @DisplayName("LX-TRANSFER-28 requests, approvals, acceptances and the release of the member's record are in the audit log under their organization")
    void audit() {
        String from = branch(A, "青山县第十二中学党支部");
        String to = branch(B, "白河县第十二小学党支部");
        String member = member(A, from, "岳不群");
        String transfer = requested(A, member, to);
        acted(transfer, "approve", null);
        String incoming = receivingRecord(B, member);
        acted(incoming, "accept", null);
        awaitState(transfer, "Completed");
        // The release is logged as the receipt's answer leaves A, a moment after its transaction made the transfer Completed.
        assertEquals(409, act(transfer, "approve", null).statusCode());
        assertEquals(2, actions(A, from, transfer).stream().filter("transfer-approve"::equals).count(), "a refused action is logged too");
        List<String> atA = await("the release in A's audit log", () -> java.util.Optional.of(actions(A, from, transfer))
                .filter(a -> a.contains("transfer-release")));
        assertTrue(atA.containsAll(List.of("transfer-request", "transfer-approve", "transfer-release")), atA.toString());
        assertTrue(actions(B, to, incoming).contains("transfer-accept"));
    }

    private static List<String> actions(String node, String organization, String record) {
        HttpResponse<String> log = NodeClient.get(node + "/audit?organization=" + enc(organization) + "&limit=1000", "application/json");
        assertEquals(200, log.statusCode(), log.body());
        return NodeClient.json(log).getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(e -> record.equals(e.getString("record", ""))).map(e -> e.getString("action")).toList();
    }

    @Test
    @DisplayName("LX-TRANSFER-8 LX-TRANSFER-20 a transfer to a node of another server process")
    void acrossProcesses() {
        String remote = NodeClient.secondServerUrl() + "/nodes/remote";
        String from = branch(A, "青山县第十三中学党支部");
        String to = branch(remote, "远山县第一党支部");
        String member = member(A, from, "张三丰");
        String transfer = requested(A, member, to);
        acted(transfer, "approve", null);
        String incoming = receivingRecord(remote, member);
        String newMember = acted(incoming, "accept", null).getString("newMember");
        awaitState(transfer, "Completed");
        awaitState(incoming, "Completed");
        HttpResponse<String> moved = NodeClient.get(newMember, Fixtures.JSON_LD);
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals("张三丰", NodeClient.json(moved).getString("name"));
    }
}
