package org.lianxin.node.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;

/** Cursor pagination returns every member exactly once, even while members are added between pages. */
class PagingIT {

    @Test
    @DisplayName("LX-CORE-31 LX-CORE-32 LX-CORE-33 LX-CORE-34 LX-CORE-35 LX-CORE-36 every member exactly once, in creation order, while members are added")
    void everyMemberExactlyOnceWhileMembersAreAdded() {
        String branch = Trees.branch();
        Set<String> expected = new HashSet<>();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            created.add(Trees.member("成员" + i, branch));
        }
        expected.addAll(created);
        List<String> seen = new ArrayList<>();
        String url = NodeClient.nodeBase() + "/members?limit=5&branch=" + branch;
        int pages = 0;
        while (url != null) {
            HttpResponse<String> response = NodeClient.get(url, Fixtures.JSON_LD);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject page = NodeClient.json(response);
            assertTrue(page.getJsonArray("items").size() <= 5, "LX-CORE-33: no more items than the limit");
            page.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(o -> o.getString("id")).forEach(seen::add);
            url = page.containsKey("next") ? page.getString("next") : null;
            if (url != null) {
                assertEquals(url, response.headers().firstValue("Link").map(l -> l.replaceAll("^<([^>]*)>.*$", "$1")).orElseThrow());
            }
            if (pages++ < 3) {
                String added = Trees.member("新成员" + pages, branch); // added while paging
                created.add(added);
                expected.add(added);
            }
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no member twice: " + seen);
        assertEquals(expected, new HashSet<>(seen), "every member, including those added while paging");
        assertEquals(created, seen, "LX-CORE-34: in the order of creation");
    }

    @Test
    @DisplayName("LX-CORE-38 LX-CORE-39 modifiedSince lists only what changed since, tombstones included; without it no tombstones")
    void modifiedSinceListsTombstonesSoThatDeletionsSync() throws InterruptedException {
        String branch = Trees.branch();
        String before = Trees.member("之前", branch);
        Thread.sleep(20);
        String since = java.time.Instant.now().toString();
        String kept = Trees.member("留下", branch);
        String deleted = Trees.member("离开", branch);
        assertEquals(204, NodeClient.delete(deleted).statusCode());

        List<String> live = ids(NodeClient.nodeBase() + "/members?branch=" + branch);
        assertEquals(List.of(before, kept), live);
        HttpResponse<String> sync = NodeClient.get(NodeClient.nodeBase() + "/organizations?modifiedSince=" + since, Fixtures.JSON_LD);
        assertEquals(200, sync.statusCode(), sync.body());
        List<String> changedMembers = ids(NodeClient.nodeBase() + "/members?modifiedSince=" + since);
        assertTrue(changedMembers.contains(kept) && changedMembers.contains(deleted), changedMembers.toString());
        assertTrue(!changedMembers.contains(before), "not modified since");
        List<String> ofBranch = ids(NodeClient.nodeBase() + "/members?branch=" + branch + "&modifiedSince=" + since);
        assertEquals(List.of(kept, deleted), ofBranch, "the branch filter matches the tombstone by the branch it keeps");
    }

    @Test
    @DisplayName("LX-CORE-37 a cursor the node did not issue is a 400")
    void aForgedCursorIsA400() {
        HttpResponse<String> response = NodeClient.get(NodeClient.nodeBase() + "/members?cursor=not-a-cursor", Fixtures.JSON_LD);
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    }

    private static List<String> ids(String url) {
        HttpResponse<String> response = NodeClient.get(url, Fixtures.JSON_LD);
        assertEquals(200, response.statusCode(), response.body());
        return NodeClient.json(response).getJsonArray("items").stream().map(JsonValue::asJsonObject).map(o -> o.getString("id")).toList();
    }
}
