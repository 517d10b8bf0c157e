package org.lianxin.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;

/**
 * Arquillian with the Liberty managed container: the node is deployed, written to, undeployed and
 * deployed again in the same server JVM, and everything is still there, byte for byte. This also
 * proves the store releases its TDB2 lock when the application stops.
 */
@ExtendWith(ArquillianExtension.class)
class RestartIT {

    private static final String DEPLOYMENT = "node";
    private static final String BASE = "http://localhost:" + System.getProperty("arquillian.http.port", "9182")
            + "/reference-node/nodes/arq";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive node() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("war.file", "target/reference-node.war")));
    }

    @Test
    @DisplayName("LX-FED-14 a restart of the application keeps every record byte for byte, and the federation registrations")
    void aRestartKeepsEveryRecord() {
        deployer.deploy(DEPLOYMENT);
        String county = BASE + "/organizations/" + Fixtures.uniqueId("county");
        String branch = BASE + "/organizations/" + Fixtures.uniqueId("branch");
        assertEquals(201, NodeClient.put(county, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization("青山县委", "CountyCommittee", NodeClient.top(BASE)), county)).statusCode());
        assertEquals(201, NodeClient.put(branch, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization("青山县第一中学党支部", "Branch", county), branch)).statusCode());
        HttpResponse<String> member = NodeClient.post(BASE + "/members", Fixtures.JSON_LD, Fixtures.member("司马相如", branch));
        assertEquals(201, member.statusCode(), member.body());
        String memberIri = member.headers().firstValue("Location").orElseThrow();
        String before = NodeClient.get(memberIri, Fixtures.N_TRIPLES).body();
        String listBefore = NodeClient.get(BASE + "/members?branch=" + branch, Fixtures.N_TRIPLES).body();
        String child = BASE + "-child";
        String childRoot = child + "/organizations/" + Fixtures.uniqueId("county");
        assertEquals(201, NodeClient.as(NodeClient.tokenFor(county, "secretary")).put(childRoot, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization("白河县委", "CountyCommittee", county), childRoot)).statusCode());
        assertEquals(201, NodeClient.post(BASE + "/federation/children", "application/json", "{\"base\": \"" + child + "\"}").statusCode());
        String parentState = NodeClient.get(BASE + "/federation", "application/json").body();
        String childState = NodeClient.get(child + "/federation", "application/json").body();

        deployer.undeploy(DEPLOYMENT);
        deployer.deploy(DEPLOYMENT);

        assertEquals(before, NodeClient.get(memberIri, Fixtures.N_TRIPLES).body());
        assertEquals(listBefore, NodeClient.get(BASE + "/members?branch=" + branch, Fixtures.N_TRIPLES).body());
        assertEquals(parentState, NodeClient.get(BASE + "/federation", "application/json").body(), "LX-FED-14: the child is still registered");
        assertEquals(childState, NodeClient.get(child + "/federation", "application/json").body(), "LX-FED-14: the child still knows its parent");
        deployer.undeploy(DEPLOYMENT);
    }
}
