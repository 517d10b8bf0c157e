package org.lianxin.node.rosters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lianxin.node.members.MemberKind;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.OrganizationKind;
import org.lianxin.node.rdf.RdfFormat;
import org.lianxin.node.rdf.RecordInput;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.security.LookupKey;
import org.lianxin.node.store.Record;
import org.lianxin.node.store.Tdb2RecordStore;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.ContextTerms;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;
import org.lianxin.spec.SpecResources;

/** Imports of real roster files into an in-memory node: dry run, commit, re-import, corrections, export round trip. */
class RosterImportTest {

    private static final RecordGuard T = RecordGuard.TRUSTED;
    private static final RecordValidator VALIDATOR = new RecordValidator(SpecResources.shapesGraph(), new ContextTerms(SpecResources.contextJson()));
    private static final String BRANCH_NAME = "青山县第一中学党支部";

    @TempDir
    Path dir;

    private final LogicalNode node = new LogicalNode("t", "http://localhost:9080/nodes/t", Tdb2RecordStore.inMemory());
    private final RecordCollection organizations = new RecordCollection(new OrganizationKind(), VALIDATOR);
    private final RecordCollection members = new RecordCollection(new MemberKind(LookupKey.of(new byte[32])), VALIDATOR);

    @AfterEach
    void close() {
        node.store().close();
    }

    @Test
    @DisplayName("LX-ROSTER-2 a roster in UTF-8, in UTF-8 with a byte order mark and in GB18030 is read the same")
    void encodings() throws IOException {
        branch();
        List<List<Object>> people = RosterFiles.people(30, BRANCH_NAME);
        Path utf8 = RosterFiles.csv(dir, "utf8.csv", StandardCharsets.UTF_8, people);
        Path gb = RosterFiles.csv(dir, "gb.csv", CsvSheet.GB18030, people);
        Path bom = dir.resolve("bom.csv");
        byte[] plain = Files.readAllBytes(utf8);
        byte[] withBom = new byte[plain.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(plain, 0, withBom, 3, plain.length);
        Files.write(bom, withBom);
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(gb), plain), "the GB18030 bytes differ from the UTF-8 ones");
        assertEquals(CsvSheet.GB18030, CsvSheet.detect(gb));

