package org.lianxin.client.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.lianxin.client.FeedbackMessage;
import org.lianxin.client.Inbox;
import org.lianxin.client.LianxinClient;
import org.lianxin.client.LianxinEvent;
import org.lianxin.client.Subscription;

/**
 * A branch secretary's morning: what the levels above ask of the branch, each thing once, and a
 * member's question answered while the member's app listens for the answer live.
 *
 * <pre>{@code
 * java ... org.lianxin.client.examples.BranchInbox NODE BRANCH-IRI SECRETARY-TOKEN MEMBER-TOKEN
 * }</pre>
 */
public final class BranchInbox {

    private BranchInbox() {}

    /** What the example saw: the branch's inbox, the member's message as answered, and the events the member's app received. */
    public record Seen(Inbox inbox, FeedbackMessage message, List<LianxinEvent> events) {}

    /**
     * Runs the example.
     *
     * @param args the node's base URL, the branch's IRI, the secretary's token and the member's token
     * @throws InterruptedException when interrupted while waiting for the events
     */
    public static void main(String[] args) throws InterruptedException {
        run(args[0], args[1], args[2], args[3], System.out);
    }

    /** The example: node, branch, the secretary's and the member's tokens in; what they saw out. */
    public static Seen run(String node, String branch, String secretaryToken, String memberToken, PrintStream out) throws InterruptedException {
        LianxinClient secretary = LianxinClient.builder(node).tokens(() -> secretaryToken).build();
        LianxinClient member = LianxinClient.builder(node).tokens(() -> memberToken).build();

        // 1. The secretary's inbox: each thing once, however many levels asked for it.
        Inbox inbox = secretary.tasks().inbox(branch);
        inbox.items().forEach(item -> out.println(item.status() + "\t" + item.dueDate() + "\t" + item.name() + "\t(asked by "
                + item.requests().stream().map(r -> r.issuerName() + " @ " + r.node()).toList() + ")"));
        out.println(inbox.toDo() + " to do; " + inbox.completeness());

        // 2. The member's app listens, and asks a question.
        BlockingQueue<LianxinEvent> events = new LinkedBlockingQueue<>();
        List<LianxinEvent> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Subscription live = member.events().subscribe(e -> {
            received.add(e);
            events.add(e);
        })) {
            FeedbackMessage question = member.feedback().send("Question", "外出进修期间怎样参加支部的组织生活？", "外出进修期间如何过组织生活", null);
            out.println("sent " + question.id() + " to " + question.sentTo());

            // 3. The secretary answers; the member's app is told within a second and reads the answer.
            secretary.feedback().reply(question.id(), "进修期间可通过平台参加支部学习，主题党日可在进修单位就近参加并报支部备案。");
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            for (LianxinEvent e; System.nanoTime() < until; ) {
                e = events.poll(200, TimeUnit.MILLISECONDS);
                if (e != null && e.type().equals("reply") && question.id().equals(e.get("message"))) {
                    FeedbackMessage answered = member.feedback().read(question.id());
                    out.println("answered: " + answered.lastReply().orElseThrow().text());
                    return new Seen(inbox, answered, List.copyOf(received));
                }
            }
            throw new IllegalStateException("No reply event within 10 s; events: " + received);
        }
    }
}
