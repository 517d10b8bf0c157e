package org.lianxin.node.rosters;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.lianxin.node.problems.ProblemException;

/**
 * A mapping document (spec 15.4): how a file whose layout is not the profile's is read. It names
 * the header row, the worksheet, which header stands for which column of Table 15.1 (or for none),
 * and which cell values stand for which profile values.
 *
 * @param headerRow the 1-based row of the column names; empty: found by the headers it contains
 * @param sheet     the worksheet of an XLSX file; empty: the first
 * @param columns   normalized header text → column, or empty for a column to leave out
 * @param values    column → cell text → the profile's text for it
 */
public record RosterMapping(Optional<Integer> headerRow, Optional<String> sheet, Map<String, Optional<RosterColumn>> columns,
                            Map<RosterColumn, Map<String, String>> values) {

    /** The profile as it is: headers of Table 15.1, the header row found, the first sheet. */
    public static final RosterMapping PROFILE = new RosterMapping(Optional.empty(), Optional.empty(), Map.of(), Map.of());

    /** The column a header names under this mapping: the mapping's word first, then the profile's. */
    public Optional<RosterColumn> column(String header) {
        String key = RosterColumn.normalized(header);
        return columns.containsKey(key) ? columns.get(key) : RosterColumn.named(header);
    }

    /** Whether the mapping says anything of this header (also "leave it out"). */
    public boolean names(String header) {
        return columns.containsKey(RosterColumn.normalized(header));
    }

    /** The profile's text for a cell's text. */
    public String value(RosterColumn column, String text) {
        return values.getOrDefault(column, Map.of()).getOrDefault(text, text);
    }

    /**
     * Reads a mapping document; anything it does not understand is a 400 naming the member at fault,
     * so that a mistyped key is never silently ignored.
     */
    public static RosterMapping parse(String json) {
        JsonObject document;
        try {
            document = JSON.createReader(new StringReader(json)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ProblemException.badRequest("The mapping is not a JSON object (spec 15.4).");
        }
        for (String key : document.keySet()) {
            if (!key.equals("profile") && !key.equals("headerRow") && !key.equals("sheet") && !key.equals("columns") && !key.equals("values")) {
                throw ProblemException.badRequest("The mapping has an unknown member \"" + key + "\" (spec 15.4).");
            }
        }
        if (document.containsKey("profile") && !"lianxin-roster/1".equals(document.getString("profile", null))) {
            throw ProblemException.badRequest("The mapping's profile is \"lianxin-roster/1\".");
        }
        Optional<Integer> headerRow = Optional.empty();
        if (document.containsKey("headerRow")) {
            if (document.get("headerRow").getValueType() != JsonValue.ValueType.NUMBER || document.getInt("headerRow") < 1) {
                throw ProblemException.badRequest("The mapping's headerRow is a row number, 1 or more.");
            }
            headerRow = Optional.of(document.getInt("headerRow"));
        }
        Optional<String> sheet = document.get("sheet") instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
        Map<String, Optional<RosterColumn>> columns = new HashMap<>();
        if (document.get("columns") instanceof JsonObject given) {
            given.forEach((header, key) -> {
                if (key.getValueType() == JsonValue.ValueType.NULL) {
                    columns.put(RosterColumn.normalized(header), Optional.empty());
                } else {
                    columns.put(RosterColumn.normalized(header), Optional.of(column(key, "columns." + header)));
                }
            });
        } else if (document.containsKey("columns")) {
            throw ProblemException.badRequest("The mapping's columns is an object: header → key of Table 15.1, or null.");
        }
        Map<RosterColumn, Map<String, String>> values = new HashMap<>();
        if (document.get("values") instanceof JsonObject given) {
            given.forEach((key, table) -> {
                RosterColumn column = column(JSON.createValue(key), "values");
                if (!(table instanceof JsonObject pairs) || pairs.values().stream().anyMatch(v -> !(v instanceof JsonString))) {
                    throw ProblemException.badRequest("The mapping's values." + key + " is an object of texts: cell → profile value.");
                }
                Map<String, String> map = new HashMap<>();
                pairs.forEach((cell, profile) -> map.put(cell, ((JsonString) profile).getString()));
                values.put(column, Map.copyOf(map));
            });
        } else if (document.containsKey("values")) {
            throw ProblemException.badRequest("The mapping's values is an object: key → {cell: profile value}.");
        }
        return new RosterMapping(headerRow, sheet, Map.copyOf(columns), Map.copyOf(values));
    }

    private static RosterColumn column(JsonValue key, String where) {
        if (!(key instanceof JsonString s)) {
            throw ProblemException.badRequest("The mapping's " + where + " is a key of Table 15.1.");
        }
        return RosterColumn.byKey(s.getString()).filter(c -> c.value() != RosterColumn.Value.REPORT)
                .orElseThrow(() -> ProblemException.badRequest("The mapping's " + where + " names \"" + s.getString()
                        + "\", which is not a key of Table 15.1."));
    }
}
