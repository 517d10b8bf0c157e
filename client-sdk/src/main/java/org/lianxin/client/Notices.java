package org.lianxin.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * Notices（通知公告, spec chapter 17, class Notices). An organization publishes a notice to its
 * subtree once; every member it reaches, on any node below, sees it in their {@link #feed(String)
 * feed}, and marks it read there; the publisher sees its {@link #reach(String) reach}, counted where
 * the members are. Nothing counts or ranks organizations by how much they publish (LX-NOTICE-14).
 *
 * <pre>{@code
 * Notice notice = client.notices().publish(county, "关于开展主题党日活动的通知", "各党支部：……").execute();
 * NoticeFeed feed = member.notices().feed(me).page();       // newest first, unread count, completeness
 * member.notices().markRead(me, notice.id());                // once; again changes nothing
 * NoticeReach reach = client.notices().reach(notice.id());   // intended, read, ratio
 * }</pre>
 */
public final class Notices {
    private static final String CLASS = "Notices";
    private final LianxinClient client;

    Notices(LianxinClient client) {
        this.client = client;
    }

    /**
     * A notice of {@code publishedBy}, an organization of this node, to publish with {@code execute()}.
     *
     * @param publishedBy the publisher's IRI
     * @param name        the title, 1 to 200 characters
     * @param text        the body, 1 to 20,000 characters
     * @return the draft, to which targets and attachments can be added
     */
    public NoticeDraft publish(String publishedBy, String name, String text) {
        return new NoticeDraft(publishedBy, name, text);
    }

    /**
     * The notice {@code notice}, readable as a record by the secretaries and administrators of its
     * publisher's subtree; members read it in their feed.
     *
     * @param notice its IRI
     * @return the notice as stored; a {@link ProblemException} 404 when the caller may not read it
     */
    public Notice read(String notice) {
        client.requireClass(CLASS);
        return Notice.of(client.get(notice));
    }

    /**
     * The notices published on this node that the caller may read, filtered, page after page.
     *
     * @return the list, to filter and stream
     */
    public NoticeList list() {
        return new NoticeList(client);
    }

    /**
     * Withdraws the notice (its publisher): it leaves every feed at once; the receipts stay. A 409
     * {@link ProblemException} (LX-NOTICE-6) when it is withdrawn already.
     *
     * @param notice its IRI
     * @return the notice as stored, with its {@code withdrawnAt}
     */
    public Notice withdraw(String notice) {
        client.requireClass(CLASS);
        return Notice.of(client.post(notice + "/withdraw", "application/json", "", 200));
    }

    /**
     * The feed of {@code member}: the notices of every level that reach the member, newest first.
     *
     * @param member the member, an IRI of this node
     * @return the feed, to read a page of or stream
     */
    public FeedQuery feed(String member) {
        return new FeedQuery(Objects.requireNonNull(member, "member"));
    }

    /**
     * As the member, records that {@code member} read {@code notice}: once; reading again gives back the
     * receipt of the first read and stores nothing. A 422 {@link ProblemException} (LX-NOTICE-10) when the
     * notice is not in the member's feed, 403 for anyone but the member.
     *
     * @param member the member, an IRI of this node
     * @param notice the notice, an IRI of any node, from the feed
     * @return the receipt
     */
    public ReadReceipt markRead(String member, String notice) {
        client.requireClass(CLASS);
        String body = Json.createObjectBuilder().add("notice", Objects.requireNonNull(notice, "notice")).build().toString();
        return ReadReceipt.of(client.post(Objects.requireNonNull(member, "member") + "/notices/read", "application/json", body, 201, 200));
    }

    /**
     * The reach of a notice of this node over its targets, on every node below; a
     * {@link PartialAnswerException} naming the missing nodes when a node below did not answer.
     *
     * @param notice its IRI
     * @return how many it is for, and how many read it
     */
    public NoticeReach reach(String notice) {
        return reach(notice, false);
    }

    /**
     * {@link #reach(String)}, taking an incomplete answer when {@code allowPartial}: its completeness says
     * what is missing. {@code client.statistics().noticeReach()} counts a notice from above over
     * organizations of this node.
     *
     * @param notice       its IRI
     * @param allowPartial whether an incomplete answer is taken
     * @return how many it is for, and how many read it
     */
    public NoticeReach reach(String notice, boolean allowPartial) {
        client.requireClass(CLASS);
        return NoticeReach.of(client.getComplete(notice + "/reach" + (allowPartial ? "?partial=true" : "")));
    }

    /** A notice to publish: the required keys, and the optional ones as set. */
    public final class NoticeDraft {
        private final String publishedBy;
        private final String name;
        private final String text;
        private final List<String> targets = new ArrayList<>();
        private final List<String> attachments = new ArrayList<>();

        private NoticeDraft(String publishedBy, String name, String text) {
            this.publishedBy = Objects.requireNonNull(publishedBy, "publishedBy");
            this.name = Objects.requireNonNull(name, "name");
            this.text = Objects.requireNonNull(text, "text");
        }

        /**
         * The organizations whose subtrees the notice is for, at or below the publisher; the publisher's subtree when none.
         *
         * @param organizations their IRIs
         * @return this draft
         */
        public NoticeDraft targets(String... organizations) {
            targets.addAll(List.of(organizations));
            return this;
        }

        /**
         * Its documents, wherever they are; at most 20.
         *
         * @param links their IRIs
         * @return this draft
         */
        public NoticeDraft attachments(String... links) {
            attachments.addAll(List.of(links));
            return this;
        }

        /**
         * Publishes the notice; never retried.
         *
         * @return the notice as stored; a {@link ProblemException} naming each rule it breaks (LX-NOTICE-2 to LX-NOTICE-4)
         */
        public Notice execute() {
            client.requireClass(CLASS);
            JsonObjectBuilder body = Json.createObjectBuilder().add("@context", LianxinClient.CONTEXT).add("type", "Notice")
                    .add("publishedBy", publishedBy).add("name", name).add("text", text);
            if (!targets.isEmpty()) {
                body.add("targets", Json.createArrayBuilder(targets));
            }
            if (!attachments.isEmpty()) {
                body.add("attachments", Json.createArrayBuilder(attachments));
            }
            return Notice.of(client.post(client.base() + "/notices", "application/ld+json", body.build().toString(), 201));
        }

        /**
         * {@link #execute()} on the client's executor.
         *
         * @return the notice, when published
         */
        public CompletableFuture<Notice> executeAsync() {
            return client.async(this::execute);
        }
    }

    /** {@code GET {base}/members/{id}/notices}: a member's feed, a page at a time (spec 17.6). */
    public final class FeedQuery {
        private final String member;
        private String limit = "";

        private FeedQuery(String member) {
            this.member = member;
        }

        /**
         * How many a page holds; the node's default unless set.
         *
         * @param limit at least 1
         * @return this query
         */
        public FeedQuery pageSize(int limit) {
            this.limit = "?limit=" + limit;
            return this;
        }

        /**
         * The first page, with the number of notices of the whole feed the member has not read and the
         * completeness of the nodes above; never refused for being incomplete.
         *
         * @return the first page
         */
        public NoticeFeed page() {
            client.requireClass(CLASS);
            return NoticeFeed.of(client.get(member + "/notices" + limit));
        }

        /**
         * {@link #page()} on the client's executor.
         *
         * @return the first page, when read
         */
        public CompletableFuture<NoticeFeed> pageAsync() {
            return client.async(this::page);
        }

        /**
         * Every notice of the feed, newest first, page after page, read lazily; a failing page ends the
         * stream with the failure. Check {@link NoticeFeed#complete()} of {@link #page()} before showing it as the whole.
         *
         * @return the notices
         */
        public Stream<NoticeFeed.Item> stream() {
            client.requireClass(CLASS);
            return client.pages(member + "/notices" + limit).map(NoticeFeed.Item::of);
        }
    }

    /** {@code GET {base}/notices} with the filter of Table 17.5. */
    public static final class NoticeList extends RecordList<NoticeList, Notice> {
        private NoticeList(LianxinClient client) {
            super(client, CLASS, client.base() + "/notices", Notice::of);
        }

        /**
         * Only notices of this publisher.
         *
         * @param organization its IRI
         * @return this list
         */
        public NoticeList publishedBy(String organization) {
            return filter("publishedBy", organization);
        }
    }
}
