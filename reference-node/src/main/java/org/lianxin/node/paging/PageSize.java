package org.lianxin.node.paging;

import org.lianxin.node.problems.ProblemException;

/** The {@code limit} of a list (spec Table 3.9): a whole number ≥ 1; a node may put fewer items than asked. */
public final class PageSize {

    private PageSize() {}

    /** {@code text} as a page size, at most {@code max}; {@code fallback} when absent; a 400 problem when not allowed. */
    public static int of(String text, int fallback, int max) {
        if (text == null) {
            return fallback;
        }
        if (text.matches("[0-9]{1,18}")) {
            long asked = Long.parseLong(text);
            if (asked >= 1) {
                return (int) Math.min(asked, max);
            }
        } else if (text.matches("[0-9]+")) {
            return max; // larger than any long, and still a whole number
        }
        throw ProblemException.badRequest("limit is a whole number of at least 1.");
    }
}
