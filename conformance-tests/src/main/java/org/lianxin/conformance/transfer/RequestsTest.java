package org.lianxin.conformance.transfer;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.transfer.TransferKit.JSON_LD;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.sandbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** 10.2–10.4: the routes, a request at the sending node, its letter, and the rules on states and open transfers. */
class RequestsTest extends TransferSupport {

    @Test
    @DisplayName("the node description lists the endpoints transfers and transfer-messages at {base}/transfers and {base}/transfers/messages")
    @Verifies(id = "LX-TRANSFER-1", level = "MUST", of = "Transfer")
    void endpoints() {
        JsonObject description = Http.get(base() + "/.well-known/lianxin", "Accept", JSON_LD).expect(200).json();
        List<String> endpoints = description.getJsonArray("endpoints").stream().map(e -> e.asJsonObject())
                .map(e -> e.getString("rel", "") + " " + e.getString("href", "")).toList();
        assertTrue(endpoints.contains("transfers " + base() + "/transfers"), endpoints.toString());
        assertTrue(endpoints.contains("transfer-messages " + base() + "/transfers/messages"), endpoints.toString());
    }

    @Test
    @DisplayName("a request is created with 201 and Location, Requested, from the member's branch, with requestedAt and the member's name, gender and stage")
    @Verifies(id = "LX-TRANSFER-2", level = "MUST", of = "Transfer")
    void request() {
        String from = sandbox().newBranch();
        String member = TransferKit.member(from, "欧阳修远");
        String to = other().organization();
        Response created = TransferKit.request(member, to);
        assertEquals(201, created.status(), created.body());
        String transfer = sending(created.header("Location").orElseThrow(() -> new AssertionError("201 without Location")));
        assertTrue(transfer.startsWith(base() + "/transfers/"), transfer);
        for (JsonObject record : List.of(created.json(), TransferKit.read(transfer))) {
            assertEquals(transfer, record.getString("id", ""), record.toString());
            assertEquals("Requested", record.getString("transferState", ""), record.toString());
            assertEquals(member, record.getString("transferredMember", ""), record.toString());
            assertEquals(to, record.getString("toOrganization", ""), record.toString());
            assertEquals(from, record.getString("fromOrganization", ""), "fromOrganization, the member's branch: " + record);
            OffsetDateTime.parse(record.getString("requestedAt", ""));
            assertEquals("欧阳修远", record.getString("name", ""), "the member's name, byte for byte: " + record);
            assertEquals("Female", record.getString("gender", ""), record.toString());
            assertEquals("FullMember", record.getString("stage", ""), record.toString());
        }
    }

    @Test
    @DisplayName("a request for no live member of the node, a deleted one, or one the caller may not read is 422 transfer-member")
    @Verifies(id = "LX-TRANSFER-3", level = "MUST", of = "Transfer")
    void unknownMember() {
        String to = other().organization();
        TransferKit.assertRule(TransferKit.request(base() + "/members/" + Sandbox.uniqueId("never"), to), 422, "transfer-member", "no such member");
        String branch = sandbox().newBranch();
        String deleted = TransferKit.member(branch, "司马光");
        Http.delete(deleted).expect(204);
        TransferKit.assertRule(TransferKit.request(deleted, to), 422, "transfer-member", "a deleted member");
        String member = TransferKit.member(branch, "司马迁");
        String stranger = Kit.current().tokens().actingFor(sandbox().newBranch(), "secretary", "organization-admin");
        TransferKit.assertRule(TransferKit.request(member, to, "Authorization", TransferKit.bearer(stranger)), 422, "transfer-member",
                "a member outside the caller's subtree");
        assertEquals(List.of(), TransferKit.list(base() + "/transfers?member=" + Current.enc(member)), "nothing was created");
    }

