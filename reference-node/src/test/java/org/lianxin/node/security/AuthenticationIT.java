package org.lianxin.node.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import jakarta.json.JsonObject;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Problems;

/**
 * The API is closed by default: every bad token gets 401 problem+json and nothing else, while a
 * token the issuer really signed for this node passes. Tokens are made here, with the test issuer's
 * key (src/test/resources, for tests only) or with keys and algorithms the node must refuse.
 */
class AuthenticationIT {

    private static final String ISSUER = "urn:lianxin:test-issuer";
    private static final String MEMBERS = NodeClient.nodeBase() + "/members?limit=1";

    @Test
    @DisplayName("a token the issuer signed for this node is accepted (the control for every refusal below)")
    void aGoodTokenPasses() throws Exception {
        assertEquals(200, call(MEMBERS, sign(claims(NodeClient.nodeBase(), 300), issuerKey(), AlgorithmIdentifiers.RSA_USING_SHA256)).statusCode());
    }

    @Test
    @DisplayName("LX-SEC-2 LX-SEC-3 LX-SEC-5 no token, or a header that is not a bearer token, is 401 problem+json with WWW-Authenticate: Bearer")
    void noTokenIs401() {
        assertUnauthorized(NodeClient.raw(HttpRequest.newBuilder(URI.create(MEMBERS)).GET()));
        for (String header : List.of("Basic dXNlcjpwYXNz", "Bearer", "Bearer not.a.jwt", "bearer abc")) {
            assertUnauthorized(NodeClient.raw(HttpRequest.newBuilder(URI.create(MEMBERS)).header("Authorization", header).GET()));
        }
    }

    @Test
    @DisplayName("LX-SEC-11 LX-SEC-12 expired and not-yet-valid tokens are refused; the clock skew allowed is at most 60 s")
    void expiryAndNotBefore() throws Exception {
        assertUnauthorized(call(MEMBERS, sign(claims(NodeClient.nodeBase(), -61 - 5), issuerKey(), AlgorithmIdentifiers.RSA_USING_SHA256)));
        assertEquals(200, call(MEMBERS, sign(claims(NodeClient.nodeBase(), -30), issuerKey(), AlgorithmIdentifiers.RSA_USING_SHA256)).statusCode(),
                "expired 30 s ago is within the skew");
        JwtClaims early = claims(NodeClient.nodeBase(), 600);
        var notBefore = org.jose4j.jwt.NumericDate.now();
        notBefore.addSeconds(300);
        early.setNotBefore(notBefore);
        assertUnauthorized(call(MEMBERS, sign(early, issuerKey(), AlgorithmIdentifiers.RSA_USING_SHA256)));
    }

    @Test
    @DisplayName("LX-SEC-8 LX-SEC-9 LX-SEC-10 a token from another issuer, for another audience, or signed with another key is refused")
    void wrongIssuerAudienceOrKey() throws Exception {
        JwtClaims otherIssuer = claims(NodeClient.nodeBase(), 300);
        otherIssuer.setIssuer("urn:someone-else");
        assertUnauthorized(call(MEMBERS, sign(otherIssuer, issuerKey(), AlgorithmIdentifiers.RSA_USING_SHA256)));
        assertUnauthorized(call(MEMBERS, sign(claims("http://localhost:9181/nodes/elsewhere", 300), issuerKey(), AlgorithmIdentifiers.RSA_USING_SHA256)));
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId(issuerKey().getKeyId());
        assertUnauthorized(call(MEMBERS, sign(claims(NodeClient.nodeBase(), 300), stranger, AlgorithmIdentifiers.RSA_USING_SHA256)));
    }

