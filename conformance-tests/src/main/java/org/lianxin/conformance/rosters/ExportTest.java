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
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** 15.7: the export of a subtree's roster, masked without a purpose, in the layout an import reads back. */
class ExportTest {

    private static final String PURPOSE = "%E5%90%8D%E5%86%8C%E6%A0%B8%E5%AF%B9"; // 名册核对

    @Test
    @DisplayName("a full export in CSV and in XLSX imports back into the node with every row unchanged")
    @Verifies(id = "LX-ROSTER-13", level = "MUST", of = "Rosters")
    void roundTrip() throws Exception {
        String branch = Current.sandbox().newBranch();
        RostersKit.report(RostersKit.upload(RostersKit.csv(RostersKit.people(3, branch)), "text/csv", ""));
        RostersKit.members(branch);
        for (String format : List.of("csv", "xlsx")) {
            HttpResponse<byte[]> export = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    Current.base() + "/members/export?format=" + format + "&organization=" + Current.enc(branch)))
                    .header("Authorization", "Bearer " + Kit.current().tokens().admin()).header("Lianxin-Purpose", PURPOSE).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, export.statusCode(), format);
            JsonObject back = RostersKit.report(RostersKit.upload(export.body(), format.equals("csv") ? "text/csv" : RostersKit.XLSX, ""));
            assertEquals(3, back.getInt("unchanged"), format + ": " + back);
            assertEquals(0, back.getInt("created") + back.getInt("updated") + back.getInt("rejected"), format + ": " + back);
        }
    }

    @Test
    @DisplayName("an export without Lianxin-Purpose masks ID numbers and telephones and leaves out birth dates")
    @Verifies(id = "LX-ROSTER-14", level = "MUST", of = "Rosters")
    void masked() {
        String branch = Current.sandbox().newBranch();
        List<List<String>> rows = RostersKit.people(2, branch);
        RostersKit.report(RostersKit.upload(RostersKit.csv(rows), "text/csv", ""));
        RostersKit.members(branch);
        Response export = Http.get(Current.base() + "/members/export?format=csv&organization=" + Current.enc(branch));
        assertEquals(200, export.status(), export.body());
        for (List<String> row : rows) {
            assertTrue(!export.body().contains(row.get(RostersKit.ID)), "no full ID number");
        }
        assertTrue(!export.body().contains("13800138000") && !export.body().contains(RostersKit.BIRTH_DATE.toString()), export.body());
        assertTrue(export.body().contains("名册0"), "the members are there: " + export.body());
    }

    @Test
    @DisplayName("an import and an export are in the audit log, the export with its purpose")
    @Verifies(id = "LX-ROSTER-18", level = "MUST", of = "Rosters")
    void audited() {
        String branch = Current.sandbox().newBranch();
        RostersKit.report(RostersKit.upload(RostersKit.csv(RostersKit.people(1, branch)), "text/csv", "dryRun=true&branch=" + Current.enc(branch)));
        assertEquals(200, Http.get(Current.base() + "/members/export?organization=" + Current.enc(branch), "Lianxin-Purpose", PURPOSE).status());
        Response audit = Http.get(Current.base() + "/audit?limit=1000&organization=" + Current.enc(branch), "Accept", "application/json");
        assertEquals(200, audit.status(), audit.body());
        List<JsonObject> entries = audit.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertTrue(entries.stream().anyMatch(e -> e.getString("action").equals("import")), audit.body());
        assertTrue(entries.stream().anyMatch(e -> e.getString("action").equals("export") && "名册核对".equals(e.getString("purpose", ""))), audit.body());
    }
}
