package org.lianxin.conformance.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.notices.NoticesKit.JSON_LD;
import static org.lianxin.conformance.Answers.assertRule;
import static org.lianxin.conformance.notices.NoticesKit.notice;
import static org.lianxin.conformance.notices.NoticesKit.publish;
import static org.lianxin.conformance.notices.NoticesKit.published;
import static org.lianxin.conformance.Callers.secretaryOf;
import static org.lianxin.conformance.Answers.strings;
import static org.lianxin.conformance.notices.NoticesKit.targets;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Answers;
import org.lianxin.conformance.Current;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * 17.2 to 17.4 and 17.9 on one node: the endpoints, publishing with its rules, reading, listing and
 * withdrawing, and no count of notices by publisher. A county committee of the sandbox has two
 * branches; a second committee beside it is another subtree.
 */
class NoticeRecordsTest {

    private static String committee;
    private static String branch;
    private static String other;
    private static String beside;

    @BeforeAll
    static void tree() {
        committee = Current.sandbox().newOrganization("通知测试县委", "CountyCommittee");
        branch = Current.sandbox().newOrganization("县委机关党支部", "Branch", committee);
        other = Current.sandbox().newOrganization("县医院党支部", "Branch", committee);
        beside = Current.sandbox().newOrganization("邻县县委", "CountyCommittee");
    }

    @Test
    @DisplayName("LX-NOTICE-1 the node description lists the endpoints of Table 17.2")
    @Verifies(id = "LX-NOTICE-1", level = "MUST", of = "Notices")
    void endpoints() {
        for (String[] rel : new String[][] {{"notices", "/notices"}, {"notice-inbound", "/notices/inbound"}, {"notice-reach", "/statistics/notice-reach"}}) {
            assertEquals(base() + rel[1], Kit.current().endpoint(rel[0]).orElse(null), "the endpoint " + rel[0]);
        }
    }

    @Test
    @DisplayName("LX-NOTICE-2 a valid notice is answered 201 with its Location, its targets (the publisher when none) and publishedAt; Chinese text round-trips; a body breaking the shapes is 422 and stores nothing")
    @Verifies(id = "LX-NOTICE-2", level = "MUST", of = "Notices")
    void publishes() {
        String text = "各党支部：请于10月31日前开展主题党日活动。　全角空格、“引号”和𠀀扩展字符原样保存。";
        Instant before = Instant.now().minusSeconds(300);
        JsonObject notice = published(committee, notice(committee, "关于开展十月主题党日活动的通知", text,
                ", \"attachments\": [\"https://example.org/files/themed-day.pdf\"]"));
        assertEquals(text, notice.getString("text", ""), "the text byte for byte");
        assertEquals(List.of(committee), strings(notice, "targets"), "no targets: the publisher's subtree");
        assertEquals(List.of("https://example.org/files/themed-day.pdf"), strings(notice, "attachments"));
        Instant at = OffsetDateTime.parse(notice.getString("publishedAt")).toInstant();
        assertTrue(at.isAfter(before) && at.isBefore(Instant.now().plusSeconds(300)), "publishedAt is the time of the write: " + at);
        JsonObject read = NoticesKit.getJsonLd(notice.getString("id"), secretaryOf(committee));
        assertEquals(notice.getString("publishedAt"), read.getString("publishedAt"), "the answer is the notice as stored");
        JsonObject targeted = published(committee, notice(committee, "仅两个支部", "正文", targets(branch, other)));
        assertEquals(Set.of(branch, other), Set.copyOf(strings(targeted, "targets")));

        List<String> before2 = Answers.listed(base() + "/notices?publishedBy=" + enc(committee), secretaryOf(committee));
        Response invalid = publish("""
                {"@context": "%s", "type": "Notice", "publishedBy": "%s", "name": "没有正文的通知"}""".formatted(Sandbox.CONTEXT, committee),
                secretaryOf(committee));
        assertEquals(422, invalid.status(), invalid.body());
        assertEquals(before2, Answers.listed(base() + "/notices?publishedBy=" + enc(committee), secretaryOf(committee)), "nothing stored");
    }

    @Test
    @DisplayName("LX-NOTICE-3 403 without the role secretary or organization-admin or outside the caller's subtree, 422 notice-publisher for an organization the node does not hold; LX-NOTICE-4 422 notice-target for a target outside the publisher's subtree or below another")
    @Verifies(id = "LX-NOTICE-3", level = "MUST", of = "Notices")
    @Verifies(id = "LX-NOTICE-4", level = "MUST", of = "Notices")
    void rules() {
        String member = "Bearer " + Kit.current().tokens().member(base() + "/members/" + Sandbox.uniqueId("m"));
        assertEquals(403, publish(notice(committee, "通知", "正文", ""), member).status(), "a member does not publish");
        assertEquals(403, publish(notice(committee, "通知", "正文", ""), secretaryOf(beside)).status(), "nor a committee beside it");
        assertEquals(403, publish(notice(committee, "通知", "正文", ""), secretaryOf(branch)).status(), "nor a branch below it");
        assertRule(publish(notice(base() + "/organizations/" + Sandbox.uniqueId("none"), "通知", "正文", ""), secretaryOf(committee)),
                422, "notice-publisher", "publishedBy", "a publisher the node does not hold");
        assertRule(publish(notice(committee, "通知", "正文", targets(beside)), secretaryOf(committee)), 422, "notice-target", "targets",
                "a target outside the publisher's subtree");
        assertRule(publish(notice(committee, "通知", "正文", targets(committee, branch)), secretaryOf(committee)), 422, "notice-target", "targets",
                "a target below another");
    }

