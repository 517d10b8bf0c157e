package org.lianxin.node.activities;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** How often an activity is required (spec Table 12.4), and the periods of a year that have ended by a month. */
public enum Frequency {
    MONTHLY("Monthly"),
    QUARTERLY("Quarterly"),
    YEARLY("Yearly");

    private final String json;

    Frequency(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static Frequency ofJson(String json) {
        for (Frequency f : values()) {
            if (f.json.equalsIgnoreCase(json)) {
                return f;
            }
        }
        throw new IllegalArgumentException("not a frequency: " + json);
    }

    /** The label of the period {@code month} falls in: 2026-03, 2026-Q1 or 2026. */
    public String period(YearMonth month) {
        return switch (this) {
            case MONTHLY -> month.toString();
            case QUARTERLY -> month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
            case YEARLY -> Integer.toString(month.getYear());
        };
    }

    /**
     * The periods of {@code year} that have ended by the end of {@code through} (LX-ORGLIFE-8): a
     * quarter counts once its third month is through, the year once December is.
     */
    public List<String> endedPeriods(int year, YearMonth through) {
        List<String> periods = new ArrayList<>();
        int step = switch (this) {
            case MONTHLY -> 1;
            case QUARTERLY -> 3;
            case YEARLY -> 12;
        };
        for (int last = step; last <= 12; last += step) {
            YearMonth end = YearMonth.of(year, last);
            if (!end.isAfter(through)) {
                periods.add(period(end));
            }
        }
        return periods;
    }
}
