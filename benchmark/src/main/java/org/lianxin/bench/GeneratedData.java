package org.lianxin.bench;

import java.math.BigDecimal;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.demo.DemoPayments;
import org.lianxin.node.demo.DemoTree;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/**
 * The generated province as the designs beside Lianxin load it: the demo tree's records and, after
 * each member, the member's dues payments, exactly as the node's demo loader makes them.
 */
final class GeneratedData {

    /** Months of dues payments, up to the month before the demo's reference date (issue 6: 12). */
    static final int DUES_MONTHS = 12;
    /** The farmer's monthly amount the node has by default (lianxin.dues.farmer-amount). */
    static final BigDecimal FARMER_AMOUNT = new BigDecimal("0.20");

    /** Receives a record and the record whose placement it shares (itself, or a payment's member). */
    interface Sink {
        void accept(Node iri, Graph record, Node placedWith, Graph placingRecord);
    }

    private GeneratedData() {}

    static DemoPayments payments(DemoTree.Spec spec) {
        return DemoPayments.of(spec, FARMER_AMOUNT, DUES_MONTHS);
    }

    static void generate(DemoTree.Spec spec, Sink sink) {
        DemoPayments payments = payments(spec);
        DemoTree.generate(spec, (iri, record) -> {
            sink.accept(iri, record, iri, record);
            if (record.contains(iri, RDF.type.asNode(), LX.Member.asNode())) {
                for (Record payment : payments.of(spec.base(), new Record(iri, record))) {
                    sink.accept(payment.iri(), payment.graph(), iri, record);
                }
            }
        });
    }
}
