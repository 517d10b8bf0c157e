package org.lianxin.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** W2's answer: the dues expected and paid in a month, and the members who paid, in yuan to the fen. */
record DuesCollected(BigDecimal expected, BigDecimal paid, long payers) {

    DuesCollected {
        expected = expected.setScale(2, RoundingMode.UNNECESSARY);
        paid = paid.setScale(2, RoundingMode.UNNECESSARY);
    }

    DuesCollected(BigDecimal expected, String paid, long payers) {
        this(expected, new BigDecimal(paid), payers);
    }
}
