package org.lianxin.node.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The periods of a year that have ended by a month (spec 12.4), on both sides of each quarter's end and the year's. */
class FrequencyTest {

    @ParameterizedTest(name = "through {0}: quarters {1}")
    @CsvSource(delimiter = ';', value = {
            "2025-02; ",
            "2025-03; 2025-Q1",
            "2025-05; 2025-Q1",
            "2025-06; 2025-Q1 2025-Q2",
            "2025-11; 2025-Q1 2025-Q2 2025-Q3",
            "2025-12; 2025-Q1 2025-Q2 2025-Q3 2025-Q4",
            "2024-12; "})
    @DisplayName("LX-ORGLIFE-8 a quarter counts once its third month is through")
    void quarters(String through, String quarters) {
        assertEquals(quarters == null ? List.of() : List.of(quarters.split(" ")), Frequency.QUARTERLY.endedPeriods(2025, YearMonth.parse(through)));
    }

    @ParameterizedTest(name = "through {0}: {1} months, year counted {2}")
    @CsvSource({"2025-01, 1, false", "2025-11, 11, false", "2025-12, 12, true"})
    @DisplayName("LX-ORGLIFE-8 every month through the one asked; the year once December is through")
    void monthsAndYear(String through, int months, boolean year) {
        YearMonth last = YearMonth.parse(through);
        assertEquals(months, Frequency.MONTHLY.endedPeriods(2025, last).size());
        assertEquals(year ? List.of("2025") : List.of(), Frequency.YEARLY.endedPeriods(2025, last));
    }

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({"2025-03, 2025-Q1", "2025-04, 2025-Q2", "2025-09, 2025-Q3", "2025-10, 2025-Q4", "2025-12, 2025-Q4"})
    @DisplayName("LX-ORGLIFE-7 a day at a quarter's end counts for that quarter, the next day for the next")
    void quarterOfAMonth(String month, String quarter) {
        assertEquals(quarter, Frequency.QUARTERLY.period(YearMonth.parse(month)));
    }
}
