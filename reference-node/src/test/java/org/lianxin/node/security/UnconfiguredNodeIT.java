package org.lianxin.node.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lianxin.node.testing.NodeClient;

/**
 * A node outside demo mode whose operator gave no issuer and no keys, deployed by Arquillian: it
 * neither runs open nor rejects everybody in silence; it reports itself not ready and says why.
 */
@ExtendWith(ArquillianExtension.class)
class UnconfiguredNodeIT {

    private static final String DEPLOYMENT = "unconfigured";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive unconfigured() {
        return ProductionModeIT.node("lianxin.security.demo=false\nlianxin.security.issuer=\nlianxin.security.keys=\n");
    }

    @Test
    @DisplayName("LX-SEC-15 without an issuer and keys outside demo mode, the node is not ready, says why in its log, and serves no record")
    void anUnconfiguredNodeRefusesToServe() throws IOException {
        deployer.deploy(DEPLOYMENT);
        try {
            HttpResponse<String> ready = NodeClient.raw(HttpRequest.newBuilder(
                    URI.create(ProductionModeIT.ORIGIN.replace("/reference-node", "") + "/health/ready")));
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("lianxin.security.issuer is not set"), ready.body());
            HttpResponse<String> members = NodeClient.raw(HttpRequest.newBuilder(URI.create(ProductionModeIT.NODE + "/members"))
                    .header("Authorization", "Bearer " + ProductionModeIT.sign(ProductionModeIT.key("k1"), "k1")));
            assertEquals(503, members.statusCode(), "neither open nor closed to everybody: " + members.body());
            assertEquals(200, NodeClient.raw(HttpRequest.newBuilder(URI.create(ProductionModeIT.NODE + "/.well-known/lianxin"))).statusCode(),
                    "the node description stays open (LX-SEC-1)");
            String log = Files.readString(Path.of("target/liberty/wlp/usr/servers/arquillianServer/logs/messages.log"), StandardCharsets.UTF_8);
            assertTrue(log.contains("Lianxin will not serve its records: lianxin.security.issuer is not set"), "logged at start");
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
    }
}