    @Test
    @DisplayName("a request to the member's own branch, or to an IRI not of the form {base}/organizations/{id}, is 422 transfer-destination")
    @Verifies(id = "LX-TRANSFER-4", level = "MUST", of = "Transfer")
    void badDestination() {
        OtherNode other = other();
        String branch = sandbox().newBranch();
        String member = TransferKit.member(branch, "王安石");
        TransferKit.assertRule(TransferKit.request(member, branch), 422, "transfer-destination", "the member's own branch");
        TransferKit.assertRule(TransferKit.request(member, other.base() + "/members/" + Sandbox.uniqueId("m")), 422, "transfer-destination",
                "a member IRI");
        TransferKit.assertRule(TransferKit.request(member, other.organization() + "/children"), 422, "transfer-destination",
                "a path below an organization");
        assertEquals(List.of(), TransferKit.list(base() + "/transfers?member=" + Current.enc(member)), "nothing was created");
    }

    @Test
    @DisplayName("a second request while the member's transfer is open is 409 transfer-open; of concurrent requests exactly one is created; after a cancel a request is possible again")
    @Verifies(id = "LX-TRANSFER-5", level = "MUST", of = "Transfer")
    void oneOpenTransfer() throws Exception {
        OtherNode other = other();
        String branch = sandbox().newBranch();
        String member = TransferKit.member(branch, "苏东坡");
        String first = requested(member, other.organization());
        TransferKit.assertRule(TransferKit.request(member, other.organization()), 409, "transfer-open", "a second request while Requested");
        TransferKit.acted(first, "approve", null);
        TransferKit.assertRule(TransferKit.request(member, other.organization()), 409, "transfer-open", "a second request while Approved");
        TransferKit.acted(first, "cancel", null);
        requested(member, other.organization());

        String raced = TransferKit.member(branch, "苏辙");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit((Callable<Response>) () -> TransferKit.request(raced, other.organization())));
            }
            int created = 0;
            for (Future<Response> future : answers) {
                Response answer = future.get();
                if (answer.status() == 201) {
                    created++;
                    sending(answer.header("Location").orElseThrow());
                } else {
                    TransferKit.assertRule(answer, 409, "transfer-open", "a concurrent request");
                }
            }
            assertEquals(1, created, "of 6 concurrent requests for one member, the number created");
        } finally {
            pool.shutdown();
        }
        assertEquals(1, TransferKit.list(base() + "/transfers?member=" + Current.enc(raced)).size());
    }

    @Test
    @DisplayName("approve gives 200, Approved, approvedAt and a letter: a number no other transfer has, issued today (Asia/Shanghai), valid for the node's one validity")
    @Verifies(id = "LX-TRANSFER-6", level = "MUST", of = "Transfer")
    void approve() {
        OtherNode other = other();
        String branch = sandbox().newBranch();
        List<JsonObject> approved = new ArrayList<>();
        for (String name : List.of("李清照", "辛弃疾")) {
            String transfer = requested(TransferKit.member(branch, name), other.organization());
            LocalDate before = TransferKit.today();
            JsonObject record = TransferKit.acted(transfer, "approve", null);
            LocalDate after = TransferKit.today();
            assertEquals("Approved", record.getString("transferState", ""), record.toString());
            OffsetDateTime.parse(record.getString("approvedAt", ""));
            LocalDate issued = LocalDate.parse(record.getString("letterIssued", ""));
            assertTrue(issued.equals(before) || issued.equals(after), "letterIssued " + issued + ", the day of approval in China: " + before);
            assertTrue(LocalDate.parse(record.getString("letterValidUntil", "")).isAfter(issued), record.toString());
            assertFalse(record.getString("letterNumber", "").isBlank(), record.toString());
            assertEquals(record.getString("letterNumber"), TransferKit.read(transfer).getString("letterNumber", ""), "the letter as stored");
            approved.add(record);
        }
        long validity = ChronoUnit.DAYS.between(LocalDate.parse(approved.get(0).getString("letterIssued")),
                LocalDate.parse(approved.get(0).getString("letterValidUntil")));
        assertEquals(validity, ChronoUnit.DAYS.between(LocalDate.parse(approved.get(1).getString("letterIssued")),
                LocalDate.parse(approved.get(1).getString("letterValidUntil"))), "the node's letter validity is one number of days");
        assertNotEquals(approved.get(0).getString("letterNumber"), approved.get(1).getString("letterNumber"));
        Set<String> numbers = new HashSet<>();
        for (JsonObject record : TransferKit.list(base() + "/transfers?limit=100")) {
            if (!record.containsKey("sendingTransfer") && record.containsKey("letterNumber")) { // letters this node issued
                assertTrue(numbers.add(record.getString("letterNumber")), "two transfers with the letter " + record.getString("letterNumber"));
            }
        }
    }

    @Test
    @DisplayName("an action Table 10.5 does not allow in the record's state (approve twice, accept or reject at the sending node, cancel of a cancelled or a received transfer) is 409 transfer-state and changes nothing")
    @Verifies(id = "LX-TRANSFER-7", level = "MUST", of = "Transfer")
    void stateRules() {
        OtherNode other = other();
        String member = TransferKit.member(sandbox().newBranch(), "范仲淹");
        String transfer = requested(member, other.organization());
        refused(transfer, "accept", null);
        refused(transfer, "reject", TransferKit.reason("不接收"));
        TransferKit.acted(transfer, "approve", null);
        refused(transfer, "approve", null);
        refused(transfer, "accept", null);
        TransferKit.acted(transfer, "cancel", null);
        refused(transfer, "cancel", null);
        refused(transfer, "approve", null);

        String incoming = offered(other, other.offer(sandbox().newBranch(), "欧阳娜娜"));
        refused(incoming, "approve", null);
        refused(incoming, "cancel", null);
        TransferKit.acted(incoming, "reject", TransferKit.reason("本支部不具备接收条件"));
        refused(incoming, "accept", null);
        refused(incoming, "reject", TransferKit.reason("再次拒绝"));
    }

    private static void refused(String transfer, String action, String body) {
        JsonObject before = TransferKit.settled(TransferKit.read(transfer));
        TransferKit.assertRule(TransferKit.act(transfer, action, body), 409, "transfer-state", action + " of a " + TransferKit.state(before) + " transfer");
        assertEquals(before, TransferKit.settled(TransferKit.read(transfer)), "the refused " + action + " changed the record");
    }

    @Test
    @DisplayName("while the member's transfer is open, deleting the member or moving them to another branch is 409 transfer-open; once cancelled, the move is possible")
    @Verifies(id = "LX-TRANSFER-26", level = "MUST", of = "Transfer")
    void memberStaysWhileOpen() {
        OtherNode other = other();
        String county = sandbox().newOrganization("连心县委", "CountyCommittee");
        String from = sandbox().newOrganization("连心县第八中学党支部", "Branch", county);
        String elsewhere = sandbox().newOrganization("连心县第九中学党支部", "Branch", county);
        String member = TransferKit.member(from, "令狐冲");
        String transfer = requested(member, other.organization());
        String moved = Sandbox.withId(TransferKit.memberBody("令狐冲", elsewhere), member)
                .replaceAll("\"nationalId\": \"[0-9X]+\"", "\"nationalId\": \"" + TransferKit.fullRead(member).getString("nationalId") + "\"");
        TransferKit.assertRule(Http.delete(member), 409, "transfer-open", "DELETE of a member whose transfer is Requested");
        TransferKit.assertRule(Http.put(member, JSON_LD, moved), 409, "transfer-open", "a move while Requested");
        TransferKit.acted(transfer, "approve", null);
        TransferKit.assertRule(Http.delete(member), 409, "transfer-open", "DELETE of a member whose transfer is Approved");
        TransferKit.assertRule(Http.put(member, JSON_LD, moved), 409, "transfer-open", "a move while Approved");
        assertEquals(from, TransferKit.fullRead(member).getString("branch", ""), "the member stayed in the branch");
        TransferKit.acted(transfer, "cancel", null);
        assertEquals(200, Http.put(member, JSON_LD, moved).status(), "the control: the same move once the transfer is cancelled");
    }
}
