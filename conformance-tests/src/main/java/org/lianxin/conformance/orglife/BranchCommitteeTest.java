package org.lianxin.conformance.orglife;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.lianxin.conformance.orglife.OrgLifeKit.compliance;
import static org.lianxin.conformance.orglife.OrgLifeKit.counts;
import static org.lianxin.conformance.orglife.OrgLifeKit.missing;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Verifies;

/**
 * 12.4, 支部工作条例 第十条: a branch of seven or more live full members has a committee, which meets
 * monthly; six full members and a probationary member are not seven.
 */
class BranchCommitteeTest {

    @Test
    @DisplayName("a branch of 7 full members owes a BranchCommitteeMeeting each month; of 6 full members and a probationary member, none; after a full member is deleted, none")
    @Verifies(id = "LX-ORGLIFE-11", level = "MUST", of = "OrgLife")
    void sevenFullMembers() {
        String committee = Current.sandbox().newOrganization("支委会县委", "CountyCommittee");
        String hospital = Current.sandbox().newOrganization("县人民医院党支部", "Branch", committee);
        String school = Current.sandbox().newOrganization("县第一中学党支部", "Branch", committee);
        String seventh = OrgLifeKit.fullMembers(hospital, 7, "医生");
        OrgLifeKit.probationaryMember(hospital, "护士");
        OrgLifeKit.fullMembers(school, 6, "教师");
        OrgLifeKit.probationaryMember(school, "教师预备");
        OrgLifeKit.activity(hospital, "BranchCommitteeMeeting", "2025-02-28");

        JsonObject march = compliance(committee, "2025", "2025-03");
        Map<String, List<String>> missing = missing(march);
        assertEquals(List.of("2025-01", "2025-03"), missing.get("县人民医院党支部 BranchCommitteeMeeting"), missing.toString());
        assertFalse(missing.containsKey("县第一中学党支部 BranchCommitteeMeeting"), "six full members: no committee: " + missing);
        assertEquals("3/1/1", counts(march, "BranchCommitteeMeeting"));

        Http.delete(seventh).expect(204);
        JsonObject six = compliance(committee, "2025", "2025-03");
        assertFalse(missing(six).containsKey("县人民医院党支部 BranchCommitteeMeeting"), "six live full members: " + missing(six));
        assertEquals("0/0/0", counts(six, "BranchCommitteeMeeting"));
    }
}
