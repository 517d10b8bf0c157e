package org.lianxin.conformance.rosters;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Verifies;

/** 15.2 and 15.6: an XLSX roster with a title above its header and date cells; the report as a spreadsheet. */
class SpreadsheetTest {

    @Test
    @DisplayName("an XLSX roster with a merged title row above the header and dates as date cells is imported")
    @Verifies(id = "LX-ROSTER-3", level = "MUST", of = "Rosters")
    void xlsx() {
        String branch = Current.sandbox().newBranch();
        JsonObject report = RostersKit.report(RostersKit.upload(RostersKit.xlsx(RostersKit.people(3, branch)), RostersKit.XLSX, ""));
        assertEquals(3, report.getInt("created"), report.toString());
        List<JsonObject> members = RostersKit.members(branch);
        assertEquals(3, members.size());
        assertTrue(members.stream().allMatch(m -> "2007-07-01".equals(m.getString("admissionDate", ""))), "the date cells' dates: " + members);
    }

    @Test
    @DisplayName("the report of a finished import comes as an XLSX workbook with Accept set to the XLSX media type")
    @Verifies(id = "LX-ROSTER-12", level = "MUST", of = "Rosters")
    void reportSpreadsheet() throws Exception {
        String branch = Current.sandbox().newBranch();
        List<List<String>> rows = RostersKit.people(3, branch);
        rows.get(1).set(RostersKit.NAME, "");
        String location = RostersKit.started(RostersKit.upload(RostersKit.csv(rows), "text/csv", "dryRun=true"));
        RostersKit.done(location);
        HttpResponse<byte[]> sheet = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location))
                .header("Accept", RostersKit.XLSX).header("Authorization", "Bearer " + Kit.current().tokens().admin()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, sheet.statusCode());
        assertTrue(sheet.headers().firstValue("Content-Type").orElse("").startsWith(RostersKit.XLSX), sheet.headers().toString());
        assertTrue(sheet.body().length > 4 && sheet.body()[0] == 'P' && sheet.body()[1] == 'K', "a workbook is a ZIP package");
        String names = zipNames(sheet.body());
        assertTrue(names.contains("xl/worksheets/"), names);
        assertEquals(200, Http.get(location, "Accept", "application/json").status());
    }

    /** The names of a ZIP package's parts, as its headers spell them (a streamed package's entries have no sizes up front). */
    private static String zipNames(byte[] zip) {
        return new String(zip, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
