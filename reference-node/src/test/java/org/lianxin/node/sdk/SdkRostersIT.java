package org.lianxin.node.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lianxin.client.LianxinClient;
import org.lianxin.client.Member;
import org.lianxin.client.ProblemException;
import org.lianxin.client.RosterImport;
import org.lianxin.client.Rosters;
import org.lianxin.node.rosters.RosterFiles;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;

/**
 * {@code client.rosters()} (spec chapter 15) against the reference node's {@code sdk} node over
 * HTTP, with real files made in the test: CSV in GB18030 under the Chinese headers, and an XLSX
 * workbook with a title and merged headings, each with rows of its own people and an error planted.
 */
class SdkRostersIT {

    private static final String NODE = NodeClient.serverUrl() + "/nodes/sdk";
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Duration WAIT = Duration.ofMinutes(2);
    /** Each test's people get numbers of their own: an ID number is one member of the node. */
    private static final AtomicInteger PEOPLE = new AtomicInteger(700_000);
    /** Names with characters outside the Basic Multilingual Plane and outside GBK, which GB18030 and UTF-8 both hold. */
    private static final List<String> RARE_NAMES = List.of("欧阳𠀀", "龘", "李䶮", "堃喆", "𪚥婷");
    private static String county;

    @TempDir
    Path dir;

    @BeforeAll
    static void county() {
        county = Trees.organizationOn(NODE, "名册县委", "CountyCommittee", NodeClient.top(NODE));
    }

    private static LianxinClient admin() {
        return LianxinClient.builder(NODE).tokens(() -> NodeClient.token(NODE)).build();
    }