    @Test
    @DisplayName("LX-NOTICE-5 the list holds exactly the readable notices of the publisher filtered; a notice is read as stored, 404 to a caller outside its subtree")
    @Verifies(id = "LX-NOTICE-5", level = "MUST", of = "Notices")
    void readAndList() {
        JsonObject mine = published(committee, notice(committee, "列表测试", "正文", ""));
        JsonObject branchOwn = published(branch, notice(branch, "支部通知", "正文", ""));
        List<String> byCommittee = Answers.listed(base() + "/notices?publishedBy=" + enc(committee), secretaryOf(committee));
        assertTrue(byCommittee.contains(mine.getString("id")) && !byCommittee.contains(branchOwn.getString("id")), byCommittee.toString());
        List<String> all = Answers.listed(base() + "/notices", secretaryOf(committee));
        assertTrue(all.containsAll(List.of(mine.getString("id"), branchOwn.getString("id"))), "the subtree's notices: " + all);
        List<String> ofBranch = Answers.listed(base() + "/notices", secretaryOf(branch));
        assertTrue(ofBranch.contains(branchOwn.getString("id")) && !ofBranch.contains(mine.getString("id")), "a branch reads its own, not its superior's");
        assertEquals(mine.getString("name"), NoticesKit.getJsonLd(mine.getString("id"), secretaryOf(committee)).getString("name", ""));
        assertEquals(404, Http.get(mine.getString("id"), "Accept", JSON_LD, "Authorization", secretaryOf(beside)).status());
        assertEquals(400, Http.get(base() + "/notices?publishedBy=not-an-iri", "Accept", JSON_LD, "Authorization", secretaryOf(committee)).status());
    }

    @Test
    @DisplayName("LX-NOTICE-6 withdrawing answers 200 with withdrawnAt, a second withdrawal 409 notice-withdrawn")
    @Verifies(id = "LX-NOTICE-6", level = "MUST", of = "Notices")
    void withdraws() {
        JsonObject notice = published(committee, notice(committee, "发错的通知", "正文", ""));
        assertEquals(404, Http.post(notice.getString("id") + "/withdraw", "application/json", "", "Accept", JSON_LD,
                "Authorization", secretaryOf(beside)).status(), "a committee beside it does not see the notice");
        Response withdrawn = Http.post(notice.getString("id") + "/withdraw", "application/json", "", "Accept", JSON_LD,
                "Authorization", secretaryOf(committee));
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertTrue(withdrawn.json().containsKey("withdrawnAt"), withdrawn.body());
        assertRule(Http.post(notice.getString("id") + "/withdraw", "application/json", "", "Accept", JSON_LD, "Authorization", secretaryOf(committee)),
                409, "notice-withdrawn", "withdrawnAt", "a second withdrawal");
    }

    @Test
    @DisplayName("LX-NOTICE-14 no count of notices by publisher: GET /statistics/notices is no route, and the reach of a notice counts members, not notices")
    @Verifies(id = "LX-NOTICE-14", level = "MUST NOT", of = "Notices")
    void noRankingByVolume() {
        published(committee, notice(committee, "第一条", "正文", ""));
        JsonObject second = published(committee, notice(committee, "第二条", "正文", ""));
        Response volume = Http.get(base() + "/statistics/notices?organization=" + enc(committee), "Accept", "application/json",
                "Authorization", secretaryOf(committee));
        assertEquals(404, volume.status(), "GET /statistics/notices is not a route of the standard: " + volume.body());
        JsonObject reach = Answers.getJson(second.getString("id") + "/reach", secretaryOf(committee));
        List<String> keys = new ArrayList<>(reach.keySet());
        assertEquals(Set.of("notice", "organizations", "intended", "read", "ratio", "completeness"), Set.copyOf(keys),
                "the keys of Table 17.9 and nothing that counts notices: " + reach);
        JsonObject part = Answers.getJson(base() + "/statistics/notice-reach?organization=" + enc(committee) + "&notice=" + enc(second.getString("id")),
                secretaryOf(committee));
        assertFalse(part.keySet().stream().anyMatch(k -> k.toLowerCase(java.util.Locale.ROOT).contains("notices") || k.equals("published")),
                "no count of notices in the reach: " + part);
        assertTrue(part.get("notice") instanceof JsonString);
    }
}
