package org.lianxin.node.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.client.FeedbackMessage;
import org.lianxin.client.InboxItem;
import org.lianxin.client.LianxinClient;
import org.lianxin.client.LianxinEvent;
import org.lianxin.client.ProblemException;
import org.lianxin.client.Subscription;
import org.lianxin.client.Task;
import org.lianxin.client.examples.BranchInbox;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;

/**
 * {@code client.feedback()} and {@code client.events()} (spec chapter 14) against the reference
 * node's {@code sdk} node over HTTP: a member of a branch of its own writes, the branch's secretary
 * answers. The event subscription is tested through a TCP relay the test cuts, as a network would.
 */
class SdkFeedbackIT {

    private static final String NODE = NodeClient.serverUrl() + "/nodes/sdk";
    private static String county;
    private static String branch;
    private static String member;

    @BeforeAll
    static void tree() {
        county = Trees.organizationOn(NODE, "白河县委", "CountyCommittee", NodeClient.top(NODE));
        branch = Trees.organizationOn(NODE, "白河县西村党支部", "Branch", county);
        HttpResponse<String> created = NodeClient.post(NODE + "/members", Fixtures.JSON_LD, Fixtures.member("钱秀兰", branch));
        assertEquals(201, created.statusCode(), created.body());
        member = created.headers().firstValue("Location").orElseThrow();
    }

    private static LianxinClient asMember() {
        return asMember(member);
    }

    private static LianxinClient asMember(String who) {
        return LianxinClient.builder(NODE).tokens(() -> NodeClient.memberToken(who)).build();
    }

