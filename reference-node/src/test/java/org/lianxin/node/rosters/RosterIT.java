package org.lianxin.node.rosters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;

/** Rosters over HTTP against the test server (spec chapter 15): upload, progress, report, commit, again, export. */
class RosterIT {

    private static final String BASE = NodeClient.serverUrl() + "/nodes/rosters";
    private static final String IMPORTS = BASE + "/members/imports";
    private static final String XLSX = RosterFormat.XLSX.mediaType();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Each test's people get numbers of their own: tests share the node, and an ID number is one member. */
    private static final AtomicInteger PEOPLE = new AtomicInteger(500_000);

    @TempDir
    Path dir;

    @Test
    @DisplayName("LX-ROSTER-1 LX-ROSTER-6 LX-ROSTER-7 LX-ROSTER-8 LX-ROSTER-2 a dry run of a GB18030 CSV answers 202, reports each planted error at its row and column, and writes nothing")
    void dryRun() {
        String branch = branch();
        List<List<Object>> people = people(12, branch);
        people.get(3).set(RosterFiles.GENDER, "未知");
        people.get(7).set(RosterFiles.ADMISSION, "2001-02-29");
        Path file = RosterFiles.csv(dir, "gb.csv", CsvSheet.GB18030, people);

        HttpResponse<String> started = upload(file, "text/csv", "dryRun=true");
        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        assertEquals(location, NodeClient.json(started).getString("id"));
        JsonObject done = await(location);
        assertEquals(12, done.getInt("rowsTotal"));
        assertEquals(12, done.getInt("rowsDone"));
        JsonObject report = done.getJsonObject("report");
        assertEquals(10, report.getInt("created"), report.toString());
        assertEquals(2, report.getInt("rejected"));
        Set<String> where = report.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getInt("row") + " " + e.getString("column") + " " + e.getString("rule")).collect(Collectors.toSet());
        assertEquals(Set.of("5 性别 roster-code", "9 入党日期 roster-date"), where);
        assertEquals(0, members(branch), "a dry run writes nothing");
    }

    @Test
    @DisplayName("LX-ROSTER-9 LX-ROSTER-10 LX-ROSTER-11 LX-ROSTER-3 an XLSX roster with a merged header goes in; the same file again changes nothing")
    void commitAndAgain() {
        String branch = branch();
        List<List<Object>> people = people(15, branch);
        people.get(4).set(RosterFiles.STAGE, "党员");
        Path file = RosterFiles.xlsx(dir, "roster.xlsx", people);

        JsonObject first = await(location(upload(file, XLSX, "dryRun=false"))).getJsonObject("report");
        assertEquals(14, first.getInt("created"), first.toString());
        assertEquals(1, first.getInt("rejected"));
        assertEquals(14, members(branch));
        String before = list(branch);

        JsonObject again = await(location(upload(file, XLSX, ""))).getJsonObject("report");
        assertEquals(0, again.getInt("created") + again.getInt("updated"), again.toString());
        assertEquals(14, again.getInt("unchanged"));
        assertEquals(before, list(branch), "no record and no modified changed");
    }

    @Test
    @DisplayName("LX-ROSTER-12 the report spreadsheet of a finished import is an XLSX workbook; the import resource is the caller's own (LX-ROSTER-19)")
    void reportSpreadsheetAndOwner() {
        String branch = branch();
        List<List<Object>> people = people(3, branch);
        people.get(1).set(RosterFiles.NAME, "");
        String location = location(upload(RosterFiles.csv(dir, "r.csv", StandardCharsets.UTF_8, people), "text/csv", "dryRun=true"));
        await(location);
        HttpResponse<byte[]> sheet = bytes(HttpRequest.newBuilder(URI.create(location)).header("Accept", XLSX)
                .header("Authorization", "Bearer " + NodeClient.token(BASE)).GET());
        assertEquals(200, sheet.statusCode());
        assertTrue(sheet.headers().firstValue("Content-Type").orElse("").startsWith(XLSX));
        assertEquals('P', sheet.body()[0]);
        assertEquals('K', sheet.body()[1]);

        String other = NodeClient.tokenFor(branch, "secretary", "organization-admin");
        HttpResponse<String> foreign = NodeClient.as(other).get(location, "application/json");
        assertEquals(404, foreign.statusCode(), "another caller (acting for another organization) does not see the import: " + foreign.body());
    }

    @Test
    @DisplayName("LX-ROSTER-13 LX-ROSTER-14 LX-ROSTER-18 an export with a purpose imports back unchanged; without one it is masked; both are audited")
    void exportRoundTrip() throws IOException {
        String branch = branch();
        await(location(upload(RosterFiles.csv(dir, "r.csv", StandardCharsets.UTF_8, people(8, branch)), "text/csv", "")));
        String org = URLEncoder.encode(branch, StandardCharsets.UTF_8);
        HttpResponse<byte[]> full = bytes(HttpRequest.newBuilder(URI.create(BASE + "/members/export?format=xlsx&organization=" + org))
                .header("Authorization", "Bearer " + NodeClient.token(BASE)).header("Lianxin-Purpose", "%E5%90%8D%E5%86%8C%E6%A0%B8%E5%AF%B9").GET());
        assertEquals(200, full.statusCode());
        Path exported = dir.resolve("export.xlsx");
        Files.write(exported, full.body());
        JsonObject back = await(location(upload(exported, XLSX, ""))).getJsonObject("report");
        assertEquals(8, back.getInt("unchanged"), back.toString());

        HttpResponse<String> masked = NodeClient.get(BASE + "/members/export?format=csv&organization=" + org, "text/csv");
        assertEquals(200, masked.statusCode(), masked.body());
        assertTrue(masked.body().contains("********") && !masked.body().contains("1960-"), masked.body());

        HttpResponse<String> audit = NodeClient.get(BASE + "/audit?organization=" + URLEncoder.encode(NodeClient.top(BASE), StandardCharsets.UTF_8)
                + "&limit=1000", "application/json");
        assertEquals(200, audit.statusCode(), audit.body());
        assertTrue(audit.body().contains("\"action\":\"export\"") && audit.body().contains("\"action\":\"import\""), audit.body());
        assertTrue(audit.body().contains("名册核对"), "the export's purpose is audited");
    }

    @Test
    @DisplayName("LX-ROSTER-15 LX-ROSTER-16 LX-ROSTER-17 another media type is 415, a file without a roster header 422, a broken mapping 400")
    void badInput() {
        Path noHeader = dir.resolve("x.csv");
        write(noHeader, "a,b,c\n1,2,3\n");
        assertEquals(415, upload(noHeader, "text/plain", "").statusCode());
        HttpResponse<String> unreadable = upload(noHeader, "text/csv", "");
        assertEquals(422, unreadable.statusCode(), unreadable.body());
        assertTrue(unreadable.body().contains("LX-ROSTER-16"), unreadable.body());
        Path notXlsx = dir.resolve("x.xlsx");
        write(notXlsx, "this is no workbook");
        assertEquals(422, upload(notXlsx, XLSX, "").statusCode());
        assertEquals(400, upload(noHeader, "text/csv", "mapping=" + URLEncoder.encode("{\"columns\": {\"a\": \"nosuchkey\"}}", StandardCharsets.UTF_8)).statusCode());
        assertEquals(400, upload(noHeader, "text/csv", "mapping=" + URLEncoder.encode("not json", StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    @DisplayName("LX-ROSTER-20 LX-ROSTER-5 a row whose branch the caller may not write is rejected as unknown; a mapping reads another layout")
    void branchOutsideRightsAndMapping() {
        String mine = branch();
        String sibling = branch(); // beside the secretary's branch, not in its subtree
        String secretary = NodeClient.tokenFor(mine, "secretary");
        List<List<Object>> people = people(2, mine);
        people.get(1).set(RosterFiles.BRANCH, "名册测试党支部" + sibling.substring(sibling.length() - 8));
        Path file = RosterFiles.csv(dir, "r.csv", StandardCharsets.UTF_8, people);
        String location = location(send(secretary, file, "text/csv", "dryRun=true"));
        JsonObject report = await(location, secretary).getJsonObject("report");
        assertEquals(1, report.getInt("rejected"), report.toString());
        assertEquals("branch-unknown", report.getJsonArray("errors").getJsonObject(0).getString("rule"));

        Path renamed = dir.resolve("renamed.csv");
        write(renamed, readString(RosterFiles.csv(dir, "m.csv", StandardCharsets.UTF_8, people(2, mine))).replace("公民身份号码", "身份证件号"));
        String mapping = "{\"columns\": {\"身份证件号\": \"nationalId\"}}";
        JsonObject mapped = await(location(upload(renamed, "text/csv", "dryRun=true&mapping=" + URLEncoder.encode(mapping, StandardCharsets.UTF_8))))
                .getJsonObject("report");
        assertEquals(2, mapped.getInt("created"), mapped.toString());
    }

    // --- helpers

    /** A fresh branch under the node's test organization, with a name of its own (rows find their branch by name). */
    private static String branch() {
        String iri = BASE + "/organizations/" + Fixtures.uniqueId("branch");
        String name = "名册测试党支部" + iri.substring(iri.length() - 8);
        HttpResponse<String> put = NodeClient.put(iri, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization(name, "Branch", NodeClient.top(BASE)), iri));
        assertEquals(201, put.statusCode(), put.body());
        return iri;
    }

    private static List<List<Object>> people(int n, String branch) {
        String name = "名册测试党支部" + branch.substring(branch.length() - 8);
        return RosterFiles.people(n, name, PEOPLE.getAndAdd(1000));
    }

    private static HttpResponse<String> upload(Path file, String type, String query) {
        return send(NodeClient.token(BASE), file, type, query);
    }

    private static HttpResponse<String> send(String token, Path file, String type, String query) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(IMPORTS + (query.isEmpty() ? "" : "?" + query)))
                    .header("Content-Type", type).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> started) {
        assertEquals(202, started.statusCode(), started.body());
        return started.headers().firstValue("Location").orElseThrow();
    }

    private static JsonObject await(String location) {
        return await(location, NodeClient.token(BASE));
    }

    /** Polls the import until it is Done (or fails the test when it Failed or takes over two minutes). */
    private static JsonObject await(String location, String token) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> state = NodeClient.as(token).get(location, "application/json");
            assertEquals(200, state.statusCode(), state.body());
            JsonObject json = NodeClient.json(state);
            if (json.getString("state").equals("Done")) {
                return json;
            }
            assertTrue(!json.getString("state").equals("Failed"), json.toString());
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the import did not finish: " + location);
    }

    private static int members(String branch) {
        return NodeClient.json(NodeClient.get(BASE + "/members?limit=1000&branch=" + branch, Fixtures.JSON_LD)).getJsonArray("items").size();
    }

    private static String list(String branch) {
        return NodeClient.get(BASE + "/members?limit=1000&branch=" + branch, Fixtures.JSON_LD).body();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
