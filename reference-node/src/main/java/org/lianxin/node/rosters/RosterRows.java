package org.lianxin.node.rosters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import java.nio.charset.Charset;

/**
 * A roster file as a header and its data rows, streamed: the first rows are held until the header is
 * found, then every row is passed on as it is read. Empty rows are skipped.
 */
public final class RosterRows {

    /** What is told of a roster, in order: its layout once, then each data row. */
    public interface Handler {
        void layout(RosterLayout layout);

        void row(int number, List<String> cells);
    }

    private RosterRows() {}

    /** Reads {@code file} of {@code format}; a file without a header of the profile is a {@link RosterFileException}. */
    public static void read(Path file, RosterFormat format, Optional<Charset> charset, RosterMapping mapping, Handler handler) {
        Finder finder = new Finder(mapping, handler);
        switch (format) {
            case CSV -> CsvSheet.read(file, charset, finder);
            case XLSX -> XlsxSheet.read(file, mapping.sheet(), finder);
        }
        finder.end();
    }

    /** Counts the data rows of a file, for the progress of an import. */
    public static int count(Path file, RosterFormat format, Optional<Charset> charset, RosterMapping mapping) {
        int[] rows = {0};
        read(file, format, charset, mapping, new Handler() {
            @Override
            public void layout(RosterLayout layout) {}

            @Override
            public void row(int number, List<String> cells) {
                rows[0]++;
            }
        });
        return rows[0];
    }

    private static final class Finder implements SheetRows {
        private final RosterMapping mapping;
        private final Handler handler;
        private final List<RosterLayout.Row> top = new ArrayList<>();
        private RosterLayout layout;

        Finder(RosterMapping mapping, Handler handler) {
            this.mapping = mapping;
            this.handler = handler;
        }

        @Override
        public void row(int number, List<String> cells) {
            if (layout != null) {
                data(number, cells);
                return;
            }
            top.add(new RosterLayout.Row(number, cells));
            if (top.size() >= RosterLayout.HEADER_SEARCH + mapping.headerRow().orElse(0)) {
                decide();
            }
        }

        void end() {
            if (layout == null) {
                decide();
            }
        }

        private void decide() {
            layout = RosterLayout.find(top, mapping).orElseThrow(() -> new RosterFileException(
                    "No header row names a column of the roster profile (姓名, 公民身份号码, ...) in the first rows; "
                            + "give a mapping for this layout (spec 15.4)."));
            if (!layout.has(RosterColumn.NAME) && !layout.has(RosterColumn.NATIONAL_ID)) {
                throw new RosterFileException("The header has neither 姓名 nor 公民身份号码; a roster needs both (spec Table 15.1).");
            }
            handler.layout(layout);
            for (RosterLayout.Row row : top) {
                if (row.number() > layout.lastHeaderRow()) {
                    data(row.number(), row.cells());
                }
            }
            top.clear();
        }

        private void data(int number, List<String> cells) {
            if (cells.stream().anyMatch(c -> !c.isBlank())) {
                handler.row(number, cells);
            }
        }
    }
}
