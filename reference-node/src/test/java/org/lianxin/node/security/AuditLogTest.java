package org.lianxin.node.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.store.Tdb2RecordStore;

/** Retention of the audit log, against a real TDB2 store: dropped after the period, never before. */
class AuditLogTest {

    private final LogicalNode node = new LogicalNode("t", "http://localhost:9080/nodes/t", Tdb2RecordStore.inMemory());
    private final AuditLog log = new AuditLog();

    @AfterEach
    void close() {
        node.store().close();
    }

    @Test
    @DisplayName("LX-SEC-51 LX-SEC-52 an entry is kept and listed unchanged for its retention period, and dropped from the store after it")
    void entriesAreKeptForTheRetentionPeriodAndNoLonger() {
        log.retention = "P6M";
        Instant now = Instant.now();
        AuditLog.Entry old = entry(now.atOffset(ZoneOffset.UTC).minusMonths(6).minusDays(1).toInstant());
        AuditLog.Entry kept = entry(now.atOffset(ZoneOffset.UTC).minusMonths(6).plusDays(1).toInstant());
        log.append(node, List.of(kept)); // the first append of the hour purges: nothing is old yet
        log.append(node, List.of(old)); // an entry written late, or a clock set back: past retention as it arrives
        List<String> before = log.after(node, Optional.empty(), 10).stream().map(l -> l.entry().toString()).toList();

        assertEquals(true, node.store().read(tx -> tx.exists(NodeFactory.createURI("urn:lianxin:audit:" + old.id()))));
        assertEquals(1, log.purge(node));

        assertEquals(List.of(kept.toJson().toString()), before, "an entry past retention is not listed even before it is dropped");
        assertEquals(before, log.after(node, Optional.empty(), 10).stream().map(l -> l.entry().toString()).toList(), "unchanged");
        assertEquals(false, node.store().read(tx -> tx.exists(NodeFactory.createURI("urn:lianxin:audit:" + old.id()))));
        assertEquals(true, node.store().read(tx -> tx.exists(NodeFactory.createURI("urn:lianxin:audit:" + kept.id()))));
        assertEquals(0, log.purge(node), "nothing younger goes");
    }

    private static AuditLog.Entry entry(Instant at) {
        return new AuditLog.Entry(AuditLog.newId(), at, "u-1", Optional.of("http://localhost:9080/nodes/t/organizations/b"),
                List.of("secretary"), "read-full", Optional.of("http://localhost:9080/nodes/t/members/m"),
                List.of("http://localhost:9080/nodes/t/organizations/b"), Optional.of("党费核对"), 200);
    }
}
