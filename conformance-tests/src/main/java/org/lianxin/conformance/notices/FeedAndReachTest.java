package org.lianxin.conformance.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.Answers.assertNoPerson;
import static org.lianxin.conformance.Answers.assertRule;
import static org.lianxin.conformance.notices.NoticesKit.feed;
import static org.lianxin.conformance.notices.NoticesKit.ids;
import static org.lianxin.conformance.Callers.memberToken;
import static org.lianxin.conformance.notices.NoticesKit.notice;
import static org.lianxin.conformance.notices.NoticesKit.published;
import static org.lianxin.conformance.notices.NoticesKit.read;
import static org.lianxin.conformance.Callers.secretaryOf;
import static org.lianxin.conformance.notices.NoticesKit.targets;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Current;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/**
 * 17.5 to 17.8 on one node: who a notice reaches, the member's feed and its pages, read receipts
 * once per member and notice, and the reach. A committee has two branches: the first with two full
 * members and an activist, the second with one full member. The committee publishes to all and to
 * the second branch only, the first branch to itself, and withdraws one notice; the kit knows who
 * sees what and checks every count against it.
 */
class FeedAndReachTest {

    private static String committee;
    private static String first;
    private static String second;
    private static String third;
    private static String beside;
    private static String reader;
    private static String neighbour;
    private static JsonObject toAll;
    private static JsonObject toSecond;
    private static JsonObject ofFirst;
    private static JsonObject withdrawn;

