package org.lianxin.node.members;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Problems;
import org.lianxin.node.testing.Trees;

/** The bulk path (spec chapter 6): all or nothing, up to 1,000 records. */
class BatchIT {

    private static final String BATCH = NodeClient.nodeBase() + "/members/batch";

    @Test
    @DisplayName("LX-CORE-60 LX-CORE-62 a batch of 1,000 valid members answers 200 with created = 1000, and all are stored")
    void thousandValidMembersAreStored() {
        String branch = Trees.branch();
        HttpResponse<String> response = NodeClient.post(BATCH, Fixtures.JSON_LD, batch(branch, 1000, -1));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1000, NodeClient.json(response).getInt("created"));
        assertEquals(1000, count(branch));
    }

    @Test
    @DisplayName("LX-CORE-61 a batch with one bad record is rejected with 422 and nothing of it is stored")
    void oneBadRecordRejectsTheBatch() {
        String branch = Trees.branch();
        HttpResponse<String> response = NodeClient.post(BATCH, Fixtures.JSON_LD, batch(branch, 20, 13));
        Problems.assertProblem(response, 422, "validation", "Validation failed");
        assertEquals(0, count(branch));
    }

    @Test
    @DisplayName("LX-CORE-63 a batch of more than 1,000 records may be refused with 413; nothing is stored")
    void overThousandIs413() {
        String branch = Trees.branch();
        Problems.assertProblem(NodeClient.post(BATCH, Fixtures.JSON_LD, batch(branch, 1001, -1)), 413, "too-large", "Content too large");
        assertEquals(0, count(branch));
    }

    /** A JSON-LD array of {@code n} members of {@code branch}; record number {@code bad} (if ≥ 0) has no name. */
    private static String batch(String branch, int n, int bad) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String member = Fixtures.member("批量" + i, branch);
            members.add(i == bad ? member.replace("\"name\": \"批量" + i + "\",", "") : member);
        }
        return "[" + String.join(",\n", members) + "]";
    }

    private static int count(String branch) {
        HttpResponse<String> page = NodeClient.get(NodeClient.nodeBase() + "/members?limit=1000&branch=" + branch, Fixtures.JSON_LD);
        assertEquals(200, page.statusCode(), page.body());
        return NodeClient.json(page).getJsonArray("items").size();
    }
}
