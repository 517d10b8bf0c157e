package org.lianxin.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;

/**
 * A three-level federation over real HTTP — a province node, a city node, a county node in the
 * test server and a second county node in another server process — checked against the ground
 * truth of the members the test itself wrote.
 */
class FederationIT {

    private static final String HOST = NodeClient.serverUrl();
    private static final String PROVINCE_NODE = HOST + "/nodes/fed-province";
    private static final String CITY_NODE = HOST + "/nodes/fed-city";
    private static final String COUNTY_NODE = HOST + "/nodes/fed-county";
    private static final String REMOTE_NODE = NodeClient.secondServerUrl() + "/nodes/remote";

    /** One member the test wrote, with what the statistics group by. */
    record Written(String iri, String node, String name, String stage, String gender, String ethnicity, String education,
                   LocalDate birth, String branchType, String underProvince) {}

    private static final List<Written> WRITTEN = new ArrayList<>();

    /** The province's administrator, acting for the province node's test organization, above the whole federation. */
    private static NodeClient.As admin() {
        return NodeClient.as(NodeClient.token(PROVINCE_NODE));
    }
    private static String province;
    private static String city;
    private static String countyBranch;

    @BeforeAll
    static void federation() {
        province = org(PROVINCE_NODE, "prov", "岭东省委", "ProvincialCommittee", NodeClient.top(PROVINCE_NODE));
        String provinceBranch = org(PROVINCE_NODE, "prov-organs", "省直机关党支部", "Branch", province);
        city = org(CITY_NODE, "city", "高丰市委", "MunicipalCommittee", province);
        String cityBranch = org(CITY_NODE, "city-joint", "市直联合党支部", "JointBranch", city);
        String county = org(COUNTY_NODE, "county", "城关区委", "CountyCommittee", city);
        String committee = org(COUNTY_NODE, "county-pc", "城关镇党委", "PrimaryCommittee", county);
        countyBranch = org(COUNTY_NODE, "county-branch", "城关镇机关党支部", "Branch", committee);
        String remoteCounty = org(REMOTE_NODE, "rcounty", "青山县委", "CountyCommittee", city);
        String remoteBranch = org(REMOTE_NODE, "rcounty-branch", "青山县第一中学党支部", "Branch", remoteCounty);

        member(PROVINCE_NODE, provinceBranch, "王建国", "FullMember", "Male", "汉族", "Postgraduate", 1968, "Branch", provinceBranch);
        member(PROVINCE_NODE, provinceBranch, "李娜", "ProbationaryMember", "Female", "回族", "Undergraduate", 1995, "Branch", provinceBranch);
        member(CITY_NODE, cityBranch, "王芳", "FullMember", "Female", "汉族", "Undergraduate", 1979, "JointBranch", city);
        member(CITY_NODE, cityBranch, "张伟", "Activist", "Male", "壮族", "JuniorCollege", 1999, "JointBranch", city);
        member(COUNTY_NODE, countyBranch, "王强", "FullMember", "Male", "汉族", "HighSchool", 1958, "Branch", city);
        member(COUNTY_NODE, countyBranch, "刘洋", "Applicant", "Female", "汉族", "Undergraduate", 2003, "Branch", city);
        member(COUNTY_NODE, countyBranch, "王秀英", "FullMember", "Female", "满族", "PrimarySchoolOrBelow", 1950, "Branch", city);
        member(REMOTE_NODE, remoteBranch, "陈静", "DevelopmentCandidate", "Female", "汉族", "Postgraduate", 1990, "Branch", city);
        member(REMOTE_NODE, remoteBranch, "王磊", "FullMember", "Male", "苗族", "Undergraduate", 1985, "Branch", city);

        register(PROVINCE_NODE, CITY_NODE);
        register(CITY_NODE, COUNTY_NODE);
        register(CITY_NODE, REMOTE_NODE);
    }

