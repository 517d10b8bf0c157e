package org.lianxin.node.rosters;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * What an import did, or would do in a dry run (spec Table 15.3): each data row counted once as
 * created, updated, unchanged or rejected, and every error of every rejected row.
 */
public final class RosterReport {

    /** What became of one row. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    private final boolean dryRun;
    private int created;
    private int updated;
    private int unchanged;
    private final Map<Integer, List<RowError>> rejected = Collections.synchronizedMap(new TreeMap<>());
    private volatile RosterLayout layout;

    public RosterReport(boolean dryRun) {
        this.dryRun = dryRun;
    }

    void layout(RosterLayout layout) {
        this.layout = layout;
    }

    /** The file's layout, once its header is read. */
    public RosterLayout layout() {
        return layout;
    }

    synchronized void count(Outcome outcome, int row, List<RowError> errors) {
        switch (outcome) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case REJECTED -> rejected.put(row, List.copyOf(errors));
        }
    }

    public synchronized int created() {
        return created;
    }

    public synchronized int updated() {
        return updated;
    }

    public synchronized int unchanged() {
        return unchanged;
    }

    public int rejected() {
        return rejected.size();
    }

    /** The errors of the rejected rows, by row number, in order. */
    public Map<Integer, List<RowError>> rejectedRows() {
        synchronized (rejected) {
            return new TreeMap<>(rejected);
        }
    }

    /** Every error, in row order. */
    public List<RowError> errors() {
        List<RowError> all = new ArrayList<>();
        rejectedRows().values().forEach(all::addAll);
        return all;
    }

    public synchronized JsonObject toJson() {
        JsonArrayBuilder errors = JSON.createArrayBuilder();
        errors().forEach(e -> errors.add(e.toJson()));
        return JSON.createObjectBuilder().add("dryRun", dryRun).add("created", created).add("updated", updated)
                .add("unchanged", unchanged).add("rejected", rejected.size()).add("errors", errors).build();
    }
}
