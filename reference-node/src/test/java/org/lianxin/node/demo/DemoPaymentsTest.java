package org.lianxin.node.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.dues.DuesAccount;
import org.lianxin.node.dues.DuesAccounts;
import org.lianxin.node.dues.DuesCollection;
import org.lianxin.node.dues.DuesPaymentKind;
import org.lianxin.node.dues.DuesRates;
import org.lianxin.node.dues.LocalDuesCollection;
import org.lianxin.node.dues.MemberDues;
import org.lianxin.node.members.MemberKind;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.OrganizationKind;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.store.Record;
import org.lianxin.node.store.Tdb2RecordStore;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.ContextTerms;
import org.lianxin.spec.LX;
import org.lianxin.spec.SpecResources;

/**
 * The demo's dues: every generated party member has a category, twelve months of payments load
 * through the validated bulk path, and the collection statistic and arrears over them agree with
 * the ground truth of the generated records.
 */
class DemoPaymentsTest {

    @Test
    @DisplayName("LX-DUES-21 the demo's payments load valid; the month's collection equals the sums of the generated records; some members are in arrears")
    void demoPayments() {
        RecordValidator validator = new RecordValidator(SpecResources.shapesGraph(), new ContextTerms(SpecResources.contextJson()));
        DuesRates rates = DuesRates.of(new BigDecimal("0.20"));
        DuesPaymentKind kind = new DuesPaymentKind(rates);
        RecordCollection organizations = new RecordCollection(new OrganizationKind(), validator);
        RecordCollection members = new RecordCollection(new MemberKind(org.lianxin.node.security.LookupKey.of(new byte[32])), validator);
        RecordCollection payments = new RecordCollection(kind, validator);
        try (Tdb2RecordStore store = Tdb2RecordStore.inMemory()) {
            LogicalNode node = new LogicalNode("demo", "http://localhost:9080/nodes/demo", store);
            DemoTree.Spec spec = DemoTree.Spec.sized(node.base(), 400);
            DemoPayments demo = new DemoPayments(rates, kind, spec.referenceDate(), 12, spec.seed());
            List<Record> orgs = new ArrayList<>();
            List<Record> people = new ArrayList<>();
            DemoTree.generate(spec, (iri, g) -> (g.contains(iri, org.apache.jena.vocabulary.RDF.type.asNode(), LX.Member.asNode()) ? people : orgs)
                    .add(new Record(iri, g)));
            organizations.putAll(node, orgs, RecordGuard.TRUSTED);
            members.putAll(node, people, RecordGuard.TRUSTED);
            List<Record> paid = new ArrayList<>();
            people.forEach(m -> paid.addAll(demo.of(node.base(), m)));
            payments.putAll(node, paid, RecordGuard.TRUSTED);

            YearMonth month = YearMonth.from(spec.referenceDate()).minusMonths(1);
            BigDecimal expected = BigDecimal.ZERO;
            long liable = 0;
            for (Record m : people) {
                MemberDues dues = MemberDues.of(m.graph(), m.iri());
                if (dues.liableIn(month)) {
                    liable++;
                    assertTrue(dues.category().isPresent(), "every party member of the demo has a dues category");
                    expected = expected.add(dues.assessment(rates).orElseThrow());
                }
            }
            BigDecimal paidInMonth = paid.stream().filter(p -> p.graph().find(p.iri(), LX.month.asNode(), Node.ANY).next().getObject()
                            .getLiteralLexicalForm().equals(month.toString()))
                    .map(p -> new BigDecimal(p.graph().find(p.iri(), LX.amount.asNode(), Node.ANY).next().getObject().getLiteralLexicalForm()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Node root = orgs.get(0).iri();
            DuesCollection collection = LocalDuesCollection.of(node, List.of(root), month, rates);
            assertEquals(liable, collection.members());
            assertEquals(0, expected.compareTo(collection.expected()), collection.toString());
            assertEquals(0, paidInMonth.compareTo(collection.paid()), collection.toString());
            assertTrue(collection.paidMembers() > liable * 8 / 10 && collection.paidMembers() < liable, collection.toString());

            List<DuesAccount> accounts = DuesAccounts.under(node, List.of(root), month, rates);
            long flagged = accounts.stream().filter(DuesAccount::flagged).count();
            assertTrue(flagged >= 1 && flagged < accounts.size() / 10, flagged + " flagged of " + accounts.size());
        }
    }
}
