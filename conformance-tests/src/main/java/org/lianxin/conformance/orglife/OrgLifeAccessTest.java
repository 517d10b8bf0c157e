package org.lianxin.conformance.orglife;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.orglife.OrgLifeKit.JSON_LD;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** 12.6: the compliance statistic for secretaries and organization admins of the subtree; activities lie under the organization that held them. */
class OrgLifeAccessTest {

    private String committee;
    private String branch;
    private String sibling;
    private String member;

    @BeforeEach
    void organizations() {
        Inapplicable.unless(Kit.current().claims("Security"), "the node does not claim Security");
        committee = Current.sandbox().newOrganization("访问控制县委", "CountyCommittee");
        branch = Current.sandbox().newOrganization("访问控制第一党支部", "Branch", committee);
        sibling = Current.sandbox().newOrganization("访问控制第二党支部", "Branch", committee);
        member = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("普通党员", branch));
    }

    private static String as(String token) {
        return "Bearer " + token;
    }

    private static String secretaryOf(String organization) {
        return as(Kit.current().tokens().actingFor(organization, "secretary", "organization-admin"));
    }

    private Response compliance(String authorization) {
        return Http.get(OrgLifeKit.url(branch, "2025", "2025-06", "local"), "Accept", "application/json", "Authorization", authorization);
    }

    @Test
    @DisplayName("the compliance statistic answers 404 for an organization outside the caller's subtree and to a caller with neither secretary nor organization-admin")
    @Verifies(id = "LX-ORGLIFE-10", level = "MUST", of = "OrgLife")
    void statisticForTheSubtree() {
        assertEquals(200, compliance(as(Kit.current().tokens().actingFor(branch, "secretary"))).status(), "the control: the branch's secretary");
        assertEquals(200, compliance(as(Kit.current().tokens().actingFor(committee, "organization-admin"))).status(), "the control: the committee's admin");
        assertEquals(404, compliance(secretaryOf(sibling)).status(), "the secretary of another branch");
        assertEquals(404, compliance(as(Kit.current().tokens().member(member))).status(), "a member");
    }

    @Test
    @DisplayName("an activity is read by the secretaries of the subtrees that hold it, and answers 404 to others, members included, and is not on their lists")
    @Verifies(id = "LX-ORGLIFE-10", level = "MUST", of = "OrgLife")
    void activitiesUnderTheirOrganization() {
        String activity = OrgLifeKit.activity(OrgLifeKit.body(branch, "PartyLecture", "2025-03-01", ", \"attendees\": [\"" + member + "\"]"));
        assertEquals(200, Http.get(activity, "Accept", JSON_LD, "Authorization", secretaryOf(branch)).status(), "the branch's secretary");
        assertEquals(200, Http.get(activity, "Accept", JSON_LD, "Authorization", secretaryOf(committee)).status(), "the committee's secretary");
        assertEquals(404, Http.get(activity, "Accept", JSON_LD, "Authorization", secretaryOf(sibling)).status(), "another branch's secretary");
        assertEquals(404, Http.get(activity, "Accept", JSON_LD, "Authorization", as(Kit.current().tokens().member(member))).status(),
                "a member who attended: an activity is not about the members it names");
        String list = Http.get(base() + "/activities?limit=1000&year=2025", "Accept", JSON_LD, "Authorization", secretaryOf(sibling)).expect(200).body();
        assertFalse(list.contains(activity), "another branch's list: " + list);
        String own = Http.get(base() + "/activities?limit=1000&heldBy=" + enc(branch), "Accept", JSON_LD, "Authorization", secretaryOf(committee)).expect(200).body();
        assertTrue(own.contains(activity), own);
    }
}
