package org.lianxin.conformance.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** 8.4: the checks of Table 8.5. Each bad token differs from a good one in one way; the good one is the control. */
class TokenChecksTest {

    private static String url() {
        return Kit.current().base() + "/members?limit=1";
    }

    private static Response call(String authorization) {
        return Http.get(url(), "Accept", Records.JSON_LD, "Authorization", authorization);
    }

    private static void refused(String token, String what) {
        Problems.assertUnauthorized(call("Bearer " + token), what);
    }

    private static void accepted(String token, String what) {
        Response answer = call("Bearer " + token);
        assertEquals(200, answer.status(), () -> what + " must be accepted, yet answers " + answer.status() + ": " + answer.body());
    }

    /** A good token of the kit's administrator, minted now, with changes to the request of Table 8.16. */
    private static String minted(JsonObjectBuilder changes) {
        JsonObject asked = changes.build();
        JsonObjectBuilder claims = Records.adminClaims();
        asked.forEach(claims::add);
        long now = System.currentTimeMillis() / 1000;
        String token = Records.mint(claims);
        assumeMinted(asked, Jwt.payload(token), now);
        return token;
    }

    /** The token minted has the claims asked for (Table 8.16), or the kit cannot make the bad token it needs: cantTell. */
    private static void assumeMinted(JsonObject asked, JsonObject claims, long now) {
        String not = "the demo issuer did not mint the token the kit asked for (LX-SEC-54), so the kit cannot make this token: ";
        if (asked.containsKey("issuer")) {
            Assumptions.assumeTrue(asked.getString("issuer").equals(claims.getString("iss", "")),
                    not + "iss " + claims.get("iss") + " where " + asked.get("issuer") + " was asked");
        }
        if (asked.containsKey("audience")) {
            JsonValue aud = claims.get("aud");
            List<String> got = aud instanceof JsonString s ? List.of(s.getString())
                    : aud instanceof JsonArray a ? a.getValuesAs(JsonString::getString) : List.of();
            Assumptions.assumeTrue(asked.getJsonArray("audience").getValuesAs(JsonString::getString).equals(got),
                    not + "aud " + aud + " where " + asked.get("audience") + " was asked");
        }
        for (String[] pair : new String[][] {{"expiresIn", "exp"}, {"notBefore", "nbf"}}) {
            if (asked.containsKey(pair[0])) {
                long want = now + asked.getInt(pair[0]);
                Assumptions.assumeTrue(claims.containsKey(pair[1]) && Math.abs(claims.getJsonNumber(pair[1]).longValue() - want) <= 2,
                        not + pair[1] + " " + claims.get(pair[1]) + " where " + want + " was asked");
            }
        }
        if (asked.containsKey("sub")) {
            Assumptions.assumeTrue(asked.getString("sub").equals(claims.getString("sub", null)), not + "sub " + claims.get("sub"));
        }
    }

    private static String good() {
        return minted(Json.createObjectBuilder());
    }

    @Test
    @DisplayName("an Authorization header that is not Bearer and a JWS of three parts with JSON header and payload is 401")
    @Verifies(id = "LX-SEC-5", level = "MUST", of = "Security")
    void malformed() {
        accepted(good(), "the control, a token of the issuer");
        String good = good();
        String[] p = Jwt.parts(good);
        List<String> headers = new ArrayList<>(List.of("Basic dXNlcjpwYXNz", "Bearer", "Token " + good, good,
                "Bearer " + p[0] + "." + p[1], "Bearer " + good + "." + p[2], "Bearer not.a.jwt",
                "Bearer " + Jwt.b64("[1]") + "." + p[1] + "." + p[2], "Bearer " + p[0] + "." + Jwt.b64("\"claims\"") + "." + p[2],
                "Bearer " + p[0] + "." + Jwt.b64("{\"sub\": ") + "." + p[2]));
        for (String header : headers) {
            Problems.assertUnauthorized(call(header), "Authorization: " + describe(header));
        }
    }

    @Test
    @DisplayName("an unsigned token, alg none, is 401")
    @Verifies(id = "LX-SEC-6", level = "MUST", of = "Security")
    void unsigned() {
        String good = good();
        refused(Jwt.unsigned(good, "{\"alg\":\"none\"}", ""), "alg none, no signature");
        refused(Jwt.unsigned(good, "{\"alg\":\"none\",\"typ\":\"JWT\"}", ""), "alg none with typ JWT");
        refused(Jwt.unsigned(good, Jwt.copy(Jwt.header(good)).add("alg", "none").build().toString(), Jwt.parts(good)[2]),
                "alg none with the issuer's kid and the original signature");
    }

    @Test
    @DisplayName("a token signed with HS256 and the issuer's public key as the secret is 401")
    @Verifies(id = "LX-SEC-7", level = "MUST", of = "Security")
    void otherAlgorithm() {
        String good = good();
        for (byte[] secret : Jwt.publicKeysAsSecrets()) {
            refused(Jwt.hs256(good, secret), "HS256 with the issuer's public key (" + secret.length + " bytes) as secret");
        }
        refused(Jwt.withHeader(good, Jwt.copy(Jwt.header(good)).add("alg", "RS512").build()), "alg RS512 over an RS256 signature");
    }

