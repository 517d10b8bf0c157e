package org.lianxin.conformance.rosters;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.rosters.RostersKit.csv;
import static org.lianxin.conformance.rosters.RostersKit.people;
import static org.lianxin.conformance.rosters.RostersKit.report;
import static org.lianxin.conformance.rosters.RostersKit.upload;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** 15.5: the import of a roster — the dry run and its report, the commit, matching by ID number, a second import. */
class ImportTest {

    @Test
    @DisplayName("a dry run answers 202 with the import, reports each planted error with its row, column and rule, and writes nothing")
    @Verifies(id = "LX-ROSTER-1", level = "MUST", of = "Rosters")
    @Verifies(id = "LX-ROSTER-6", level = "MUST", of = "Rosters")
    @Verifies(id = "LX-ROSTER-7", level = "MUST NOT", of = "Rosters")
    @Verifies(id = "LX-ROSTER-8", level = "MUST", of = "Rosters")
    @Verifies(id = "LX-ROSTER-4", level = "MUST", of = "Rosters")
    void dryRun() {
        String branch = Current.sandbox().newBranch();
        List<List<String>> rows = people(6, branch);
        rows.get(1).set(RostersKit.GENDER, "未知");                     // row 3: not a code
        rows.get(3).set(RostersKit.BIRTH, "1980-02-30");                // row 5: no such date
        String id = rows.get(4).get(RostersKit.ID);
        rows.get(4).set(RostersKit.ID, id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1')); // row 6: check character
        Response response = upload(csv(rows), "text/csv", "dryRun=true");
        String location = RostersKit.started(response);
        assertEquals("application/json", response.mediaType());
        assertEquals(location, response.json().getString("id", ""), "the body is the import resource");
        JsonObject done = RostersKit.done(location);
        assertTrue(done.containsKey("rowsDone") && done.containsKey("rowsTotal"), done.toString());
        JsonObject report = done.getJsonObject("report");
        assertEquals(3, report.getInt("created"), report.toString());
        assertEquals(3, report.getInt("rejected"), report.toString());
        Map<Integer, List<JsonObject>> byRow = report.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.groupingBy(e -> e.getInt("row")));
        assertEquals(Set.of(3, 5, 6), byRow.keySet(), report.toString());
        assertTrue(byRow.get(3).stream().anyMatch(e -> e.getString("column").equals("性别") && e.getString("rule").equals("roster-code")), report.toString());
        assertTrue(byRow.get(5).stream().anyMatch(e -> e.getString("column").equals("出生日期") && e.getString("rule").equals("roster-date")), report.toString());
        JsonObject checkDigit = byRow.get(6).stream().filter(e -> e.getString("column").equals("公民身份号码")).findFirst().orElseThrow();
        assertEquals("LX-CORE-51", checkDigit.getString("requirement"));
        assertTrue(checkDigit.getString("value").contains("*") && !checkDigit.getString("value").contains(id.substring(6, 14)),
                "the ID number is masked: " + checkDigit);
        for (JsonObject e : report.getJsonArray("errors").getValuesAs(JsonObject.class)) {
            for (String key : List.of("row", "column", "field", "value", "rule", "requirement", "message", "suggestion")) {
                assertTrue(e.containsKey(key), key + " in " + e);
            }
        }
        assertEquals(0, RostersKit.members(branch).size(), "a dry run stores nothing");
    }

    @Test
    @DisplayName("a commit stores exactly the rows without errors; the same file again changes nothing; a changed row updates its member")
    @Verifies(id = "LX-ROSTER-9", level = "MUST", of = "Rosters")
    @Verifies(id = "LX-ROSTER-10", level = "MUST", of = "Rosters")
    @Verifies(id = "LX-ROSTER-11", level = "MUST NOT", of = "Rosters")
    void commitAgainAndChange() {
        String branch = Current.sandbox().newBranch();
        List<List<String>> rows = people(5, branch);
        rows.get(2).set(RostersKit.STAGE, "党员");
        JsonObject first = report(upload(csv(rows), "text/csv", ""));
        assertEquals(4, first.getInt("created"), first.toString());
        assertEquals(1, first.getInt("rejected"), first.toString());
        List<JsonObject> stored = RostersKit.members(branch);
        assertEquals(4, stored.size(), "the rows without errors are stored");
        Map<String, String> modified = stored.stream().collect(Collectors.toMap(m -> m.getString("id"), m -> m.getString("modified", "")));

        JsonObject again = report(upload(csv(rows), "text/csv", ""));
        assertEquals(4, again.getInt("unchanged"), again.toString());
        assertEquals(0, again.getInt("created") + again.getInt("updated"), again.toString());
        assertEquals(modified, RostersKit.members(branch).stream().collect(Collectors.toMap(m -> m.getString("id"), m -> m.getString("modified", ""))),
                "a second import changes no modified");

        rows.get(2).set(RostersKit.STAGE, "正式党员");
        rows.get(0).set(RostersKit.NAME, "名册改名");
        JsonObject corrected = report(upload(csv(rows), "text/csv", ""));
        assertEquals(1, corrected.getInt("created"), corrected.toString());
        assertEquals(1, corrected.getInt("updated"), corrected.toString());
        assertEquals(3, corrected.getInt("unchanged"), corrected.toString());
        List<JsonObject> after = RostersKit.members(branch);
        assertEquals(5, after.size(), "matched by ID number: nobody twice");
        assertTrue(after.stream().anyMatch(m -> m.getString("name", "").equals("名册改名")), "the changed row updated its member");
    }

    @Test
    @DisplayName("a CSV roster is read in UTF-8, in UTF-8 with a byte order mark and in GB18030")
    @Verifies(id = "LX-ROSTER-2", level = "MUST", of = "Rosters")
    void encodings() {
        String branch = Current.sandbox().newBranch();
        byte[] utf8 = csv(people(2, branch));
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xef;
        bom[1] = (byte) 0xbb;
        bom[2] = (byte) 0xbf;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        byte[] gb = csv(RostersKit.HEADERS, people(2, branch), Charset.forName("GB18030"));
        for (byte[] file : List.of(utf8, bom, gb)) {
            JsonObject report = report(upload(file, "text/csv", "dryRun=true"));
            assertEquals(2, report.getInt("created"), report.toString());
            assertEquals(0, report.getInt("rejected"), report.toString());
        }
        JsonObject named = report(upload(gb, "text/csv; charset=GB18030", "dryRun=true"));
        assertEquals(2, named.getInt("created"), "with the charset named: " + named);
        assertEquals(StandardCharsets.UTF_8, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a row whose branch is outside the caller's subtree is rejected as branch-unknown")
    @Verifies(id = "LX-ROSTER-20", level = "MUST", of = "Rosters")
    void branchOutsideTheSubtree() {
        String mine = Current.sandbox().newBranch();
        String other = Current.sandbox().newBranch();
        String secretary = "Bearer " + org.lianxin.conformance.Kit.current().tokens().actingFor(mine, "secretary");
        List<List<String>> rows = people(2, mine);
        rows.get(1).set(RostersKit.BRANCH, other);
        String location = RostersKit.started(upload(csv(rows), "text/csv", "dryRun=true", secretary));
        JsonObject report = RostersKit.done(location, secretary).getJsonObject("report");
        assertEquals(1, report.getInt("rejected"), report.toString());
        JsonObject error = report.getJsonArray("errors").getJsonObject(0);
        assertEquals(3, error.getInt("row"));
        assertEquals("branch-unknown", error.getString("rule"));
    }
}
