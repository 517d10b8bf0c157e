package org.lianxin.conformance.security;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** 8.8: lists and reads without a purpose are masked as Table 8.9 says; a stated purpose reads in full, never cached. */
class MaskingTest {

    private static final String PURPOSE = "%E7%BB%84%E7%BB%87%E5%85%B3%E7%B3%BB%E8%BD%AC%E6%8E%A5"; // 组织关系转接
    private static String branch;

    @BeforeAll
    static void branch() {
        branch = Kit.current().sandbox().newBranch();
    }

    /** A member of the branch with this telephone and address; its IRI and the body sent. */
    private static String[] member(String telephone, String address) {
        String body = Kit.current().sandbox().memberBody("欧阳修", branch).replace("13800138000", telephone)
                .replace("连心市人民路88号院3号楼", address);
        Response post = Http.post(Current.base() + "/members", Records.JSON_LD, body);
        assertEquals(201, post.status(), post.body());
        assertCachingOfFullRecords(post, body);
        return new String[] {Kit.current().sandbox().track(post.header("Location").orElseThrow()), body};
    }

    private static String nationalIdOf(String body) {
        return body.replaceAll("(?s).*\"nationalId\": \"([0-9X]{18})\".*", "$1");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"13812345678, 北京市朝阳区建国路88号院3号楼, 138****5678, 北京市朝阳区…", "010-12345678, 人民路1号, 010-****78, …",
        "0571-88888821, 青山县人民路1号, 0571-****21, 青山县人民路…", "02112345678, 青山县人民路, 021****78, …",
        "057188888821, 连心市东风路南巷, 0571****21, 连心市东风路…"})
    @DisplayName("a read without a purpose, and an item of a list, are masked as Table 8.9 says")
    @Verifies(id = "LX-SEC-33", level = "MUST", of = "Security")
    void masked(String telephone, String address, String maskedTelephone, String maskedAddress) {
        String[] created = member(telephone, address);
        String nationalId = nationalIdOf(created[1]);
        String maskedId = nationalId.substring(0, 6) + "********" + nationalId.substring(14);
        Response read = Http.get(created[0], "Accept", Records.JSON_LD);
        assertEquals(200, read.status(), read.body());
        assertMasked(read.json(), read.body(), nationalId, maskedId, maskedTelephone, maskedAddress, "a read without Lianxin-Purpose");
        List<JsonObject> items = Records.items(Current.base() + "/members?limit=100&branch=" + Current.enc(branch), Kit.current().tokens().admin());
        JsonObject item = items.stream().filter(i -> created[0].equals(i.getString("id", ""))).findFirst()
                .orElseThrow(() -> new AssertionError("the member is not on the list of its branch"));
        assertMasked(item, item.toString(), nationalId, maskedId, maskedTelephone, maskedAddress, "an item of the member list");
        Response turtle = Http.get(created[0], "Accept", "text/turtle");
        assertEquals(200, turtle.status(), turtle.body());
        for (String secret : List.of(nationalId, telephone, address, "1980-05-17", "birthDate")) {
            assertFalse(turtle.body().contains(secret), "the Turtle read without a purpose holds " + secret);
        }
    }

    @Test
    @DisplayName("a read with a purpose Table 8.10 allows is the full record, with Cache-Control: no-store")
    @Verifies(id = "LX-SEC-34", level = "MUST", of = "Security")
    @Verifies(id = "LX-SEC-36", level = "MUST", of = "Security")
    void fullWithAPurpose() {
        String[] created = member("13812345678", "北京市朝阳区建国路88号院3号楼");
        for (String purpose : List.of(PURPOSE, "party dues check", "x".repeat(200))) {
            Response read = Http.get(created[0], "Accept", Records.JSON_LD, "Lianxin-Purpose", purpose);
            assertEquals(200, read.status(), () -> "Lianxin-Purpose: " + purpose + ": " + read.body());
            JsonObject full = read.json();
            assertEquals(nationalIdOf(created[1]), full.getString("nationalId", null));
            assertEquals("13812345678", full.getString("telephone", null));
            assertEquals("北京市朝阳区建国路88号院3号楼", full.getString("address", null));
            assertEquals("1980-05-17", full.getString("birthDate", null));
            assertNoStore(read, "a full read");
        }
        Response turtle = Http.get(created[0], "Accept", "text/turtle", "Lianxin-Purpose", PURPOSE);
        assertTrue(turtle.status() == 200 && turtle.body().contains(nationalIdOf(created[1])), "a full read in Turtle: " + turtle.body());
        assertNoStore(turtle, "a full read in Turtle");
    }

    @Test
    @DisplayName("a write whose answer holds the full record has Cache-Control: no-store")
    @Verifies(id = "LX-SEC-36", level = "MUST", of = "Security")
    void writesAnsweredInFull() {
        String[] created = member("13812345678", "北京市朝阳区建国路88号院3号楼");
        Response put = Http.put(created[0], Records.JSON_LD, created[1].replaceFirst("\\{", "{\"id\": \"" + created[0] + "\", "));
        assertEquals(200, put.status(), put.body());
        assertCachingOfFullRecords(put, created[1]);
    }

    @ParameterizedTest(name = "Lianxin-Purpose: {0}")
    @CsvSource({"%0A", "a%00b", "%7F", "%E7%BB", "%ZZ", "''"})
    @DisplayName("a purpose that Table 8.10 does not allow is 400")
    @Verifies(id = "LX-SEC-35", level = "MUST", of = "Security")
    void badPurpose(String purpose) {
        String[] created = member("13812345678", "北京市朝阳区建国路88号院3号楼");
        Problems.assertProblem(Http.get(created[0], "Accept", Records.JSON_LD, "Lianxin-Purpose", purpose == null ? "" : purpose), 400);
        Problems.assertProblem(Http.get(created[0], "Accept", Records.JSON_LD, "Lianxin-Purpose", "x".repeat(201)), 400);
    }

    private static void assertMasked(JsonObject record, String text, String nationalId, String maskedId, String telephone, String address,
                                     String what) {
        assertEquals(maskedId, record.getString("nationalId", null), what + ": nationalId");
        assertEquals(telephone, record.getString("telephone", null), what + ": telephone");
        assertEquals(address, record.getString("address", null), what + ": address");
        assertFalse(record.containsKey("birthDate"), what + ": birthDate is left out");
        assertFalse(text.contains(nationalId), what + ": the full number is in the answer");
        assertEquals("欧阳修", record.getString("name", null), what + ": the other values are as in the full record");
    }

    /** LX-SEC-36: an answer that holds the full record of {@code body} (its ID number) has Cache-Control: no-store. */
    private static void assertCachingOfFullRecords(Response answer, String body) {
        if (answer.body().contains(nationalIdOf(body))) {
            assertNoStore(answer, "an answer with the full record");
        }
    }

    private static void assertNoStore(Response answer, String what) {
        List<String> directives = answer.headers("Cache-Control").stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(d -> d.trim().toLowerCase(Locale.ROOT)).toList();
        assertTrue(directives.contains("no-store"), what + ": Cache-Control " + directives + " without no-store");
    }
}
