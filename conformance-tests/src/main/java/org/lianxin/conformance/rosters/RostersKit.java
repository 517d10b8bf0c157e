package org.lianxin.conformance.rosters;

import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.sandbox;
import static org.lianxin.conformance.Current.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.json.JsonObject;

import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;

/**
 * What the Rosters tests share (spec chapter 15): rosters made by the kit — CSV as text in any
 * encoding, XLSX written by hand as the few XML parts of a workbook, so the kit needs no spreadsheet
 * library — their upload, and the wait for an import to be done.
 */
final class RostersKit {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String JSON_LD = "application/ld+json";
    /** The columns the kit's rosters have; the branch by its IRI, since the sandbox's branches share a name. */
    static final List<String> HEADERS = List.of("姓名", "性别", "民族", "出生日期", "公民身份号码", "发展阶段", "所在党支部标识",
            "申请入党日期", "确定为入党积极分子日期", "确定为发展对象日期", "入党日期", "转正日期", "联系电话");
    static final int NAME = 0, GENDER = 1, BIRTH = 3, ID = 4, STAGE = 5, BRANCH = 6, PHONE = 12;
    static final LocalDate BIRTH_DATE = LocalDate.of(1980, 5, 17);

    private RostersKit() {}




    /** {@code n} full members of {@code branch}, each with an ID number new to this run; dates as yyyy-mm-dd. */
    static List<List<String>> people(int n, String branch) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new ArrayList<>(List.of("名册" + i, "女", "汉族", BIRTH_DATE.toString(), sandbox().nationalId(BIRTH_DATE, false), "正式党员",
                    branch, "2005-03-01", "2005-09-01", "2006-10-01", "2007-07-01", "2008-07-01", "13800138000")));
        }
        return rows;
    }

    /** A CSV file with the kit's header, in {@code charset}. */
    static byte[] csv(List<String> header, List<List<String>> rows, Charset charset) {
        StringBuilder csv = new StringBuilder(String.join(",", header)).append("\r\n");
        rows.forEach(r -> csv.append(String.join(",", r)).append("\r\n"));
        return csv.toString().getBytes(charset);
    }

    static byte[] csv(List<List<String>> rows) {
        return csv(HEADERS, rows, StandardCharsets.UTF_8);
    }

    /**
     * An XLSX workbook: row 1 a title merged across the columns, row 2 the header, then the rows;
     * dates as date cells (Excel's serial day number in the built-in date format 14).
     */
    static byte[] xlsx(List<List<String>> rows) {
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        sheet.append("<row r=\"1\">").append(text("A1", "连心县第一中学党支部党员名册")).append("</row>");
        List<List<String>> all = new ArrayList<>();
        all.add(HEADERS);
        all.addAll(rows);
        for (int r = 0; r < all.size(); r++) {
            sheet.append("<row r=\"").append(r + 2).append("\">");
            for (int c = 0; c < all.get(r).size(); c++) {
                String ref = (char) ('A' + c) + String.valueOf(r + 2);
                String value = all.get(r).get(c);
                if (r > 0 && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    long serial = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), LocalDate.parse(value));
                    sheet.append("<c r=\"").append(ref).append("\" s=\"1\"><v>").append(serial).append("</v></c>");
                } else if (!value.isEmpty()) {
                    sheet.append(text(ref, value));
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:").append((char) ('A' + HEADERS.size() - 1))
                .append("1\"/></mergeCells></worksheet>");
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rels = "http://schemas.openxmlformats.org/package/2006/relationships";
        String office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            part(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
            part(zip, "_rels/.rels", "<Relationships xmlns=\"" + rels + "\"><Relationship Id=\"rId1\" Type=\"" + office
                    + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            part(zip, "xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + office + "\"><sheets>"
                    + "<sheet name=\"党员名册\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            part(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + rels + "\"><Relationship Id=\"rId1\" Type=\"" + office
                    + "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" + office
                    + "/styles\" Target=\"styles.xml\"/></Relationships>");
            part(zip, "xl/styles.xml", "<styleSheet xmlns=\"" + main + "\"><fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills>"
                    + "<borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf/></cellStyleXfs>"
                    + "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
            part(zip, "xl/worksheets/sheet1.xml", sheet.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String text(String ref, String value) {
        String escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + escaped + "</t></is></c>";
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write((xml.startsWith("<?xml") ? xml : "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml)
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** POST of a roster to {base}/members/imports with the query, as the kit's administrator or with {@code authorization}. */
    static Response upload(byte[] body, String type, String query, String... authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/members/imports" + (query.isEmpty() ? "" : "?" + query)))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization.length > 0) {
            request.header("Authorization", authorization[0]);
        }
        return Http.send(request);
    }

    /** The import's URL from a 202. */
    static String started(Response response) {
        assertEquals(202, response.status(), () -> "status " + response.status() + " where 202 was required: " + response.body());
        return response.header("Location").orElseThrow(() -> new AssertionError("a 202 to an import has a Location"));
    }

    /** Polls the import until its state is Done; fails when it is Failed or takes more than two minutes. */
    static JsonObject done(String location, String... authorization) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Response state = authorization.length > 0
                    ? Http.get(location, "Accept", "application/json", "Authorization", authorization[0])
                    : Http.get(location, "Accept", "application/json");
            assertEquals(200, state.status(), () -> "GET of the import: " + state.body());
            JsonObject json = state.json();
            if ("Done".equals(json.getString("state", ""))) {
                return json;
            }
            assertNotEquals("Failed", json.getString("state", ""), json.toString());
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the import was not Done within two minutes: " + location);
    }

    static JsonObject report(Response started) {
        return done(started(started)).getJsonObject("report");
    }

    /** The member list of the branch, each member tracked for the clean-up. */
    static List<JsonObject> members(String branch) {
        Response list = Http.get(base() + "/members?limit=1000&branch=" + enc(branch), "Accept", JSON_LD);
        assertEquals(200, list.status(), list.body());
        List<JsonObject> members = list.json().getJsonArray("items").getValuesAs(JsonObject.class);
        members.forEach(m -> sandbox().track(m.getString("id")));
        return members;
    }
}
