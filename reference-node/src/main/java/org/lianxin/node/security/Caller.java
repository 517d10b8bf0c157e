package org.lianxin.node.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, from their verified token (spec chapter 8).
 *
 * @param subject       the caller's user id ({@code sub})
 * @param roles         the roles in {@code groups}: member, secretary, organization-admin, node-operator
 * @param actingFor     the organization the caller acts for, if any
 * @param member        the member the caller is, if any
 * @param authorization the request's Authorization header, relayed unchanged to other nodes
 */
public record Caller(String subject, Set<String> roles, Optional<String> actingFor, Optional<String> member, String authorization) {

    public static final String MEMBER = "member";
    public static final String SECRETARY = "secretary";
    public static final String ORGANIZATION_ADMIN = "organization-admin";
    public static final String NODE_OPERATOR = "node-operator";

    /** The claim naming the organization the caller acts for. */
    public static final String ACTING_FOR_CLAIM = "https://w3id.org/lianxin/ns#actingFor";
    /** The claim naming the member the caller is. */
    public static final String MEMBER_CLAIM = "https://w3id.org/lianxin/ns#member";

    public boolean has(String role) {
        return roles.contains(role);
    }
}
