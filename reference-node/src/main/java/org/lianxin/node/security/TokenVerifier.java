package org.lianxin.node.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.Key;
import java.security.PublicKey;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.RsaKeyUtil;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Checks bearer tokens (spec chapter 8): signature by a key of the configured issuer (RS256 or
 * ES256, never {@code none}), issuer, the node's own base URL in the audience, expiry and
 * not-before within the allowed clock skew.
 *
 * <p>jose4j directly rather than MicroProfile JWT: a process hosts many logical nodes and each is
 * its own audience, while MicroProfile JWT takes one audience per server; and an invalid token must
 * be answered with the spec's problem+json, not the server's own 401 page.
 */
@ApplicationScoped
public class TokenVerifier {

    /** A token that is not valid; the reason is for the log, never for the caller. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    @Inject
    SecuritySettings settings;

    @Inject
    DemoIssuer demo;

    private String issuer;
    private VerificationKeyResolver keys;

    /** Tokens verified recently, by audience and token (see {@link #verify}). */
    private static final long VERIFIED_FOR_MILLIS = 60_000;
    private static final int MAX_VERIFIED = 10_000;
    private final java.util.Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    private record Verified(Caller caller, long until) {}

    /** A node without an issuer and keys refuses to start, unless it runs in demo mode. */
    @PostConstruct
    void configure() {
        if (settings.demo() && settings.keys().isEmpty()) {
            issuer = demo.issuer();
            keys = (jws, context) -> new JwksVerificationKeyResolver(demo.publicKeys().getJsonWebKeys()).resolveKey(jws, context);
            return;
        }
        issuer = settings.issuer().orElseThrow(() -> new IllegalStateException(
                "lianxin.security.issuer is not set: a node outside demo mode needs its token issuer"));
        String location = settings.keys().orElseThrow(() -> new IllegalStateException(
                "lianxin.security.keys is not set: a node outside demo mode needs its issuer's keys (JWKS URL or PEM file)"));
        keys = location.startsWith("http://") || location.startsWith("https://")
                ? new HttpsJwksVerificationKeyResolver(jwks(location)) // re-fetched on an unknown key id: keys rotate
                : new PemFileKeys(Path.of(location));
    }

    /**
     * A JWK Set read again every 5 minutes, and for a key id it does not know (spec 8.5), but not
     * more than once a second: tokens with made-up key ids must not turn the node against its issuer.
     */
    static HttpsJwks jwks(String location) {
        HttpsJwks jwks = new HttpsJwks(location);
        jwks.setDefaultCacheDuration(300);
        jwks.setRefreshReprieveThreshold(1000);
        return jwks;
    }

    /** The issuer whose tokens this node accepts. */
    public String issuer() {
        return issuer;
    }

    /**
     * The caller of {@code authorization} ({@code Bearer} and the token) at the node {@code audience}.
     * A token verified once is taken again without checking its signature for up to a minute, never
     * past its expiry: a federated query brings the same token to every node of the subtree (166 in
     * a province, all in this process when it hosts them). The keys themselves are cached for 5
     * minutes, so this does not lengthen the time a removed key is still trusted.
     */
    public Caller caller(String authorization, String audience) throws Invalid {
        // Kept by the signature, compared whole: a token naming every node of a province is 11 kB,
        // and hashing it on every request was a twentieth of a single read (issue 6, W4).
        String key = audience + " " + authorization.substring(authorization.lastIndexOf('.') + 1);
        long now = System.currentTimeMillis();
        Verified kept = verified.get(key);
        if (kept != null && now < kept.until() && kept.caller().authorization().equals(authorization)) {
            return kept.caller();
        }
        JwtClaims claims = check(authorization.substring(authorization.indexOf(' ') + 1).trim(), audience);
        Caller caller = caller(claims, authorization);
        try {
            long until = Math.min(now + VERIFIED_FOR_MILLIS, claims.getExpirationTime().getValueInMillis());
            if (verified.size() >= MAX_VERIFIED) {
                verified.clear();
            }
            verified.put(key, new Verified(caller, until));
        } catch (MalformedClaimException e) {
            throw new Invalid("malformed exp", e);
        }
        return caller;
    }

    private JwtClaims check(String token, String audience) throws Invalid {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(settings.clockSkewSeconds())
                .setExpectedIssuer(issuer)
                .setExpectedAudience(true, audience, audience + "/") // LX-SEC-10: a trailing / ignored
                .setVerificationKeyResolver(keys)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .build();
        try {
            return consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new Invalid("invalid token", e);
        }
    }

