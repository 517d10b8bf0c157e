package org.lianxin.node.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.client.LianxinClient;
import org.lianxin.client.Notice;
import org.lianxin.client.NoticeFeed;
import org.lianxin.client.NoticeReach;
import org.lianxin.client.ProblemException;
import org.lianxin.client.ReadReceipt;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;

/**
 * {@code client.notices()} and {@code client.statistics().noticeReach()} (spec chapter 17) against
 * the reference node's {@code sdk} node over HTTP, in a county of the test's own with one branch and
 * two full members, one of whom reads the notice.
 */
class SdkNoticesIT {

    private static final String NODE = NodeClient.serverUrl() + "/nodes/sdk";
    private static String county;
    private static String branch;
    private static String reader;

    @BeforeAll
    static void tree() {
        county = Trees.organizationOn(NODE, "桃源县委", "CountyCommittee", NodeClient.top(NODE));
        branch = Trees.organizationOn(NODE, "桃源县北村党支部", "Branch", county);
        reader = Trees.memberOn(NODE, "何秀英", branch);
        Trees.memberOn(NODE, "许文斌", branch);
    }

    @Test
    @DisplayName("a notice of the county to the branch is in the member's feed unread; read once, read again unchanged (LX-NOTICE-10); its reach is 2 intended, 1 read, by the notice and by the statistic; withdrawn, it leaves the feed and is refused a second withdrawal (LX-NOTICE-6)")
    void publishReadReachWithdraw() throws Exception {
        LianxinClient admin = LianxinClient.builder(NODE).tokens(() -> NodeClient.token(NODE)).build();
        LianxinClient member = LianxinClient.builder(NODE).tokens(() -> NodeClient.memberToken(reader)).build();
        String text = "各党支部：请于月底前开展「主题党日」活动。\n𠀀第二段";
        Notice notice = admin.notices().publish(county, "关于开展主题党日活动的通知", text).targets(branch)
                .attachments("https://example.org/files/themed-day.pdf").executeAsync().get();
        assertEquals(List.of(branch), notice.targets());
        assertEquals(text, notice.text(), "character for character");
        assertFalse(notice.withdrawn());
        assertEquals(notice.text(), admin.notices().read(notice.id()).text());
        assertEquals(List.of(notice.id()), admin.notices().list().publishedBy(county).stream().map(Notice::id).toList());

        NoticeFeed feed = member.notices().feed(reader).pageSize(10).page();
        NoticeFeed.Item item = feed.item(notice.id()).orElseThrow(() -> new AssertionError(feed.toString()));
        assertFalse(item.read());
        assertEquals("桃源县委", item.publisherName());
        assertEquals(List.of("https://example.org/files/themed-day.pdf"), item.attachments());
        assertEquals(1, feed.unread());
        assertTrue(feed.complete());

        ReadReceipt first = member.notices().markRead(reader, notice.id());
        assertEquals(reader, first.reader());
        assertEquals(notice.id(), first.notice());
        ReadReceipt again = member.notices().markRead(reader, notice.id());
        assertEquals(first.readAt(), again.readAt(), "reading again changes nothing");
        assertEquals(403, assertThrows(ProblemException.class, () -> admin.notices().markRead(reader, notice.id())).status(), "only the member reads");
        assertTrue(member.notices().feed(reader).stream().filter(i -> i.id().equals(notice.id())).findFirst().orElseThrow().read());
        assertEquals(0, member.notices().feed(reader).pageAsync().get().unread());

        NoticeReach reach = admin.notices().reach(notice.id());
        assertEquals(2, reach.intended());
        assertEquals(1, reach.read());
        assertEquals(0, new BigDecimal("0.5").compareTo(reach.ratio()));
        assertTrue(reach.completeness().complete());
        NoticeReach statistic = admin.statistics().noticeReach().organization(branch).notice(notice.id()).subtree().execute();
        assertEquals(2, statistic.intended());
        assertEquals(1, statistic.read());
        assertEquals(List.of(branch), statistic.organizations());

        Notice withdrawn = admin.notices().withdraw(notice.id());
        assertTrue(withdrawn.withdrawn());
        ProblemException twice = assertThrows(ProblemException.class, () -> admin.notices().withdraw(notice.id()));
        assertEquals(409, twice.status());
        assertEquals(List.of("LX-NOTICE-6"), twice.requirements());
        assertTrue(member.notices().feed(reader).page().item(notice.id()).isEmpty(), "a withdrawn notice leaves the feed");
    }
}
