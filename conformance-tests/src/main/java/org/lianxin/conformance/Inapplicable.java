package org.lianxin.conformance;

import org.opentest4j.TestAbortedException;

/**
 * Ends a test whose requirement does not apply to the node as it runs — a rule for nodes outside
 * demo mode, checked against a node in demo mode — as inapplicable, not cantTell: the class can
 * still conform.
 */
public final class Inapplicable extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    public Inapplicable(String reason) {
        super(reason);
    }

    /** Ends the test as inapplicable unless {@code applies}. */
    public static void unless(boolean applies, String reason) {
        if (!applies) {
            throw new Inapplicable(reason);
        }
    }
}
