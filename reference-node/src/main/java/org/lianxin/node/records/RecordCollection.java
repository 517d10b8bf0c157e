package org.lianxin.node.records;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.paging.Cursor;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.store.Record;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.node.store.StoreIndex;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.ContextTerms;
import org.lianxin.spec.LX;

/**
 * The records of one kind on a node: read, create, replace, delete (as a tombstone) and list.
 * Every write is checked against the SHACL shapes, then against the kind's own rules inside the
 * write transaction, and is stored whole or not at all (LX-CORE-21).
 */
public final class RecordCollection {

    /** The answer to a write: the record as stored, and whether the write created it. */
    public record Written(Record record, boolean created) {}

    /** One page of a list, and the cursor of the next page when there is one. */
    public record Page(List<Record> items, Optional<Cursor> next) {}

    /**
     * What a list selects, as SPARQL group patterns over {@code ?r}, the record. {@code live} selects
     * live records; {@code tombstones} selects, when the list has {@code modifiedSince}, the
     * tombstones to list too, by the links a tombstone keeps.
     */
    public record Selection(String live, String tombstones) {
        public static final Selection ALL = new Selection("", "");
    }

    private static final SecureRandom IDS = new SecureRandom();
    private static final char[] ID_CHARS = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final RecordKind kind;
    private final RecordValidator validator;

    public RecordCollection(RecordKind kind, RecordValidator validator) {
        this.kind = kind;
        this.validator = validator;
    }

    public RecordKind kind() {
        return kind;
    }

    public Node iri(LogicalNode node, String id) {
        return NodeFactory.createURI(node.base() + "/" + kind.segment() + "/" + id);
    }

