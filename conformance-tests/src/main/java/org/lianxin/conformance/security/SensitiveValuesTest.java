package org.lianxin.conformance.security;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** 8.8: sensitive values sent in every way that goes wrong never come back in a problem report or a URL the node makes. */
class SensitiveValuesTest {

    private static final String PHONE = "13987654321";
    private static final String ADDRESS = "青山县东风路南巷17号院";
    private static Subtrees trees;
    private static String body;
    private static String nationalId;
    private static String wrongCheck;
    private static Response created;
    private static String member;

    @BeforeAll
    static void member() {
        trees = Subtrees.make();
        body = Kit.current().sandbox().memberBody("隐私测试", trees.a().branch()).replace("13800138000", PHONE)
                .replace("连心市人民路88号院3号楼", ADDRESS);
        nationalId = body.replaceAll("(?s).*\"nationalId\": \"([0-9X]{18})\".*", "$1");
        wrongCheck = nationalId.substring(0, 17) + (nationalId.charAt(17) == '1' ? '2' : '1');
        created = Http.post(Current.base() + "/members", Records.JSON_LD, body);
        assertEquals(201, created.status(), created.body());
        member = Kit.current().sandbox().track(created.header("Location").orElseThrow());
    }

    @Test
    @DisplayName("a problem report holds no six characters in a row of a sensitive value the request sent")
    @Verifies(id = "LX-SEC-42", level = "MUST NOT", of = "Security")
    void problemReportsRepeatNothing() {
        String members = Current.base() + "/members";
        List<Response> problems = new ArrayList<>();
        problems.add(Http.post(members, Records.JSON_LD, body.replace(nationalId, wrongCheck)));
        problems.add(Http.post(members, Records.JSON_LD, body));
        problems.add(Http.post(members, Records.JSON_LD, body.replace(PHONE, PHONE + "99")));
        problems.add(Http.post(members, Records.JSON_LD, body.replace(ADDRESS, ADDRESS.repeat(40))));
        problems.add(Http.put(member, Records.JSON_LD, Sandbox.withId(body.replace(nationalId, nationalId.substring(0, 6) + "********"
                + nationalId.substring(14)), member)));
        problems.add(Http.post(members + "/lookup", "application/json", "{\"nationalId\": \"" + nationalId.substring(0, 17) + "\"}"));
        problems.add(Http.post(members + "/lookup", "application/json", "{\"nationalId\": \"" + wrongCheck + "\", \"telephone\": \"" + PHONE + "\"}"));
        problems.add(Http.get(member, "Accept", Records.JSON_LD, "Lianxin-Purpose", "%ZZ" + nationalId));
        for (Response problem : problems) {
            assertEquals("application/problem+json", problem.mediaType(), "the kit sent a faulty request, answered " + problem.status());
            for (String secret : List.of(nationalId, wrongCheck, PHONE, PHONE + "99", ADDRESS)) {
                assertFalse(Records.containsRun(problem.body(), secret),
                        "a " + problem.status() + " repeats part of the sensitive value " + secret + ": " + problem.body());
            }
        }
    }

    @Test
    @DisplayName("a problem report names no record that the caller may not read")
    @Verifies(id = "LX-SEC-43", level = "MUST NOT", of = "Security")
    void problemReportsNameNoHiddenRecord() {
        Subtrees.Side a = trees.a();
        Subtrees.Side b = trees.b();
        String numberOfB = Records.get(b.member(), Kit.current().tokens().admin(), "Lianxin-Purpose", "conformance").expect(200).json()
                .getString("nationalId");
        String twin = Kit.current().sandbox().memberBody("双胞胎", a.branch())
                .replaceAll("\"nationalId\": \"[0-9X]{18}\"", "\"nationalId\": \"" + numberOfB + "\"");
        Response conflict = Records.post(Current.base() + "/members", a.token(), Records.JSON_LD, twin);
        Problems.assertProblem(conflict, 409);
        Response forbidden = Records.put(b.member(), a.token(), Sandbox.withId(Kit.current().sandbox().memberBody("孙悟", a.branch()), b.member()));
        Problems.assertProblem(forbidden, 403);
        for (Response problem : List.of(conflict, forbidden)) {
            assertFalse(problem.body().contains(Problems.lastSegment(b.member())),
                    "a " + problem.status() + " names " + b.member() + ", which the caller may not read: " + problem.body());
        }
    }

    @Test
    @DisplayName("the URLs the node makes — the new record's IRI, Location, next links — carry no sensitive value")
    @Verifies(id = "LX-SEC-44", level = "MUST NOT", of = "Security")
    void urlsCarryNothing() {
        Kit.current().sandbox().newMember(trees.a().branch());
        List<String> urls = new ArrayList<>(created.headers("Location"));
        urls.add(member);
        Response page = Http.get(Current.base() + "/members?limit=1&branch=" + Current.enc(trees.a().branch()), "Accept", Records.JSON_LD);
        assertEquals(200, page.status(), page.body());
        urls.addAll(page.headers("Link"));
        urls.add(page.json().getString("next", ""));
        Response audit = Http.get(Current.base() + "/audit?limit=1&organization=" + Current.enc(trees.a().branch()), "Accept", "application/json");
        urls.addAll(audit.headers("Link"));
        if (audit.status() == 200) {
            urls.add(audit.json().getString("next", ""));
        }
        for (String url : urls) {
            String decoded = URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
            for (String secret : List.of(nationalId, PHONE, ADDRESS)) {
                assertFalse(Records.containsRun(url, secret) || Records.containsRun(decoded, secret), url + " holds part of " + secret);
            }
        }
    }
}
