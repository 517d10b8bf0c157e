package org.lianxin.conformance.security;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** 8.5, 8.10, 8.11: production and demo mode, the demo issuer, and the endpoints of Security. */
class IssuerTest {

    private static final String ACTING_FOR = "https://w3id.org/lianxin/ns#actingFor";
    private static final String MEMBER = "https://w3id.org/lianxin/ns#member";

    /** Demo mode, as the kit tells it (8.13): the host serves {origin}/demo/jwks.json. */
    private static boolean demo() {
        return Http.anonymous(HttpRequest.newBuilder(URI.create(Kit.current().origin() + "/demo/jwks.json")).GET()).status() == 200;
    }

    private static Response mintAt(String body) {
        return Http.anonymous(HttpRequest.newBuilder(URI.create(Kit.current().origin() + "/demo/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    @DisplayName("a node outside demo mode has an https base URL")
    @Verifies(id = "LX-SEC-16", level = "SHOULD", of = "Security")
    void httpsOutsideDemoMode() {
        Inapplicable.unless(!demo(), "the host runs in demo mode ({origin}/demo/jwks.json answers 200): LX-SEC-16 concerns nodes outside it");
        assertTrue(Kit.current().base().startsWith("https://"), "the base URL " + Kit.current().base() + " is not https");
    }

    @Test
    @DisplayName("a host outside demo mode answers 404 at its demo routes")
    @Verifies(id = "LX-SEC-53", level = "MUST", of = "Security")
    void noDemoRoutesOutsideDemoMode() {
        Inapplicable.unless(!demo(), "the host runs in demo mode ({origin}/demo/jwks.json answers 200): LX-SEC-53 concerns hosts outside it");
        assertEquals(404, Http.anonymous(HttpRequest.newBuilder(URI.create(Kit.current().origin() + "/demo/jwks.json")).GET()).status());
        assertEquals(404, mintAt("{}").status(), "POST {origin}/demo/tokens outside demo mode");
    }

    @Test
    @DisplayName("the demo issuer mints a token with the claims of the body, signed with its key, RS256")
    @Verifies(id = "LX-SEC-54", level = "MUST", of = "Security")
    void demoIssuerMintsTheClaimsAsked() throws Exception {
        Inapplicable.unless(demo(), "the host does not run in demo mode: LX-SEC-54 concerns hosts that do");
        String org = Kit.current().sandbox().organization();
        String member = Current.base() + "/members/kit-someone";
        JsonObject body = Json.createObjectBuilder().add("sub", "lianxin-kit-54").add("groups", Records.strings("secretary", "member"))
                .add("actingFor", org).add("member", member).add("audience", Records.strings(Current.base(), "http://localhost:9/nodes/x"))
                .add("expiresIn", 600).add("notBefore", -30).add("issuer", "https://issuer.example/kit").build();
        long now = System.currentTimeMillis() / 1000;
        Response answer = mintAt(body.toString());
        assertEquals(200, answer.status(), answer.body());
        assertEquals("application/json", answer.mediaType());
        String token = answer.json().getString("token");
        JwtClaims claims = verified(token);
        assertEquals("RS256", Jwt.header(token).getString("alg"));
        assertEquals("lianxin-kit-54", claims.getSubject());
        assertEquals(List.of("secretary", "member"), claims.getStringListClaimValue("groups"));
        assertEquals(org, claims.getStringClaimValue(ACTING_FOR));
        assertEquals(member, claims.getStringClaimValue(MEMBER));
        assertEquals(List.of(Current.base(), "http://localhost:9/nodes/x"), claims.getAudience());
        assertEquals("https://issuer.example/kit", claims.getIssuer());
        assertTrue(Math.abs(claims.getExpirationTime().getValue() - (now + 600)) <= 10, "exp is 600 s from now: " + claims);
        assertTrue(Math.abs(claims.getNotBefore().getValue() - (now - 30)) <= 10, "nbf is 30 s ago: " + claims);
        assertNotNull(claims.getIssuedAt(), "iat");
        assertNotNull(claims.getJwtId(), "jti");
    }

    @Test
    @DisplayName("a demo token of an empty body has the defaults of Table 8.16, and the node trusts its issuer")
    @Verifies(id = "LX-SEC-54", level = "MUST", of = "Security")
    void demoIssuerDefaults() throws Exception {
        Inapplicable.unless(demo(), "the host does not run in demo mode: LX-SEC-54 concerns hosts that do");
        long now = System.currentTimeMillis() / 1000;
        Response answer = mintAt("{}");
        assertEquals(200, answer.status(), answer.body());
        JwtClaims claims = verified(answer.json().getString("token"));
        assertEquals("demo-user", claims.getSubject());
        assertTrue(!claims.hasClaim("groups") || claims.getStringListClaimValue("groups").isEmpty(), "groups: " + claims);
        assertFalse(claims.hasClaim(ACTING_FOR) || claims.hasClaim(MEMBER), "no actingFor or member claim: " + claims);
        assertTrue(Math.abs(claims.getExpirationTime().getValue() - (now + 3600)) <= 10, "exp is an hour from now: " + claims);
        assertFalse(claims.hasClaim("nbf"), "no nbf: " + claims);
        Set<String> nodes = new TreeSet<>(Http.get(Kit.current().origin() + "/.well-known/lianxin", "Accept", Records.JSON_LD).expect(200).json()
                .getJsonArray("items").stream().map(i -> i.asJsonObject().getString("id", "")).toList());
        assertEquals(nodes, new TreeSet<>(claims.getAudience()), "aud: the base URLs of every node of the host listing");
        assertEquals(Kit.current().endpoint("token-issuer").orElse(null), claims.getIssuer(),
                "iss: the demo issuer, the issuer the node trusts in demo mode");
    }

    @Test
    @DisplayName("the demo JWK Set holds the public key that verifies the demo tokens, and no private part")
    @Verifies(id = "LX-SEC-55", level = "MUST", of = "Security")
    void demoKeys() throws Exception {
        Inapplicable.unless(demo(), "the host does not run in demo mode: LX-SEC-55 concerns hosts that do");
        Response keys = Http.anonymous(HttpRequest.newBuilder(URI.create(Kit.current().origin() + "/demo/jwks.json")).GET());
        assertEquals(200, keys.status());
        JsonObject set = keys.json();
        assertFalse(set.getJsonArray("keys").isEmpty(), "the set has keys");
        for (JsonValue key : set.getJsonArray("keys")) {
            for (String secret : List.of("d", "p", "q", "dp", "dq", "qi", "k")) {
                assertFalse(key.asJsonObject().containsKey(secret), "a JWK of the set has the private member " + secret);
            }
        }
        String kid = Jwt.header(mintAt("{}").json().getString("token")).getString("kid", null);
        assertTrue(set.getJsonArray("keys").stream().anyMatch(k -> kid == null || kid.equals(k.asJsonObject().getString("kid", ""))),
                "the set has the key " + kid + " of the demo tokens");
        verified(mintAt("{}").json().getString("token"));
    }

    @Test
    @DisplayName("the node description lists member-lookup, audit and token-issuer, the issuer of the tokens the node accepts")
    @Verifies(id = "LX-SEC-56", level = "MUST", of = "Security")
    void endpoints() {
        assertEquals(Current.base() + "/members/lookup", Kit.current().endpoint("member-lookup").orElse(null), "member-lookup");
        assertEquals(Current.base() + "/audit", Kit.current().endpoint("audit").orElse(null), "audit");
        String token = Kit.current().tokens().admin();
        assertEquals(200, Http.get(Kit.current().sandbox().organization(), "Accept", Records.JSON_LD).status(), "the kit's token is accepted");
        assertEquals(Jwt.payload(token).getString("iss"), Kit.current().endpoint("token-issuer").orElse(null),
                "token-issuer: the iss of the tokens the node accepts");
    }

    /** The token's claims, once its signature is verified with the demo JWK Set. */
    private static JwtClaims verified(String token) throws InvalidJwtException {
        JsonWebKeySet keys = Jwt.demoKeys();
        List<JsonWebKey> list = keys.getJsonWebKeys();
        try {
            return new JwtConsumerBuilder().setVerificationKeyResolver(new JwksVerificationKeyResolver(list))
                    .setSkipDefaultAudienceValidation().setSkipAllDefaultValidators().build().processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new AssertionError("the demo token does not verify with a key of {origin}/demo/jwks.json: " + e.getMessage(), e);
        }
    }
}
