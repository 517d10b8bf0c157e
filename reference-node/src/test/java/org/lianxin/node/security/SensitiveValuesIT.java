package org.lianxin.node.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;

/**
 * Sensitive values — an ID number, a telephone number, an address — sent in every way that can go
 * wrong: valid, with a wrong check digit, twice, looked up, read in full. None of them comes back in
 * a problem report, a URL the node makes, or the server's logs.
 */
class SensitiveValuesIT {

    private static final String PHONE = "13987654321";
    private static final String ADDRESS = "青山县东风路南巷17号院";
    private static final List<HttpResponse<String>> PROBLEMS = new ArrayList<>();
    private static String nationalId;
    private static String wrongCheckDigit;
    private static String member;
    private static HttpResponse<String> created;
    private static HttpResponse<String> page;

    @BeforeAll
    static void sendThemEveryWay() {
        String branch = Trees.branch();
        nationalId = Fixtures.nationalId(LocalDate.of(1980, 5, 17), false);
        String body = Fixtures.member("隐私测试", branch).replaceAll("\"nationalId\": \"[0-9X]+\"", "\"nationalId\": \"" + nationalId + "\"")
                .replace("北京市朝阳区建国路88号院3号楼", ADDRESS).replace("\"stage\"", "\"telephone\": \"" + PHONE + "\", \"stage\"");
        created = NodeClient.post(NodeClient.nodeBase() + "/members", Fixtures.JSON_LD, body);
        assertEquals(201, created.statusCode(), created.body());
        member = created.headers().firstValue("Location").orElseThrow();

        char last = nationalId.charAt(17);
        wrongCheckDigit = nationalId.substring(0, 17) + (last == '1' ? '2' : '1');
        PROBLEMS.add(NodeClient.post(NodeClient.nodeBase() + "/members", Fixtures.JSON_LD, body.replace(nationalId, wrongCheckDigit)));
        PROBLEMS.add(NodeClient.post(NodeClient.nodeBase() + "/members", Fixtures.JSON_LD, body)); // the same number twice: 409
        PROBLEMS.add(NodeClient.post(NodeClient.nodeBase() + "/members", Fixtures.JSON_LD, body.replace(PHONE, PHONE + "99"))); // 422
        PROBLEMS.add(NodeClient.post(NodeClient.nodeBase() + "/members/lookup", "application/json",
                "{\"nationalId\": \"" + wrongCheckDigit.substring(0, 17) + "\"}")); // 400
        PROBLEMS.add(NodeClient.get(member, Fixtures.JSON_LD, "Lianxin-Purpose", "%ZZ")); // 400
        assertEquals(List.of(422, 409, 422, 400, 400), PROBLEMS.stream().map(HttpResponse::statusCode).toList(),
                PROBLEMS.stream().map(HttpResponse::body).toList().toString());

        assertEquals(200, NodeClient.post(NodeClient.nodeBase() + "/members/lookup", "application/json",
                "{\"nationalId\": \"" + nationalId + "\"}").statusCode());
        assertEquals(200, NodeClient.get(member, Fixtures.JSON_LD, "Lianxin-Purpose", URLEncoder.encode("党费核对", StandardCharsets.UTF_8)).statusCode());
        page = NodeClient.get(NodeClient.nodeBase() + "/members?limit=1&branch=" + URLEncoder.encode(branch, StandardCharsets.UTF_8), Fixtures.JSON_LD);
        assertEquals(200, page.statusCode(), page.body());
    }

    @Test
    @DisplayName("LX-SEC-42 LX-SEC-43 a problem report carries no six characters in a row of a sensitive value the request sent")
    void problemReportsRepeatNothing() {
        for (HttpResponse<String> problem : PROBLEMS) {
            for (String secret : List.of(nationalId, wrongCheckDigit, PHONE, ADDRESS)) {
                assertFalse(containsRun(problem.body(), secret), problem.statusCode() + " repeats part of " + secret + ": " + problem.body());
            }
        }
    }

    @Test
    @DisplayName("LX-SEC-44 the URLs the node makes — Location, page links — carry no sensitive value")
    void urlsCarryNothing() {
        List<String> urls = new ArrayList<>(created.headers().allValues("Location"));
        urls.add(member);
        urls.addAll(page.headers().allValues("Link"));
        String next = NodeClient.json(page).getString("next", "");
        urls.add(next);
        for (String url : urls) {
            for (String secret : List.of(nationalId, PHONE, ADDRESS, URLEncoder.encode(ADDRESS, StandardCharsets.UTF_8))) {
                assertFalse(containsRun(url, secret), url);
            }
        }
    }

    @Test
    @DisplayName("LX-SEC-41 LX-SEC-45 the server's logs hold no sensitive value, though every request above sent them")
    void logsHoldNothing() throws IOException {
        Path logs = Path.of("target/liberty/wlp/usr/servers/itServer/logs");
        assertTrue(Files.isDirectory(logs), "the test server's logs are at " + logs.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(logs)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            for (String secret : List.of(nationalId, wrongCheckDigit, PHONE, ADDRESS)) {
                assertFalse(text.contains(secret), file + " holds " + secret);
            }
        }
    }

    /** Whether {@code text} has 6 or more consecutive characters of {@code secret}. */
    private static boolean containsRun(String text, String secret) {
        for (int i = 0; i + 6 <= secret.length(); i++) {
            if (text.contains(secret.substring(i, i + 6))) {
                return true;
            }
        }
        return false;
    }
}