    /** A fresh, unguessable id; ids carry no personal data. */
    public static String newId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[IDS.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    /** The record (live or tombstone), or a 404 problem, also when the caller may not read it (LX-SEC-18). */
    public Record get(LogicalNode node, String id, RecordGuard guard) {
        Node iri = iri(node, id);
        return node.store().read(tx -> tx.get(iri).filter(g -> guard.readable(node, tx, kind, iri, g)))
                .map(g -> new Record(iri, g))
                .orElseThrow(() -> notFound(id));
    }

    /**
     * A record written out as shown to a caller who states no purpose: {@code body} is what
     * {@code render} made of it, once, kept with the record until the node's next write. Most reads
     * are of this kind, and copying the record out of TDB2 and writing it was most of their cost
     * (issue 6, W4). The caller's right to read it is decided on every call.
     */
    public record Shown(Graph record, boolean tombstone, byte[] body) {}

    /** The record {@code id} as {@link Shown} in the representation {@code variant}, or a 404 problem as {@link #get}. */
    public Shown shown(LogicalNode node, String id, RecordGuard guard, String variant, Function<Record, byte[]> render) {
        Node iri = iri(node, id);
        Optional<Shown> kept = node.store().derived("shown " + variant + " " + iri.getURI(), tx -> kept(node, iri)
                .map(g -> new Shown(g, Lifecycle.isTombstone(g, iri), render.apply(new Record(iri, g)))));
        return kept.filter(s -> readable(node, guard, iri, s.record())).orElseThrow(() -> notFound(id));
    }

    /**
     * The IRI of the live record {@code id}, or the problems of {@link #live}: for routes that only
     * name a record (the organization of a statistic, asked at every node of a subtree), read from
     * the record kept until the node's next write.
     */
    public Node liveIri(LogicalNode node, String id, RecordGuard guard) {
        Node iri = iri(node, id);
        Graph record = kept(node, iri).filter(g -> readable(node, guard, iri, g)).orElseThrow(() -> notFound(id));
        if (Lifecycle.isTombstone(record, iri)) {
            throw ProblemException.gone("The record " + kind.segment() + "/" + id);
        }
        return iri;
    }

    /** Whether the caller may read a kept record: decided on every call, in a transaction begun only if the guard needs one. */
    private boolean readable(LogicalNode node, RecordGuard guard, Node iri, Graph record) {
        return node.store().readWhenUsed(tx -> guard.readable(node, tx, kind, iri, record));
    }

    /** The record as kept until the node's next write; only looked at, never changed. */
    private static Optional<Graph> kept(LogicalNode node, Node iri) {
        return node.store().derived("record " + iri.getURI(), tx -> tx.get(iri));
    }

    /** The live record, or a 404 problem, or a 410 problem for a tombstone. */
    public Record live(LogicalNode node, String id, RecordGuard guard) {
        Record record = get(node, id, guard);
        if (Lifecycle.isTombstone(record.graph(), record.iri())) {
            throw ProblemException.gone("The record " + kind.segment() + "/" + id);
        }
        return record;
    }

    /** Creates or replaces one record; replacing a tombstone is a 410 (LX-CORE-30). */
    public Written put(LogicalNode node, Record input, RecordGuard guard) {
        return putAll(node, List.of(input), guard).get(0);
    }

    /**
     * Writes records in one transaction: all of them or, when any breaks a rule, none. This is also
     * the bulk path (batch imports, demo data). Faults are reported in the spec's order: 403, then
     * 410, then every 422, then 409 (spec 3.6, 8.3).
     */
    public List<Written> putAll(LogicalNode node, List<Record> inputs, RecordGuard guard) {
        node.store().read(tx -> {
            inputs.forEach(input -> guard.writing(kind, input.iri(), tx.get(input.iri()), Optional.of(input.graph())));
            inputs.forEach(input -> refuseUnwritable(node, tx, input.iri(), guard));
            inputs.forEach(input -> refuseTombstone(tx, input.iri()));
            return null;
        });
        List<FieldError> errors = new ArrayList<>();
        inputs.forEach(this::withImpliedClasses);
        List<List<FieldError>> shapes = validator.checkAll(inputs); // the SHACL-SPARQL constraints once for the batch
        for (int i = 0; i < inputs.size(); i++) {
            errors.addAll(prefixed(inputs, inputs.get(i), checkClass(inputs.get(i))));
            errors.addAll(prefixed(inputs, inputs.get(i), shapes.get(i)));
        }
        RecordValidator.reject(errors);
        return node.store().write(tx -> {
            List<Written> written = new ArrayList<>();
            List<FieldError> broken = new ArrayList<>();
            List<FieldError> conflicts = new ArrayList<>();
            for (Record input : inputs) {
                refuseUnwritable(node, tx, input.iri(), guard); // again: the store may have changed since the check above
                refuseTombstone(tx, input.iri());
                Optional<Graph> before = tx.get(input.iri());
                if (before.isPresent() && kind.unchanged(before.get(), input.iri(), input.graph())) {
                    written.add(new Written(new Record(input.iri(), before.get()), false));
                    continue;
                }
                List<FieldError> rules = kind.check(node, tx, input.iri(), input.graph());
                broken.addAll(prefixed(inputs, input, rules));
                broken.addAll(prefixed(inputs, input, placed(node, tx, input, rules, guard)));
                conflicts.addAll(prefixed(inputs, input, kind.conflicts(node, tx, input.iri(), input.graph())));
                Graph stored = Lifecycle.stamped(input.graph(), input.iri(), before, Lifecycle.writeTime(before, input.iri()));
                tx.put(input.iri(), stored);
                kind.indexed(tx, input.iri(), Optional.of(stored));
                written.add(new Written(new Record(input.iri(), stored), before.isEmpty()));
            }
            // Throwing aborts the transaction: nothing of the batch is stored.
            RecordValidator.reject(broken);
            if (!conflicts.isEmpty()) {
                throw ProblemException.conflict(conflicts.size() + " conflict(s) with other records; nothing was written.", conflicts);
            }
            return written;
        });
    }

    /** What {@link #putAll} checks before its transaction: the record's class and its shapes. */
    public List<FieldError> validate(Record input) {
        withImpliedClasses(input);
        List<FieldError> errors = new ArrayList<>(checkClass(input));
        errors.addAll(validator.checkAll(List.of(input)).get(0));
        return errors;
    }

    /**
     * {@link #validate} for many records at once, as {@link #putAll} checks a batch: the SHACL-SPARQL
     * constraints run once for them all (a roster's rows, spec chapter 15). One list of errors per record.
     */
    public List<List<FieldError>> validateAll(List<Record> inputs) {
        inputs.forEach(this::withImpliedClasses);
        List<List<FieldError>> shapes = validator.checkAll(inputs);
        List<List<FieldError>> errors = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            List<FieldError> e = new ArrayList<>(checkClass(inputs.get(i)));
            e.addAll(shapes.get(i));
            errors.add(e);
        }
        return errors;
    }

