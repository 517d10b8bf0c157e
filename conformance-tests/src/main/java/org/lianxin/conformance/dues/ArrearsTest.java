package org.lianxin.conformance.dues;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.dues.DuesKit.id;
import static org.lianxin.conformance.dues.DuesKit.json;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Verifies;

/**
 * 9.6: accounts and arrears, over the turn of a year: one member paid March to August 2025 and
 * nothing since, another paid September 2025 to February 2026.
 */
class ArrearsTest {

    private static String branch;
    private static String late;
    private static String fine;

    @BeforeAll
    static void members() {
        branch = Current.sandbox().newBranch();
        late = DuesKit.member(branch, "Student", null);
        fine = DuesKit.member(branch, "Student", null);
        for (String month : List.of("2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08")) {
            DuesKit.pay(late, month, "0.20").expect(201);
        }
        for (String month : List.of("2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02")) {
            DuesKit.pay(fine, month, "0.20").expect(201);
        }
    }

    private static JsonObject account(String member, String to) {
        return json(base() + "/dues/accounts/" + id(member) + "?to=" + to, 200);
    }

    @Test
    @DisplayName("the account has the members of Table 9.11, twelve liable months up to to, oldest first")
    @Verifies(id = "LX-DUES-14", level = "MUST", of = "Dues")
    void account() {
        JsonObject account = account(late, "2026-02");
        for (String key : List.of("member", "category", "assessment", "liableFrom", "to", "months", "unpaidMonths", "consecutiveUnpaid", "flagged")) {
            assertTrue(account.containsKey(key), key + " in " + account);
        }
        assertEquals(late, account.getString("member"));
        assertEquals(12, account.getJsonArray("months").size());
        assertEquals("2025-03", account.getJsonArray("months").getJsonObject(0).getString("month"));
        assertEquals("0.20", account.getJsonArray("months").getJsonObject(0).getString("paid"));
    }

    @Test
    @DisplayName("a month is unpaid exactly when the member was liable and paid nothing for it")
    @Verifies(id = "LX-DUES-15", level = "MUST", of = "Dues")
    void unpaidMonths() {
        JsonObject account = account(late, "2026-02");
        assertEquals(6, account.getInt("unpaidMonths"));
        assertEquals("paid", account.getJsonArray("months").getJsonObject(5).getString("status"));
        assertEquals("unpaid", account.getJsonArray("months").getJsonObject(6).getString("status"));
        assertEquals(0, account(fine, "2026-02").getInt("consecutiveUnpaid"));
    }

    @Test
    @DisplayName("consecutive unpaid months run back across the turn of the year: six in February, five in January")
    @Verifies(id = "LX-DUES-16", level = "MUST", of = "Dues")
    void consecutiveAcrossTheYear() {
        assertEquals(6, account(late, "2026-02").getInt("consecutiveUnpaid"));
        assertEquals(5, account(late, "2026-01").getInt("consecutiveUnpaid"));
        assertEquals(6, account(fine, "2026-08").getInt("consecutiveUnpaid"));
    }

    @Test
    @DisplayName("the arrears list has exactly the members with six or more consecutive unpaid months")
    @Verifies(id = "LX-DUES-17", level = "MUST", of = "Dues")
    void arrearsList() {
        JsonObject six = json(base() + "/dues/arrears?organization=" + enc(branch) + "&to=2026-02", 200);
        assertEquals(List.of(late), six.getJsonArray("items").stream().map(i -> i.asJsonObject().getString("member")).toList());
        assertEquals("2025-09", six.getJsonArray("items").getJsonObject(0).getString("since"));
        assertEquals(0, json(base() + "/dues/arrears?organization=" + enc(branch) + "&to=2026-01", 200).getJsonArray("items").size());
    }

    @Test
    @DisplayName("arrears change nothing in the member record")
    @Verifies(id = "LX-DUES-18", level = "MUST NOT", of = "Dues")
    void recordUntouched() {
        String before = Http.get(late, "Accept", DuesKit.JSON_LD).expect(200).body();
        json(base() + "/dues/arrears?organization=" + enc(branch) + "&to=2026-02", 200);
        account(late, "2026-02");
        assertEquals(before, Http.get(late, "Accept", DuesKit.JSON_LD).expect(200).body());
    }

    @Test
    @DisplayName("a month that is not yyyy-MM, or arrears without an organization, is answered 400")
    @Verifies(id = "LX-DUES-19", level = "MUST", of = "Dues")
    void badParameters() {
        assertEquals(400, Http.get(base() + "/dues/accounts/" + id(late) + "?to=2026-2", "Accept", "application/json").status());
        assertEquals(400, Http.get(base() + "/dues/arrears?organization=" + enc(branch) + "&to=2026-13", "Accept", "application/json").status());
        assertEquals(400, Http.get(base() + "/dues/arrears", "Accept", "application/json").status());
    }
}
