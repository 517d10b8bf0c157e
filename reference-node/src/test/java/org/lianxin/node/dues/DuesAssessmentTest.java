package org.lianxin.node.dues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 2008 brackets (中组发〔2008〕3号) at every boundary, the fixed amounts, and the arrears count. */
class DuesAssessmentTest {

    private static final DuesRates RATES = DuesRates.of(new BigDecimal("0.20"));

    private static String assess(String category, String base) {
        return RATES.assess(category, Optional.ofNullable(base).map(BigDecimal::new)).map(Money::text).orElse("none");
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @DisplayName("LX-DUES-5 one rate on the whole base, upper bounds inclusive, half up to the fen")
    @CsvSource({
        "Employed, 0.00, 0.00",
        "Employed, 1999.99, 10.00",       // 9.99995 rounds up
        "Employed, 3000.00, 15.00",       // ≤3,000: 0.5 %
        "Employed, 3000.01, 30.00",       // above: 1 % of the whole base, not of the excess
        "Employed, 3333.33, 33.33",
        "Employed, 5000.00, 50.00",
        "Employed, 5000.01, 75.00",       // 1.5 % of 5,000.01 = 75.00015
        "Employed, 10000.00, 150.00",
        "Employed, 10000.01, 200.00",     // 2 %
        "Employed, 25000.00, 500.00",
        "Retired, 3000.00, 15.00",
        "Retired, 5000.00, 25.00",        // ≤5,000: 0.5 %
        "Retired, 5000.01, 50.00",        // above: 1 %
        "Retired, 8000.00, 80.00",
    })
    void bracketsOnTheWholeBase(String category, String base, String expected) {
        assertEquals(expected, assess(category, base));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @DisplayName("LX-DUES-5 fixed amounts: 0.20 for students, the unemployed and the minimum living allowance; farmers the node's amount")
    @CsvSource({"Student, 0.20", "Unemployed, 0.20", "MinimumLivingAllowance, 0.20", "Farmer, 0.20"})
    void fixedAmounts(String category, String expected) {
        assertEquals(expected, assess(category, null));
        assertEquals(expected, assess(category, "12000.00"), "the base does not matter");
    }

    @Test
    @DisplayName("the farmers' amount is policy within 0.20 to 1.00; employed without a base are unassessed")
    void farmersAmountIsPolicy() {
        assertEquals(Optional.of(new BigDecimal("1.00")), DuesRates.of(new BigDecimal("1.00")).assess("Farmer", Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> DuesRates.of(new BigDecimal("1.01")));
        assertThrows(IllegalArgumentException.class, () -> DuesRates.of(new BigDecimal("0.19")));
        assertEquals("none", assess("Employed", null));
        assertEquals("none", assess("Nobody", "100.00"));
    }

    @Test
    @DisplayName("LX-DUES-4 the rate table served is the spec's: four employed brackets, two retired, fixed amounts")
    void rateTable() {
        var json = RATES.toJson();
        assertEquals("中组发〔2008〕3号", json.getString("source"));
        var employed = json.getJsonArray("categories").getJsonObject(0);
        assertEquals("Employed", employed.getString("category"));
        assertEquals("[{\"upTo\":\"3000.00\",\"rate\":\"0.005\"},{\"upTo\":\"5000.00\",\"rate\":\"0.01\"},"
                + "{\"upTo\":\"10000.00\",\"rate\":\"0.015\"},{\"rate\":\"0.02\"}]", employed.getJsonArray("brackets").toString());
        assertEquals("0.20", json.getJsonArray("categories").getJsonObject(2).getString("fixedAmount"));
    }

    private static DuesAccount account(String admitted, String to, String... paidMonths) {
        MemberDues member = new MemberDues(org.apache.jena.graph.NodeFactory.createURI("http://x/members/m"), "王芳", Optional.empty(),
                Optional.of("Student"), Optional.empty(), Optional.of(YearMonth.parse(admitted)));
        Map<YearMonth, BigDecimal> paid = new java.util.TreeMap<>();
        for (String m : paidMonths) {
            paid.put(YearMonth.parse(m), new BigDecimal("0.20"));
        }
        return new DuesAccount(member, Optional.of(new BigDecimal("0.20")), YearMonth.parse(to), paid);
    }

    @Test
    @DisplayName("LX-DUES-15 LX-DUES-16 consecutive unpaid months run back across the turn of the year; six is flagged, five is not")
    void arrearsAcrossTheYear() {
        // paid up to August 2025; September 2025 to February 2026 unpaid: six months over the year's end
        DuesAccount six = account("2020-01", "2026-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08");
        assertEquals(6, six.consecutiveUnpaid());
        assertTrue(six.flagged());
        assertEquals(YearMonth.parse("2025-09"), six.since());
        DuesAccount five = account("2020-01", "2026-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09");
        assertEquals(5, five.consecutiveUnpaid());
        assertEquals(false, five.flagged());
        assertEquals(5, five.months().stream().filter(five::unpaid).count());
    }

    @Test
    @DisplayName("LX-DUES-6 liable from the month of admission: a probationary member admitted in December owes December, not November")
    void liableFromTheMonthOfAdmission() {
        DuesAccount account = account("2025-12", "2026-02");
        assertEquals(3, account.months().size(), account.months().toString());
        assertEquals(3, account.consecutiveUnpaid());
        assertEquals(false, account.unpaid(YearMonth.parse("2025-11")));
    }
}
