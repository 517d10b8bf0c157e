package org.lianxin.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lianxin.conformance.core.Records.JSON_LD;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** Section 4.6: children and subtree list exactly the live organizations below. */
class OrganizationTreeTest {

    private static Set<String> set(List<String> ids) {
        assertEquals(ids.size(), new HashSet<>(ids).size(), "an organization listed twice: " + ids);
        return new HashSet<>(ids);
    }

    @Test
    @DisplayName("children lists exactly the live organizations directly below, also after one moves")
    @Verifies(id = "LX-CORE-45", level = "MUST", of = "Core")
    void childrenAreTheDirectSubOrganizations() {
        String county = Records.sandbox().newOrganization("青山县委", "CountyCommittee");
        String p1 = Records.sandbox().newOrganization("青山县教育局机关党委", "PrimaryCommittee", county);
        String p2 = Records.sandbox().newOrganization("青山县卫生局机关党委", "PrimaryCommittee", county);
        String b1 = Records.sandbox().newOrganization("第一中学党支部", "Branch", p1);
        String b2 = Records.sandbox().newOrganization("第二中学党支部", "Branch", p1);
        Records.sandbox().newOrganization("第一中学党小组", "PartyGroup", b1);
        Records.sandbox().newMember(b1);
        String dissolved = Records.sandbox().newOrganization("撤销的党委", "PrimaryCommittee", county);
        Http.delete(dissolved).expect(204);

        assertEquals(Set.of(p1, p2), set(Records.allIds(county + "/children")), "children of the county committee");
        assertEquals(Set.of(b1, b2), set(Records.allIds(p1 + "/children")), "children of " + p1);
        assertEquals(Set.of(), set(Records.allIds(p2 + "/children")), "children of " + p2);

        Http.put(b2, JSON_LD, Sandbox.withId(Sandbox.organizationBody("第二中学党支部", "Branch", p2), b2)).expect(200);
        assertEquals(Set.of(b1), set(Records.allIds(p1 + "/children")), "children of " + p1 + " after " + b2 + " moved");
        assertEquals(Set.of(b2), set(Records.allIds(p2 + "/children")), "children of " + p2 + " after " + b2 + " moved");
    }

    @Test
    @DisplayName("subtree lists exactly the organization and every live organization below it")
    @Verifies(id = "LX-CORE-46", level = "MUST", of = "Core")
    void subtreeIsTheOrganizationAndAllBelow() {
        String county = Records.sandbox().newOrganization("青山县委", "CountyCommittee");
        String p1 = Records.sandbox().newOrganization("青山县教育局机关党委", "PrimaryCommittee", county);
        String p2 = Records.sandbox().newOrganization("青山县卫生局机关党委", "PrimaryCommittee", county);
        String b1 = Records.sandbox().newOrganization("第一中学党支部", "Branch", p1);
        String b2 = Records.sandbox().newOrganization("第二中学党支部", "Branch", p1);
        String b3 = Records.sandbox().newOrganization("人民医院党支部", "Branch", p2);
        String g1 = Records.sandbox().newOrganization("第一中学党小组", "PartyGroup", b1);
        Records.sandbox().newMember(b1);
        String dissolved = Records.sandbox().newOrganization("撤销的党支部", "Branch", p2);
        Http.delete(dissolved).expect(204);

        assertEquals(Set.of(county, p1, p2, b1, b2, b3, g1), set(Records.allIds(county + "/subtree")), "subtree of the county committee");
        assertEquals(Set.of(p1, b1, b2, g1), set(Records.allIds(p1 + "/subtree")), "subtree of " + p1);
        assertEquals(Set.of(b3), set(Records.allIds(b3 + "/subtree")), "subtree of " + b3);

        Http.put(b1, JSON_LD, Sandbox.withId(Sandbox.organizationBody("第一中学党支部", "Branch", p2), b1)).expect(200);
        assertEquals(Set.of(p1, b2), set(Records.allIds(p1 + "/subtree")), "subtree of " + p1 + " after " + b1 + " moved");
        assertEquals(Set.of(p2, b1, b3, g1), set(Records.allIds(p2 + "/subtree")), "subtree of " + p2 + " after " + b1 + " moved");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("children and subtree of a deleted organization get 410, of one never created 404, as GET of it does")
    @Verifies(id = "LX-CORE-47", level = "MUST", of = "Core")
    @ValueSource(strings = {"children", "subtree"})
    void belowWhatIsNotLive(String list) {
        String dissolved = Records.sandbox().newOrganization("撤销的党委", "PrimaryCommittee");
        Http.delete(dissolved).expect(204);
        assertEquals(410, Http.get(dissolved, "Accept", JSON_LD).status(), "GET of the deleted organization");
        assertEquals(410, Http.get(dissolved + "/" + list, "Accept", JSON_LD).status(), list + " of a deleted organization");
        String never = Records.unusedOrganization();
        assertEquals(404, Http.get(never + "/" + list, "Accept", JSON_LD).status(), list + " of an organization never created");
    }
}
