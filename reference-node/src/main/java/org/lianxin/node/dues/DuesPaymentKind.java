package org.lianxin.node.dues;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * Dues payments (spec 9.5): one record per payment, under the payment ID the client gives it, never
 * changed once stored. A payment lies under the organization that collected it — the payer's branch
 * when it was recorded — and is about its payer, who may read it (Table 8.7, spec 9.8).
 */
public final class DuesPaymentKind implements RecordKind {

    /** What the client says of a payment; the rest (collectedBy, assessment, dates) the node sets. */
    private static final List<Node> CLIENT_PROPERTIES = List.of(LX.payer.asNode(), LX.month.asNode(), LX.amount.asNode(),
            LX.paymentChannel.asNode(), LX.paidAt.asNode());
    private static final List<Node> NODE_PROPERTIES = List.of(LX.collectedBy.asNode(), LX.assessedAmount.asNode(),
            LX.matchesAssessment.asNode());

    private final DuesRates rates;

    public DuesPaymentKind(DuesRates rates) {
        this.rates = rates;
    }

    @Override
    public String segment() {
        return "dues/payments";
    }

    @Override
    public Node recordClass() {
        return LX.DuesPayment.asNode();
    }

    @Override
    public Node placement() {
        return LX.collectedBy.asNode();
    }

    @Override
    public Optional<Node> memberOf(Graph record, Node iri) {
        return Lifecycle.value(record, iri, LX.payer.asNode());
    }

    @Override
    public Optional<String> aboutMember(Node member) {
        return Optional.of("{ GRAPH ?r { ?r <" + LX.payer.getURI() + "> " + NodeFmtLib.strNT(member) + " } }");
    }

    /**
     * The payment as the node stores it (Table 9.7): the client's values, and the payer's branch as
     * collectedBy, the payer's assessment and whether the amount matches it, from the member record
     * {@code payer}. A mismatch is recorded, never refused (LX-DUES-8).
     */
    public Graph completed(Graph input, Node iri, Optional<Graph> payer) {
        Graph payment = GraphFactory.createDefaultGraph();
        input.find().filterDrop(t -> t.getSubject().equals(iri) && NODE_PROPERTIES.contains(t.getPredicate())).forEach(payment::add);
        Optional<Node> member = Lifecycle.value(input, iri, LX.payer.asNode());
        if (payer.isEmpty() || member.isEmpty()) {
            return payment;
        }
        MemberDues dues = MemberDues.of(payer.get(), member.get());
        dues.branch().ifPresent(b -> payment.add(iri, LX.collectedBy.asNode(), b));
        Optional<BigDecimal> assessed = dues.assessment(rates);
        Optional<BigDecimal> amount = Lifecycle.value(input, iri, LX.amount.asNode()).filter(Node::isLiteral).flatMap(DuesPaymentKind::decimal);
        assessed.ifPresent(a -> {
            payment.add(iri, LX.assessedAmount.asNode(), Money.literal(a));
            boolean matches = amount.map(x -> x.compareTo(a) == 0).orElse(false);
            payment.add(iri, LX.matchesAssessment.asNode(), NodeFactory.createLiteralDT(Boolean.toString(matches), XSDDatatype.XSDboolean));
        });
        return payment;
    }

    /** LX-DUES-10: the payer is a live member of this node, and the payment lies under its branch. */
    @Override
    public List<FieldError> check(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        Optional<Node> payer = Lifecycle.value(record, iri, LX.payer.asNode());
        Optional<Graph> member = payer.filter(p -> p.isURI() && p.getURI().startsWith(node.membersUrl() + "/")).flatMap(tx::get)
                .filter(g -> g.contains(payer.get(), org.apache.jena.vocabulary.RDF.type.asNode(), LX.Member.asNode()))
                .filter(g -> !Lifecycle.isTombstone(g, payer.get()));
        boolean placed = member.flatMap(g -> Lifecycle.value(g, payer.get(), LX.branch.asNode()))
                .equals(Lifecycle.value(record, iri, LX.collectedBy.asNode()));
        if (member.isEmpty() || !placed) {
            return List.of(unknownPayer());
        }
        return List.of();
    }

