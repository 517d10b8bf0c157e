package org.lianxin.conformance.pipeline;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.pipeline.PipelineKit.read;
import static org.lianxin.conformance.pipeline.PipelineKit.request;
import static org.lianxin.conformance.pipeline.PipelineKit.step;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Inapplicable;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.pipeline.PipelineKit.Dates;

/** 11.6, 8.6: the due list for secretaries and organization admins of the subtree; the step request as a write of the member record. */
class PipelineAccessTest {

    private String branch;
    private String applicant;

    @BeforeEach
    void members() {
        Inapplicable.unless(Kit.current().claims("Security"), "the node does not claim Security");
        branch = Current.sandbox().newBranch();
        applicant = PipelineKit.member("申请人", branch, "Applicant", Dates.applicant("2026-01-31"));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private Response due(String token) {
        return Http.get(base() + "/development/due?organization=" + enc(branch) + "&on=2026-03-01", "Accept", "application/json",
                "Authorization", bearer(token));
    }

    @Test
    @DisplayName("the due list answers 404 for an organization outside the caller's subtree and to a caller with neither secretary nor organization-admin")
    @Verifies(id = "LX-PIPELINE-13", level = "MUST", of = "Pipeline")
    void dueListForTheSubtree() {
        assertEquals(200, due(Kit.current().tokens().actingFor(branch, "secretary")).status(), "the control: the branch's secretary");
        assertEquals(200, due(Kit.current().tokens().actingFor(branch, "organization-admin")).status(), "the control: the branch's admin");
        String sibling = Current.sandbox().newBranch();
        assertEquals(404, due(Kit.current().tokens().actingFor(sibling, "secretary", "organization-admin")).status(), "another subtree's secretary");
        assertEquals(404, due(Kit.current().tokens().member(applicant)).status(), "a member");
    }

    @Test
    @DisplayName("a step request for a member record the caller may not read is 404 and writes nothing")
    @Verifies(id = "LX-PIPELINE-13", level = "MUST", of = "Pipeline")
    void stepRequestIsAWrite() {
        String before = read(applicant).body();
        String sibling = Current.sandbox().newBranch();
        Response outside = step(applicant, request("Talk", "2026-02-10"), "Authorization",
                bearer(Kit.current().tokens().actingFor(sibling, "secretary", "organization-admin")));
        assertEquals(404, outside.status(), outside.body());
        assertEquals(before, read(applicant).body(), "nothing was written");
        Response secretary = step(applicant, request("Talk", "2026-02-10"), "Authorization", bearer(Kit.current().tokens().actingFor(branch, "secretary")));
        assertEquals(200, secretary.status(), "the control: the branch's secretary: " + secretary.body());
    }
}
