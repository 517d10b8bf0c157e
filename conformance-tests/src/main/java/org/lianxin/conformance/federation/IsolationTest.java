package org.lianxin.conformance.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.probes.ProbeNode;

/** 7.7: the circuit breaker per child, and local queries that do not wait for hanging children. */
class IsolationTest extends FederationSupport {

    @Test
    @DisplayName("after three failures in a row a child is reported failed without a request; 10 s later it is asked again")
    @Verifies(id = "LX-FED-32", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-33", level = "MUST", of = "Federation")
    void theCircuitOpensAndCloses() throws InterruptedException {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.FAIL_500);
        for (int i = 1; i <= 3; i++) {
            assertEquals("failed", assertPartial(statistics(tree.committee(), true), probe.base()));
            assertEquals(i, probe.requests("/statistics/members").size(), "one request per query to the child (Table 7.17)");
        }
        long opened = System.nanoTime();
        for (int i = 0; i < 2; i++) {
            assertEquals("failed", assertPartial(statistics(tree.committee(), true), probe.base()));
            assertEquals("failed", assertPartial(search(tree.committee(), true), probe.base()));
        }
        assertEquals(3, probe.requests("/statistics/members").size(), "a request to the child while its circuit is open");
        assertEquals(List.of(), probe.requests("/search/members"), "a request to the child while its circuit is open");

        probe.mode(ProbeNode.Mode.NORMAL);
        long waited = (System.nanoTime() - opened) / 1_000_000;
        Thread.sleep(Math.max(0, 10_500 - waited));
        Timed again = statistics(tree.committee(), false);
        assertEquals(200, again.status(), "10 s after the circuit opened the child is asked again, and answers: " + again.body());
        assertEquals("answered", statusOf(again.json().getJsonObject("completeness"), probe.base()));
        assertEquals(4, probe.requests("/statistics/members").size());
    }

    @Test
    @DisplayName("a scope=local query is answered within 1 s while eight other queries wait for a child that does not answer")
    @Verifies(id = "LX-FED-34", level = "MUST", of = "Federation")
    void aLocalQueryDoesNotWait() throws Exception {
        Tree tree = tree();
        ProbeNode probe = child(tree, ProbeNode.Mode.HANG);
        String url = base() + "/statistics/members?groupBy=stage&partial=true&organization=" + encode(tree.committee());
        caller();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Timed>> waiting = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                waiting.add(callers.submit(() -> query(url, DEADLINE, "4000")));
            }
            long until = System.nanoTime() + 3_000_000_000L;
            while (probe.requests("/statistics/members").isEmpty() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            Thread.sleep(300);
            int atTheChild = probe.requests("/statistics/members").size();
            assertTrue(atTheChild > 0, "no query reached the hanging child");

            Timed local = query(url + "&scope=local", DEADLINE, "4000");
            assertEquals(200, local.status(), local.body());
            assertTrue(local.elapsedMs() < 1000, "scope=local took " + local.elapsedMs() + " ms while " + atTheChild
                    + " queries waited for a hanging child");
            assertEquals(tree.localMembers(), local.json().getJsonNumber("total").longValue(), local.body());
            for (Future<Timed> w : waiting) {
                assertEquals(200, w.get(15, TimeUnit.SECONDS).status());
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