    @Test
    @DisplayName("LX-SEC-6 LX-SEC-7 LX-SEC-8 an unsigned token (alg none), another algorithm (HS256 with the public key), or a tampered payload is refused")
    void unsignedOtherAlgorithmOrTampered() throws Exception {
        String payload = b64(claims(NodeClient.nodeBase(), 300).toJson());
        assertUnauthorized(call(MEMBERS, b64("{\"alg\":\"none\"}") + "." + payload + "."));

        JsonWebSignature hs = new JsonWebSignature();
        hs.setPayload(claims(NodeClient.nodeBase(), 300).toJson());
        hs.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hs.setKey(new HmacKey(issuerKey().getRsaPublicKey().getEncoded()));
        hs.setDoKeyValidation(false);
        assertUnauthorized(call(MEMBERS, hs.getCompactSerialization()));

        String good = sign(claims(NodeClient.nodeBase(), 300), issuerKey(), AlgorithmIdentifiers.RSA_USING_SHA256);
        String[] parts = good.split("\\.");
        JwtClaims widened = claims(NodeClient.nodeBase(), 300);
        widened.setSubject("someone-else");
        assertUnauthorized(call(MEMBERS, parts[0] + "." + b64(widened.toJson()) + "." + parts[2]));
    }

    @Test
    @DisplayName("LX-SEC-13 a token without sub, with groups that are not strings, or with a role but not the claim it needs is refused")
    void claimsARoleNeedsArePresent() throws Exception {
        JwtClaims noSubject = claims(NodeClient.nodeBase(), 300);
        noSubject.setSubject("");
        JwtClaims groupsNotStrings = claims(NodeClient.nodeBase(), 300);
        groupsNotStrings.setClaim("groups", List.of(1, 2));
        JwtClaims secretaryForNobody = claims(NodeClient.nodeBase(), 300);
        secretaryForNobody.setStringListClaim("groups", "secretary");
        secretaryForNobody.unsetClaim("https://w3id.org/lianxin/ns#actingFor");
        JwtClaims relativeOrganization = claims(NodeClient.nodeBase(), 300);
        relativeOrganization.setClaim("https://w3id.org/lianxin/ns#actingFor", "organizations/tests");
        JwtClaims memberOfNobody = claims(NodeClient.nodeBase(), 300);
        memberOfNobody.setStringListClaim("groups", "member");
        for (JwtClaims claims : List.of(noSubject, groupsNotStrings, secretaryForNobody, relativeOrganization, memberOfNobody)) {
            assertUnauthorized(call(MEMBERS, sign(claims, issuerKey(), AlgorithmIdentifiers.RSA_USING_SHA256)));
        }
        JwtClaims operator = claims(NodeClient.nodeBase(), 300);
        operator.setStringListClaim("groups", "node-operator", "some-other-system's-role");
        operator.unsetClaim("https://w3id.org/lianxin/ns#actingFor");
        assertEquals(200, call(MEMBERS, sign(operator, issuerKey(), AlgorithmIdentifiers.RSA_USING_SHA256)).statusCode(),
                "a role that needs no claim, and unknown roles, are fine");
    }

    @Test
    @DisplayName("LX-SEC-4 a token in the query parameter access_token, never taken from a URL, is 401")
    void aTokenInTheUrlIsRefused() throws Exception {
        String token = sign(claims(NodeClient.nodeBase(), 300), issuerKey(), AlgorithmIdentifiers.RSA_USING_SHA256);
        assertUnauthorized(NodeClient.raw(HttpRequest.newBuilder(URI.create(MEMBERS + "&access_token=" + token)).GET()));
    }

