package org.lianxin.conformance.rosters;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Verifies;

/** 15.4: a file of another layout, read with a mapping document. */
class MappingTest {

    @Test
    @DisplayName("a file with other headers, a column to leave out and other gender codes is read with a mapping document")
    @Verifies(id = "LX-ROSTER-5", level = "MUST", of = "Rosters")
    void mapped() {
        String branch = Current.sandbox().newBranch();
        List<String> header = new ArrayList<>(RostersKit.HEADERS);
        header.set(RostersKit.ID, "证件号");
        header.set(RostersKit.GENDER, "性别代码");
        header.add("备注");
        List<List<String>> rows = RostersKit.people(2, branch);
        rows.forEach(r -> {
            r.set(RostersKit.GENDER, "2");
            r.add("无");
        });
        String mapping = "{\"profile\": \"lianxin-roster/1\", \"columns\": {\"证件号\": \"nationalId\", \"性别代码\": \"gender\", \"备注\": null},"
                + " \"values\": {\"gender\": {\"1\": \"男\", \"2\": \"女\"}}}";
        JsonObject report = RostersKit.report(RostersKit.upload(RostersKit.csv(header, rows, StandardCharsets.UTF_8), "text/csv",
                "dryRun=true&mapping=" + Current.enc(mapping)));
        assertEquals(2, report.getInt("created"), report.toString());
    }

    @Test
    @DisplayName("a mapping that is not a mapping document is answered with 400")
    @Verifies(id = "LX-ROSTER-17", level = "MUST", of = "Rosters")
    void brokenMapping() {
        byte[] file = RostersKit.csv(RostersKit.people(1, Current.sandbox().newBranch()));
        for (String mapping : List.of("not json", "{\"columns\": {\"a\": \"noSuchKey\"}}", "{\"headerRow\": 0}", "{\"colums\": {}}")) {
            assertEquals(400, RostersKit.upload(file, "text/csv", "dryRun=true&mapping=" + Current.enc(mapping)).status(), mapping);
        }
    }
}
