package org.lianxin.node.security;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;

/**
 * The demo issuer's routes, present only in demo mode: its public keys, and tokens for any claims.
 * Anyone can mint a token here: that is what demo mode is, and why a production node never has it.
 */
@Path("/demo")
@RequestScoped
public class DemoResource {

    @Inject
    SecuritySettings settings;

    @Inject
    DemoIssuer issuer;

    @Inject
    HostedNodes nodes;

    @GET
    @Path("jwks.json")
    public Response keys() {
        demoOnly();
        return Response.ok(issuer.publicKeys().toJson()).type("application/json").build();
    }

    /**
     * Mints a token: {@code {"sub", "groups": [...], "actingFor", "member", "audience": [...],
     * "expiresIn": seconds, "notBefore": seconds from now}}; the audience defaults to every node this
     * process hosts.
     */
    @POST
    @Path("tokens")
    @Consumes("*/*")
    public Response mint(String body) {
        demoOnly();
        JsonObject request;
        try {
            request = JSON.createReader(new StringReader(body == null || body.isBlank() ? "{}" : body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ProblemException.badRequest("Send the claims as a JSON object.");
        }
        try {
            return Response.ok(JSON.createObjectBuilder().add("token", issuer.mint(claims(request))).build().toString())
                    .type("application/json").build();
        } catch (ClassCastException | NullPointerException | ArithmeticException e) {
            throw ProblemException.badRequest("sub and issuer are strings, groups and audience arrays of strings, expiresIn and notBefore whole numbers.");
        }
    }

    private JwtClaims claims(JsonObject request) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(request.containsKey("sub") ? request.getString("sub") : "demo-user");
        claims.setStringListClaim("groups", strings(request, "groups", List.of()));
        if (request.containsKey("actingFor")) {
            claims.setClaim(Caller.ACTING_FOR_CLAIM, request.getString("actingFor"));
        }
        if (request.containsKey("member")) {
            claims.setClaim(Caller.MEMBER_CLAIM, request.getString("member"));
        }
        claims.setAudience(strings(request, "audience", nodes.all().stream().map(LogicalNode::base).toList()));
        NumericDate expires = NumericDate.now();
        expires.addSeconds(request.containsKey("expiresIn") ? request.getInt("expiresIn") : 3600);
        claims.setExpirationTime(expires);
        // Issued now, or at its expiry when that is past: a token is never issued after it expires.
        claims.setIssuedAt(NumericDate.fromSeconds(Math.min(NumericDate.now().getValue(), expires.getValue())));
        if (request.containsKey("issuer")) {
            claims.setIssuer(request.getString("issuer")); // Table 8.16: for the kit's tokens of another issuer
        }
        if (request.containsKey("notBefore")) {
            NumericDate notBefore = NumericDate.now();
            notBefore.addSeconds(request.getInt("notBefore"));
            claims.setNotBefore(notBefore);
        }
        claims.setGeneratedJwtId();
        return claims;
    }

    private void demoOnly() {
        if (!settings.demo()) {
            throw ProblemException.notFound("The demo issuer");
        }
    }

    private static List<String> strings(JsonObject request, String key, List<String> fallback) {
        if (!request.containsKey(key)) {
            return fallback;
        }
        List<String> values = new ArrayList<>();
        try {
            request.getJsonArray(key).forEach(v -> values.add(((JsonString) v).getString()));
        } catch (ClassCastException e) {
            throw ProblemException.badRequest(key + " is an array of strings.");
        }
        return values;
    }
}
