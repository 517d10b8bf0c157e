package org.lianxin.node.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lianxin.node.dues.DuesPaymentKind;
import org.lianxin.node.dues.DuesRates;
import org.lianxin.node.dues.MemberDues;
import org.lianxin.node.dues.Money;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/**
 * The dues payments of demo members over the months before the reference date (spec 9.5), drawn from
 * a random stream of each member's own: most pay every month the assessed amount; about one in ten
 * misses a month or two; two in a hundred stop paying six to twelve months before the end, and are
 * flagged for arrears; a few pay more than assessed, of their own will (自愿多交党费不限).
 * Payment IDs are {member id}-{yyyyMM}: loading again writes nothing twice.
 */
public final class DemoPayments {

    private static final Weighted<Node> CHANNELS = Weighted.pairs(LX.OnlinePayment.asNode(), 55, LX.PayrollDeduction.asNode(), 25,
            LX.Cash.asNode(), 15, LX.BankTransfer.asNode(), 5);

    private final DuesRates rates;
    private final DuesPaymentKind kind;
    private final YearMonth last;
    private final int months;
    private final long seed;

    /** The payments of {@code months} months for the members of {@code spec}, with the national rates and this farmer amount. */
    public static DemoPayments of(DemoTree.Spec spec, BigDecimal farmerAmount, int months) {
        DuesRates rates = DuesRates.of(farmerAmount);
        return new DemoPayments(rates, new DuesPaymentKind(rates), spec.referenceDate(), months, spec.seed());
    }

    /** The last month with payments: the one before the reference date's. */
    public YearMonth lastMonth() {
        return last;
    }

    DemoPayments(DuesRates rates, DuesPaymentKind kind, LocalDate reference, int months, long seed) {
        this.rates = rates;
        this.kind = kind;
        this.last = YearMonth.from(reference).minusMonths(1);
        this.months = months;
        this.seed = seed;
    }

    /** The payments of the member {@code record} of the node at {@code nodeBase}, complete as the node stores them. */
    public List<Record> of(String nodeBase, Record record) {
        MemberDues dues = MemberDues.of(record.graph(), record.iri());
        Optional<BigDecimal> assessment = dues.assessment(rates);
        List<Record> payments = new ArrayList<>();
        if (assessment.isEmpty() || months <= 0) {
            return payments;
        }
        String memberId = record.iri().getURI().substring(record.iri().getURI().lastIndexOf('/') + 1);
        SplittableRandom random = new SplittableRandom(seed ^ (memberId.hashCode() * 0xC2B2AE3D27D4EB4FL));
        int pattern = random.nextInt(100);
        int stopsBefore = pattern < 2 ? 6 + random.nextInt(Math.min(7, months - 5 > 0 ? months - 5 : 1)) : 0; // arrears of 6+ months at the end
        for (int back = months - 1; back >= 0; back--) {
            YearMonth month = last.minusMonths(back);
            boolean missed = pattern >= 2 && pattern < 12 && random.nextInt(months) < 2;
            if (!dues.liableIn(month) || back < stopsBefore || missed) {
                continue;
            }
            BigDecimal amount = random.nextInt(100) < 3 ? assessment.get().add(BigDecimal.TEN) : assessment.get();
            Node iri = NodeFactory.createURI(nodeBase + "/dues/payments/" + memberId + "-" + month.toString().replace("-", ""));
            Graph g = GraphFactory.createDefaultGraph();
            g.add(iri, org.apache.jena.vocabulary.RDF.type.asNode(), LX.DuesPayment.asNode());
            g.add(iri, LX.payer.asNode(), record.iri());
            g.add(iri, LX.month.asNode(), NodeFactory.createLiteralDT(month.toString(), XSDDatatype.XSDgYearMonth));
            g.add(iri, LX.amount.asNode(), Money.literal(amount));
            g.add(iri, LX.paymentChannel.asNode(), CHANNELS.draw(random));
            LocalDate day = month.atDay(1 + random.nextInt(Math.min(25, month.lengthOfMonth())));
            g.add(iri, LX.paidAt.asNode(), NodeFactory.createLiteralDT(day + "T10:" + (10 + random.nextInt(50)) + ":00+08:00", XSDDatatype.XSDdateTime));
            payments.add(new Record(iri, kind.completed(g, iri, Optional.of(record.graph()))));
        }
        return payments;
    }
}