    @ParameterizedTest(name = "groupBy={0}")
    @DisplayName("LX-FED-26 LX-FED-28 LX-FED-39 LX-FED-40 the province's subtree statistic equals the ground truth for every grouping, from live children")
    @ValueSource(strings = {"none", "stage", "gender", "ethnicity", "education", "ageBand", "orgType", "childOrganization"})
    void subtreeStatisticsEqualTheGroundTruth(String groupBy) {
        JsonObject answer = statistic(PROVINCE_NODE, province, groupBy, "subtree");
        assertEquals(expected(groupBy, w -> true), groups(answer));
        assertEquals(WRITTEN.size(), answer.getInt("total"));
        JsonObject completeness = answer.getJsonObject("completeness");
        assertTrue(completeness.getBoolean("complete"));
        assertEquals(new HashSet<>(List.of(PROVINCE_NODE, CITY_NODE, COUNTY_NODE, REMOTE_NODE)), new HashSet<>(
                completeness.getJsonArray("nodes").stream().map(n -> n.asJsonObject().getString("node")).toList()));
    }

    @Test
    @DisplayName("LX-FED-40 LX-FED-41 scope=local counts this node's members only and asks no child")
    void localScopeAsksNoChild() {
        JsonObject answer = statistic(CITY_NODE, city, "stage", "local");
        assertEquals(expected("stage", w -> w.node().equals(CITY_NODE)), groups(answer));
        assertEquals(1, answer.getJsonObject("completeness").getJsonArray("nodes").size());
    }

    @Test
    @DisplayName("LX-FED-40 a statistic of a city counts its own subtree, across its two county nodes in two processes")
    void aMiddleLevelCountsItsSubtree() {
        JsonObject answer = statistic(CITY_NODE, city, "gender", "subtree");
        assertEquals(expected("gender", w -> !w.node().equals(PROVINCE_NODE)), groups(answer));
    }

    @Test
    @DisplayName("LX-FED-42 LX-FED-43 LX-FED-44 LX-FED-45 LX-FED-46 LX-SEC-37 subtree search returns every matching member exactly once across pages, as minimal records")
    void subtreeSearchReturnsEachMatchOnce() {
        List<String> seen = new ArrayList<>();
        String url = PROVINCE_NODE + "/search/members?organization=" + enc(province) + "&namePrefix=" + enc("王") + "&limit=2";
        int pages = 0;
        while (url != null && pages++ < 20) {
            HttpResponse<String> response = admin().get(url, "application/json");
            assertEquals(200, response.statusCode(), response.body());
            for (String secret : List.of("nationalId", "telephone", "address", "birthDate")) {
                assertFalse(response.body().contains(secret), "no " + secret + " in a federated answer");
            }
            JsonObject page = NodeClient.json(response);
            assertTrue(page.getJsonArray("items").size() <= 2);
            page.getJsonArray("items").stream().map(JsonValue::asJsonObject).forEach(i -> seen.add(i.getString("id")));
            url = page.containsKey("next") ? page.getString("next") : null;
        }
        List<String> expected = WRITTEN.stream().filter(w -> w.name().startsWith("王")).map(Written::iri).toList();
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no member twice: " + seen);
        assertEquals(new HashSet<>(expected), new HashSet<>(seen));
    }

    @Test
    @DisplayName("LX-FED-47 LX-FED-48 a county branch resolves its whole line of superiors up through the city and province nodes")
    void ancestorsAreResolvedUpwards() {
        String branchId = countyBranch.substring(countyBranch.lastIndexOf('/') + 1);
        HttpResponse<String> response = admin().get(COUNTY_NODE + "/organizations/" + branchId + "/ancestors", "application/json");
        assertEquals(200, response.statusCode(), response.body());
        List<String> names = NodeClient.json(response).getJsonArray("ancestors").stream()
                .map(a -> a.asJsonObject().getString("name")).toList();
        assertEquals(List.of("城关镇党委", "城关区委", "高丰市委", "岭东省委", "测试党委"), names);
    }

    @Test
    @DisplayName("LX-FED-10 LX-FED-11 LX-FED-16 node descriptions show the parent and the children; each child took its parent")
    void descriptionsShowParentAndChildren() {
        JsonObject cityDescription = NodeClient.json(admin().get(CITY_NODE + "/.well-known/lianxin", Fixtures.JSON_LD));
        assertEquals(PROVINCE_NODE, cityDescription.getString("parentNode"));
        assertEquals(new HashSet<>(List.of(COUNTY_NODE, REMOTE_NODE)), new HashSet<>(
                cityDescription.getJsonArray("childNodes").getValuesAs(jakarta.json.JsonString::getString)));
        JsonObject remote = NodeClient.json(admin().get(REMOTE_NODE + "/.well-known/lianxin", Fixtures.JSON_LD));
        assertEquals(CITY_NODE, remote.getString("parentNode"));
    }

