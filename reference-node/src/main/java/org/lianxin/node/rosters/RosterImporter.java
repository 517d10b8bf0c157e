package org.lianxin.node.rosters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.members.MemberKind;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.security.AuditLog;
import org.lianxin.node.store.Record;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * Imports a roster (spec chapter 15), streamed: rows are read one at a time and taken {@link #BATCH}
 * at a time. A batch's rows become member records — a row whose ID number is that of a live member
 * of the node updates that member (found through the keyed-hash index, never a second record,
 * LX-ROSTER-10) — and are checked by the member shapes and rules of chapter 5, the same checks every
 * write passes (RecordCollection.validateAll, then the kind's rules). The rows without errors are
 * written in one transaction per batch; a row that changes nothing is not written (LX-ROSTER-11).
 * A dry run does all of it but the write (LX-ROSTER-7).
 */
public final class RosterImporter {

    /** Rows per transaction: a batch's SHACL-SPARQL run and its write stay small and quick. */
    public static final int BATCH = 500;

    /** Who imports, and where the writes are told to the audit log. */
    public record Caller(String subject, Optional<String> actingFor, List<String> roles, AuditLog audit) {}

    private final LogicalNode node;
    private final RecordCollection members;
    private final MemberKind kind;
    private final RosterCells.Branches branches;
    private final Optional<Node> defaultBranch;
    private final RosterMapping mapping;
    private final boolean dryRun;
    private final Optional<Caller> caller;
    private final RosterReport report;
    private final Map<String, Integer> seenIds = new HashMap<>();
    private final List<RosterCells.Read> pending = new ArrayList<>();
    private RosterCells cells;
    private RosterLayout layout;

    public RosterImporter(LogicalNode node, RecordCollection members, RosterCells.Branches branches, Optional<Node> defaultBranch,
                          RosterMapping mapping, boolean dryRun, Optional<Caller> caller) {
        this.node = node;
        this.members = members;
        this.kind = (MemberKind) members.kind();
        this.branches = branches;
        this.defaultBranch = defaultBranch;
        this.mapping = mapping;
        this.dryRun = dryRun;
        this.caller = caller;
        this.report = new RosterReport(dryRun);
    }

    public RosterReport report() {
        return report;
    }

    /** Reads and imports the whole file; {@code progress} is told the rows done after each batch. */
    public RosterReport run(RosterSource source, IntConsumer progress) {
        int[] done = {0};
        source.read(new RosterRows.Handler() {
            @Override
            public void layout(RosterLayout found) {
                layout = found;
                report.layout(found);
                cells = new RosterCells(found, mapping, defaultBranch, branches);
            }

            @Override
            public void row(int number, List<String> values) {
                pending.add(cells.read(number, values));
                if (pending.size() >= BATCH) {
                    done[0] += flush();
                    progress.accept(done[0]);
                }
            }
        });
        done[0] += flush();
        progress.accept(done[0]);
        return report;
    }

    /** A row on its way to the store: the record it makes, and the member it updates, if any. */
    private record Candidate(RosterCells.Read read, Record record, Optional<Graph> stored, List<RowError> errors) {}

    private int flush() {
        if (pending.isEmpty()) {
            return 0;
        }
        List<RosterCells.Read> batch = List.copyOf(pending);
        pending.clear();
        List<Candidate> candidates = node.store().read(tx -> batch.stream().map(read -> candidate(tx, read)).toList());
        List<Record> records = candidates.stream().map(Candidate::record).toList();
        List<List<FieldError>> shapes = members.validateAll(records);
        for (int i = 0; i < candidates.size(); i++) {
            addErrors(candidates.get(i), shapes.get(i));
        }
        if (dryRun) {
            node.store().read(tx -> judge(tx, candidates, false));
        } else {
            write(candidates);
        }
        return batch.size();
    }

    /** Writes the batch in one transaction; when that fails as a whole (the store changed meanwhile), row by row. */
    private void write(List<Candidate> candidates) {
        List<AuditLog.Entry> audit = new ArrayList<>();
        try {
            audit.addAll(node.store().write(tx -> judge(tx, candidates, true)));
        } catch (ProblemException e) {
            for (Candidate c : candidates) {
                try {
                    audit.addAll(node.store().write(tx -> judge(tx, List.of(c), true)));
                } catch (ProblemException single) {
                    c.errors().add(new RowError(c.read().row(), "", "", "", "write-refused", "LX-ROSTER-9",
                            single.problem().detail(), "Import the row again."));
                    report.count(RosterReport.Outcome.REJECTED, c.read().row(), c.errors());
                }
            }
        }
        caller.filter(x -> !audit.isEmpty()).ifPresent(x -> x.audit().append(node, audit));
    }

    /**
     * Decides each row inside one transaction: rejected for its errors and the kind's rules (checked
     * against what the store holds now), unchanged, or created or updated, and then written when
     * {@code write}. Returns the audit entries of the writes.
     */
    private List<AuditLog.Entry> judge(RecordTransaction tx, List<Candidate> candidates, boolean write) {
        List<AuditLog.Entry> audit = new ArrayList<>();
        List<Runnable> counts = new ArrayList<>();
        for (Candidate c : candidates) {
            Node iri = c.record().iri();
            if (c.errors().isEmpty()) {
                List<FieldError> rules = new ArrayList<>(kind.check(node, tx, iri, c.record().graph()));
                rules.addAll(kind.conflicts(node, tx, iri, c.record().graph()));
                addErrors(c, rules);
            }
            if (!c.errors().isEmpty()) {
                counts.add(() -> report.count(RosterReport.Outcome.REJECTED, c.read().row(), c.errors()));
                continue;
            }
            if (c.stored().isPresent() && unstamped(c.stored().get(), iri).isIsomorphicWith(c.record().graph())) {
                counts.add(() -> report.count(RosterReport.Outcome.UNCHANGED, c.read().row(), List.of()));
                continue;
            }
            boolean created = c.stored().isEmpty();
            if (write) {
                members.writeIn(node, tx, c.record());
                caller.ifPresent(who -> audit.add(new AuditLog.Entry(AuditLog.newId(), Instant.now(), who.subject(), who.actingFor(),
                        who.roles(), created ? "create" : "replace", Optional.of(iri.getURI()),
                        Lifecycle.value(c.record().graph(), iri, LX.branch.asNode()).map(b -> List.of(b.getURI())).orElse(List.of()),
                        Optional.empty(), created ? 201 : 200)));
            }
            counts.add(() -> report.count(created ? RosterReport.Outcome.CREATED : RosterReport.Outcome.UPDATED, c.read().row(), List.of()));
        }
        counts.forEach(Runnable::run); // only once the transaction's work is done: a retried batch is not counted twice
        return audit;
    }

    /**
     * The record a row makes. A row whose ID number is that of a live member the caller may write
     * updates that member: the member's record with the values of the file's columns replaced by the
     * row's, and everything the file has no column for kept (memberships, development steps, dues).
     * An ID number that a member outside the caller's subtree holds is left to the conflict rule
     * (LX-CORE-54), as for a single write.
     */
    private Candidate candidate(RecordTransaction tx, RosterCells.Read read) {
        List<RowError> errors = new ArrayList<>(read.errors());
        Optional<Node> existing = read.nationalId().flatMap(id -> kind.find(tx, id));
        Optional<Graph> stored = existing.flatMap(tx::get).filter(g -> !Lifecycle.isTombstone(g, existing.get()))
                .filter(g -> Lifecycle.value(g, existing.get(), LX.branch.asNode()).map(branches::writable).orElse(false));
        read.nationalId().ifPresent(id -> {
            Integer first = seenIds.putIfAbsent(id, read.row());
            if (first != null) {
                errors.add(RowError.of(read.row(), layout, RosterColumn.NATIONAL_ID, id, "duplicate-in-file", "LX-CORE-54",
                        "Row " + first + " has the same ID number.", "Keep one row per person."));
            }
        });
        Node iri = stored.isPresent() ? existing.get() : members.iri(node, RecordCollection.newId());
        Graph graph = GraphFactory.createDefaultGraph();
        Set<Node> replaced = new HashSet<>();
        layout.columns().forEach(c -> c.map(RosterColumn::property).ifPresent(replaced::add));
        if (layout.has(RosterColumn.BRANCH_NAME)) {
            replaced.add(LX.branch.asNode());
        }
        if (stored.isPresent()) {
            boolean fileHasBranch = replaced.contains(LX.branch.asNode());
            for (Triple t : stored.get().find().toList()) {
                boolean ours = t.getSubject().equals(iri) && (replaced.contains(t.getPredicate()) || STAMPS.contains(t.getPredicate()));
                if (!ours) {
                    graph.add(t);
                }
            }
            read.values().forEach((column, value) -> {
                boolean keepStored = column == RosterColumn.BRANCH && !fileHasBranch
                        || column == RosterColumn.STAGE && !layout.has(RosterColumn.STAGE);
                if (!keepStored) {
                    graph.add(iri, column.property(), value);
                }
            });
        } else {
            graph.add(iri, RDF.type.asNode(), LX.Member.asNode());
            read.values().forEach((column, value) -> graph.add(iri, column.property(), value));
        }
        return new Candidate(read, new Record(iri, graph), stored, errors);
    }

    /** The properties the node sets on every write (Table 3.6): not the file's to say, and not a change. */
    private static final Set<Node> STAMPS = Set.of(DCTerms.created.asNode(), DCTerms.modified.asNode());

    private static Graph unstamped(Graph stored, Node iri) {
        Graph bare = GraphFactory.createDefaultGraph();
        stored.find().filterDrop(t -> t.getSubject().equals(iri) && STAMPS.contains(t.getPredicate())).forEach(bare::add);
        return bare;
    }

    /** Adds the errors of the member shapes and rules, but not those on a cell that has an error already. */
    private void addErrors(Candidate c, List<FieldError> errors) {
        Set<String> flagged = new HashSet<>();
        c.errors().forEach(e -> flagged.add(e.field()));
        if (flagged.contains(RosterColumn.BRANCH_NAME.key())) {
            flagged.add(RosterColumn.BRANCH.key()); // the branch was named, but not found: one error, not two
        }
        for (FieldError e : errors) {
            if (flagged.contains(e.field()) && !e.field().isEmpty()) {
                continue;
            }
            Optional<RosterColumn> column = RosterColumn.byKey(e.field());
            String header = column.filter(layout::has).map(layout::header).orElse(column.map(RosterColumn::header).orElse(""));
            String value = column.map(col -> RowError.masked(col, c.read().texts().getOrDefault(col, ""))).orElse("");
            c.errors().add(new RowError(c.read().row(), header, e.field(), value, e.rule(), e.requirement(), e.message(),
                    RosterSuggestions.of(e, column)));
        }
    }
}
