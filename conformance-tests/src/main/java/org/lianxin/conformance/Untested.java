package org.lianxin.conformance;

import java.util.Map;

/**
 * The requirements no test of the kit checks over HTTP, and why (spec 8.13). The kit's build fails
 * when a MUST of the manifest is neither checked by a test nor listed here; the reports give the
 * reason, and a class conforms without them: the node's own tests check them.
 */
public final class Untested {

    private Untested() {}

    public static final Map<String, String> BY_DESIGN = Map.of(
            "LX-FED-14", "needs a restart of the node: checked by the node's own tests (RestartIT)",
            "LX-SEC-14", "needs the node's key location pointed at a JWK Set the kit serves: the node's own tests rotate keys",
            "LX-SEC-15", "concerns the node's start without configuration: checked by the node's own tests",
            "LX-SEC-41", "concerns the node's storage and logs, which the kit cannot see",
            "LX-SEC-45", "concerns the node's logs, which the kit cannot see",
            "LX-SEC-52", "concerns six months of time: checked by the node's own tests");
}