    @Test
    @DisplayName("a dry run of a GB18030 CSV reports the planted error at its row and column with its rule, requirement and suggestion, counts the rest as created, writes nothing (LX-ROSTER-7), and gives the rejected row back as a spreadsheet with 错误说明 (LX-ROSTER-12)")
    void dryRun() throws IOException {
        Branch branch = branch();
        List<List<Object>> people = branch.people(6);
        people.get(2).set(RosterFiles.GENDER, "未知"); // the third data row: row 4 of the file, the header being 1
        Path file = RosterFiles.csv(dir, "支部名册.csv", GB18030, people);
        LianxinClient admin = admin();

        RosterImport started = admin.rosters().importFrom(file).dryRun().execute();
        assertTrue(started.dryRun());
        assertTrue(started.id().startsWith(NODE + "/members/imports/"), started.id());
        List<RosterImport> seen = new ArrayList<>();
        RosterImport done = admin.rosters().await(started.id(), WAIT, seen::add);
        assertEquals("Done", done.state());
        assertEquals(6, done.rowsDone());
        assertEquals(java.util.Optional.of(6L), done.rowsTotal());
        RosterImport.Report report = done.report().orElseThrow();
        assertTrue(report.dryRun());
        assertEquals(List.of(5L, 0L, 0L, 1L), List.of(report.created(), report.updated(), report.unchanged(), report.rejected()), report.toString());
        assertEquals(1, report.errors().size(), report.toString());
        RosterImport.RowError error = report.errorsOf(4).get(0);
        assertEquals("性别", error.column());
        assertEquals("gender", error.field());
        assertEquals("未知", error.value());
        assertEquals("roster-code", error.rule());
        assertEquals("LX-ROSTER-4", error.requirement());
        assertFalse(error.message().isBlank());
        assertFalse(error.suggestion().isBlank(), "what to do about it");
        assertEquals(0, admin.members().search().branch(branch.iri).stream().count(), "a dry run writes nothing");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(admin.rosters().reportSpreadsheet(started.id())))) {
            List<List<String>> rows = rows(workbook.getSheetAt(0));
            assertEquals(2, rows.size(), "the header and the one rejected row: " + rows);
            List<String> header = rows.get(0);
            assertEquals(List.of("导入结果", "错误说明"), header.subList(header.size() - 2, header.size()));
            List<String> rejected = rows.get(1);
            assertEquals(people.get(2).get(RosterFiles.NAME), rejected.get(header.indexOf("姓名")));
            assertEquals("未知", rejected.get(header.indexOf("性别")), "the row as the file had it, to fix");
            assertTrue(rejected.get(header.indexOf("错误说明")).contains("roster-code"), rejected.toString());
        }
        assertEquals(done.id(), seen.get(seen.size() - 1).id());
    }

    @Test
    @DisplayName("progress read while an import runs counts rows done of the total and never goes back; the last read is Done with every row done")
    void progress() {
        Branch branch = branch();
        Path file = RosterFiles.csv(dir, "大名册.csv", GB18030, branch.people(400));
        LianxinClient admin = admin();
        RosterImport started = admin.rosters().importFrom(file, "text/csv; charset=GB18030").dryRun().execute();
        RosterImport first = admin.rosters().progress(started.id());
        assertEquals(started.id(), first.id());
        assertTrue(first.dryRun());
        assertTrue(List.of("Queued", "Running", "Done").contains(first.state()), first.state());

        List<RosterImport> seen = new ArrayList<>(List.of(first));
        RosterImport done = admin.rosters().await(started.id(), WAIT, seen::add);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).rowsDone() >= seen.get(i - 1).rowsDone(), "rows done never go back: " + seen);
        }
        seen.forEach(p -> p.rowsTotal().ifPresent(total -> assertTrue(p.rowsDone() <= total, p.toString())));
        assertTrue(done.over());
        assertEquals(400, done.rowsDone());
        assertEquals(java.util.Optional.of(400L), done.rowsTotal());
        assertEquals(400, done.report().orElseThrow().created());
    }

    @Test
    @DisplayName("committed, the GB18030 file creates its members but the planted row (LX-ROSTER-9); again, nothing changes, not even modified (LX-ROSTER-11); the export with a purpose has the Chinese names byte for byte in UTF-8 and goes back in unchanged (LX-ROSTER-13), without one it is masked (LX-ROSTER-14)")
    void commitAgainExport() throws IOException {
        Branch branch = branch();
        List<List<Object>> people = branch.people(RARE_NAMES.size() + 1);
        for (int i = 0; i < RARE_NAMES.size(); i++) {
            people.get(i).set(RosterFiles.NAME, RARE_NAMES.get(i));
        }
        people.get(RARE_NAMES.size()).set(RosterFiles.ADMISSION, "2001-02-29"); // no such day: the last row is rejected
        Path file = RosterFiles.csv(dir, "支部名册.csv", GB18030, people);
        assertEquals(RARE_NAMES.get(0), Files.readString(file, GB18030).lines().skip(1).findFirst().orElseThrow().split(",")[0]);
        assertThrows(AssertionError.class, () -> strictUtf8(Files.readAllBytes(file)), "the file is GB18030, not UTF-8");
        LianxinClient admin = admin();

        RosterImport.Report first = admin.rosters().await(admin.rosters().importFrom(file).execute().id(), WAIT).report().orElseThrow();
        assertFalse(first.dryRun());
        assertEquals(List.of(5L, 0L, 0L, 1L), List.of(first.created(), first.updated(), first.unchanged(), first.rejected()), first.toString());
        assertEquals(List.of("入党日期 roster-date"), first.errors().stream().map(e -> e.column() + " " + e.rule()).toList());
        List<Member> stored = admin.members().search().branch(branch.iri).stream().toList();
        assertEquals(RARE_NAMES.stream().sorted().toList(), stored.stream().map(Member::name).sorted().toList());

        RosterImport.Report again = admin.rosters().importFrom(file).executeAsync().thenCompose(i -> admin.rosters().awaitAsync(i.id(), WAIT)).join()
                .report().orElseThrow();
        assertEquals(List.of(0L, 0L, 5L, 1L), List.of(again.created(), again.updated(), again.unchanged(), again.rejected()), again.toString());
        assertEquals(stored, admin.members().search().branch(branch.iri).stream().toList(), "no record and no modified changed");

        Path exported = admin.rosters().export(branch.iri).purpose("名册核对").to(dir.resolve("导出名册.csv"));
        byte[] bytes = Files.readAllBytes(exported);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "UTF-8 with a byte order mark");
        List<Map<String, String>> rows = csv(strictUtf8(Arrays.copyOfRange(bytes, 3, bytes.length)));
        assertEquals(RARE_NAMES.stream().map(SdkRostersIT::utf8).sorted().toList(),
                rows.stream().map(r -> utf8(r.get("姓名"))).sorted().toList(), "the names, byte for byte");
        assertTrue(rows.stream().noneMatch(r -> r.get("公民身份号码").contains("*")), "in full, for a stated purpose");

        RosterImport.Report back = admin.rosters().await(admin.rosters().importFrom(exported).execute().id(), WAIT).report().orElseThrow();
        assertEquals(List.of(0L, 0L, 5L, 0L), List.of(back.created(), back.updated(), back.unchanged(), back.rejected()), back.toString());

        ByteArrayOutputStream masked = new ByteArrayOutputStream();
        long written = admin.rosters().export(branch.iri).to(masked);
        assertEquals(masked.size(), written);
        List<Map<String, String>> maskedRows = csv(strictUtf8(Arrays.copyOfRange(masked.toByteArray(), 3, masked.size())));
        assertEquals(5, maskedRows.size());
        assertTrue(maskedRows.stream().allMatch(r -> r.get("公民身份号码").contains("*") && r.get("出生日期").isEmpty()), maskedRows.toString());
    }

    @Test
    @DisplayName("an XLSX workbook with a title and merged headings, sent from a stream with a token the node refuses at first, goes in once the token is renewed (the stream's bytes sent again), and comes back out as XLSX with the same names")
    void xlsxFromAStream() throws IOException {
        Branch branch = branch();
        List<List<Object>> people = branch.people(4);
        people.get(0).set(RosterFiles.NAME, RARE_NAMES.get(0));
        Path file = RosterFiles.xlsx(dir, "支部名册.xlsx", people);
        AtomicInteger asked = new AtomicInteger();
        LianxinClient renewing = LianxinClient.builder(NODE)
                .tokens(() -> asked.getAndIncrement() == 0 ? "expired.token.value" : NodeClient.token(NODE)).build();
        RosterImport started;
        try (InputStream in = Files.newInputStream(file)) {
            started = renewing.rosters().importFrom(in, Rosters.XLSX).execute();
        }
        assertEquals(2, asked.get(), "the first token refused (401), the second taken");
        RosterImport.Report report = renewing.rosters().await(started.id(), WAIT).report().orElseThrow();
        assertEquals(4, report.created(), report.toString());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renewing.rosters().export(branch.iri).xlsx().purpose("名册核对").to(out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<List<String>> rows = rows(workbook.getSheetAt(0));
            int name = rows.get(0).indexOf("姓名");
            assertEquals(people.stream().map(p -> p.get(RosterFiles.NAME).toString()).sorted().toList(),
                    rows.subList(1, rows.size()).stream().map(r -> r.get(name)).sorted().toList());
        }
    }

    @Test
    @DisplayName("a mapping document reads another layout, rows without a branch take the import's branch; refused: another media type (415), a file with no roster header (422, LX-ROSTER-16), a broken mapping (400, LX-ROSTER-17), another caller's import (404, LX-ROSTER-19), the export of an unknown organization (404)")
    void mappingAndRefusals() throws IOException {
        Branch branch = branch();
        LianxinClient admin = admin();
        List<List<Object>> people = branch.people(3);
        String renamed = Files.readString(RosterFiles.csv(dir, "m.csv", StandardCharsets.UTF_8, people), StandardCharsets.UTF_8)
                .replace("公民身份号码", "身份证件号").replace("所在党支部", "备注");
        Path layout = Files.writeString(dir.resolve("另一种格式.csv"), renamed, StandardCharsets.UTF_8);
        String mapping = "{\"profile\": \"lianxin-roster/1\", \"columns\": {\"身份证件号\": \"nationalId\", \"备注\": null}}";
        RosterImport.Report mapped = admin.rosters().await(admin.rosters().importFrom(layout).dryRun().mapping(mapping).branch(branch.iri).execute().id(), WAIT)
                .report().orElseThrow();
        assertEquals(List.of(3L, 0L), List.of(mapped.created(), mapped.rejected()), mapped.toString());

        Path noHeader = Files.writeString(dir.resolve("x.csv"), "a,b,c\n1,2,3\n", StandardCharsets.UTF_8);
        assertEquals(415, assertThrows(ProblemException.class, () -> admin.rosters().importFrom(noHeader, "text/plain").execute()).status());
        ProblemException unreadable = assertThrows(ProblemException.class, () -> admin.rosters().importFrom(noHeader).execute());
        assertEquals(422, unreadable.status());
        assertEquals(List.of("LX-ROSTER-16"), unreadable.requirements());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> admin.rosters().importFrom(layout).mapping("{\"columns\": {\"a\": \"nosuchkey\"}}").execute()).status());

        RosterImport mine = admin.rosters().importFrom(layout).dryRun().mapping(mapping).branch(branch.iri).execute();
        LianxinClient other = LianxinClient.builder(NODE).tokens(() -> NodeClient.tokenFor(branch.iri, "secretary")).build();
        assertEquals(404, assertThrows(ProblemException.class, () -> other.rosters().progress(mine.id())).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> other.rosters().reportSpreadsheet(mine.id())).status());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> admin.rosters().export(NODE + "/organizations/" + Fixtures.uniqueId("none")).to(new ByteArrayOutputStream())).status());
        assertFalse(Files.exists(dir.resolve("nothing.csv")));
        assertThrows(ProblemException.class, () -> admin.rosters().export(NODE + "/organizations/" + Fixtures.uniqueId("none")).to(dir.resolve("nothing.csv")));
        assertFalse(Files.exists(dir.resolve("nothing.csv")), "a failed export leaves no file");
    }

    // --- helpers

    /** A fresh branch of the test's county, with a name no other organization of the node has: rows find their branch by name. */
    private record Branch(String iri, String name) {

        /** {@code n} people of this branch, with numbers no other test of this class uses. */
        List<List<Object>> people(int n) {
            return RosterFiles.people(n, name, PEOPLE.getAndAdd(1000));
        }
    }

    private static Branch branch() {
        String name = "名册党支部" + Fixtures.uniqueId("");
        return new Branch(Trees.organizationOn(NODE, name, "Branch", county), name);
    }

    /** Every row of a sheet as the texts its cells show. */
    private static List<List<String>> rows(Sheet sheet) {
        DataFormatter shown = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(row.getCell(c) == null ? "" : shown.formatCellValue(row.getCell(c)));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** A CSV text's records by header. */
    private static List<Map<String, String>> csv(String text) throws IOException {
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
            return parser.getRecords().stream().map(CSVRecord::toMap).collect(Collectors.toList());
        }
    }

    /** The bytes as UTF-8, failing on any byte that is not. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not UTF-8: " + e, e);
        }
    }

    /** A text's UTF-8 bytes in hex, to compare byte for byte. */
    private static String utf8(String text) {
        return java.util.HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