    @BeforeAll
    static void notices() {
        committee = Current.sandbox().newOrganization("通知覆盖测试县委", "CountyCommittee");
        first = Current.sandbox().newOrganization("县委机关党支部", "Branch", committee);
        second = Current.sandbox().newOrganization("县医院党支部", "Branch", committee);
        third = Current.sandbox().newOrganization("县中学党支部", "Branch", committee);
        beside = Current.sandbox().newOrganization("邻县县委", "CountyCommittee");
        reader = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("欧阳秀英", first));
        neighbour = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("司马建国", first));
        Current.sandbox().newMemberFrom(Current.sandbox().memberBody("上官明月", third).replace("\"stage\": \"FullMember\"", "\"stage\": \"Activist\"")
                .replaceAll("(?s), \"candidateDate\": \"[^\"]*\",\\s*\"admissionDate\": \"[^\"]*\", \"fullMembershipDate\": \"[^\"]*\"", ""));
        Current.sandbox().newMemberFrom(Current.sandbox().memberBody("诸葛红梅", second));
        Current.sandbox().newMemberFrom(Current.sandbox().memberBody("皇甫嵩", third));
        toAll = published(committee, notice(committee, "关于学习贯彻全会精神的通知", "各党支部要组织党员原原本本学习全会公报。", ""));
        toSecond = published(committee, notice(committee, "医院党支部专项通知", "仅医院党支部。", targets(second)));
        ofFirst = published(first, notice(first, "支部学习安排", "本周五下午集中学习。", ""));
        withdrawn = published(committee, notice(committee, "发错的通知", "已撤回。", ""));
        Http.post(withdrawn.getString("id") + "/withdraw", "application/json", "", "Authorization", secretaryOf(committee)).expect(200);
    }

    @Test
    @DisplayName("LX-NOTICE-7 a notice reaches the members of its targets' subtrees; LX-NOTICE-9 the feed gives exactly those, newest first, the same on pages of one; LX-NOTICE-6 a withdrawn notice is in no feed; LX-NOTICE-15 no person in a summary")
    @Verifies(id = "LX-NOTICE-7", level = "MUST", of = "Notices")
    @Verifies(id = "LX-NOTICE-9", level = "MUST", of = "Notices")
    @Verifies(id = "LX-NOTICE-6", level = "MUST", of = "Notices")
    @Verifies(id = "LX-NOTICE-15", level = "MUST NOT", of = "Notices")
    void feedOfTheMember() {
        List<JsonObject> items = feed(reader, 100);
        List<String> mine = ids(items).stream().filter(id -> List.of(toAll.getString("id"), toSecond.getString("id"), ofFirst.getString("id"),
                withdrawn.getString("id")).contains(id)).toList();
        assertEquals(List.of(ofFirst.getString("id"), toAll.getString("id")), mine,
                "the first branch's and the committee's notice to all, newest first; not the second branch's, not the withdrawn one");
        assertEquals(ids(items), ids(feed(reader, 1)), "pages of one give the same feed in the same order");
        List<Instant> times = items.stream().map(i -> OffsetDateTime.parse(i.getString("publishedAt")).toInstant()).toList();
        for (int i = 1; i < times.size(); i++) {
            assertFalse(times.get(i).isAfter(times.get(i - 1)), "newest first: " + ids(items));
        }
        JsonObject item = items.stream().filter(i -> i.getString("id").equals(toAll.getString("id"))).findFirst().orElseThrow();
        assertEquals(List.of(committee, "通知覆盖测试县委", base(), "各党支部要组织党员原原本本学习全会公报。"), List.of(item.getString("publishedBy", ""),
                item.getString("publisherName", ""), item.getString("node", ""), item.getString("text", "")), item.toString());
        assertNoPerson(items.toString(), "LX-NOTICE-15: the summaries of a feed", "欧阳秀英", "司马建国", "诸葛红梅");
        JsonObject other = feed(Current.sandbox().newMemberFrom(Current.sandbox().memberBody("东方晓", second)), 100).stream()
                .filter(i -> i.getString("id").equals(toSecond.getString("id"))).findFirst().orElse(null);
        assertTrue(other != null, "the notice to the second branch reaches its members");
        assertEquals(200, Http.get(NoticesKit.feedUrl(reader), "Accept", "application/json", "Authorization", secretaryOf(first)).status(),
                "the branch's secretary may read the member, and the feed");
        assertEquals(404, Http.get(NoticesKit.feedUrl(reader), "Accept", "application/json", "Authorization", secretaryOf(beside)).status());
        assertEquals(404, Http.get(NoticesKit.feedUrl(reader), "Accept", "application/json", "Authorization", memberToken(neighbour)).status(),
                "another member does not read the feed");
    }

    @Test
    @DisplayName("LX-NOTICE-10 the first read is 201 with the receipt, a second read 200 with the same readAt; a notice not in the feed is 422 notice-unknown; anyone but the member 403; LX-NOTICE-9 the feed shows readAt and counts unread")
    @Verifies(id = "LX-NOTICE-10", level = "MUST", of = "Notices")
    @Verifies(id = "LX-NOTICE-9", level = "MUST", of = "Notices")
    void readOnce() {
        String member = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("慕容雪", first));
        long unread = Answers.getJson(NoticesKit.feedUrl(member), memberToken(member)).getInt("unread");
        Response firstRead = read(member, toAll.getString("id"), memberToken(member));
        assertEquals(201, firstRead.status(), firstRead.body());
        assertEquals("application/json", firstRead.mediaType());
        JsonObject receipt = firstRead.json();
        assertEquals(List.of(member, toAll.getString("id")), List.of(receipt.getString("reader", ""), receipt.getString("notice", "")));
        Response again = read(member, toAll.getString("id"), memberToken(member));
        assertEquals(200, again.status(), again.body());
        assertEquals(OffsetDateTime.parse(receipt.getString("readAt")).toInstant(), OffsetDateTime.parse(again.json().getString("readAt")).toInstant(),
                "a second read changes nothing");
        JsonObject page = Answers.getJson(NoticesKit.feedUrl(member), memberToken(member));
        assertEquals(unread - 1, page.getInt("unread"), page.toString());
        JsonObject item = page.getJsonArray("items").stream().map(v -> v.asJsonObject()).filter(i -> i.getString("id").equals(toAll.getString("id")))
                .findFirst().orElseThrow();
        assertEquals(OffsetDateTime.parse(receipt.getString("readAt")).toInstant(), OffsetDateTime.parse(item.getString("readAt")).toInstant());
        assertRule(read(member, toSecond.getString("id"), memberToken(member)), 422, "notice-unknown", "notice", "a notice that does not reach the member");
        assertRule(read(member, withdrawn.getString("id"), memberToken(member)), 422, "notice-unknown", "notice", "a withdrawn notice");
        assertEquals(403, read(member, ofFirst.getString("id"), secretaryOf(first)).status(), "a secretary has not read it for the member");
        assertEquals(403, read(member, ofFirst.getString("id"), memberToken(neighbour)).status(), "nor another member");
    }

    @Test
    @DisplayName("LX-NOTICE-12 the reach counts the probationary and full members the notice reaches and those with a receipt, each once; LX-NOTICE-15 it names no person")
    @Verifies(id = "LX-NOTICE-12", level = "MUST", of = "Notices")
    @Verifies(id = "LX-NOTICE-15", level = "MUST NOT", of = "Notices")
    void reach() {
        JsonObject notice = published(committee, notice(committee, "到达率测试通知", "请阅读。", ""));
        read(reader, notice.getString("id"), memberToken(reader)).expect(201);
        read(reader, notice.getString("id"), memberToken(reader)).expect(200);
        JsonObject reach = Answers.getJson(notice.getString("id") + "/reach", secretaryOf(committee));
        int intended = reach.getInt("intended");
        assertTrue(intended >= 3, "the two full members of the first branch and the one of the second, at least (not the activist): " + reach);
        assertEquals(1, reach.getInt("read"), "one receipt, read twice: " + reach);
        assertEquals(Math.round(10000.0 / intended) / 10000.0, reach.getJsonNumber("ratio").doubleValue(), 0.00001, reach.toString());
        assertEquals(List.of(committee), Answers.strings(reach, "organizations"));
        JsonObject ofFirstBranch = Answers.getJson(base() + "/statistics/notice-reach?organization=" + enc(first) + "&notice="
                + enc(notice.getString("id")) + "&scope=local", secretaryOf(first));
        assertEquals(1, ofFirstBranch.getInt("read"), ofFirstBranch.toString());
        JsonObject ofSecondBranch = Answers.getJson(base() + "/statistics/notice-reach?organization=" + enc(second) + "&notice="
                + enc(notice.getString("id")) + "&scope=local", secretaryOf(second));
        JsonObject ofThirdBranch = Answers.getJson(base() + "/statistics/notice-reach?organization=" + enc(third) + "&notice="
                + enc(notice.getString("id")) + "&scope=local", secretaryOf(third));
        assertEquals(1, ofThirdBranch.getInt("intended"), "the full member of the third branch, not its activist: " + ofThirdBranch);
        assertEquals(intended, ofFirstBranch.getInt("intended") + ofSecondBranch.getInt("intended") + 1, "the committee's members are its branches': "
                + ofFirstBranch + " " + ofSecondBranch);
        assertTrue(ofFirstBranch.containsKey("roots") && ofFirstBranch.containsKey("completeness") && ofFirstBranch.containsKey("scope"));
        assertNoPerson(reach.toString() + ofFirstBranch, "LX-NOTICE-15: a reach", "欧阳秀英", "司马建国", "上官明月", "诸葛红梅", "皇甫嵩");
    }

    @Test
    @DisplayName("LX-NOTICE-13 the reach is 404 to a caller outside the subtree or without the role secretary or organization-admin")
    @Verifies(id = "LX-NOTICE-13", level = "MUST", of = "Notices")
    void hiddenFromOthers() {
        String statistic = base() + "/statistics/notice-reach?organization=" + enc(committee) + "&notice=" + enc(toAll.getString("id"));
        for (String caller : List.of(memberToken(reader), secretaryOf(beside), secretaryOf(first))) {
            for (String url : List.of(statistic, toAll.getString("id") + "/reach")) {
                int status = Http.get(url, "Accept", "application/json", "Authorization", caller).status();
                assertEquals(404, status, url);
            }
        }
    }
}
