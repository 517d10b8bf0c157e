package org.lianxin.node.rosters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a file's columns are: the header text of each column, the profile column it stands for,
 * and the row the data starts after (spec 15.3).
 *
 * @param lastHeaderRow the last row of the header block, in the file's numbering
 * @param headers       each column's header text, by position ("" when it has none)
 * @param columns       each column's profile column, by position; empty for a column left out
 */
public record RosterLayout(int lastHeaderRow, List<String> headers, List<Optional<RosterColumn>> columns) {

    /** How many rows at the top of a file may hold headers, a title above them included. */
    static final int HEADER_SEARCH = 10;

    /** The position of each profile column in the file. */
    public Map<RosterColumn, Integer> positions() {
        Map<RosterColumn, Integer> positions = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            int at = i;
            columns.get(i).ifPresent(c -> positions.putIfAbsent(c, at));
        }
        return positions;
    }

    public boolean has(RosterColumn column) {
        return columns.stream().anyMatch(c -> c.equals(Optional.of(column)));
    }

    /** The header of the column a profile column is read from, for a report; its Chinese header when the file has none. */
    public String header(RosterColumn column) {
        Integer at = positions().get(column);
        return at == null || headers.get(at).isBlank() ? column.header() : headers.get(at);
    }

    /**
     * Finds the header block among the first rows: the rows, one after another, in which at least half
     * the cells that are not empty name a column (of the mapping or the profile), the data starting
     * after the last of them. A title row
     * above them, and a row of group headings merged across several columns, name none and are read
     * past; in a two-row header, a heading merged down over both rows gives its text in the upper row,
     * and a column takes the name it has in the lowest row that names one. With the mapping's
     * {@code headerRow}, that row alone is the header.
     */
    static Optional<RosterLayout> find(List<Row> top, RosterMapping mapping) {
        List<Row> block = new ArrayList<>();
        for (Row row : top) {
            boolean wanted = mapping.headerRow().map(h -> h == row.number()).orElseGet(() -> heading(row, mapping));
            if (wanted) {
                block.add(row);
            } else if (!block.isEmpty()) {
                break;
            }
        }
        if (block.isEmpty()) {
            return Optional.empty();
        }
        int width = block.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        List<String> headers = new ArrayList<>();
        List<Optional<RosterColumn>> columns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            String header = "";
            Optional<RosterColumn> column = Optional.empty();
            for (Row row : block) {
                String text = i < row.cells().size() ? row.cells().get(i).strip() : "";
                if (!text.isEmpty() && (mapping.names(text) || mapping.column(text).isPresent())) {
                    header = text;
                    column = mapping.column(text);
                } else if (header.isEmpty()) {
                    header = text;
                }
            }
            headers.add(header);
            columns.add(column);
        }
        return Optional.of(new RosterLayout(block.get(block.size() - 1).number(), List.copyOf(headers), List.copyOf(columns)));
    }

    /**
     * A row of the header: its cells that name a column are at least half of its cells that are not
     * empty. A data row whose remark happens to read 姓名 is not one; a row of group headings over a
     * few columns, with the headings merged down beside them, is.
     */
    private static boolean heading(Row row, RosterMapping mapping) {
        long names = names(row, mapping);
        long filled = row.cells().stream().filter(c -> !c.isBlank()).count();
        return names > 0 && names * 2 >= filled;
    }

    private static long names(Row row, RosterMapping mapping) {
        return row.cells().stream().map(String::strip).filter(t -> !t.isEmpty())
                .filter(t -> mapping.column(t).isPresent() || mapping.names(t)).count();
    }

    /** A row as read. */
    record Row(int number, List<String> cells) {}
}
