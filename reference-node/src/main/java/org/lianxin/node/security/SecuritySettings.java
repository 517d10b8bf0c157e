package org.lianxin.node.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How a node checks tokens ({@code lianxin.security.*}). */
@ApplicationScoped
public class SecuritySettings {

    /** Demo mode: the node runs its own token issuer and mints tokens on request. Never in production. */
    @Inject
    @ConfigProperty(name = "lianxin.security.demo", defaultValue = "false")
    boolean demo;

    /** The issuer whose tokens this node accepts ({@code iss}); in demo mode, default {public url}/demo. */
    @Inject
    @ConfigProperty(name = "lianxin.security.issuer")
    Optional<String> issuer;

    /** Where the issuer's keys are: a JWKS URL (https or http), or a PEM file of a public key. */
    @Inject
    @ConfigProperty(name = "lianxin.security.keys")
    Optional<String> keys;

    /** Allowed clock skew in seconds; the spec allows at most 60. */
    @Inject
    @ConfigProperty(name = "lianxin.security.clock-skew", defaultValue = "60")
    int clockSkewSeconds;

    public boolean demo() {
        return demo;
    }

    public Optional<String> issuer() {
        return issuer.filter(s -> !s.isBlank());
    }

    public Optional<String> keys() {
        return keys.filter(s -> !s.isBlank());
    }

    public int clockSkewSeconds() {
        return Math.min(60, Math.max(0, clockSkewSeconds));
    }
}
