package org.lianxin.node.members;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Problems;
import org.lianxin.node.testing.Trees;

/** The member list's filters (Table 5.11) and the uniqueness of ID numbers. */
class MemberListIT {

    private static String branch;
    private static String zhangFull;
    private static String zhangActivist;
    private static String liFull;

    @BeforeAll
    static void members() {
        branch = Trees.branch();
        zhangFull = Trees.member("张建国", branch);
        liFull = post(Fixtures.member("李建国", branch).replace("\"admissionDate\": \"2007-07-01\"", "\"admissionDate\": \"2015-07-01\"")
                .replace("\"fullMembershipDate\": \"2008-07-01\"", "\"fullMembershipDate\": \"2016-07-01\""));
        zhangActivist = post(Fixtures.member("张小红", branch).replace("\"stage\": \"FullMember\"", "\"stage\": \"Activist\"")
                .replaceAll(",\\s*\"candidateDate\": \"[^\"]*\",\\s*\"admissionDate\": \"[^\"]*\",\\s*\"fullMembershipDate\": \"[^\"]*\"", ""));
    }

    @Test
    @DisplayName("LX-CORE-59 stage, branch, namePrefix, joinedFrom and joinedTo select exactly the matching members")
    void filtersSelectExactly() {
        assertEquals(Set.of(zhangFull, liFull, zhangActivist), ids(""));
        assertEquals(Set.of(zhangActivist), ids("&stage=Activist"));
        assertEquals(Set.of(zhangFull, zhangActivist), ids("&namePrefix=" + URLEncoder.encode("张", StandardCharsets.UTF_8)));
        assertEquals(Set.of(zhangFull), ids("&namePrefix=" + URLEncoder.encode("张建", StandardCharsets.UTF_8)));
        assertEquals(Set.of(liFull), ids("&joinedFrom=2010-01-01"));
        assertEquals(Set.of(zhangFull), ids("&joinedTo=2007-07-01"));
        assertEquals(Set.of(zhangFull, liFull), ids("&joinedFrom=2007-07-01&joinedTo=2015-07-01"));
        assertEquals(Set.of(zhangFull), ids("&stage=FullMember&namePrefix=" + URLEncoder.encode("张", StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("LX-CORE-37 a filter value the list does not allow is a 400")
    void badFilterValuesAre400() {
        for (String query : List.of("stage=Chairman", "joinedFrom=2020-13-01", "modifiedSince=yesterday", "limit=0", "limit=ten", "cursor=xyz")) {
            Problems.assertProblem(NodeClient.get(NodeClient.nodeBase() + "/members?" + query, Fixtures.JSON_LD), 400, "bad-request", "Bad request");
        }
    }

    @Test
    @DisplayName("LX-CORE-54 a second member with the same ID number is a 409 conflict, and is not written")
    void sameIdNumberTwiceIs409() {
        String first = Fixtures.member("陈平", branch);
        assertEquals(201, NodeClient.post(NodeClient.nodeBase() + "/members", Fixtures.JSON_LD, first).statusCode());
        HttpResponse<String> second = NodeClient.post(NodeClient.nodeBase() + "/members", Fixtures.JSON_LD, first.replace("陈平", "陈平安"));
        Problems.assertProblem(second, 409, "conflict", "Conflict");
        Problems.assertError(second, "nationalId", "national-id-unique", "LX-CORE-54");
        assertEquals(Set.of(), ids("&namePrefix=" + URLEncoder.encode("陈平安", StandardCharsets.UTF_8)));
    }

    private static String post(String body) {
        HttpResponse<String> response = NodeClient.post(NodeClient.nodeBase() + "/members", Fixtures.JSON_LD, body);
        assertEquals(201, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static Set<String> ids(String filters) {
        HttpResponse<String> page = NodeClient.get(NodeClient.nodeBase() + "/members?limit=1000&branch=" + branch + filters, Fixtures.JSON_LD);
        assertEquals(200, page.statusCode(), page.body());
        return NodeClient.json(page).getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .map(o -> o.getString("id")).collect(Collectors.toSet());
    }
}