        for (Path file : List.of(utf8, bom, gb)) {
            RosterReport report = dryRun(file, RosterFormat.CSV);
            assertEquals(30, report.created(), file + ": " + report.toJson());
            assertEquals(0, report.rejected(), file + ": " + report.toJson());
        }
    }

    @Test
    @DisplayName("LX-ROSTER-3 an XLSX roster with a merged title, a two-row merged header and date cells in Excel's serial format is read")
    void xlsxWithMergedHeaderAndSerialDates() {
        branch();
        Path file = RosterFiles.xlsx(dir, "roster.xlsx", RosterFiles.people(12, BRANCH_NAME));
        RosterLayout layout = new RosterSource(file, RosterFormat.XLSX, Optional.empty(), RosterMapping.PROFILE).layout();
        assertEquals(3, layout.lastHeaderRow());
        assertEquals(15, layout.positions().size(), layout.toString());
        assertEquals(Optional.of(RosterColumn.STAGE), layout.columns().get(RosterFiles.STAGE));
        RosterReport report = commit(file, RosterFormat.XLSX);
        assertEquals(12, report.created(), report.toJson().toString());
        Graph first = memberWithName("党员0");
        assertEquals("1960-01-01", Lifecycle.value(first, subject(first), SchemaOrg.birthDate.asNode()).orElseThrow().getLiteralLexicalForm());
        assertEquals("1980-01-01", Lifecycle.value(first, subject(first), LX.applicationDate.asNode()).orElseThrow().getLiteralLexicalForm());
    }

    @Test
    @DisplayName("LX-ROSTER-7 LX-ROSTER-8 LX-ROSTER-4 a dry run reports every planted error at its row and column, masked, and writes nothing")
    void dryRunReportsEveryPlantedError() {
        branch();
        List<List<Object>> people = RosterFiles.people(20, BRANCH_NAME);
        String id3 = (String) people.get(3).get(RosterFiles.ID);
        people.get(3).set(RosterFiles.ID, id3.substring(0, 17) + (id3.charAt(17) == '0' ? '1' : '0')); // row 5: check digit
        people.get(5).set(RosterFiles.BIRTH, "1985-02-30");                                           // row 7: no such date
        people.get(8).set(RosterFiles.EDUCATION, "博士后");                                             // row 10: not a code
        people.get(11).set(RosterFiles.NAME, "");                                                      // row 13: no name
        people.get(14).set(RosterFiles.ID, people.get(2).get(RosterFiles.ID));                          // row 16: same as row 4
        people.get(17).set(RosterFiles.BRANCH, "不存在的党支部");                                        // row 19: unknown branch
        Path file = RosterFiles.csv(dir, "errors.csv", StandardCharsets.UTF_8, people);

        RosterReport report = dryRun(file, RosterFormat.CSV);

        assertEquals(14, report.created(), report.toJson().toString());
        assertEquals(6, report.rejected());
        Map<Integer, List<RowError>> rows = report.rejectedRows();
        assertEquals(Set.of(5, 7, 10, 13, 16, 19), rows.keySet());
        assertError(rows.get(5), "公民身份号码", "national-id-check-digit", "LX-CORE-51");
        assertTrue(rows.get(5).get(0).value().contains("********"), "the ID number is masked: " + rows.get(5));
        assertError(rows.get(7), "出生日期", "roster-date", "LX-ROSTER-4");
        assertEquals("****", first(rows.get(7), "出生日期").value());
        assertError(rows.get(10), "学历", "roster-code", "LX-ROSTER-4");
        assertEquals("博士后", first(rows.get(10), "学历").value());
        assertError(rows.get(13), "姓名", "sh:MinCountConstraintComponent", "LX-CORE-48");
        assertError(rows.get(16), "公民身份号码", "duplicate-in-file", "LX-CORE-54");
        assertError(rows.get(19), "所在党支部", "branch-unknown", "LX-ROSTER-20");
        report.errors().forEach(e -> assertTrue(!e.suggestion().isBlank(), "a suggestion for " + e));
        assertEquals(0, count(), "a dry run writes nothing");
    }

    @Test
    @DisplayName("LX-ROSTER-9 LX-ROSTER-10 LX-ROSTER-11 a commit imports exactly the valid rows; the same file again changes nothing; a corrected file updates only what changed")
    void commitReimportAndCorrection() {
        branch();
        List<List<Object>> people = RosterFiles.people(40, BRANCH_NAME);
        people.get(6).set(RosterFiles.GENDER, "未知");
        people.get(9).set(RosterFiles.STAGE, "党员");
        Path file = RosterFiles.csv(dir, "roster.csv", StandardCharsets.UTF_8, people);

        RosterReport first = commit(file, RosterFormat.CSV);
        assertEquals(38, first.created(), first.toJson().toString());
        assertEquals(Set.of(8, 11), first.rejectedRows().keySet());
        assertEquals(38, count());
        Map<Node, String> modified = modifiedTimes();

        RosterReport again = commit(file, RosterFormat.CSV);
        assertEquals(0, again.created());
        assertEquals(0, again.updated());
        assertEquals(38, again.unchanged());
        assertEquals(2, again.rejected());
        assertEquals(modified, modifiedTimes(), "nothing was written");

        people.get(6).set(RosterFiles.GENDER, "男");              // corrected: now created
        people.get(9).set(RosterFiles.STAGE, "正式党员");          // corrected: now created
        people.get(20).set(RosterFiles.PHONE, "13900000020");      // changed: updated
        Path corrected = RosterFiles.csv(dir, "corrected.csv", StandardCharsets.UTF_8, people);
        RosterReport third = commit(corrected, RosterFormat.CSV);
        assertEquals(2, third.created(), third.toJson().toString());
        assertEquals(1, third.updated());
        assertEquals(37, third.unchanged());
        assertEquals(0, third.rejected());
        assertEquals(40, count(), "matched by ID number: nobody twice");
        Map<Node, String> after = modifiedTimes();
        List<Node> changed = modified.keySet().stream().filter(m -> !modified.get(m).equals(after.get(m))).toList();
        assertEquals(1, changed.size(), "only the changed member was written");
        assertEquals("13900000020", Lifecycle.value(members.get(node, local(changed.get(0)), T).graph(), changed.get(0),
                SchemaOrg.telephone.asNode()).orElseThrow().getLiteralLexicalForm());
    }

    @Test
    @DisplayName("LX-ROSTER-13 LX-ROSTER-14 an export imports back unchanged, in CSV and XLSX; a masked export is masked and is not taken back")
    void exportRoundTrips() throws IOException {
        Node branch = branch();
        commit(RosterFiles.csv(dir, "roster.csv", StandardCharsets.UTF_8, RosterFiles.people(25, BRANCH_NAME)), RosterFormat.CSV);
        Map<Node, String> modified = modifiedTimes();
        for (RosterFormat format : RosterFormat.values()) {
            Path exported = dir.resolve("export." + format.extension());
            try (var out = Files.newOutputStream(exported)) {
                new RosterExport(node, members.kind(), T, node.organizationIri("county"), true).write(format, out);
            }
            RosterReport back = commit(exported, format);
            assertEquals(25, back.unchanged(), format + ": " + back.toJson());
            assertEquals(0, back.created() + back.updated() + back.rejected(), format + ": " + back.toJson());
        }
        assertEquals(modified, modifiedTimes());

        ByteArrayOutputStream masked = new ByteArrayOutputStream();
        new RosterExport(node, members.kind(), T, branch, false).write(RosterFormat.CSV, masked);
        String text = masked.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("********") && text.contains("138****"), text.substring(0, Math.min(600, text.length())));
        Path maskedFile = dir.resolve("masked.csv");
        Files.write(maskedFile, masked.toByteArray());
        RosterReport refused = dryRun(maskedFile, RosterFormat.CSV);
        assertEquals(25, refused.rejected());
        assertTrue(refused.errors().stream().anyMatch(e -> e.rule().equals("masked-value")), refused.toJson().toString());
    }

    @Test
    @DisplayName("LX-ROSTER-5 a file of another layout is read with a mapping document")
    void mapping() {
        branch();
        List<List<Object>> people = RosterFiles.people(5, BRANCH_NAME);
        Path file = dir.resolve("other.csv");
        StringBuilder csv = new StringBuilder("备注,名字,身份证,性别代码,民族,出生,党员类别,申请日期,积极分子,发展对象,入党,转正\n");
        for (List<Object> p : people) {
            csv.append("x,").append(p.get(0)).append(',').append(p.get(4)).append(',').append(p.get(1).equals("男") ? "M" : "F").append(',')
                    .append(p.get(2)).append(',').append(p.get(3)).append(",正式,").append(p.get(10)).append(',').append(p.get(11)).append(',')
                    .append(p.get(12)).append(',').append(p.get(13)).append(',').append(p.get(14)).append('\n');
        }
        write(file, csv.toString());
        RosterMapping mapping = RosterMapping.parse("""
                {"profile": "lianxin-roster/1", "headerRow": 1,
                 "columns": {"备注": null, "名字": "name", "身份证": "nationalId", "性别代码": "gender", "出生": "birthDate",
                             "党员类别": "stage", "申请日期": "applicationDate", "积极分子": "activistDate", "发展对象": "candidateDate",
                             "入党": "admissionDate", "转正": "fullMembershipDate"},
                 "values": {"gender": {"M": "男", "F": "女"}, "stage": {"正式": "正式党员"}}}""");
        RosterImporter importer = new RosterImporter(node, members, new SubtreeBranches(node, organizations.kind(), T),
                Optional.of(node.organizationIri("branch")), mapping, false, Optional.empty());
        RosterReport report = importer.run(new RosterSource(file, RosterFormat.CSV, Optional.empty(), mapping), n -> { });
        assertEquals(5, report.created(), report.toJson().toString());
    }

    @Test
    @DisplayName("LX-ROSTER-12 the report spreadsheet holds the rejected rows under the file's header, with the outcome and the errors")
    void reportSpreadsheet() throws IOException {
        branch();
        List<List<Object>> people = RosterFiles.people(6, BRANCH_NAME);
        people.get(2).set(RosterFiles.BIRTH, "1985-13-01");
        Path file = RosterFiles.xlsx(dir, "bad.xlsx", people);
        RosterSource source = new RosterSource(file, RosterFormat.XLSX, Optional.empty(), RosterMapping.PROFILE);
        RosterReport report = importer(false).run(source, n -> { });
        assertEquals(Set.of(6), report.rejectedRows().keySet(), report.toJson().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RosterReportSheet.write(source, report, out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertEquals("姓名", header.getCell(0).getStringCellValue());
            assertEquals("错误说明", header.getCell(16).getStringCellValue());
            assertEquals(1, sheet.getLastRowNum());
            assertEquals("党员2", sheet.getRow(1).getCell(0).getStringCellValue());
            assertTrue(sheet.getRow(1).getCell(16).getStringCellValue().contains("roster-date"));
        }
        // the fixed spreadsheet goes back in: its two report columns are read past
        Path fixed = dir.resolve("fixed.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray())); var o = Files.newOutputStream(fixed)) {
            Row row = workbook.getSheetAt(0).getRow(1); // a fresh cell: SXSSF wrote inline strings
            row.removeCell(row.getCell(RosterFiles.BIRTH));
            row.createCell(RosterFiles.BIRTH).setCellValue(RosterFiles.person(2, BRANCH_NAME).get(RosterFiles.BIRTH).toString());
            workbook.write(o);
        }
        RosterReport again = commit(fixed, RosterFormat.XLSX);
        assertEquals(1, again.created(), again.toJson().toString());
    }

    // --- helpers

    private static void assertError(List<RowError> errors, String column, String rule, String requirement) {
        assertTrue(errors.stream().anyMatch(e -> e.column().equals(column) && e.rule().equals(rule) && e.requirement().equals(requirement)),
                "expected " + column + " " + rule + " " + requirement + " in " + errors);
    }

    private static RowError first(List<RowError> errors, String column) {
        return errors.stream().filter(e -> e.column().equals(column)).findFirst().orElseThrow();
    }

    private RosterImporter importer(boolean dryRun) {
        return new RosterImporter(node, members, new SubtreeBranches(node, organizations.kind(), T), Optional.empty(), RosterMapping.PROFILE,
                dryRun, Optional.empty());
    }

    private RosterReport dryRun(Path file, RosterFormat format) {
        return importer(true).run(new RosterSource(file, format, Optional.empty(), RosterMapping.PROFILE), n -> { });
    }

    private RosterReport commit(Path file, RosterFormat format) {
        return importer(false).run(new RosterSource(file, format, Optional.empty(), RosterMapping.PROFILE), n -> { });
    }

    private Node branch() {
        organizations.put(node, organization("county", Fixtures.organization("青山县委", "CountyCommittee", null)), T);
        organizations.put(node, organization("branch", Fixtures.organization(BRANCH_NAME, "Branch", node.organizationIri("county").getURI())), T);
        return node.organizationIri("branch");
    }

    private Record organization(String id, String body) {
        Node iri = organizations.iri(node, id);
        return new Record(iri, RecordInput.readReplacement(new ByteArrayInputStream(Fixtures.withId(body, iri.getURI()).getBytes(StandardCharsets.UTF_8)),
                RdfFormat.JSON_LD, iri));
    }

    private List<Record> all() {
        return members.list(node, RecordCollection.Selection.ALL, Optional.empty(), Optional.empty(), 1000, T).items();
    }

    private int count() {
        return all().size();
    }

    private Map<Node, String> modifiedTimes() {
        Map<Node, String> times = new java.util.HashMap<>();
        for (Record r : all()) {
            times.put(r.iri(), Lifecycle.value(r.graph(), r.iri(), org.apache.jena.vocabulary.DCTerms.modified.asNode()).orElseThrow().getLiteralLexicalForm());
        }
        return times;
    }

    private Graph memberWithName(String name) {
        return all().stream().filter(r -> r.graph().contains(r.iri(), SchemaOrg.name.asNode(), org.apache.jena.graph.NodeFactory.createLiteralString(name)))
                .findFirst().orElseThrow().graph();
    }

    private static Node subject(Graph g) {
        return g.find(Node.ANY, SchemaOrg.name.asNode(), Node.ANY).next().getSubject();
    }

    private static String local(Node iri) {
        return iri.getURI().substring(iri.getURI().lastIndexOf('/') + 1);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unused")
    private static Set<String> sorted(List<String> s) {
        return new TreeSet<>(s);
    }

    @SuppressWarnings("unused")
    private static List<String> list() {
        return new ArrayList<>();
    }
}