    /**
     * Writes a record that {@link #validate} passed inside the caller's write transaction, which
     * changes other records too (a transfer's member record and its transfer record, LX-TRANSFER-20):
     * the kind's rules and conflicts abort the whole transaction.
     */
    public Graph writeIn(LogicalNode node, RecordTransaction tx, Record input) {
        RecordValidator.reject(kind.check(node, tx, input.iri(), input.graph()));
        List<FieldError> conflicts = kind.conflicts(node, tx, input.iri(), input.graph());
        if (!conflicts.isEmpty()) {
            throw ProblemException.conflict("The record conflicts with another record; nothing was written.", conflicts);
        }
        Optional<Graph> before = tx.get(input.iri());
        Graph stored = Lifecycle.stamped(input.graph(), input.iri(), before, Lifecycle.writeTime(before, input.iri()));
        tx.put(input.iri(), stored);
        kind.indexed(tx, input.iri(), Optional.of(stored));
        return stored;
    }

    /**
     * LX-SEC-21: a caller whose roles do not write this kind of record, or a write over a record the
     * caller may not write, is a 403. A PUT to another organization's id is a 403 although that
     * record is not readable: an unused id would have been created (spec 8.6, "Hiding, not forbidding").
     */
    private void refuseUnwritable(LogicalNode node, RecordTransaction tx, Node iri, RecordGuard guard) {
        boolean overWritable = tx.get(iri).map(before -> guard.writable(node, tx, kind, iri, before)).orElse(true);
        if (!guard.writes(kind) || !overWritable) {
            throw ProblemException.forbidden("Your roles do not allow writing this record.");
        }
    }

    /**
     * LX-SEC-21, once the record is known to be valid: as written it must lie in the caller's
     * subtree. When it links to an organization of this node that the caller may not see, the answer
     * is the one for an organization that does not exist (LX-CORE-26), so that it tells nothing of
     * what lies outside the subtree (LX-SEC-18); otherwise 403.
     */
    private List<FieldError> placed(LogicalNode node, RecordTransaction tx, Record input, List<FieldError> rules, RecordGuard guard) {
        if (!rules.isEmpty() || guard.writable(node, tx, kind, input.iri(), input.graph())) {
            return List.of(); // a record that breaks a rule is refused for that, whoever writes it
        }
        Optional<Node> link = Lifecycle.value(input.graph(), input.iri(), kind.placement());
        if (link.isEmpty() || !node.holdsOrganization(link.get())) {
            throw ProblemException.forbidden("Your roles do not allow writing this record where it would lie.");
        }
        return List.of(References.missingOrganization(ContextTerms.lianxin().key(kind.placement().getURI())));
    }

    /**
     * Replaces the record with its tombstone (LX-CORE-28); a tombstone cannot be deleted again
     * (LX-CORE-30). A record the caller may not read is a 404 (LX-SEC-18), one it may read but not
     * write a 403 (LX-SEC-22).
     */
    public void delete(LogicalNode node, String id, RecordGuard guard) {
        Node iri = iri(node, id);
        Record seen = get(node, id, guard); // decided outside the write transaction first: it may ask the parent node (LX-SEC-23)
        guard.writing(kind, iri, Optional.of(seen.graph()), Optional.empty());
        node.store().write(tx -> {
            Graph before = tx.get(iri).filter(g -> guard.readable(node, tx, kind, iri, g)).orElseThrow(() -> notFound(id));
            if (!guard.writable(node, tx, kind, iri, before)) {
                throw ProblemException.forbidden("Your roles do not allow deleting this record.");
            }
            refuseTombstone(tx, iri);
            kind.checkDelete(node, tx, iri);
            tx.put(iri, Lifecycle.tombstone(before, iri, kind.keptInTombstone(), Lifecycle.writeTime(Optional.of(before), iri)));
            kind.indexed(tx, iri, Optional.empty());
            return null;
        });
    }

    private ProblemException notFound(String id) {
        return ProblemException.notFound("The record " + kind.segment() + "/" + id);
    }

