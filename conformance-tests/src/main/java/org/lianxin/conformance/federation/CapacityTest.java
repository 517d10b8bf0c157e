package org.lianxin.conformance.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.probes.ProbeNode;

/**
 * 7.7: the node's capacity for requests to other nodes. It limits the requests it has open at
 * once, and a request it abandons at the deadline is no longer open: the limit never fills up
 * with requests that nobody waits for.
 */
class CapacityTest extends FederationSupport {

    /** Runs {@code queries} statistics of {@code organization} at once with {@code deadline}, and waits for their answers. */
    private void atOnce(int queries, String organization, long deadline) throws Exception {
        String url = base() + "/statistics/members?partial=true&organization=" + encode(organization);
        caller();
        ExecutorService callers = Executors.newFixedThreadPool(queries);
        try {
            List<Future<Timed>> answers = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                answers.add(callers.submit(() -> query(url, DEADLINE, Long.toString(deadline))));
            }
            for (Future<Timed> answer : answers) {
                Timed timed = answer.get(deadline + 20_000, TimeUnit.MILLISECONDS);
                assertEquals(200, timed.status(), timed.body());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    @DisplayName("no more than 32 requests to other nodes are open at once, with 16 queries each asking ten slow children")
    @Verifies(id = "LX-FED-35", level = "SHOULD NOT", of = "Federation")
    void atMost32OpenRequests() throws Exception {
        Tree tree = tree();
        AtomicInteger open = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            StubNode slow = stub().asChild(tree.committee());
            slow.on("GET", "/statistics/members", c -> {
                most.accumulateAndGet(open.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(2500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    open.decrementAndGet();
                }
                return StubNode.Reply.json(slow.statistics(c, 1));
            });
            assertEquals(201, register(slow.base()).status());
        }
        atOnce(16, tree.committee(), 10_000);
        assertTrue(most.get() > 0, "no request reached the children");
        assertTrue(most.get() <= 32, most.get() + " requests to other nodes were open at the same time");
    }

    @Test
    @DisplayName("requests abandoned at the deadline are no longer open: after two rounds of ten queries to four children that stall mid-answer, a new child is still registered and asked")
    @Verifies(id = "LX-FED-9", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-27", level = "MUST", of = "Federation")
    void abandonedRequestsAreNoLongerOpen() throws Exception {
        Tree tree = tree();
        List<StubNode> stalling = new ArrayList<>();
        for (int wave = 0; wave < 2; wave++) {
            for (int i = 0; i < 4; i++) { // new children each time: the circuits of the others are open
                StubNode child = stub().asChild(tree.committee());
                child.on("GET", "/statistics/members", c -> StubNode.Reply.stalled(30_000));
                int sent = stalling.stream().mapToInt(s -> s.calls("GET", "/statistics/members").size()).sum();
                Response registration = register(child.base());
                assertEquals(201, registration.status(), () -> "after " + sent + " requests to children that stalled were abandoned at"
                        + " their deadline, the node refuses a child that passes every check: " + registration.body());
                stalling.add(child);
            }
            atOnce(10, tree.committee(), 1500);
        }
        int abandoned = stalling.stream().mapToInt(s -> s.calls("GET", "/statistics/members").size()).sum();
        ProbeNode fresh = probe(tree.committee());
        Response registration = register(fresh.base());
        assertEquals(201, registration.status(), "after " + abandoned + " requests to children that stalled were abandoned at their"
                + " deadline, the node refuses a child that passes every check: " + registration.body());
        Timed answer = statistics(tree.committee(), true);
        assertEquals(200, answer.status(), answer.body());
        assertEquals("answered", statusOf(answer.json().getJsonObject("completeness"), fresh.base()), "after " + abandoned
                + " requests to stalling children were abandoned, none is open, yet a child that answers is not asked");
    }
}
