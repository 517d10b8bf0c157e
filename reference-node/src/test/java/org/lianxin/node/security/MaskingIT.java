package org.lianxin.node.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Problems;
import org.lianxin.node.testing.Trees;

/** Personal data, minimum necessary: lists and reads without a purpose are masked; a stated purpose reads in full. */
class MaskingIT {

    private static final String ADDRESS = "北京市朝阳区建国路88号院3号楼";
    private static String branch;
    private static String member;
    private static String nationalId;

    @BeforeAll
    static void member() {
        branch = Trees.branch();
        String body = Fixtures.member("欧阳修", branch).replace("\"stage\"", "\"telephone\": \"13812345678\", \"stage\"");
        nationalId = body.replaceAll("(?s).*\"nationalId\": \"([0-9X]{18})\".*", "$1");
        HttpResponse<String> created = NodeClient.post(NodeClient.nodeBase() + "/members", Fixtures.JSON_LD, body);
        assertEquals(201, created.statusCode(), created.body());
        member = created.headers().firstValue("Location").orElseThrow();
    }

    @Test
    @DisplayName("LX-SEC-33 a page of a list shows members masked: ID, phone and address masked, no birth date")
    void listsAreMasked() {
        HttpResponse<String> page = NodeClient.get(NodeClient.nodeBase() + "/members?branch=" + branch, Fixtures.JSON_LD);
        JsonObject item = NodeClient.json(page).getJsonArray("items").getJsonObject(0);
        assertMasked(item, page.body());
    }

    @Test
    @DisplayName("LX-SEC-33 a read without a stated purpose is masked too, in every format")
    void readWithoutPurposeIsMasked() {
        HttpResponse<String> read = NodeClient.get(member, Fixtures.JSON_LD);
        assertMasked(NodeClient.json(read), read.body());
        HttpResponse<String> turtle = NodeClient.get(member, Fixtures.TURTLE);
        assertFalse(turtle.body().contains(nationalId) || turtle.body().contains("13812345678") || turtle.body().contains("birthDate"));
    }

    @Test
    @DisplayName("LX-SEC-34 LX-SEC-36 a read with a stated purpose is the full record, never cached")
    void readWithPurposeIsFull() {
        HttpResponse<String> read = NodeClient.get(member, Fixtures.JSON_LD, "Lianxin-Purpose",
                URLEncoder.encode("组织关系转接", StandardCharsets.UTF_8));
        assertEquals(200, read.statusCode(), read.body());
        JsonObject full = NodeClient.json(read);
        assertEquals(nationalId, full.getString("nationalId"));
        assertEquals("13812345678", full.getString("telephone"));
        assertEquals(ADDRESS, full.getString("address"));
        assertEquals("1980-05-17", full.getString("birthDate"));
        assertEquals("no-store", read.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    @DisplayName("LX-SEC-35 a purpose that is empty, too long, or holds control characters is a 400")
    void badPurposeIs400() {
        for (String purpose : new String[] {"%0A", "x".repeat(201), "%E7%BB", "a%00b"}) {
            Problems.assertProblem(NodeClient.get(member, Fixtures.JSON_LD, "Lianxin-Purpose", purpose), 400, "bad-request", "Bad request");
        }
    }

    private void assertMasked(JsonObject record, String body) {
        assertEquals(nationalId.substring(0, 6) + "********" + nationalId.substring(14), record.getString("nationalId"));
        assertEquals("138****5678", record.getString("telephone"));
        assertEquals("北京市朝阳区…", record.getString("address"));
        assertFalse(record.containsKey("birthDate"));
        assertFalse(body.contains(nationalId), "the full number is nowhere in the answer");
        assertTrue(record.containsKey("name") && record.containsKey("stage"), "everything else as it is");
    }
}
