package org.lianxin.node.demo;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Random dates for the demo: always from the given random stream, so the same seed gives the same dates. */
final class Dates {

    private Dates() {}

    /** A uniformly drawn day in [from, to]; {@code from} if the range is empty. */
    static LocalDate between(SplittableRandom random, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
    }

    /** {@code date} minus a uniformly drawn number of days in [min, max]. */
    static LocalDate daysBefore(SplittableRandom random, LocalDate date, int min, int max) {
        return date.minusDays(min + random.nextInt(max - min + 1));
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
