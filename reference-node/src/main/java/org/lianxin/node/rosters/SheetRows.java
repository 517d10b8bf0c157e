package org.lianxin.node.rosters;

import java.util.List;

/** The rows of a sheet as a file gives them, one at a time: the row number the file shows (from 1) and its cells' texts by column. */
@FunctionalInterface
public interface SheetRows {

    /** One row; {@code cells} has an empty string for an empty cell, and may be shorter than the header. */
    void row(int number, List<String> cells);
}
