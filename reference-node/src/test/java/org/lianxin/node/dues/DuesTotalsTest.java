package org.lianxin.node.dues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.store.Tdb2RecordStore;

/** The paid totals kept with the payments add up, one row per branch and month. */
class DuesTotalsTest {

    @Test
    @DisplayName("LX-DUES-21 payments of one branch and month add up in its total; other months apart")
    void totalsAddUp() {
        try (Tdb2RecordStore store = Tdb2RecordStore.inMemory()) {
            Node branch = NodeFactory.createURI("http://localhost/nodes/x/organizations/b");
            YearMonth march = YearMonth.of(2026, 3);
            store.write(tx -> { DuesTotals.add(tx, branch, march, new BigDecimal("200.00"), true); return null; });
            store.write(tx -> { DuesTotals.add(tx, branch, march, new BigDecimal("25.00"), true); return null; });
            store.write(tx -> { DuesTotals.add(tx, branch, march.plusMonths(1), new BigDecimal("1.00"), true); return null; });
            DuesTotals.Paid paid = store.read(tx -> DuesTotals.paid(tx, List.of(branch), march));
            assertEquals(0, new BigDecimal("225.00").compareTo(paid.amount()), paid.toString());
            assertEquals(2, paid.payers());
        }
    }

    @Test
    @DisplayName("LX-DUES-2 a record replaced keeps no decimal of its previous version")
    void decimalsAreReplaced() {
        try (Tdb2RecordStore store = Tdb2RecordStore.inMemory()) {
            Node m = NodeFactory.createURI("http://localhost/nodes/x/members/m");
            for (String base : List.of("8600.00", "9100.50")) {
                org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
                g.add(m, org.lianxin.spec.LX.duesBase.asNode(), Money.literal(new BigDecimal(base)));
                store.write(tx -> { tx.put(m, g); return null; });
            }
            assertEquals(1, store.read(tx -> tx.get(m)).orElseThrow().size());
        }
    }
}
