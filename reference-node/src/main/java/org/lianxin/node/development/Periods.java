package org.lianxin.node.development;

import java.time.LocalDate;

/**
 * Periods counted in years and months as the Civil Code counts them (《民法典》第二百零一条、第二百零二条):
 * the period ends on the day of the last month that corresponds to the day it started from, or on
 * that month's last day when it has no such day. A year from 29 February 2024 ends on 28 February
 * 2025; three months from 30 November 2025 end on 28 February 2026. The end day itself is within.
 */
public final class Periods {

    private Periods() {}

    /** The last day of a period of {@code months} months counted from {@code start}. */
    public static LocalDate monthsAfter(LocalDate start, long months) {
        return start.plusMonths(months); // java.time clamps to the month's last day, as art. 202 does
    }

    /** The last day of a period of {@code years} years counted from {@code start}. */
    public static LocalDate yearsAfter(LocalDate start, long years) {
        return start.plusYears(years);
    }
}