    /** A member of the branch of the test's own, so that no other test's event stream is that member's. */
    private static String newMember(String name) {
        HttpResponse<String> created = NodeClient.post(NODE + "/members", Fixtures.JSON_LD, Fixtures.member(name, branch));
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    /** The branch's secretary: acting for the branch, the organization the messages are sent to. */
    private static LianxinClient asSecretary() {
        return LianxinClient.builder(NODE).tokens(() -> NodeClient.tokenFor(branch, "secretary")).build();
    }

    @Test
    @DisplayName("a member's message is sent, replied by the branch, followed up, answered again in order, refused a rating of 0 (LX-FEEDBACK-5), rated 5 and Closed; listed by state; another is closed without rating")
    void conversation() {
        LianxinClient member = asMember();
        LianxinClient secretary = asSecretary();
        String text = "请问外出进修期间怎样参加组织生活？𠀀「全角」\n第二行";
        FeedbackMessage sent = member.feedback().send("Question", text, "关于组织生活", null);
        assertEquals("Open", sent.state());
        assertEquals(SdkFeedbackIT.member, sent.sender());
        assertEquals("钱秀兰", sent.senderName());
        assertEquals(branch, sent.sentTo(), "to the member's branch when not said");
        assertEquals(text, sent.text(), "character for character");
        assertEquals(Optional.of("关于组织生活"), sent.name());

        FeedbackMessage answered = secretary.feedback().reply(sent.id(), "可通过平台参加支部学习。");
        assertEquals("Answered", answered.state());
        assertEquals(Optional.of(branch), answered.replies().get(0).repliedBy());
        FeedbackMessage followedUp = member.feedback().reply(sent.id(), "主题党日呢？");
        assertEquals("Open", followedUp.state(), "a follow-up opens it again");
        assertFalse(followedUp.lastReply().orElseThrow().fromOrganization());
        secretary.feedback().reply(sent.id(), "在进修单位就近参加，报支部备案。");
        FeedbackMessage read = member.feedback().read(sent.id());
        assertEquals(List.of("可通过平台参加支部学习。", "主题党日呢？", "在进修单位就近参加，报支部备案。"),
                read.replies().stream().map(FeedbackMessage.Reply::text).toList(), "the thread, oldest first");
        assertEquals("Answered", read.state());

        ProblemException zero = assertThrows(ProblemException.class, () -> member.feedback().rate(sent.id(), 0, null));
        assertEquals(422, zero.status());
        assertEquals(List.of("LX-FEEDBACK-5"), zero.requirements());
        assertEquals(403, assertThrows(ProblemException.class, () -> secretary.feedback().rate(sent.id(), 5, null)).status(), "only the sender rates");
        FeedbackMessage rated = member.feedback().rate(sent.id(), 5, "答复及时");
        assertEquals("Closed", rated.state());
        assertEquals(Optional.of(5), rated.rating());
        assertEquals(Optional.of("答复及时"), rated.ratingComment());
        assertEquals(409, assertThrows(ProblemException.class, () -> secretary.feedback().reply(sent.id(), "补充")).status(), "Closed takes no reply");

        FeedbackMessage other = member.feedback().send("Suggestion", "建议增加线上学习。");
        assertEquals("Closed", member.feedback().close(other.id()).state());
        List<String> closed = secretary.feedback().list().state("Closed").organization(branch).stream().map(FeedbackMessage::id).toList();
        assertTrue(closed.containsAll(List.of(sent.id(), other.id())), closed.toString());
        assertFalse(secretary.feedback().list().state("Open").stream().anyMatch(m -> m.id().equals(sent.id())));
        assertEquals(404, assertThrows(ProblemException.class,
                () -> LianxinClient.builder(NODE).tokens(() -> NodeClient.tokenFor(county, "secretary")).build().feedback().read(other.id())).status(),
                "the county does not read what was written to the branch");
    }

    @Test
    @DisplayName("a subscription receives the reply event; after its connection is cut and reconnection first refused, it resumes with Last-Event-ID and a new token, and the listener gets every reply once, in order, none missed, none repeated")
    void eventsResumeAfterACutConnection() throws Exception {
        String listening = newMember("孙建军");
        LianxinClient member = asMember(listening);
        LianxinClient secretary = asSecretary();
        URI server = URI.create(NodeClient.serverUrl());
        AtomicInteger tokensAsked = new AtomicInteger();
        BlockingQueue<LianxinEvent> queue = new LinkedBlockingQueue<>();
        List<LianxinEvent> seen = new CopyOnWriteArrayList<>();
        List<Exception> failures = new CopyOnWriteArrayList<>();
        try (Relay relay = new Relay(server.getHost(), server.getPort())) {
            LianxinClient viaRelay = LianxinClient.builder(relay.url() + "/nodes/sdk").tokens(() -> {
                tokensAsked.incrementAndGet();
                return NodeClient.memberToken(listening);
            }).build();
            try (Subscription subscription = viaRelay.events().onFailure(failures::add).subscribe(e -> {
                seen.add(e);
                queue.add(e);
            })) {
                assertTrue(subscription.isOpen());
                FeedbackMessage sent = member.feedback().send("Question", "党员活动室开放时间？");
                String message = sent.id();
                secretary.feedback().reply(message, "每天九点至五点。");
                awaitTrue(() -> count(seen, "reply", message) == 1,
                        () -> "the reply, live: " + seen + "; failures " + failures + "; open " + subscription.isOpen() + "; relayed " + relay.responses());
                LianxinEvent first = seen.stream().filter(e -> e.type().equals("reply")).findFirst().orElseThrow();
                assertEquals(branch, first.get("repliedBy"));
                assertFalse(first.data().toString().contains("九点"), "an event names the message, never its text");

                int asked = tokensAsked.get();
                int connections = subscription.connections(); // 1, or 2 when the node ended the first stream empty at once
                relay.cut(); // the connection drops; reconnections are refused until the relay heals
                secretary.feedback().reply(message, "周末闭馆。");
                secretary.feedback().reply(message, "节假日另行通知。");
                awaitTrue(() -> relay.refused() > 0, "the subscription tried to reconnect while the relay refused");
                String lastBefore = subscription.lastEventId().orElseThrow();
                assertEquals(seen.get(seen.size() - 1).id(), lastBefore, "the last event delivered");
                assertEquals(1, count(seen, "reply", message), "nothing arrives while the network is down");
                relay.heal();
                awaitTrue(() -> count(seen, "reply", message) == 3, "the two replies written while cut off: " + seen);
                secretary.feedback().reply(message, "如有变化，支部群里通知。");
                awaitTrue(() -> count(seen, "reply", message) == 4, "the live reply after the reconnection: " + seen);
                Thread.sleep(1000);

                assertEquals(connections + 1, subscription.connections(), "reconnected once after the cut, the refused attempts not counted");
                assertTrue(relay.lastEventIds().contains(lastBefore), "resumed with Last-Event-ID " + lastBefore + ": " + relay.lastEventIds());
                assertTrue(tokensAsked.get() > asked, "the token supplier was asked again on reconnection");
                List<String> replyIds = member.feedback().read(message).replies().stream().map(FeedbackMessage.Reply::replyId).toList();
                assertEquals(4, replyIds.size());
                assertEquals(replyIds, seen.stream().filter(e -> e.type().equals("reply") && message.equals(e.get("message")))
                        .map(e -> e.get("replyId")).toList(), "every reply once, in order");
                List<Long> ids = seen.stream().map(e -> Long.parseLong(e.id())).toList();
                assertEquals(new HashSet<>(ids).size(), ids.size(), "no event twice: " + ids);
                assertEquals(ids.stream().sorted().toList(), ids, "in the order of their ids");
                assertTrue(failures.isEmpty(), failures.toString());
            }
        }
    }

    @Test
    @DisplayName("a subscription started after a given Last-Event-ID first receives the events it missed, and not the one it had")
    void startAfterAnId() throws Exception {
        LianxinClient member = asMember(newMember("周晓梅"));
        LianxinClient secretary = asSecretary();
        BlockingQueue<LianxinEvent> queue = new LinkedBlockingQueue<>();
        String message = member.feedback().send("Question", "党费可以在线交纳吗？").id();
        String mark;
        try (Subscription first = member.events().subscribe(queue::add)) {
            secretary.feedback().reply(message, "可以。");
            mark = next(queue, "reply", message).id();
        }
        String missed = secretary.feedback().reply(message, "按月在线交纳，系统自动核定金额。").lastReply().orElseThrow().replyId();
        BlockingQueue<LianxinEvent> resumed = new LinkedBlockingQueue<>();
        try (Subscription later = member.events().after(mark).subscribe(resumed::add)) {
            LianxinEvent reply = next(resumed, "reply", message);
            assertEquals(missed, reply.get("replyId"), "the reply written while away, not the one seen before");
            assertTrue(Long.parseLong(reply.id()) > Long.parseLong(mark));
            assertEquals(Optional.of(reply.id()), later.lastEventId(), "where it would resume now");
        }
    }

    @Test
    @DisplayName("the SDK's example runs against the node: the branch secretary's inbox with the county's request, and the member's question answered live")
    void example() throws Exception {
        Task asked = LianxinClient.builder(NODE).tokens(() -> NodeClient.token(NODE)).build().tasks()
                .actionRequest(county, "ThemedPartyDay", "重温入党誓词", LocalDate.of(2045, 7, 1)).targets(branch).execute();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BranchInbox.Seen seen = BranchInbox.run(NODE, branch, NodeClient.tokenFor(branch, "secretary"), NodeClient.memberToken(newMember("吴桂英")),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String text = printed.toString(StandardCharsets.UTF_8);
        assertEquals(InboxItem.Status.ToDo, seen.inbox().itemOf(asked.id()).orElseThrow().status(), text);
        assertTrue(text.contains("ToDo\t2045-07-01\t重温入党誓词") && text.contains("白河县委"), text);
        assertEquals("Answered", seen.message().state());
        assertTrue(seen.events().stream().anyMatch(e -> e.type().equals("reply") && seen.message().id().equals(e.get("message"))));
        assertTrue(text.contains("answered: 进修期间"), text);
    }

    private static LianxinEvent next(BlockingQueue<LianxinEvent> queue, String type, String message) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            LianxinEvent e = queue.poll(200, TimeUnit.MILLISECONDS);
            if (e != null && e.type().equals(type) && message.equals(e.get("message"))) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " event about " + message + " within 20 s");
    }

