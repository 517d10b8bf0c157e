package org.lianxin.node.rosters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An XLSX roster, read with POI's streaming event API (XSSFReader and XSSFSheetXMLHandler): the
 * sheet's XML is parsed as it is read, row by row, and never held whole (spec 15.2). Cells in a date
 * format come as {@code yyyy-mm-dd}, whatever the format shows; merged cells give their value in
 * their first cell, which is where the header reads it.
 */
public final class XlsxSheet {

    private XlsxSheet() {}

    public static void read(Path file, Optional<String> sheetName, SheetRows rows) {
        try (OPCPackage pkg = open(file)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (sheetName.isEmpty() || sheetName.get().equals(sheets.getSheetName())) {
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Collector(rows), new IsoDates(), false));
                        parser.parse(new InputSource(sheet));
                        return;
                    }
                }
            }
            throw new RosterFileException("The workbook has no worksheet " + sheetName.map(s -> "named " + s).orElse("") + ".");
        } catch (InvalidFormatException | org.apache.poi.UnsupportedFileFormatException e) {
            throw new RosterFileException("The file is not an XLSX workbook (Office Open XML); save it as .xlsx or CSV.");
        } catch (SAXException | OpenXML4JException | ParserConfigurationException | org.apache.poi.ooxml.POIXMLException e) {
            throw new RosterFileException("The XLSX workbook cannot be read: its parts are damaged.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OPCPackage open(Path file) throws InvalidFormatException {
        try {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidOperationException e) {
            throw new RosterFileException("The file is not an XLSX workbook (Office Open XML); save it as .xlsx or CSV.");
        }
    }

    /** Collects the cells of each row, by column, and passes the row on when it ends. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final SheetRows rows;
        private final List<String> cells = new ArrayList<>();
        private int next;

        Collector(SheetRows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            next = 0;
        }

        @Override
        public void endRow(int rowNum) {
            rows.row(rowNum + 1, List.copyOf(cells));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? next : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            if (cells.size() == column) {
                cells.add(value == null ? "" : value);
            } else {
                cells.set(column, value == null ? "" : value);
            }
            next = column + 1;
        }
    }

    /**
     * Cell texts as the profile wants them: a date cell (a serial number in a date format) as
     * {@code yyyy-mm-dd}; a large whole number, such as a phone number stored as a number, in full.
     */
    static final class IsoDates extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate();
                return date.toString();
            }
            if (value == Math.rint(value) && Math.abs(value) >= 1e10 && Math.abs(value) < 1e20) {
                return new BigDecimal(value).toPlainString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
