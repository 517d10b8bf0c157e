package org.lianxin.node.transfers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.rdf.RecordInput;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.Records;
import org.lianxin.node.records.References;
import org.lianxin.node.store.Record;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * The state changes of transfers that people make (spec 10.4): request, approve and cancel at the
 * sending node, accept and reject at the receiving node. Each is one write transaction that checks
 * the state it starts from; the message it calls for is then delivered by the {@link TransferCourier}.
 */
@ApplicationScoped
public class Transfers {

    /** The node's letter counter: one statement per node, in the bookkeeping graph of transfers. */
    static final Node BOOKKEEPING = NodeFactory.createURI("urn:lianxin:transfers");
    private static final Node LAST_LETTER = NodeFactory.createURI("urn:lianxin:transfers#lastLetter");

    /** The actions of Table 10.5 and the side and states each is allowed in. */
    public enum Action {
        APPROVE(true, List.of(TransferState.REQUESTED)),
        CANCEL(true, List.of(TransferState.REQUESTED, TransferState.APPROVED)),
        ACCEPT(false, List.of(TransferState.APPROVED)),
        REJECT(false, List.of(TransferState.APPROVED));

        final boolean sending;
        final List<TransferState> from;

        Action(boolean sending, List<TransferState> from) {
            this.sending = sending;
            this.from = from;
        }
    }

    @Inject
    Records records;

    @Inject
    TransferSettings settings;

    @Inject
    TransferCourier courier;

    /** The member record's values a transfer record repeats, so that the receiving side sees whom it receives (Table 10.3). */
    private static final List<Node> SUMMARY = List.of(SchemaOrg.name.asNode(), SchemaOrg.gender.asNode(), LX.stage.asNode());

    /**
     * A client's request (LX-TRANSFER-2) as the sending node stores it: what the client said —
     * transferredMember, toOrganization, reason — and what the node sets from the member record.
     * A member the caller may not read is answered as one that does not exist (LX-TRANSFER-3).
     */
    public Record requested(LogicalNode node, Record input, RecordGuard guard) {
        Node iri = input.iri();
        Graph request = RecordInput.stated(input, List.of(RDF.type.asNode(), LX.transferredMember.asNode(), LX.toOrganization.asNode(),
                LX.transferReason.asNode()));
        Optional<Node> member = Lifecycle.value(request, iri, LX.transferredMember.asNode());
        Optional<Graph> record = member.flatMap(m -> node.store().read(tx -> References.liveMember(node, tx, m)
                .filter(g -> guard.readable(node, tx, records.memberKind(), m, g))));
        if (member.isPresent() && record.isEmpty()) {
            RecordValidator.reject(List.of(TransferKind.unknownMember()));
        }
        record.ifPresent(g -> {
            Node m = member.get();
            Lifecycle.value(g, m, LX.branch.asNode()).ifPresent(b -> request.add(iri, LX.fromOrganization.asNode(), b));
            SUMMARY.forEach(p -> Lifecycle.value(g, m, p).ifPresent(v -> request.add(iri, p, v)));
            paidThrough(node, m).ifPresent(month -> request.add(iri, LX.duesPaidThrough.asNode(),
                    NodeFactory.createLiteralDT(month.toString(), XSDDatatype.XSDgYearMonth)));
        });
        request.add(iri, LX.transferState.asNode(), TransferState.REQUESTED.iri());
        request.add(iri, LX.requestedAt.asNode(), Lifecycle.dateTime(Instant.now()));
        return new Record(iri, request);
    }

    /**
     * The last month up to which the member paid without a gap, counted back from their latest
     * payment: what the introduction letter states as 党费交到某年某月.
     */
    private Optional<YearMonth> paidThrough(LogicalNode node, Node member) {
        List<YearMonth> months = node.store().read(tx -> tx.find(Node.ANY, Node.ANY, LX.payer.asNode(), member).stream()
                .map(Quad::getGraph)
                .flatMap(p -> tx.find(p, p, LX.month.asNode(), Node.ANY).stream())
                .map(q -> q.getObject().getLiteralLexicalForm())
                .filter(m -> m.matches("\\d{4}-\\d{2}"))
                .map(YearMonth::parse).sorted().toList());
        if (months.isEmpty()) {
            return Optional.empty();
        }
        YearMonth through = months.get(0);
        for (YearMonth m : months) {
            if (m.isAfter(through.plusMonths(1))) {
                break;
            }
            through = m.isAfter(through) ? m : through;
        }
        return Optional.of(through);
    }

