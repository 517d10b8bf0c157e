package org.lianxin.node.rosters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.lianxin.spec.NationalIdNumber;

/**
 * Real roster files, made as a branch's spreadsheet would be: CSV with commons-csv in UTF-8 or
 * GB18030, XLSX with POI — a title row merged across, a two-row header with merged group headings
 * and headings merged down, dates as date cells (Excel serial numbers in a date format). Public for the
 * SDK's tests (SdkRostersIT), which send the same files through the client.
 */
public final class RosterFiles {

    /** The columns the files have, in order, under their Chinese headers. */
    public static final List<String> HEADERS = List.of("姓名", "性别", "民族", "出生日期", "公民身份号码", "学历", "联系电话", "家庭住址",
            "发展阶段", "所在党支部", "申请入党日期", "确定为入党积极分子日期", "确定为发展对象日期", "入党日期", "转正日期");

    /** Column positions, for planting errors. */
    public static final int NAME = 0, GENDER = 1, BIRTH = 3, ID = 4, EDUCATION = 5, PHONE = 6, STAGE = 8, BRANCH = 9, ADMISSION = 13;

    private RosterFiles() {}

    /** One person's row: texts, dates as LocalDate (written as date cells in XLSX). */
    public static List<Object> person(int i, String branchName) {
        boolean male = i % 2 == 0;
        LocalDate birth = LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + i % 28);
        String id = NationalIdNumber.generate(String.valueOf(330100 + (i / 400) % 900), birth, (i % 400) * 2 + (male ? 1 : 2), male).value();
        List<Object> row = new ArrayList<>(List.of("党员" + i, male ? "男" : "女", i % 7 == 0 ? "回族" : "汉族", birth, id,
                i % 3 == 0 ? "大学本科" : "研究生", "138" + String.format("%08d", i), "青山县人民路" + i + "号", "正式党员", branchName));
        LocalDate application = birth.plusYears(20);
        row.addAll(List.of(application, application.plusMonths(6), application.plusMonths(20), application.plusMonths(26), application.plusMonths(38)));
        return row;
    }

    static List<List<Object>> people(int n, String branchName) {
        return people(n, branchName, 0);
    }

    /** {@code n} people from number {@code from}: tests sharing a node take numbers of their own, so that no two share an ID number. */
    public static List<List<Object>> people(int n, String branchName, int from) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            rows.add(person(i, branchName));
        }
        return rows;
    }

    /** A CSV file: the header row, then the rows, in {@code charset} (no byte order mark). */
    public static Path csv(Path dir, String name, Charset charset, List<List<Object>> rows) {
        Path file = dir.resolve(name);
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), charset);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(HEADERS);
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(String::valueOf).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * An XLSX workbook as a branch keeps one: row 1 a title merged across every column; row 2 group
     * headings (基本信息 over the personal columns, 党内信息 over the party columns) merged across
     * their columns, and the personal headings merged down over rows 2 and 3; row 3 the party
     * columns' headings; data from row 4, dates as date cells.
     */
    public static Path xlsx(Path dir, String name, List<List<Object>> rows) {
        Path file = dir.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("党员名册");
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            int last = HEADERS.size() - 1;
            sheet.createRow(0).createCell(0).setCellValue("青山县第一中学党支部党员花名册");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            Row groups = sheet.createRow(1);
            Row names = sheet.createRow(2);
            int party = 8; // 发展阶段 onwards
            for (int c = 0; c <= last; c++) {
                if (c < party) {
                    groups.createCell(c).setCellValue(HEADERS.get(c)); // merged down over rows 2 and 3
                    sheet.addMergedRegion(new CellRangeAddress(1, 2, c, c));
                } else {
                    names.createCell(c).setCellValue(HEADERS.get(c));
                }
            }
            groups.createCell(party).setCellValue("党内信息");
            sheet.addMergedRegion(new CellRangeAddress(1, 1, party, last));
            int r = 3;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v instanceof LocalDate d) {
                        var cell = row.createCell(c);
                        cell.setCellValue(d);
                        cell.setCellStyle(dates);
                    } else if (v != null && !v.toString().isEmpty()) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A large XLSX, written as a stream (SXSSF), with the profile's one-row header and date cells. */
    static Path largeXlsx(Path dir, String name, int n, String branchName) {
        Path file = dir.resolve(name);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("党员名册");
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            for (int i = 0; i < n; i++) {
                Row row = sheet.createRow(i + 1);
                List<Object> values = person(i, branchName);
                for (int c = 0; c < values.size(); c++) {
                    var cell = row.createCell(c);
                    if (values.get(c) instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(dates);
                    } else {
                        cell.setCellValue(values.get(c).toString());
                    }
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A large CSV in UTF-8, written row by row. */
    static Path largeCsv(Path dir, String name, int n, String branchName) {
        Path file = dir.resolve(name);
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), java.nio.charset.StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(HEADERS);
            for (int i = 0; i < n; i++) {
                printer.printRecord(person(i, branchName).stream().map(String::valueOf).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
