package org.lianxin.node.rosters;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.time.Instant;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.lianxin.node.records.Lifecycle;

/**
 * One import of a roster (spec 15.5, Table 15.3): where it stands while it runs — rows done of the
 * total — and its report once it is done. Kept in memory by {@link RosterImports}, for the caller who
 * started it only (LX-ROSTER-19).
 */
public final class RosterImport {

    /** Where an import stands. */
    public enum State { Queued, Running, Done, Failed }

    private final String id;
    private final String url;
    private final String nodeId;
    private final String owner;
    private final boolean dryRun;
    private final RosterSource source;
    private final Instant started = Instant.now();
    private volatile State state = State.Queued;
    private volatile int rowsDone;
    private volatile int rowsTotal = -1;
    private volatile Instant finished;
    private volatile RosterReport report;
    private volatile String failure;

    RosterImport(String id, String url, String nodeId, String owner, boolean dryRun, RosterSource source) {
        this.id = id;
        this.url = url;
        this.nodeId = nodeId;
        this.owner = owner;
        this.dryRun = dryRun;
        this.source = source;
    }

    public String id() {
        return id;
    }

    public String url() {
        return url;
    }

    String nodeId() {
        return nodeId;
    }

    String owner() {
        return owner;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** The uploaded file, kept until the import is forgotten: the report spreadsheet copies its rejected rows. */
    public RosterSource source() {
        return source;
    }

    public State state() {
        return state;
    }

    public Optional<RosterReport> report() {
        return state == State.Done ? Optional.ofNullable(report) : Optional.empty();
    }

    Optional<Instant> finished() {
        return Optional.ofNullable(finished);
    }

    void running(int total) {
        rowsTotal = total;
        state = State.Running;
    }

    void progress(int done) {
        rowsDone = done;
    }

    void done(RosterReport report) {
        this.report = report;
        rowsDone = rowsTotal;
        finished = Instant.now();
        state = State.Done;
    }

    void failed(String message) {
        failure = message;
        finished = Instant.now();
        state = State.Failed;
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("id", url).add("type", "RosterImport").add("state", state.name())
                .add("dryRun", dryRun).add("rowsDone", rowsDone);
        if (rowsTotal >= 0) {
            json.add("rowsTotal", rowsTotal);
        }
        json.add("started", Lifecycle.dateTime(started).getLiteralLexicalForm());
        finished().ifPresent(f -> json.add("finished", Lifecycle.dateTime(f).getLiteralLexicalForm()));
        if (failure != null) {
            json.add("error", failure);
        }
        report().ifPresent(r -> json.add("report", r.toJson()));
        return json.build();
    }
}
