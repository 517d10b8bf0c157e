package org.lianxin.node.activities;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Node;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lianxin.node.organizations.OrganizationKind;
import org.lianxin.spec.LX;

/**
 * What organizational life each organization owes (spec Table 12.4), from 《中国共产党支部工作条例（试行）》
 * (2018) 第十九条、第二十条 and 第十条; the frequency of party lectures is *policy*
 * ({@code lianxin.orglife.party-lecture}, default Quarterly).
 */
@ApplicationScoped
public class OrgLifeSettings {

    /** 支部工作条例 第十条: a branch with seven or more full members has a committee, which meets monthly. */
    public static final int COMMITTEE_FROM_FULL_MEMBERS = 7;

    @Inject
    @ConfigProperty(name = "lianxin.orglife.party-lecture", defaultValue = "Quarterly")
    String partyLecture;

    /** One requirement: an activity type and how often. */
    public record Requirement(Node activityType, Frequency frequency) {
        public String json() {
            return activityType.getLocalName();
        }
    }

    /** Every requirement of Table 12.4, in its order. */
    public List<Requirement> all() {
        return List.of(new Requirement(LX.BranchGeneralMeeting.asNode(), Frequency.QUARTERLY),
                new Requirement(LX.BranchCommitteeMeeting.asNode(), Frequency.MONTHLY),
                new Requirement(LX.PartyGroupMeeting.asNode(), Frequency.MONTHLY),
                new Requirement(LX.PartyLecture.asNode(), Frequency.ofJson(partyLecture)),
                new Requirement(LX.ThemedPartyDay.asNode(), Frequency.MONTHLY),
                new Requirement(LX.OrganizationalLifeMeeting.asNode(), Frequency.YEARLY),
                new Requirement(LX.DemocraticAppraisal.asNode(), Frequency.YEARLY));
    }

    /** The requirements of an organization of {@code type} with {@code fullMembers} full members (Table 12.4). */
    public List<Requirement> of(Node type, long fullMembers) {
        boolean branch = OrganizationKind.BRANCH_TYPES.contains(type);
        List<Requirement> owed = new ArrayList<>();
        for (Requirement r : all()) {
            Node t = r.activityType();
            if (t.equals(LX.PartyGroupMeeting.asNode())) {
                if (type.equals(LX.PartyGroup.asNode())) {
                    owed.add(r);
                }
            } else if (branch && (!t.equals(LX.BranchCommitteeMeeting.asNode()) || fullMembers >= COMMITTEE_FROM_FULL_MEMBERS)) {
                owed.add(r);
            }
        }
        return owed;
    }
}
