package org.lianxin.conformance.dues;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.dues.DuesKit.id;
import static org.lianxin.conformance.dues.DuesKit.json;

import java.math.BigDecimal;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** 9.2 to 9.4: the node description, the member's category and base, the rate table and the assessment at every bracket boundary. */
class AssessmentTest {

    private static String branch;

    private static synchronized String branch() {
        if (branch == null || !branch.startsWith(base())) {
            branch = Current.sandbox().newBranch();
        }
        return branch;
    }

    @Test
    @DisplayName("the node description lists the endpoints of Table 9.2")
    @Verifies(id = "LX-DUES-1", level = "MUST", of = "Dues")
    void endpoints() {
        for (String[] e : List.of(new String[] {"dues-rates", "/dues/rates"}, new String[] {"dues-payments", "/dues/payments"},
                new String[] {"dues-accounts", "/dues/accounts"}, new String[] {"dues-arrears", "/dues/arrears"},
                new String[] {"dues-statistics", "/statistics/dues"})) {
            assertEquals(base() + e[1], Kit.current().endpoint(e[0]).orElse(null), e[0]);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @DisplayName("a member whose category or base breaks the dues shapes is refused with 422")
    @CsvSource({"Employed, ''", "Retired, ''", "Employed, 3000.001", "Employed, -1.00", "Soldier, 100.00"})
    @Verifies(id = "LX-DUES-2", level = "MUST", of = "Dues")
    void badCategoryOrBase(String category, String base) {
        Response answer = Http.post(base() + "/members", DuesKit.JSON_LD, DuesKit.memberBody(branch(), category, base.isEmpty() ? null : base));
        assertEquals(422, answer.status(), answer.body());
    }

    @Test
    @DisplayName("the base is left out of masked member records, and kept in a full read")
    @Verifies(id = "LX-DUES-3", level = "MUST", of = "Dues")
    void baseIsMasked() {
        Inapplicable.unless(Kit.current().claims("Security"), "masking is part of Security, which the node does not claim");
        String member = DuesKit.member(branch(), "Employed", "6543.21");
        assertFalse(Http.get(member, "Accept", DuesKit.JSON_LD).expect(200).body().contains("duesBase"));
        assertFalse(Http.get(base() + "/members?branch=" + Current.enc(branch()), "Accept", DuesKit.JSON_LD).expect(200).body().contains("duesBase"));
        JsonObject full = Http.get(member, "Accept", DuesKit.JSON_LD, "Lianxin-Purpose", "conformance").expect(200).json();
        assertEquals(0, new BigDecimal("6543.21").compareTo(new BigDecimal(full.getString("duesBase"))), full.toString());
    }

    @Test
    @DisplayName("the rate table has the brackets and fixed amounts of Table 9.5")
    @Verifies(id = "LX-DUES-4", level = "MUST", of = "Dues")
    void rateTable() {
        JsonObject rates = json(base() + "/dues/rates", 200);
        List<JsonObject> categories = rates.getJsonArray("categories").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(List.of("Employed", "Retired", "Farmer", "Student", "Unemployed", "MinimumLivingAllowance"),
                categories.stream().map(c -> c.getString("category")).toList());
        assertEquals(List.of("3000.00:0.005", "5000.00:0.01", "10000.00:0.015", ":0.02"), brackets(categories.get(0)));
        assertEquals(List.of("5000.00:0.005", ":0.01"), brackets(categories.get(1)));
        BigDecimal farmer = new BigDecimal(categories.get(2).getString("fixedAmount"));
        assertTrue(farmer.compareTo(new BigDecimal("0.20")) >= 0 && farmer.compareTo(BigDecimal.ONE) <= 0, farmer.toString());
        for (int i = 3; i < 6; i++) {
            assertEquals(0, new BigDecimal("0.20").compareTo(new BigDecimal(categories.get(i).getString("fixedAmount"))));
        }
    }

    private static List<String> brackets(JsonObject category) {
        return category.getJsonArray("brackets").stream().map(JsonValue::asJsonObject)
                .map(b -> (b.containsKey("upTo") ? new BigDecimal(b.getString("upTo")).setScale(2).toPlainString() : "") + ":"
                        + new BigDecimal(b.getString("rate")).stripTrailingZeros().toPlainString())
                .toList();
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @DisplayName("the assessment is one rate on the whole base, upper bounds inclusive, half up to the fen")
    @CsvSource({"Employed, 3000.00, 15.00", "Employed, 3000.01, 30.00", "Employed, 5000.00, 50.00", "Employed, 5000.01, 75.00",
            "Employed, 10000.00, 150.00", "Employed, 10000.01, 200.00", "Employed, 1999.99, 10.00", "Retired, 5000.00, 25.00",
            "Retired, 5000.01, 50.00", "Student, '', 0.20", "Unemployed, '', 0.20", "MinimumLivingAllowance, '', 0.20"})
    @Verifies(id = "LX-DUES-5", level = "MUST", of = "Dues")
    void assessment(String category, String base, String expected) {
        String member = DuesKit.member(branch(), category, base.isEmpty() ? null : base);
        assertEquals(expected, json(base() + "/dues/accounts/" + id(member), 200).getString("assessment"));
    }

    @Test
    @DisplayName("a member is liable from the month of admission; an applicant is not liable")
    @Verifies(id = "LX-DUES-6", level = "MUST", of = "Dues")
    void liability() {
        String member = DuesKit.member(branch(), "Student", null);
        JsonObject account = json(base() + "/dues/accounts/" + id(member) + "?to=2008-01", 200);
        assertEquals("2007-07", account.getString("liableFrom"));
        assertEquals("2007-07", account.getJsonArray("months").getJsonObject(0).getString("month"), account.toString());
        assertEquals(7, account.getJsonArray("months").size(), "July 2007 to January 2008: " + account);
        String applicant = Current.sandbox().newMemberFrom(DuesKit.memberBody(branch(), "Student", null)
                .replace("\"stage\": \"FullMember\"", "\"stage\": \"Applicant\"")
                .replaceAll(",\\s*\"(activistDate|candidateDate|admissionDate|fullMembershipDate)\": \"[0-9-]+\"", ""));
        JsonObject none = json(base() + "/dues/accounts/" + id(applicant), 200);
        assertEquals(JsonValue.NULL, none.get("liableFrom"));
        assertEquals(0, none.getJsonArray("months").size());
    }
}