    /**
     * The roles, organization and member of verified claims. LX-SEC-13: a role that needs a claim
     * (secretary and organization-admin an organization, member a member) without it as an
     * absolute IRI makes the token invalid; so does an empty sub or a groups that is not strings.
     */
    static Caller caller(JwtClaims claims, String authorization) throws Invalid {
        try {
            if (claims.getSubject() == null || claims.getSubject().isBlank()) {
                throw new Invalid("empty sub", null);
            }
            List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
            Set<String> roles = Set.copyOf(new HashSet<>(groups));
            boolean manages = roles.contains(Caller.SECRETARY) || roles.contains(Caller.ORGANIZATION_ADMIN);
            Optional<String> actingFor = iriClaim(claims, Caller.ACTING_FOR_CLAIM, manages);
            Optional<String> member = iriClaim(claims, Caller.MEMBER_CLAIM, roles.contains(Caller.MEMBER));
            Set<String> audience = new HashSet<>();
            claims.getAudience().forEach(a -> audience.add(Caller.Audience.normalized(a)));
            return new Caller(claims.getSubject(), roles, manages ? actingFor : Optional.empty(),
                    roles.contains(Caller.MEMBER) ? member : Optional.empty(), Set.copyOf(audience), authorization);
        } catch (MalformedClaimException e) {
            throw new Invalid("malformed claims", e);
        }
    }

    /**
     * The {@code aud} of the bearer token in {@code authorization}, normalized, read without checking
     * the token: for a token this node already verified, or its own configured one, to decide where
     * it may be relayed (LX-SEC-29). Empty when it cannot be read.
     */
    public static Set<String> audienceOf(String authorization) {
        Set<String> kept = AUDIENCES.get(authorization);
        if (kept != null) {
            return kept;
        }
        if (AUDIENCES.size() >= MAX_VERIFIED) {
            AUDIENCES.clear();
        }
        Set<String> audience = readAudience(authorization);
        AUDIENCES.put(authorization, audience);
        return audience;
    }

    /**
     * The audiences read from tokens, by Authorization header: a federated query relays one token
     * to every child of every node it reaches, and reading a token's claims is JSON parsing.
     */
    private static final java.util.Map<String, Set<String>> AUDIENCES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Set<String> readAudience(String authorization) {
        try {
            String[] parts = authorization.substring(authorization.indexOf(' ') + 1).trim().split("\\.");
            String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            JwtClaims claims = JwtClaims.parse(payload);
            Set<String> audience = new HashSet<>();
            claims.getAudience().forEach(a -> audience.add(Caller.Audience.normalized(a)));
            return Set.copyOf(audience);
        } catch (RuntimeException | org.jose4j.jwt.consumer.InvalidJwtException | MalformedClaimException e) {
            return Set.of();
        }
    }

    /** A claim whose value is an absolute http(s) IRI; required when {@code required}. */
    private static Optional<String> iriClaim(JwtClaims claims, String name, boolean required) throws Invalid {
        Object value = claims.getClaimValue(name);
        if (value == null) {
            if (required) {
                throw new Invalid("missing " + name, null);
            }
            return Optional.empty();
        }
        if (!(value instanceof String iri) || !iri.matches("https?://[^\\s<>\"{}|^`\\\\]+")) {
            if (required) {
                throw new Invalid("malformed " + name, null);
            }
            return Optional.empty();
        }
        return Optional.of(iri);
    }

    /** A public key in a PEM file, read again whenever the file changes: keys rotate without a restart. */
    static final class PemFileKeys implements VerificationKeyResolver {
        private final Path file;
        private FileTime read;
        private PublicKey key;

        PemFileKeys(Path file) {
            this.file = file;
            load();
        }

        @Override
        public synchronized Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
            try {
                if (!Files.getLastModifiedTime(file).equals(read)) {
                    load();
                }
            } catch (IOException | UncheckedIOException e) {
                throw new UnresolvableKeyException("the key file cannot be read", e);
            }
            return key;
        }

        private void load() {
            try {
                read = Files.getLastModifiedTime(file);
                key = new RsaKeyUtil().fromPemEncoded(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the key file " + file, e);
            } catch (JoseException | java.security.spec.InvalidKeySpecException e) {
                throw new IllegalStateException("not an RSA public key in PEM: " + file, e);
            }
        }
    }

}
