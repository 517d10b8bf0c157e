package org.lianxin.node.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lianxin.node.testing.NodeClient;

/**
 * The node outside demo mode, deployed by Arquillian with the configuration an operator would give:
 * an issuer whose JWK Set this test serves. It accepts that issuer's tokens, takes a new key without
 * a restart when the set changes (LX-SEC-14), and has no demo issuer (LX-SEC-53).
 */
@ExtendWith(ArquillianExtension.class)
class ProductionModeIT {

    private static final String PRODUCTION = "production";
    private static final String ISSUER = "urn:lianxin:production-test-issuer";
    static final String ORIGIN = NodeClient.arquillianUrl();
    static final String NODE = ORIGIN + "/nodes/arq";

    /** The issuer's JWK Set, served to the node over HTTP; the test changes it to rotate keys. */
    private static final AtomicReference<String> JWKS = new AtomicReference<>();
    private static final HttpServer ISSUER_KEYS = keyServer();

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = PRODUCTION, managed = false, testable = false)
    static WebArchive production() {
        return node("lianxin.security.demo=false\n"
                + "lianxin.security.issuer=" + ISSUER + "\n"
                + "lianxin.security.keys=http://localhost:" + ISSUER_KEYS.getAddress().getPort() + "/jwks.json\n"
                + "lianxin.security.lookup-key=" + Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'Q') + "\n");
    }

    @AfterAll
    static void stopKeys() {
        ISSUER_KEYS.stop(0);
    }

    @Test
    @DisplayName("LX-SEC-14 LX-SEC-53 a production node takes its issuer's new key from the JWK Set without a restart, and has no demo issuer")
    void keysRotateWithoutARestart() throws InterruptedException {
        RsaJsonWebKey first = key("first");
        RsaJsonWebKey second = key("second");
        JWKS.set(new JsonWebKeySet(first).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        deployer.deploy(PRODUCTION);
        try {
            assertEquals(200, members(sign(first, "first")).statusCode(), "a token of the issuer's key");
            assertEquals(401, members(sign(second, "second")).statusCode(), "a key the issuer has not published yet");

            JWKS.set(new JsonWebKeySet(first, second).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)); // the issuer publishes its new key beside the old
            Thread.sleep(1100); // the node reads the set again at most once a second (TokenVerifier.jwks)
            assertEquals(200, members(sign(second, "second")).statusCode(), "the new key, read again for its unknown kid");
            assertEquals(200, members(sign(first, "first")).statusCode(), "the old key, until it is withdrawn");

            for (String demo : List.of("/demo/jwks.json", "/demo/tokens")) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ORIGIN + demo));
                if (demo.endsWith("tokens")) {
                    request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
                }
                assertEquals(404, NodeClient.raw(request).statusCode(), demo + " is not there outside demo mode");
            }
        } finally {
            deployer.undeploy(PRODUCTION);
        }
    }

    private static HttpResponse<String> members(String token) {
        return NodeClient.raw(HttpRequest.newBuilder(URI.create(NODE + "/members?limit=1")).header("Authorization", "Bearer " + token)
                .header("Accept", "application/ld+json"));
    }

    /** The node's WAR with an operator's configuration, which outranks the test server's variables. */
    static WebArchive node(String properties) {
        JavaArchive configuration = ShrinkWrap.create(JavaArchive.class, "operator-configuration.jar")
                .addAsManifestResource(new StringAsset("config_ordinal=700\n" + properties), "microprofile-config.properties");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("war.file", "target/reference-node.war")))
                .addAsLibrary(configuration);
    }

    static RsaJsonWebKey key(String id) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(id);
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(RsaJsonWebKey key, String keyId) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(NODE);
        claims.setSubject("operator-of-arq");
        claims.setStringListClaim("groups", "node-operator");
        claims.setExpirationTimeMinutesInTheFuture(5);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(keyId);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer keyServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
            server.createContext("/jwks.json", exchange -> {
                byte[] body = JWKS.get() == null ? new byte[0] : JWKS.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