    @Test
    @DisplayName("LX-FED-1 LX-FED-9 registration answers 201 with the child entry; the parent's state lists its children")
    void registrationAnswersAndState() {
        for (JsonObject entry : REGISTERED) {
            assertEquals("active", entry.getString("status"));
            assertTrue(entry.getBoolean("parentNotified"), entry.toString());
            assertFalse(entry.getJsonArray("roots").isEmpty());
        }
        HttpResponse<String> state = admin().get(CITY_NODE + "/federation", "application/json");
        assertEquals(200, state.statusCode());
        assertTrue(state.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonObject city = NodeClient.json(state);
        assertEquals(PROVINCE_NODE, city.getJsonObject("parent").getString("base"));
        assertEquals(new HashSet<>(List.of(COUNTY_NODE, REMOTE_NODE)), new HashSet<>(city.getJsonArray("children").stream()
                .map(c -> c.asJsonObject().getString("base")).toList()));
    }

    @Test
    @DisplayName("LX-FED-15 the federation file registers children at start-up, with the same handshake")
    void theFederationFileRegistersAtStartUp() throws InterruptedException {
        JsonObject state = null;
        for (int attempt = 0; attempt < 60; attempt++) { // the start-up registrations run in the background
            state = NodeClient.json(admin().get(REMOTE_NODE + "/federation", "application/json"));
            if (!state.getJsonArray("children").isEmpty()) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(List.of(REMOTE_NODE + "-child"), state.getJsonArray("children").stream()
                .map(c -> c.asJsonObject().getString("base")).toList());
        JsonObject child = NodeClient.json(admin().get(REMOTE_NODE + "-child/federation", "application/json"));
        assertEquals(REMOTE_NODE, child.getJsonObject("parent").getString("base"));
    }

    @Test
    @DisplayName("LX-FED-23 a query with no hops left asks no child and reports each as refused")
    void noHopsLeftAsksNoChild() {
        HttpResponse<String> response = admin().get(PROVINCE_NODE + "/statistics/members?organization=" + enc(province)
                + "&partial=true", "application/json", "Lianxin-Hops", "0");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject completeness = NodeClient.json(response).getJsonObject("completeness");
        assertFalse(completeness.getBoolean("complete"));
        assertTrue(completeness.getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                .anyMatch(n -> n.getString("node").equals(CITY_NODE) && n.getString("status").equals("refused")), completeness.toString());
    }

    @Test
    @DisplayName("LX-FED-18 LX-FED-19 bad headers or parameters are 400; an organization not held is 404")
    void badQueriesAre4xx() {
        String url = PROVINCE_NODE + "/statistics/members?organization=" + enc(province);
        assertEquals(400, admin().get(url, "application/json", "Lianxin-Deadline", "-5").statusCode());
        assertEquals(400, admin().get(url, "application/json", "Lianxin-Hops", "many").statusCode());
        assertEquals(400, admin().get(url + "&groupBy=shoeSize", "application/json").statusCode());
        assertEquals(400, admin().get(PROVINCE_NODE + "/search/members?organization=" + enc(province), "application/json").statusCode());
        assertEquals(404, admin().get(PROVINCE_NODE + "/statistics/members?organization=nowhere", "application/json").statusCode());
        assertEquals(404, admin().get(PROVINCE_NODE + "/statistics/members?organization=" + enc(city), "application/json").statusCode());
    }

    // ---- set-up and ground truth

    private static String org(String node, String id, String name, String type, String parent) {
        String iri = node + "/organizations/" + id;
        // As the secretary of the superior: a child node cannot yet ask its parent what lies above its root.
        HttpResponse<String> response = NodeClient.as(NodeClient.tokenFor(parent, "secretary"))
                .put(iri, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization(name, type, parent), iri));
        assertEquals(201, response.statusCode(), response.body());
        return iri;
    }

    private static void member(String node, String branch, String name, String stage, String gender, String ethnicity,
                               String education, int birthYear, String branchType, String underProvince) {
        LocalDate birth = LocalDate.of(birthYear, 3, 15);
        String body = Fixtures.member(name, branch)
                .replace("\"stage\": \"FullMember\"", "\"stage\": \"" + stage + "\"")
                .replace("\"gender\": \"Female\"", "\"gender\": \"" + gender + "\"")
                .replace("\"ethnicity\": \"汉族\"", "\"ethnicity\": \"" + ethnicity + "\", \"education\": \"" + education + "\"")
                .replace("\"birthDate\": \"1980-05-17\"", "\"birthDate\": \"" + birth + "\"")
                .replaceAll("\"nationalId\": \"[0-9X]+\"", "\"nationalId\": \"" + Fixtures.nationalId(birth, gender.equals("Male")) + "\"");
        body = datesFor(stage, birth, body);
        HttpResponse<String> response = NodeClient.as(NodeClient.tokenFor(branch, "secretary")).post(node + "/members", Fixtures.JSON_LD, body);
        assertEquals(201, response.statusCode(), response.body());
        WRITTEN.add(new Written(response.headers().firstValue("Location").orElseThrow(), node, name, stage, gender, ethnicity,
                education, birth, branchType, underProvince));
    }

    /** Development dates that fit the stage and the birth year (18+ at application). */
    private static String datesFor(String stage, LocalDate birth, String body) {
        int y = birth.getYear() + 19;
        String dates = "\"applicationDate\": \"" + y + "-03-01\"";
        List<String> stages = List.of("Applicant", "Activist", "DevelopmentCandidate", "ProbationaryMember", "FullMember");
        int level = stages.indexOf(stage);
        if (level >= 1) dates += ", \"activistDate\": \"" + y + "-09-01\"";
        if (level >= 2) dates += ", \"candidateDate\": \"" + (y + 1) + "-10-01\"";
        if (level >= 3) dates += ", \"admissionDate\": \"" + (stage.equals("ProbationaryMember") ? "2026-07-01" : (y + 2) + "-07-01") + "\"";
        if (level >= 4) dates += ", \"fullMembershipDate\": \"" + (y + 3) + "-07-01\"";
        return body.replaceAll("(?s)\"applicationDate\".*\"fullMembershipDate\": \"[0-9-]+\"", dates);
    }

    private static final List<JsonObject> REGISTERED = new ArrayList<>();

    private static void register(String parent, String child) {
        HttpResponse<String> response = admin().post(parent + "/federation/children", "application/json", "{\"base\": \"" + child + "\"}");
        assertEquals(201, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Location").isEmpty());
        REGISTERED.add(NodeClient.json(response));
    }

    private static Map<String, Long> expected(String groupBy, java.util.function.Predicate<Written> which) {
        Function<Written, String> key = switch (groupBy) {
            case "stage" -> Written::stage;
            case "gender" -> Written::gender;
            case "ethnicity" -> Written::ethnicity;
            case "education" -> Written::education;
            case "orgType" -> Written::branchType;
            case "childOrganization" -> Written::underProvince;
            case "ageBand" -> w -> band(Period.between(w.birth(), LocalDate.now()).getYears());
            default -> w -> "";
        };
        Map<String, Long> counts = new TreeMap<>();
        WRITTEN.stream().filter(which).forEach(w -> counts.merge(key.apply(w), 1L, Long::sum));
        return counts;
    }

    private static String band(int age) {
        return age <= 30 ? "0-30" : age <= 40 ? "31-40" : age <= 50 ? "41-50" : age <= 60 ? "51-60" : age <= 70 ? "61-70" : "71+";
    }

    private static JsonObject statistic(String node, String organization, String groupBy, String scope) {
        HttpResponse<String> response = admin().get(node + "/statistics/members?organization=" + enc(organization)
                + "&groupBy=" + groupBy + "&scope=" + scope, "application/json");
        assertEquals(200, response.statusCode(), response.body());
        return NodeClient.json(response);
    }

    private static Map<String, Long> groups(JsonObject answer) {
        Map<String, Long> groups = new TreeMap<>();
        answer.getJsonArray("groups").stream().map(JsonValue::asJsonObject)
                .forEach(g -> groups.put(g.getString("key"), g.getJsonNumber("count").longValue()));
        return groups;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