    @Test
    @DisplayName("LX-SEC-55 the demo issuer's JWK Set holds the public key its tokens verify with, and no private part")
    void theDemoIssuerPublishesItsKey() throws Exception {
        HttpResponse<String> keys = NodeClient.raw(HttpRequest.newBuilder(URI.create(NodeClient.serverUrl() + "/demo/jwks.json")).GET());
        assertEquals(200, keys.statusCode());
        org.jose4j.jwk.JsonWebKeySet set = new org.jose4j.jwk.JsonWebKeySet(keys.body());
        assertTrue(!keys.body().contains("\"d\""), "no private exponent");
        org.jose4j.jwt.consumer.JwtConsumer consumer = new org.jose4j.jwt.consumer.JwtConsumerBuilder()
                .setVerificationKeyResolver(new org.jose4j.keys.resolvers.JwksVerificationKeyResolver(set.getJsonWebKeys()))
                .setSkipDefaultAudienceValidation().setExpectedIssuer(ISSUER).build();
        JwtClaims verified = consumer.processToClaims(NodeClient.tokenFor(NodeClient.top(), "secretary"));
        assertEquals("lianxin-tests", verified.getSubject());
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("LX-SEC-1 node descriptions, the host listing and the spec's files need no token")
    @ValueSource(strings = {"/.well-known/lianxin", "/nodes/it/.well-known/lianxin", "/nodes/it/spec/context.jsonld", "/nodes/it/spec/shapes.ttl"})
    void openRoutes(String path) {
        HttpResponse<String> response = NodeClient.raw(HttpRequest.newBuilder(URI.create(NodeClient.serverUrl() + path)).GET());
        assertEquals(200, response.statusCode());
    }

    @Test
    @DisplayName("LX-SEC-24 registering a child needs the node-operator role: 403 otherwise")
    void registrationNeedsNodeOperator() throws Exception {
        JwtClaims secretary = claims(NodeClient.nodeBase(), 300);
        secretary.setStringListClaim("groups", "secretary");
        HttpResponse<String> response = NodeClient.raw(HttpRequest.newBuilder(URI.create(NodeClient.nodeBase() + "/federation/children"))
                .header("Authorization", "Bearer " + sign(secretary, issuerKey(), AlgorithmIdentifiers.RSA_USING_SHA256))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"base\": \"http://localhost:9181/nodes/fed-county\"}")));
        Problems.assertProblem(response, 403, "forbidden", "Forbidden");
    }

    @Test
    @DisplayName("LX-SEC-54 the demo issuer mints tokens for the claims given, and refuses malformed claims with 400")
    void demoIssuerMintsAndRefusesBadClaims() {
        String tokens = NodeClient.serverUrl() + "/demo/tokens";
        for (String body : List.of("{\"expiresIn\": \"soon\"}", "{\"groups\": \"admin\"}", "{\"sub\": 5}", "[1]")) {
            Problems.assertProblem(NodeClient.raw(HttpRequest.newBuilder(URI.create(tokens)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))), 400, "bad-request", "Bad request");
        }
        String token = NodeClient.tokenFor(NodeClient.top(), "secretary");
        assertEquals(200, call(MEMBERS, token).statusCode());
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        JsonObject problem = Problems.assertProblem(response, 401, "unauthorized", "Unauthorized");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertTrue(!problem.containsKey("errors"), "nothing but the problem");
        assertEquals("invalid token", problem.getString("detail"));
    }

    private static HttpResponse<String> call(String url, String token) {
        return NodeClient.raw(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", Fixtures.JSON_LD).GET());
    }

    private static JwtClaims claims(String audience, long expiresInSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("auth-test");
        claims.setAudience(audience);
        claims.setStringListClaim("groups", "organization-admin");
        claims.setClaim("https://w3id.org/lianxin/ns#actingFor", NodeClient.top());
        var issued = org.jose4j.jwt.NumericDate.now();
        issued.addSeconds(-600); // before any expiry the tests give, as a real token's would be
        claims.setIssuedAt(issued);
        var expires = org.jose4j.jwt.NumericDate.now();
        expires.addSeconds(expiresInSeconds);
        claims.setExpirationTime(expires);
        return claims;
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey key, String algorithm) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(algorithm);
        return jws.getCompactSerialization();
    }

    private static RsaJsonWebKey issuerKey() throws Exception {
        return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(Path.of("src/test/resources/test-issuer-key.json"), StandardCharsets.UTF_8));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
