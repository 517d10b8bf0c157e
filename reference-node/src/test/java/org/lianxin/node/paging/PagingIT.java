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

import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;

/** Cursor pagination returns every member exactly once, even while members are added between pages. */
class PagingIT {

    @Test
    void everyMemberExactlyOnceWhileMembersAreAdded() {
        String branch = Trees.branch();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            expected.add(Trees.member("成员" + i, branch));
        }
        List<String> seen = new ArrayList<>();
        String url = NodeClient.nodeBase() + "/members?limit=5&branch=" + branch;
        int pages = 0;
        while (url != null) {
            HttpResponse<String> response = NodeClient.get(url, Fixtures.JSON_LD);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject page = NodeClient.json(response);
            page.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(o -> o.getString("id")).forEach(seen::add);
            url = page.containsKey("next") ? page.getString("next") : null;
            if (url != null) {
                assertEquals(url, response.headers().firstValue("Link").map(l -> l.replaceAll("^<([^>]*)>.*$", "$1")).orElseThrow());
            }
            if (pages++ < 3) {
                expected.add(Trees.member("新成员" + pages, branch)); // added while paging
            }
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no member twice: " + seen);
        assertEquals(expected, new HashSet<>(seen), "every member, including those added while paging");
    }

    @Test
    void modifiedSinceListsTombstonesSoThatDeletionsSync() {
        String branch = Trees.branch();
        String since = java.time.Instant.now().minusSeconds(1).toString();
        String kept = Trees.member("留下", branch);
        String deleted = Trees.member("离开", branch);
        assertEquals(204, NodeClient.delete(deleted).statusCode());

        List<String> live = ids(NodeClient.nodeBase() + "/members?branch=" + branch);
        assertEquals(List.of(kept), live);
        HttpResponse<String> sync = NodeClient.get(NodeClient.nodeBase() + "/organizations?modifiedSince=" + since, Fixtures.JSON_LD);
        assertEquals(200, sync.statusCode(), sync.body());
        List<String> changedMembers = ids(NodeClient.nodeBase() + "/members?modifiedSince=" + since);
        assertTrue(changedMembers.contains(kept) && changedMembers.contains(deleted), changedMembers.toString());
    }

    @Test
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
