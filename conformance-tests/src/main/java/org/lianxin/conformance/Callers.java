package org.lianxin.conformance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The callers the tests of the record classes (Tasks, Feedback, Notices, Learning) act as, each an
 * Authorization value: a secretary of an organization and a member (minted once per run), a node.
 */
public final class Callers {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Callers() {}

    /** A caller with the roles secretary and organization-admin acting for {@code organization}. */
    public static String secretaryOf(String organization) {
        return TOKENS.computeIfAbsent("org " + organization,
                o -> "Bearer " + Kit.current().tokens().actingFor(organization, "secretary", "organization-admin"));
    }

    /** A node whose base URL is {@code base} (the role node, sub its base URL, 10.5), minted anew. */
    public static String nodeToken(String base) {
        return "Bearer " + Kit.current().tokens().mint(jakarta.json.Json.createObjectBuilder().add("sub", base)
                .add("groups", jakarta.json.Json.createArrayBuilder().add("node")).build());
    }

    /** The member {@code member} themself (the role member, their member claim). */
    public static String memberToken(String member) {
        return TOKENS.computeIfAbsent("member " + member, m -> "Bearer " + Kit.current().tokens().member(member));
    }
}
