package org.lianxin.node.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * The demo mode's own token issuer (spec chapter 8): an RSA key kept in the data directory, its
 * public half served as a JWKS, and tokens minted on request. It exists only in demo mode.
 */
@ApplicationScoped
public class DemoIssuer {

    @Inject
    @ConfigProperty(name = "lianxin.data.dir")
    String dataDirectory;

    @Inject
    @ConfigProperty(name = "lianxin.public.url")
    String publicUrl;

    /** Where the key is kept; several demo processes of one federation share one file. */
    @Inject
    @ConfigProperty(name = "lianxin.security.demo.key-file")
    Optional<String> keyFile;

    @Inject
    SecuritySettings settings;

    private RsaJsonWebKey key;

    /** The issuer of demo tokens: lianxin.security.issuer, else {public url}/demo. */
    public String issuer() {
        return settings.issuer().orElse(publicUrl.replaceAll("/+$", "") + "/demo");
    }

    /** The public keys, as a JWKS (RFC 7517). */
    public synchronized JsonWebKeySet publicKeys() {
        RsaJsonWebKey publicKey = new RsaJsonWebKey(key().getRsaPublicKey());
        publicKey.setKeyId(key().getKeyId());
        publicKey.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        publicKey.setUse("sig");
        return new JsonWebKeySet(publicKey);
    }

    /** Signs {@code claims} as a compact JWS, RS256; the issuer is the demo issuer unless the claims name one. */
    public String mint(JwtClaims claims) {
        if (!claims.hasClaim("iss")) {
            claims.setIssuer(issuer());
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key().getPrivateKey());
        jws.setKeyIdHeaderValue(key().getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a demo token", e);
        }
    }

    /** The key pair, created on first use and kept so that tokens survive a restart. */
    private synchronized RsaJsonWebKey key() {
        if (key != null) {
            return key;
        }
        Path file = keyFile.filter(f -> !f.isBlank()).map(Path::of).orElse(Path.of(dataDirectory, "demo-issuer-key.json"));
        try {
            if (Files.exists(file)) {
                key = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(file, StandardCharsets.UTF_8));
            } else {
                key = RsaJwkGenerator.generateJwk(2048);
                key.setKeyId("demo-" + Long.toHexString(System.currentTimeMillis()));
                Files.createDirectories(file.getParent());
                Files.writeString(file, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE), StandardCharsets.UTF_8);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo issuer's key in " + file, e);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot make the demo issuer's key", e);
        }
    }

}