    /**
     * A page of the records of this kind selected by {@code selection}, in the order the records
     * were first created (LX-CORE-34). Tombstones are listed only when {@code modifiedSince} is
     * given (LX-CORE-39), so that a client that syncs sees deletions.
     */
    public Page list(LogicalNode node, Selection selection, Optional<Instant> modifiedSince, Optional<Cursor> after, int limit,
                     RecordGuard guard) {
        String readable = guard.listFilter(node, kind);
        String tombstone = NodeFmtLib.strNT(LX.Tombstone.asNode());
        String ofKind = "GRAPH ?r { ?r a " + NodeFmtLib.strNT(kind.recordClass()) + " }";
        // The selection comes first and the creation sequence is looked up for what it selected: a
        // selective search (a name) then reads a few records, not every record of the node (issue 6).
        // Each branch binds ?r itself: SPARQL evaluates the branches of a UNION on their own.
        StringBuilder q = new StringBuilder("SELECT ?r ?seq WHERE {\n");
        q.append("  { ").append(selection.live()).append("\n    ").append(ofKind)
                .append(" FILTER NOT EXISTS { GRAPH ?r { ?r a ").append(tombstone).append(" } } ").append(readable).append(" }\n");
        if (modifiedSince.isPresent()) {
            q.append("  UNION { ").append(selection.tombstones()).append(" GRAPH ?r { ?r a ").append(tombstone).append(" } ").append(readable).append(" }\n")
                    .append("  GRAPH ?r { ?r ").append(NodeFmtLib.strNT(DCTerms.modified.asNode())).append(" ?modified ")
                    .append("FILTER(?modified >= ").append(NodeFmtLib.strNT(Lifecycle.dateTime(modifiedSince.get()))).append(") }\n");
        }
        q.append("  GRAPH ").append(NodeFmtLib.strNT(StoreIndex.GRAPH)).append(" { ?r ")
                .append(NodeFmtLib.strNT(StoreIndex.SEQUENCE)).append(" ?seq ")
                .append("FILTER(?seq > ").append(after.map(Cursor::position).orElse(0L)).append(") }\n");
        q.append("} ORDER BY ?seq LIMIT ").append(limit + 1);
        var query = QueryFactory.create(q.toString());
        return node.store().read(tx -> {
            List<Binding> rows = tx.select(query);
            List<Record> items = new ArrayList<>();
            for (Binding row : rows.subList(0, Math.min(limit, rows.size()))) {
                Node iri = row.get(Var.alloc("r"));
                tx.get(iri).ifPresent(g -> items.add(new Record(iri, g)));
            }
            Optional<Cursor> next = rows.size() > limit
                    ? Optional.of(new Cursor(((Number) rows.get(limit - 1).get(Var.alloc("seq")).getLiteralValue()).longValue()))
                    : Optional.empty();
            return new Page(items, next);
        });
    }

    private void refuseTombstone(RecordTransaction tx, Node iri) {
        if (tx.get(iri).map(g -> Lifecycle.isTombstone(g, iri)).orElse(false)) {
            throw ProblemException.gone("The record " + iri.getURI());
        }
    }

    private void withImpliedClasses(Record input) {
        Graph g = input.graph();
        boolean typed = g.contains(input.iri(), RDF.type.asNode(), kind.recordClass())
                || kind.impliedClasses().stream().anyMatch(c -> g.contains(input.iri(), RDF.type.asNode(), c));
        if (typed) {
            g.add(input.iri(), RDF.type.asNode(), kind.recordClass());
            kind.impliedClasses().forEach(c -> g.add(input.iri(), RDF.type.asNode(), c));
        }
    }

    /** Table 3.3: the record subject has the route's type (LX-CORE-18). */
    private List<FieldError> checkClass(Record input) {
        if (input.graph().contains(input.iri(), RDF.type.asNode(), kind.recordClass())) {
            return List.of();
        }
        return List.of(new FieldError("type", "record-subject",
                "A record in " + kind.segment() + " has the type " + NodeFmtLib.strNT(kind.recordClass()) + ".", "LX-CORE-18"));
    }

    /** In a batch, says which record each error belongs to. */
    private static List<FieldError> prefixed(List<Record> inputs, Record input, List<FieldError> errors) {
        if (inputs.size() == 1 || errors.isEmpty()) {
            return errors;
        }
        int position = inputs.indexOf(input) + 1;
        return errors.stream()
                .map(e -> new FieldError(e.field(), e.rule(), "record " + position + ": " + e.message(), e.requirement()))
                .toList();
    }

}
