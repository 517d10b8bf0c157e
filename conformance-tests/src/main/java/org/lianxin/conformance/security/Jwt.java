package org.lianxin.conformance.security;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Assumptions;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;

/** Tokens taken apart and put together again: the bad tokens of Table 8.5 that only the kit can make. */
final class Jwt {

    private Jwt() {}

    static String[] parts(String token) {
        return token.split("\\.", -1);
    }

    static JsonObject header(String token) {
        return json(decode(parts(token)[0]));
    }

    static JsonObject payload(String token) {
        return json(decode(parts(token)[1]));
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    /** The token's claims, unsigned: {"alg":"none"}, with {@code signature} as its third part. */
    static String unsigned(String token, String header, String signature) {
        return b64(header) + "." + parts(token)[1] + "." + signature;
    }

    /** The token's claims signed with HS256, the secret being {@code secret}. */
    static String hs256(String token, byte[] secret) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(decode(parts(token)[1]));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        String kid = header(token).getString("kid", null);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setKey(new HmacKey(secret));
        jws.setDoKeyValidation(false);
        return serialize(jws);
    }

    /** The token's claims signed with RS256 by a key the kit just made, under the issuer's kid (or none). */
    static String signedByStranger(String token, boolean keepKid) {
        try {
            RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(decode(parts(token)[1]));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            String kid = header(token).getString("kid", null);
            if (keepKid && kid != null) {
                jws.setKeyIdHeaderValue(kid);
            }
            jws.setKey(stranger.getPrivateKey());
            return serialize(jws);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token with its payload changed after signing, the signature kept. */
    static String withPayload(String token, JsonObject payload) {
        String[] p = parts(token);
        return p[0] + "." + b64(payload.toString()) + "." + p[2];
    }

    /** The token with its header changed after signing, the signature kept. */
    static String withHeader(String token, JsonObject header) {
        String[] p = parts(token);
        return b64(header.toString()) + "." + p[1] + "." + p[2];
    }

    static JsonObjectBuilder copy(JsonObject object) {
        return Json.createObjectBuilder(object);
    }

    /** The demo issuer's JWK Set ({origin}/demo/jwks.json); cantTell without one. */
    static JsonWebKeySet demoKeys() {
        Response keys = Http.anonymous(HttpRequest.newBuilder(URI.create(Kit.current().origin() + "/demo/jwks.json")).GET());
        Assumptions.assumeTrue(keys.status() == 200, "the host serves no demo JWK Set: the kit has no public key of the issuer to misuse");
        try {
            return new JsonWebKeySet(keys.body());
        } catch (JoseException e) {
            throw new AssertionError("the demo issuer's JWK Set is not a JWK Set: " + e.getMessage(), e);
        }
    }

    /** The ways an attacker writes the issuer's RSA public keys as an HMAC secret: DER, PEM, the JWK, the modulus. */
    static List<byte[]> publicKeysAsSecrets() {
        List<byte[]> secrets = new ArrayList<>();
        for (JsonWebKey key : demoKeys().getJsonWebKeys()) {
            if (key instanceof RsaJsonWebKey rsa) {
                PublicKey publicKey = rsa.getPublicKey();
                byte[] der = publicKey.getEncoded();
                String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
                secrets.add(der);
                secrets.add(pem.getBytes(StandardCharsets.US_ASCII));
                secrets.add(pem.trim().getBytes(StandardCharsets.US_ASCII));
                secrets.add(key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).getBytes(StandardCharsets.UTF_8));
                secrets.add(rsa.getRsaPublicKey().getModulus().toByteArray());
            }
        }
        Assumptions.assumeFalse(secrets.isEmpty(), "the demo JWK Set has no RSA key");
        return secrets;
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
