package org.lianxin.node.dues;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.lianxin.node.problems.ProblemException;

/** Months in query parameters (xsd:gYearMonth, e.g. 2026-03) and the default month of accounts. */
final class DuesMonths {

    /** The node's today is in China Standard Time (spec 1.1). */

    private DuesMonths() {}

    /** The month of a parameter; empty when absent; 400 when it is not yyyy-MM (LX-DUES-19, LX-CORE-37). */
    static Optional<YearMonth> parse(String text, String parameter) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            if (!text.matches("[0-9]{4}-[0-9]{2}")) {
                throw new DateTimeParseException("not yyyy-MM", text, 0);
            }
            return Optional.of(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter + " is a month such as 2026-03.");
        }
    }

    static ProblemException missing(String parameter) {
        return ProblemException.badRequest("Give " + parameter + ", a month such as 2026-03.");
    }
}
