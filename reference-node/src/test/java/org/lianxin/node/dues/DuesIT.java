package org.lianxin.node.dues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.node.dues.DuesSupport.enc;
import static org.lianxin.node.dues.DuesSupport.json;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Problems;

/** The Dues class on one node over HTTP: members' categories, payments, accounts and arrears, the local statistic, access. */
class DuesIT {

    private static final String NODE = NodeClient.serverUrl() + "/nodes/dues";
    private static NodeClient.As admin;
    private static String committee;
    private static String branch;

    @BeforeAll
    static void tree() {
        admin = NodeClient.as(NodeClient.token(NODE));
        committee = org("委员会", "PrimaryCommittee", NodeClient.top(NODE));
        branch = org("党支部", "Branch", committee);
    }

    private static String org(String name, String type, String parent) {
        String iri = NODE + "/organizations/" + Fixtures.uniqueId("dues");
        HttpResponse<String> put = admin.put(iri, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization(name, type, parent), iri));
        assertEquals(201, put.statusCode(), put.body());
        return iri;
    }

    @Test
    @DisplayName("LX-DUES-1 the node claims Dues and lists the endpoints of Table 9.2")
    void nodeDescription() {
        JsonObject description = json(NodeClient.get(NODE + "/.well-known/lianxin", Fixtures.JSON_LD), 200);
        assertTrue(description.getJsonArray("conformanceClasses").toString().contains("\"Dues\""));
        String endpoints = description.getJsonArray("endpoints").toString();
        for (String rel : List.of("dues-rates", "dues-payments", "dues-accounts", "dues-arrears", "dues-statistics")) {
            assertTrue(endpoints.contains(rel), rel + " in " + endpoints);
        }
        assertTrue(endpoints.contains(NODE + "/statistics/dues"), endpoints);
    }

    @Test
    @DisplayName("LX-DUES-2 LX-DUES-3 a member's category and base are checked by the shapes; the base is only in a full read")
    void memberCategoryAndBase() {
        HttpResponse<String> noBase = admin.post(NODE + "/members", Fixtures.JSON_LD,
                Fixtures.member("李四", branch).replace("\"stage\": \"FullMember\"", "\"stage\": \"FullMember\", \"duesCategory\": \"Employed\""));
        Problems.assertProblem(noBase, 422, "validation", "Validation failed");
        Problems.assertError(noBase, "duesBase", "sh:SPARQLConstraintComponent", "LX-DUES-2");
        HttpResponse<String> fen = admin.post(NODE + "/members", Fixtures.JSON_LD, Fixtures.member("李四", branch)
                .replace("\"stage\": \"FullMember\"", "\"stage\": \"FullMember\", \"duesCategory\": \"Employed\", \"duesBase\": \"3000.001\""));
        Problems.assertError(fen, "duesBase", "sh:PatternConstraintComponent", "LX-DUES-2");

        String member = DuesSupport.member(admin, NODE, branch, "张伟", "Employed", "3000.01");
        assertFalse(NodeClient.get(member, Fixtures.JSON_LD, "Authorization", "Bearer " + NodeClient.token(NODE)).body().contains("duesBase"));
        assertFalse(admin.get(NODE + "/members?branch=" + enc(branch), Fixtures.JSON_LD).body().contains("duesBase"));
        JsonObject full = json(admin.get(member, Fixtures.JSON_LD, "Lianxin-Purpose", "dues"), 200);
        assertEquals(0, new java.math.BigDecimal("3000.01").compareTo(new java.math.BigDecimal(full.getString("duesBase"))), full.toString());
    }

    @Test
    @DisplayName("LX-DUES-4 LX-DUES-5 LX-DUES-6 LX-DUES-14 the rates and a member's account: 3,000.01 pays 30.00, liable from admission")
    void ratesAndAccount() {
        JsonObject rates = json(admin.get(NODE + "/dues/rates", "application/json"), 200);
        assertEquals(6, rates.getJsonArray("categories").size());
        String member = DuesSupport.member(admin, NODE, branch, "王芳", "Employed", "3000.01");
        JsonObject account = json(admin.get(NODE + "/dues/accounts/" + id(member) + "?to=2026-03", "application/json"), 200);
        assertEquals("30.00", account.getString("assessment"));
        assertEquals("Employed", account.getString("category"));
        assertEquals("2007-07", account.getString("liableFrom"));
        assertEquals(12, account.getJsonArray("months").size());
        assertEquals("2025-04", account.getJsonArray("months").getJsonObject(0).getString("month"));
        String base15 = DuesSupport.member(admin, NODE, branch, "王强", "Employed", "3000.00");
        assertEquals("15.00", json(admin.get(NODE + "/dues/accounts/" + id(base15) + "?to=2026-03", "application/json"), 200).getString("assessment"));
        String retired = DuesSupport.member(admin, NODE, branch, "王秀英", "Retired", "5000.01");
        assertEquals("50.00", json(admin.get(NODE + "/dues/accounts/" + id(retired), "application/json"), 200).getString("assessment"));
        String student = DuesSupport.member(admin, NODE, branch, "刘洋", "Student", null);
        assertEquals("0.20", json(admin.get(NODE + "/dues/accounts/" + id(student), "application/json"), 200).getString("assessment"));
    }

    @Test
    @DisplayName("LX-DUES-7 LX-DUES-8 LX-DUES-11 LX-DUES-12 a payment is recorded once: the same again changes nothing, other values are 409, a wrong amount is flagged")
    void idempotentPayment() {
        String member = DuesSupport.member(admin, NODE, branch, "赵敏", "Employed", "8600.00");
        String iri = NODE + "/dues/payments/" + Fixtures.uniqueId("wx");
        String body = DuesSupport.paymentBody(iri, member, "2026-04", "129.00", "OnlinePayment");
        HttpResponse<String> first = admin.put(iri, Fixtures.JSON_LD, body);
        assertEquals(201, first.statusCode(), first.body());
        JsonObject stored = json(admin.get(iri, Fixtures.JSON_LD), 200);
        assertEquals(branch, stored.getString("collectedBy"));
        assertEquals("129.00", stored.getString("assessedAmount"));
        assertEquals("129.00", stored.getString("amount"));
        assertTrue(stored.getBoolean("matchesAssessment"));
        String statistic = NODE + "/statistics/dues?organization=" + enc(branch) + "&month=2026-04";
        JsonObject before = json(admin.get(statistic, "application/json"), 200);

        HttpResponse<String> again = admin.put(iri, Fixtures.JSON_LD, body);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(stored.getString("modified"), json(admin.get(iri, Fixtures.JSON_LD), 200).getString("modified"));
        JsonObject after = json(admin.get(statistic, "application/json"), 200);
        assertEquals(before.getString("paid"), after.getString("paid"));
        assertEquals(before.getInt("paidMembers"), after.getInt("paidMembers"));

        HttpResponse<String> changed = admin.put(iri, Fixtures.JSON_LD, body.replace("129.00", "130.00"));
        Problems.assertProblem(changed, 409, "conflict", "Conflict");
        Problems.assertError(changed, "", "payment-conflict", "LX-DUES-12");

        HttpResponse<String> more = DuesSupport.pay(admin, NODE, member, "2026-05", "200.00");
        assertEquals(201, more.statusCode(), more.body());
        JsonObject flagged = json(admin.get(more.headers().firstValue("Location").orElseThrow(), Fixtures.JSON_LD), 200);
        assertFalse(flagged.getBoolean("matchesAssessment"), flagged.toString());
    }

    @Test
    @DisplayName("LX-DUES-9 LX-DUES-10 LX-DUES-19 bad payments and parameters are 4xx, never 5xx")
    void badInput() {
        String member = DuesSupport.member(admin, NODE, branch, "孙丽", "Student", null);
        for (String[] bad : List.of(new String[] {"2026-13", "0.20"}, new String[] {"2026-03", "0.205"}, new String[] {"2026-03", "-1.00"})) {
            HttpResponse<String> answer = DuesSupport.pay(admin, NODE, member, bad[0], bad[1]);
            Problems.assertProblem(answer, 422, "validation", "Validation failed");
            assertTrue(Problems.errors(answer).stream().allMatch(e -> e.getString("requirement").equals("LX-DUES-9")), answer.body());
        }
        HttpResponse<String> nobody = DuesSupport.pay(admin, NODE, NODE + "/members/nobody", "2026-03", "0.20");
        Problems.assertError(nobody, "payer", "dues-payer", "LX-DUES-10");
        String iri = NODE + "/dues/payments/" + Fixtures.uniqueId("x");
        assertEquals(415, admin.put(iri, "application/json", DuesSupport.paymentBody(iri, member, "2026-03", "0.20", "Cash")).statusCode());
        assertEquals(400, admin.put(iri, Fixtures.JSON_LD, "{not json").statusCode());
        assertEquals(400, admin.get(NODE + "/dues/accounts/" + id(member) + "?to=2026-3", "application/json").statusCode());
        assertEquals(400, admin.get(NODE + "/dues/arrears?organization=" + enc(branch) + "&to=March", "application/json").statusCode());
        assertEquals(400, admin.get(NODE + "/statistics/dues?organization=" + enc(branch), "application/json").statusCode());
        assertEquals(400, admin.get(NODE + "/dues/payments?month=2026-99", Fixtures.JSON_LD).statusCode());
    }

    @Test
    @DisplayName("LX-DUES-13 the payment list filters by member and month")
    void listFilters() {
        String a = DuesSupport.member(admin, NODE, branch, "周杰", "Student", null);
        String b = DuesSupport.member(admin, NODE, branch, "吴磊", "Student", null);
        for (String month : List.of("2026-01", "2026-02")) {
            DuesSupport.pay(admin, NODE, a, month, "0.20");
            DuesSupport.pay(admin, NODE, b, month, "0.20");
        }
        JsonObject page = json(admin.get(NODE + "/dues/payments?member=" + enc(a) + "&month=2026-02", Fixtures.JSON_LD), 200);
        assertEquals(1, page.getJsonArray("items").size(), page.toString());
        assertEquals(a, page.getJsonArray("items").getJsonObject(0).getString("payer"));
        assertEquals(2, json(admin.get(NODE + "/dues/payments?member=" + enc(b), Fixtures.JSON_LD), 200).getJsonArray("items").size());
    }

    @Test
    @DisplayName("LX-DUES-15 LX-DUES-16 LX-DUES-17 LX-DUES-18 six unpaid months over the turn of the year are flagged for the branch; the member record is untouched")
    void arrearsOverTheYearBoundary() {
        String arrearsBranch = org("欠缴党支部", "Branch", committee);
        String late = DuesSupport.member(admin, NODE, arrearsBranch, "郑爽", "Student", null);
        String fine = DuesSupport.member(admin, NODE, arrearsBranch, "钱程", "Student", null);
        for (String month : List.of("2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08")) {
            DuesSupport.pay(admin, NODE, late, month, "0.20");
        }
        for (String month : List.of("2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02")) {
            DuesSupport.pay(admin, NODE, fine, month, "0.20");
        }
        String recordBefore = admin.get(late, Fixtures.JSON_LD, "Lianxin-Purpose", "dues").body();
        JsonObject account = json(admin.get(NODE + "/dues/accounts/" + id(late) + "?to=2026-02", "application/json"), 200);
        assertEquals(6, account.getInt("consecutiveUnpaid"));
        assertEquals(6, account.getInt("unpaidMonths"));
        assertTrue(account.getBoolean("flagged"));
        assertEquals("unpaid", account.getJsonArray("months").getJsonObject(11).getString("status"));
        assertEquals(5, json(admin.get(NODE + "/dues/accounts/" + id(late) + "?to=2026-01", "application/json"), 200).getInt("consecutiveUnpaid"));

        JsonObject arrears = json(admin.get(NODE + "/dues/arrears?organization=" + enc(arrearsBranch) + "&to=2026-02", "application/json"), 200);
        assertEquals(List.of(late), arrears.getJsonArray("items").stream().map(i -> i.asJsonObject().getString("member")).toList());
        assertEquals("2025-09", arrears.getJsonArray("items").getJsonObject(0).getString("since"));
        assertEquals(0, json(admin.get(NODE + "/dues/arrears?organization=" + enc(arrearsBranch) + "&to=2026-01", "application/json"), 200)
                .getJsonArray("items").size());
        assertEquals(recordBefore, admin.get(late, Fixtures.JSON_LD, "Lianxin-Purpose", "dues").body());
    }

    @Test
    @DisplayName("LX-DUES-20 LX-DUES-21 LX-DUES-22 LX-DUES-23 the local statistic equals the ground truth; numbers only")
    void localStatistic() {
        String statBranch = org("统计党支部", "Branch", committee);
        String employed = DuesSupport.member(admin, NODE, statBranch, "甲", "Employed", "10000.01"); // 200.00
        String retired = DuesSupport.member(admin, NODE, statBranch, "乙", "Retired", "4000.00");   // 20.00
        DuesSupport.member(admin, NODE, statBranch, "丙", "Farmer", null);                        // 0.20, unpaid
        HttpResponse<String> noCategory = admin.post(NODE + "/members", Fixtures.JSON_LD, Fixtures.member("丁", statBranch));
        assertEquals(201, noCategory.statusCode());
        DuesSupport.pay(admin, NODE, employed, "2026-06", "200.00");
        DuesSupport.pay(admin, NODE, retired, "2026-06", "25.00");
        JsonObject answer = json(admin.get(NODE + "/statistics/dues?organization=" + enc(statBranch) + "&month=2026-06", "application/json"), 200);
        assertEquals(4, answer.getInt("members"));
        assertEquals(1, answer.getInt("unassessed"));
        assertEquals("220.20", answer.getString("expected"));
        assertEquals(2, answer.getInt("paidMembers"));
        assertEquals("225.00", answer.getString("paid"));
        assertEquals("1.0218", answer.getString("rate"));
        assertEquals(Set.of("organizations", "roots", "month", "scope", "members", "unassessed", "expected", "paidMembers", "paid", "rate",
                "completeness"), answer.keySet());
        assertFalse(answer.toString().contains(employed));
        assertEquals(JsonValue.NULL, json(admin.get(NODE + "/statistics/dues?organization=" + enc(statBranch) + "&month=1990-01",
                "application/json"), 200).get("rate"));
    }

    @Test
    @DisplayName("LX-DUES-25 LX-DUES-26 LX-DUES-27 LX-DUES-28 a member reads their own dues only; statistics and arrears are for secretaries; payments are written by them and audited")
    void access() {
        String member = DuesSupport.member(admin, NODE, branch, "冯婷", "Student", null);
        String other = DuesSupport.member(admin, NODE, branch, "陈晨", "Student", null);
        HttpResponse<String> paid = DuesSupport.pay(admin, NODE, member, "2026-07", "0.20");
        String payment = paid.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> otherPaid = DuesSupport.pay(admin, NODE, other, "2026-07", "0.20");
        NodeClient.As self = NodeClient.as(NodeClient.memberToken(member));
        assertEquals(200, self.get(NODE + "/dues/accounts/" + id(member), "application/json").statusCode());
        assertEquals(200, self.get(payment, Fixtures.JSON_LD).statusCode());
        assertEquals(404, self.get(NODE + "/dues/accounts/" + id(other), "application/json").statusCode());
        assertEquals(404, self.get(otherPaid.headers().firstValue("Location").orElseThrow(), Fixtures.JSON_LD).statusCode());
        String mine = self.get(NODE + "/dues/payments", Fixtures.JSON_LD).body();
        assertTrue(mine.contains(payment) && !mine.contains(other), mine);
        assertEquals(404, self.get(NODE + "/statistics/dues?organization=" + enc(branch) + "&month=2026-07", "application/json").statusCode());
        assertEquals(404, self.get(NODE + "/dues/arrears?organization=" + enc(branch), "application/json").statusCode());
        String iri = NODE + "/dues/payments/" + Fixtures.uniqueId("self");
        Problems.assertProblem(self.put(iri, Fixtures.JSON_LD, DuesSupport.paymentBody(iri, member, "2026-08", "0.20", "OnlinePayment")),
                403, "forbidden", "Forbidden");

        NodeClient.As elsewhere = NodeClient.as(NodeClient.tokenFor(NodeClient.top(NodeClient.nodeBase()), "secretary", "organization-admin"));
        assertEquals(404, elsewhere.get(NODE + "/statistics/dues?organization=" + enc(branch) + "&month=2026-07", "application/json").statusCode());
        Problems.assertError(DuesSupport.pay(elsewhere, NODE, member, "2026-09", "0.20"), "payer", "dues-payer", "LX-DUES-10");

        JsonObject audit = json(admin.get(NODE + "/audit?organization=" + enc(branch) + "&limit=1000", "application/json"), 200);
        assertTrue(audit.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> e.getString("action").equals("create") && payment.equals(e.getString("record", ""))
                        && e.getJsonArray("organizations").toString().contains(branch)), audit.toString());
    }

    private static String id(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }
}
