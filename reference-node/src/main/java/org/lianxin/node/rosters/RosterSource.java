package org.lianxin.node.rosters;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;

/** An uploaded roster: the file as the node keeps it while the import lasts, and how to read it. */
public record RosterSource(Path file, RosterFormat format, Optional<Charset> charset, RosterMapping mapping) {

    /** Reads the file's header and data rows. */
    public void read(RosterRows.Handler handler) {
        RosterRows.read(file, format, charset, mapping, handler);
    }

    /** The file's layout, from its first rows only; a {@link RosterFileException} when it has no header of the profile. */
    public RosterLayout layout() {
        RosterLayout[] found = {null};
        try {
            read(new RosterRows.Handler() {
                @Override
                public void layout(RosterLayout layout) {
                    found[0] = layout;
                    throw new Found();
                }

                @Override
                public void row(int number, java.util.List<String> cells) {}
            });
        } catch (Found stop) {
            // the header is all that was wanted
        }
        return found[0];
    }

    /** Stops reading once the header is found. */
    private static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }
}
