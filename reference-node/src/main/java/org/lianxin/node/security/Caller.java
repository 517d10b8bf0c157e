package org.lianxin.node.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, from their verified token (spec chapter 8).
 *
 * @param subject       the caller's user id ({@code sub})
 * @param roles         the roles in {@code groups}: member, secretary, organization-admin, node-operator, node, resident
 * @param actingFor     the organization the caller acts for, if any
 * @param member        the member the caller is, if any
 * @param audience      the base URLs of the nodes the token is for ({@code aud}): the only nodes it is relayed to (LX-SEC-29)
 * @param authorization the request's Authorization header, relayed unchanged to other nodes
 */
public record Caller(String subject, Set<String> roles, Optional<String> actingFor, Optional<String> member,
                     Set<String> audience, String authorization) {

    public static final String MEMBER = "member";
    public static final String SECRETARY = "secretary";
    public static final String ORGANIZATION_ADMIN = "organization-admin";
    public static final String NODE_OPERATOR = "node-operator";
    /** A resident (居民) served by an organization: not a member; {@code sub} identifies them (spec chapter 18). */
    public static final String RESIDENT = "resident";
    /** Another node, calling with its own credential: {@code sub} is its base URL (spec 8.6, chapter 10). */
    public static final String NODE = "node";

    /** The claim naming the organization the caller acts for. */
    public static final String ACTING_FOR_CLAIM = "https://w3id.org/lianxin/ns#actingFor";
    /** The claim naming the member the caller is. */
    public static final String MEMBER_CLAIM = "https://w3id.org/lianxin/ns#member";

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Secretaries and organization admins read and write the subtree of their organization (Table 8.7). */
    public boolean managesSubtree() {
        return (has(SECRETARY) || has(ORGANIZATION_ADMIN)) && actingFor.isPresent();
    }

    /** Whether the token may be sent to the node at {@code base} (LX-SEC-29): its base, a trailing / ignored, is in the aud. */
    public boolean mayBeSentTo(String base) {
        return audience.contains(Audience.normalized(base));
    }

    /** Base URLs as the aud compares them. */
    public static final class Audience {
        private Audience() {}

        public static String normalized(String base) {
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }

        /** Whether {@code url} lies under one of the base URLs of {@code audience}. */
        public static boolean covers(java.util.Set<String> audience, java.net.URI url) {
            String u = url.toString();
            return audience.stream().anyMatch(base -> u.equals(base) || u.startsWith(base + "/") || u.startsWith(base + "?"));
        }
    }
}
