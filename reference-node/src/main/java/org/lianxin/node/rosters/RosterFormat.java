package org.lianxin.node.rosters;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;

/** The two file formats of a roster (spec 15.2). */
public enum RosterFormat {

    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    RosterFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format of a body by its Content-Type, without parameters; empty for any other type (a 415). */
    public static Optional<RosterFormat> of(MediaType type) {
        if (type == null) {
            return Optional.empty();
        }
        String bare = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        for (RosterFormat f : values()) {
            if (f.mediaType.equals(bare)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format a {@code format} query parameter or a file name extension names. */
    public static Optional<RosterFormat> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (RosterFormat f : values()) {
            if (n.equals(f.extension) || n.endsWith("." + f.extension) || n.equals(f.mediaType)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
