package org.lianxin.conformance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.lianxin.conformance.fixtures.Sandbox;

/** What every test of the kit works with: the node under test, its sandbox, and a query value encoded for a URL. */
public final class Current {

    private Current() {}

    /** The base URL of the node under test. */
    public static String base() {
        return Kit.current().base();
    }

    /** The sandbox the kit builds its test data in on the node. */
    public static Sandbox sandbox() {
        return Kit.current().sandbox();
    }

    /** {@code value} as a query parameter value (UTF-8). */
    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
