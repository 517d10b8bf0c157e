package org.lianxin.node.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;

/** Builds small organization trees on the node under test, each under fresh ids. */
public final class Trees {

    private Trees() {}

    /**
     * Creates (PUT) an organization and returns its IRI. Without a parent it hangs under the node's
     * test organization, which the tests' default token acts for.
     */
    public static String organization(String id, String name, String orgType, String parentIri) {
        String iri = NodeClient.nodeBase() + "/organizations/" + id;
        String parent = parentIri == null ? NodeClient.top() : parentIri;
        HttpResponse<String> response = NodeClient.put(iri, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization(name, orgType, parent), iri));
        assertEquals(201, response.statusCode(), response.body());
        return iri;
    }

    /**
     * Creates (PUT) on the node at {@code nodeBase} an organization under {@code parentIri}, which may
     * be on another node, as the parent's secretary; returns its IRI.
     */
    public static String organizationOn(String nodeBase, String name, String orgType, String parentIri) {
        String iri = nodeBase + "/organizations/" + Fixtures.uniqueId("org");
        HttpResponse<String> response = NodeClient.as(NodeClient.tokenFor(parentIri, "secretary"))
                .put(iri, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization(name, orgType, parentIri), iri));
        assertEquals(201, response.statusCode(), response.body());
        return iri;
    }

    /** A county committee with one branch under it; returns the branch's IRI. */
    public static String branch() {
        String county = organization(Fixtures.uniqueId("county"), "青山县委", "CountyCommittee", null);
        return organization(Fixtures.uniqueId("branch"), "青山县第一中学党支部", "Branch", county);
    }

    /** Creates a member of {@code branchIri} and returns its IRI (from Location). */
    public static String member(String name, String branchIri) {
        HttpResponse<String> response = NodeClient.post(NodeClient.nodeBase() + "/members", Fixtures.JSON_LD, Fixtures.member(name, branchIri));
        assertEquals(201, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** Creates on the node at {@code nodeBase} a full member of {@code branchIri}, with the node's test token; returns its IRI. */
    public static String memberOn(String nodeBase, String name, String branchIri) {
        HttpResponse<String> response = NodeClient.post(nodeBase + "/members", Fixtures.JSON_LD, Fixtures.member(name, branchIri));
        assertEquals(201, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** Registers the node {@code child} under {@code parent}, as the parent's operator (not the tests' admin, whose organization would be one more root). */
    public static void registerChild(String parent, String child) {
        HttpResponse<String> registered = NodeClient.as(NodeClient.tokenFor(null, "node-operator")).post(parent + "/federation/children", "application/json",
                "{\"base\": \"" + child + "\"}");
        assertEquals(201, registered.statusCode(), registered.body());
    }
}
