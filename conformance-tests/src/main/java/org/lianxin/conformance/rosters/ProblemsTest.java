package org.lianxin.conformance.rosters;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Verifies;

/** 15.5: what is not a roster, and an import read by another caller. */
class ProblemsTest {

    @Test
    @DisplayName("a body of another media type is answered with 415")
    @Verifies(id = "LX-ROSTER-15", level = "MUST", of = "Rosters")
    void otherMediaType() {
        assertEquals(415, RostersKit.upload("姓名\n王芳\n".getBytes(StandardCharsets.UTF_8), "text/plain", "dryRun=true").status());
    }

    @Test
    @DisplayName("a CSV without a roster header, and a body that is no workbook, are answered with 422")
    @Verifies(id = "LX-ROSTER-16", level = "MUST", of = "Rosters")
    void notARoster() {
        assertEquals(422, RostersKit.upload("a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8), "text/csv", "dryRun=true").status());
        assertEquals(422, RostersKit.upload("no workbook".getBytes(StandardCharsets.UTF_8), RostersKit.XLSX, "dryRun=true").status());
    }

    @Test
    @DisplayName("an import is answered with 404 to a caller acting for another organization")
    @Verifies(id = "LX-ROSTER-19", level = "MUST", of = "Rosters")
    void someoneElsesImport() {
        String branch = Current.sandbox().newBranch();
        String location = RostersKit.started(RostersKit.upload(RostersKit.csv(RostersKit.people(1, branch)), "text/csv", "dryRun=true"));
        RostersKit.done(location);
        String other = "Bearer " + Kit.current().tokens().actingFor(branch, "secretary", "organization-admin");
        assertEquals(404, Http.get(location, "Accept", "application/json", "Authorization", other).status());
    }
}