    private static long count(List<LianxinEvent> seen, String type, String message) {
        return seen.stream().filter(e -> e.type().equals(type) && message.equals(e.get("message"))).count();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        awaitTrue(condition, () -> what);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited 20 s: " + what.get());
            }
            Thread.sleep(100);
        }
    }

    /**
     * A TCP relay to the test server that the test cuts as a network would: {@link #cut()} closes
     * every open connection and refuses new ones until {@link #heal()}. It notes the
     * {@code Last-Event-ID} headers of the requests it carries.
     */
    static final class Relay implements AutoCloseable {
        private static final Pattern LAST_EVENT_ID = Pattern.compile("(?im)^Last-Event-ID:\\s*(\\S+)\\s*$");
        private final ServerSocket listener;
        private final String host;
        private final int port;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
        private final List<StringBuilder> responses = new CopyOnWriteArrayList<>();
        private final AtomicInteger refused = new AtomicInteger();
        private volatile boolean refusing;

        Relay(String host, int port) throws IOException {
            this.host = host;
            this.port = port;
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            daemon(this::accept);
        }

        String url() {
            return "http://127.0.0.1:" + listener.getLocalPort();
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    if (refusing) {
                        refused.incrementAndGet();
                        client.close();
                        continue;
                    }
                    Socket upstream = new Socket(host, port);
                    open.add(client);
                    open.add(upstream);
                    daemon(() -> pump(client, upstream, true));
                    daemon(() -> pump(upstream, client, false));
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private void pump(Socket from, Socket to, boolean requests) {
            StringBuilder seen = new StringBuilder();
            StringBuilder answered = new StringBuilder();
            if (!requests) {
                responses.add(answered);
            }
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (requests && seen.length() < 65536) {
                        seen.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                        int end = seen.lastIndexOf("\r\n\r\n");
                        if (end >= 0) { // whole header blocks only, each once
                            Matcher m = LAST_EVENT_ID.matcher(seen.substring(0, end + 2));
                            while (m.find()) {
                                lastEventIds.add(m.group(1));
                            }
                            seen.delete(0, end + 4);
                        }
                    }
                    if (!requests && answered.length() < 4096) {
                        answered.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut, or closed by either side
            } finally {
                close(from);
                close(to);
            }
        }

        /** Closes every connection, as a dropped network does, and refuses new ones. */
        void cut() {
            refusing = true;
            open.forEach(Relay::close);
            open.clear();
        }

        /** Accepts connections again. */
        void heal() {
            refusing = false;
        }

        int refused() {
            return refused.get();
        }

        /** The beginning of each answer it carried, for a failure's message. */
        List<StringBuilder> responses() {
            return responses;
        }

        List<String> lastEventIds() {
            return lastEventIds;
        }

        @Override
        public void close() {
            cut();
            close(listener);
        }

        private static void close(java.io.Closeable c) {
            try {
                c.close();
            } catch (IOException e) {
                // closed already
            }
        }

        private static void daemon(Runnable r) {
            Thread t = new Thread(r, "sdk-test-relay");
            t.setDaemon(true);
            t.start();
        }
    }
}