    /**
     * Applies a person's action to the transfer {@code seen}, as the caller read it (LX-TRANSFER-6, -7,
     * -15, -16, -22, -23, -25): 403 when they may not act on it, 409 when its state does not allow the
     * action. Returns the record as stored.
     */
    public Record act(LogicalNode node, Record seen, Action action, Optional<String> reason, RecordGuard guard) {
        RecordCollection transfers = records.transfers();
        Node iri = seen.iri();
        if (!node.store().read(tx -> guard.writable(node, tx, transfers.kind(), iri, seen.graph()))) {
            throw ProblemException.forbidden("Only a secretary or administrator over the transfer's organization on this node may do this."); // LX-TRANSFER-25
        }
        if (reason.filter(r -> r.length() > 500).isPresent() || action == Action.REJECT && reason.filter(r -> !r.isBlank()).isEmpty()) {
            throw ProblemException.invalid("reason", "rejection-reason", "A rejection states its reason, 1 to 500 characters.", "LX-TRANSFER-22");
        }
        Instant now = Instant.now();
        Graph stored = node.store().write(tx -> {
            Graph before = tx.get(iri).orElseThrow();
            TransferState state = stateOf(before, iri);
            boolean sending = Lifecycle.value(before, iri, LX.sendingTransfer.asNode()).isEmpty();
            if (sending != action.sending || !action.from.contains(state)) {
                throw stateConflict(action.name().toLowerCase(java.util.Locale.ROOT), state);
            }
            Graph after = Lifecycle.withoutDates(before, iri);
            switch (action) {
                case APPROVE -> approve(tx, after, iri, now);
                case CANCEL -> {
                    Lifecycle.set(after, iri, LX.transferState.asNode(), TransferState.CANCELLED.iri());
                    reason.filter(r -> !r.isBlank()).ifPresent(r -> Lifecycle.set(after, iri, LX.rejectionReason.asNode(), NodeFactory.createLiteralString(r)));
                }
                case ACCEPT -> {
                    LocalDate validUntil = Lifecycle.value(before, iri, LX.letterValidUntil.asNode())
                            .map(d -> LocalDate.parse(d.getLiteralLexicalForm())).orElse(LocalDate.MAX);
                    if (LocalDate.now(Lifecycle.CHINA).isAfter(validUntil)) {
                        throw ProblemException.invalid("letterValidUntil", "letter-expired",
                                "The introduction letter was valid until " + validUntil + ".", "LX-TRANSFER-16");
                    }
                    Lifecycle.set(after, iri, LX.transferState.asNode(), TransferState.ACCEPTED.iri());
                    Lifecycle.set(after, iri, LX.decidedAt.asNode(), Lifecycle.dateTime(now));
                    Lifecycle.set(after, iri, LX.newMember.asNode(), node.memberIri(RecordCollection.newId()));
                }
                case REJECT -> {
                    Lifecycle.set(after, iri, LX.transferState.asNode(), TransferState.REJECTED.iri());
                    Lifecycle.set(after, iri, LX.decidedAt.asNode(), Lifecycle.dateTime(now));
                    Lifecycle.set(after, iri, LX.rejectionReason.asNode(), NodeFactory.createLiteralString(reason.orElseThrow()));
                }
            }
            return store(tx, iri, before, after);
        });
        courier.wake(node, iri);
        return new Record(iri, stored);
    }

    /** LX-TRANSFER-6: the letter, numbered {year}-{sequence} on this node, valid for the node's policy. */
    private void approve(RecordTransaction tx, Graph after, Node iri, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, Lifecycle.CHINA);
        long last = tx.find(BOOKKEEPING, BOOKKEEPING, LAST_LETTER, Node.ANY).stream()
                .map(q -> Long.parseLong(q.getObject().getLiteralLexicalForm())).findFirst().orElse(0L);
        tx.remove(BOOKKEEPING, BOOKKEEPING, LAST_LETTER, Node.ANY);
        tx.add(BOOKKEEPING, BOOKKEEPING, LAST_LETTER, NodeFactory.createLiteralDT(Long.toString(last + 1), XSDDatatype.XSDlong));
        Lifecycle.set(after, iri, LX.transferState.asNode(), TransferState.APPROVED.iri());
        Lifecycle.set(after, iri, LX.approvedAt.asNode(), Lifecycle.dateTime(now));
        Lifecycle.set(after, iri, LX.letterNumber.asNode(), NodeFactory.createLiteralString(String.format("%d-%06d", today.getYear(), last + 1)));
        Lifecycle.set(after, iri, LX.letterIssued.asNode(), date(today));
        Lifecycle.set(after, iri, LX.letterValidUntil.asNode(), date(today.plusDays(settings.letterValidDays())));
    }

    /** Stores {@code after} as the new version of the record {@code iri}, stamped; returns it. */
    static Graph store(RecordTransaction tx, Node iri, Graph before, Graph after) {
        Graph stamped = Lifecycle.stamped(after, iri, Optional.of(before), Lifecycle.writeTime(Optional.of(before), iri));
        tx.put(iri, stamped);
        return stamped;
    }

    static TransferState stateOf(Graph record, Node iri) {
        return Lifecycle.value(record, iri, LX.transferState.asNode()).flatMap(TransferState::of).orElse(TransferState.REQUESTED);
    }

    static Node date(LocalDate day) {
        return NodeFactory.createLiteralDT(day.toString(), XSDDatatype.XSDdate);
    }

    /** LX-TRANSFER-7, LX-TRANSFER-19: the action or message does not fit the state; nothing changed. */
    static ProblemException stateConflict(String what, TransferState state) {
        return stateConflict(what, state, "LX-TRANSFER-7");
    }

    /** The same for a message; a receipt's conflict is LX-TRANSFER-19. */
    static ProblemException stateConflict(String what, TransferState state, String requirement) {
        return ProblemException.conflict("The transfer is " + state.json() + "; " + what + " is not possible in that state.",
                List.of(new FieldError("transferState", "transfer-state", "A " + what + " is not allowed when the transfer is " + state.json() + ".",
                        requirement)));
    }
}
