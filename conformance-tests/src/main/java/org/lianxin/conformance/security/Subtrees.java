package org.lianxin.conformance.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * Two disjoint subtrees of the sandbox (8.13, Hiding): in each a committee, a branch with a member,
 * and a member and a branch that were deleted; and a token of an administrator of each committee.
 */
record Subtrees(Side a, Side b) {

    /** One subtree. */
    record Side(String committee, String branch, String member, String deletedMember, String deletedBranch, String token) {}

    static Subtrees make() {
        return new Subtrees(side("连心甲县委"), side("连心乙县委"));
    }

    private static Side side(String name) {
        Sandbox sandbox = Kit.current().sandbox();
        String committee = sandbox.newOrganization(name, "CountyCommittee");
        String branch = sandbox.newOrganization(name + "第一党支部", "Branch", committee);
        String member = sandbox.newMember(branch);
        String deletedMember = sandbox.newMember(branch);
        String deletedBranch = sandbox.newOrganization(name + "已撤销党支部", "Branch", committee);
        for (String gone : new String[] {deletedMember, deletedBranch}) {
            Response deleted = Http.delete(gone);
            assertEquals(204, deleted.status(), () -> "the kit could not delete " + gone + ": " + deleted.status() + " " + deleted.body());
        }
        return new Side(committee, branch, member, deletedMember, deletedBranch, Records.adminOf(committee));
    }
}
