package org.lianxin.node.rosters;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report of an import as a spreadsheet a branch secretary fixes and sends again (LX-ROSTER-12):
 * the rejected rows as the file had them, under its own header, with two columns more — 导入结果 and
 * 错误说明 — which an import reads past. Rows are copied from the uploaded file, read again as a stream.
 */
final class RosterReportSheet {

    private RosterReportSheet() {}

    static void write(RosterSource source, RosterReport report, OutputStream out) {
        RosterLayout layout = report.layout();
        Map<Integer, List<RowError>> rejected = report.rejectedRows();
        List<Integer> kept = new ArrayList<>(); // the file's columns, without the columns of an earlier report
        for (int i = 0; i < layout.headers().size(); i++) {
            RosterColumn.Value value = layout.columns().get(i).map(RosterColumn::value).orElse(null);
            if (value != RosterColumn.Value.REPORT) {
                kept.add(i);
            }
        }
        try (SheetWriter sheet = SheetWriter.of(RosterFormat.XLSX, out, "导入报告")) {
            List<String> header = new ArrayList<>(kept.stream().map(layout.headers()::get).toList());
            header.add(RosterColumn.IMPORT_OUTCOME.header());
            header.add(RosterColumn.IMPORT_ERRORS.header());
            sheet.row(header);
            source.read(new RosterRows.Handler() {
                @Override
                public void layout(RosterLayout found) {}

                @Override
                public void row(int number, List<String> cells) {
                    List<RowError> errors = rejected.get(number);
                    if (errors == null) {
                        return;
                    }
                    List<String> row = new ArrayList<>(kept.stream().map(i -> i < cells.size() ? cells.get(i) : "").toList());
                    row.add("未导入（第" + number + "行）");
                    row.add(errors.stream().map(RowError::line).collect(Collectors.joining("\n")));
                    sheet.row(row);
                }
            });
        }
    }
}