    /** LX-DUES-10, also for a member the caller may not read: the answer does not tell which (spec 8.6). */
    public static FieldError unknownPayer() {
        return new FieldError("payer", "dues-payer", "The payer is not a member of this node that you may read.", "LX-DUES-10");
    }

    /** LX-DUES-11: the same payment sent again changes nothing. */
    @Override
    public boolean unchanged(Graph before, Node iri, Graph input) {
        return !Lifecycle.isTombstone(before, iri) && CLIENT_PROPERTIES.stream().allMatch(p -> same(before, input, iri, p));
    }

    /** LX-DUES-12: a payment is never changed; the same payment ID with other values is a conflict. */
    @Override
    public List<FieldError> conflicts(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        return tx.get(iri).isPresent()
                ? List.of(new FieldError("", "payment-conflict", "A payment with this payment ID is recorded with other values; payments are never changed.", "LX-DUES-12"))
                : List.of();
    }

    /** Adds a new payment to the totals of its organization and month, in the transaction that stores it. */
    @Override
    public void indexed(RecordTransaction tx, Node iri, Optional<Graph> stored) {
        if (stored.isEmpty()) {
            return; // payments are not deleted in this version
        }
        Graph g = stored.get();
        Optional<Node> collectedBy = Lifecycle.value(g, iri, LX.collectedBy.asNode());
        Optional<Node> payer = Lifecycle.value(g, iri, LX.payer.asNode());
        Optional<String> month = Lifecycle.value(g, iri, LX.month.asNode()).map(Node::getLiteralLexicalForm);
        Optional<BigDecimal> amount = Lifecycle.value(g, iri, LX.amount.asNode()).flatMap(DuesPaymentKind::decimal);
        if (collectedBy.isEmpty() || payer.isEmpty() || month.isEmpty() || amount.isEmpty()) {
            return;
        }
        // The payer's first payment of the month to this organization? Their other payments, looked up by index.
        boolean newPayer = tx.find(Node.ANY, Node.ANY, LX.payer.asNode(), payer.get()).stream()
                .map(Quad::getGraph).filter(other -> !other.equals(iri))
                .noneMatch(other -> tx.find(other, other, LX.collectedBy.asNode(), collectedBy.get()).size() > 0
                        && tx.find(other, other, LX.month.asNode(), Node.ANY).stream().anyMatch(q -> q.getObject().getLiteralLexicalForm().equals(month.get())));
        DuesTotals.add(tx, collectedBy.get(), YearMonth.parse(month.get()), amount.get(), newPayer);
    }

    /** Amounts shown with two digits after the point, as the store may keep them in another lexical form. */
    @Override
    public Graph masked(Graph record, Node iri) {
        Graph shown = GraphFactory.createDefaultGraph();
        record.find().forEach(t -> {
            boolean money = (t.getPredicate().equals(LX.amount.asNode()) || t.getPredicate().equals(LX.assessedAmount.asNode()))
                    && t.getObject().isLiteral();
            shown.add(money ? org.apache.jena.graph.Triple.create(t.getSubject(), t.getPredicate(),
                    decimal(t.getObject()).map(Money::literal).orElse(t.getObject())) : t);
        });
        return shown;
    }

    private static boolean same(Graph before, Graph input, Node iri, Node property) {
        Optional<Node> a = Lifecycle.value(before, iri, property);
        Optional<Node> b = Lifecycle.value(input, iri, property);
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        if (property.equals(LX.amount.asNode())) {
            return decimal(a.get()).flatMap(x -> decimal(b.get()).map(y -> x.compareTo(y) == 0)).orElse(false);
        }
        if (a.get().isLiteral() && b.get().isLiteral()) {
            return a.get().sameValueAs(b.get()) || Objects.equals(a.get().getLiteralLexicalForm(), b.get().getLiteralLexicalForm());
        }
        return a.get().equals(b.get());
    }

    private static Optional<BigDecimal> decimal(Node literal) {
        try {
            return Optional.of(Money.of(literal));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
