package org.lianxin.conformance.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The exchanges of the test that is running: the kit runs one test at a time, and a test's
 * requests are its evidence when it fails.
 */
public final class Evidence {

    private static final List<Exchange> EXCHANGES = new ArrayList<>();

    private Evidence() {}

    public static synchronized void record(Exchange exchange) {
        EXCHANGES.add(exchange);
    }

    /** The exchanges recorded since the last call, which forgets them. */
    public static synchronized List<Exchange> take() {
        List<Exchange> taken = List.copyOf(EXCHANGES);
        EXCHANGES.clear();
        return taken;
    }
}
