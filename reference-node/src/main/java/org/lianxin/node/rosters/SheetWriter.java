package org.lianxin.node.rosters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a roster's rows as they come, in either format: CSV in UTF-8 with a byte order mark (so
 * that Excel opens it as UTF-8), XLSX with SXSSF, which keeps a window of rows in memory and the
 * rest on disk. Dates go into XLSX as date cells, into CSV as yyyy-mm-dd.
 */
public abstract class SheetWriter implements AutoCloseable {

    /** Writes one row: texts, and dates as {@link LocalDate}. */
    public abstract void row(List<?> cells);

    @Override
    public abstract void close();

    public static SheetWriter of(RosterFormat format, OutputStream out, String sheetName) {
        return format == RosterFormat.CSV ? new Csv(out) : new Xlsx(out, sheetName);
    }

    private static final class Csv extends SheetWriter {
        private final CSVPrinter printer;

        Csv(OutputStream out) {
            try {
                OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writer.write('\uFEFF');
                printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(List<?> cells) {
            try {
                printer.printRecord(cells.stream().map(c -> c == null ? "" : c.toString()).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Xlsx extends SheetWriter {
        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final Sheet sheet;
        private final CellStyle dates;
        private int next;

        Xlsx(OutputStream out, String sheetName) {
            this.out = out;
            this.sheet = workbook.createSheet(sheetName);
            this.dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        }

        @Override
        public void row(List<?> cells) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < cells.size(); i++) {
                Object value = cells.get(i);
                if (value instanceof LocalDate date) {
                    var cell = row.createCell(i);
                    cell.setCellValue(date);
                    cell.setCellStyle(dates);
                } else if (value != null && !value.toString().isEmpty()) {
                    row.createCell(i).setCellValue(value.toString());
                }
            }
        }

        @Override
        public void close() {
            try (workbook) {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                workbook.dispose(); // the rows SXSSF kept on disk
            }
        }
    }
}