    @Test
    @DisplayName("a token signed with another key, or changed after signing, is 401")
    @Verifies(id = "LX-SEC-8", level = "MUST", of = "Security")
    void signature() {
        String good = good();
        refused(Jwt.signedByStranger(good, true), "signed with another RSA key under the issuer's kid");
        refused(Jwt.signedByStranger(good, false), "signed with another RSA key, no kid");
        JsonObject claims = Jwt.payload(good);
        refused(Jwt.withPayload(good, Jwt.copy(claims).add("sub", "someone-else").build()), "the payload changed (sub)");
        refused(Jwt.withPayload(good, Jwt.copy(claims).add("groups", Records.strings("organization-admin", "secretary", "node-operator"))
                .build()), "the payload changed (a role added)");
        refused(Jwt.withHeader(good, Jwt.copy(Jwt.header(good)).add("typ", "JWT").add("x", "y").build()), "the header changed");
    }

    @Test
    @DisplayName("a token whose iss is not exactly the issuer is 401")
    @Verifies(id = "LX-SEC-9", level = "MUST", of = "Security")
    void issuer() {
        String issuer = Jwt.payload(good()).getString("iss");
        refused(minted(Json.createObjectBuilder().add("issuer", "https://issuer.elsewhere.example")), "another issuer");
        refused(minted(Json.createObjectBuilder().add("issuer", issuer + "/")), "the issuer with a trailing /");
        refused(minted(Json.createObjectBuilder().add("issuer", issuer + "x")), "the issuer with a character more");
    }

    @Test
    @DisplayName("a token whose aud does not name the node's base URL is 401; a trailing / is ignored")
    @Verifies(id = "LX-SEC-10", level = "MUST", of = "Security")
    void audience() {
        String base = Kit.current().base();
        refused(minted(Json.createObjectBuilder().add("audience", Json.createArrayBuilder())), "an empty aud");
        refused(minted(Json.createObjectBuilder().add("audience", Records.strings("http://localhost:9/nodes/elsewhere"))), "another node");
        refused(minted(Json.createObjectBuilder().add("audience", Records.strings(base + "-other", base.substring(0, base.lastIndexOf('/'))))),
                "base URLs that begin or end like the node's");
        accepted(minted(Json.createObjectBuilder().add("audience", Records.strings(base + "/"))), "aud with the base URL and a trailing /");
        accepted(minted(Json.createObjectBuilder().add("audience", Records.strings("http://localhost:9/nodes/elsewhere", base))),
                "aud with another node and this one");
    }

    @Test
    @DisplayName("a token expired more than 60 s ago, or valid only in more than 60 s, is 401")
    @Verifies(id = "LX-SEC-11", level = "MUST", of = "Security")
    void timeRefused() {
        // 62 s: NumericDate has whole seconds, so 61 s can come out as 60.x s by the time the node checks
        refused(minted(Json.createObjectBuilder().add("expiresIn", -62)), "exp 62 s ago");
        refused(minted(Json.createObjectBuilder().add("expiresIn", -3600)), "exp an hour ago");
        refused(minted(Json.createObjectBuilder().add("notBefore", 62)), "nbf in 62 s");
    }

    @Test
    @DisplayName("a token expired up to 30 s ago, or valid in up to 30 s, is accepted")
    @Verifies(id = "LX-SEC-12", level = "MUST", of = "Security")
    void timeTolerated() {
        // 29 s: whole seconds and the way to the node take up to 1 s of the 30
        accepted(minted(Json.createObjectBuilder().add("expiresIn", -29)), "exp 29 s ago (iat, the time of minting, lies after exp;"
                + " nodes do not check iat, Table 8.4)");
        accepted(minted(Json.createObjectBuilder().add("notBefore", 29)), "nbf in 29 s");
    }

    @Test
    @DisplayName("a token with an empty sub, or a role without the absolute IRI it needs, is 401; other roles need nothing")
    @Verifies(id = "LX-SEC-13", level = "MUST", of = "Security")
    void claims() {
        String org = Kit.current().sandbox().organization();
        refused(minted(Json.createObjectBuilder().add("sub", "")), "an empty sub");
        for (String role : List.of("secretary", "organization-admin")) {
            refused(Records.mint(Json.createObjectBuilder().add("sub", "lianxin-kit").add("groups", Records.strings(role))),
                    role + " without actingFor");
            refused(Records.mint(Json.createObjectBuilder().add("sub", "lianxin-kit").add("groups", Records.strings(role))
                    .add("actingFor", org.substring(Kit.current().base().length() + 1))), role + " with a relative actingFor");
        }
        refused(Records.mint(Json.createObjectBuilder().add("sub", "lianxin-kit").add("groups", Records.strings("member"))),
                "member without the member claim");
        refused(Records.mint(Json.createObjectBuilder().add("sub", "lianxin-kit").add("groups", Records.strings("member"))
                .add("member", "members/someone")), "member with a relative member claim");
        accepted(Records.mint(Json.createObjectBuilder().add("sub", "lianxin-kit").add("groups", Records.strings("node-operator", "other-system-role"))),
                "a node-operator, and a role of another system, without actingFor");
    }

    private static String describe(String header) {
        return header.length() > 40 ? header.substring(0, 20) + "…(" + header.length() + " characters)" : header;
    }
}
