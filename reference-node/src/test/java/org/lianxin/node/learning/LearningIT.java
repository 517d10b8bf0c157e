package org.lianxin.node.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;

/**
 * Learning (spec chapter 16) across three levels on three nodes over HTTP — a province node, a city
 * node registered under it, a county node registered under the city — and a fourth node a member
 * is transferred to. The figures are checked against a ground truth the test computes itself from
 * the members and study records the nodes list.
 */
class LearningIT {

    static final String PROVINCE_NODE = NodeClient.serverUrl() + "/nodes/learning-province";
    static final String CITY_NODE = NodeClient.serverUrl() + "/nodes/learning-city";
    static final String COUNTY_NODE = NodeClient.serverUrl() + "/nodes/learning-county";
    static final String ELSEWHERE = NodeClient.serverUrl() + "/nodes/learning-elsewhere";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final AtomicInteger BIRTHS = new AtomicInteger();

    static String province;
    static String city;
    static String cityBranch;
    static String county;
    static String village;
    static String school;

    @BeforeAll
    static void federation() {
        province = Trees.organizationOn(PROVINCE_NODE, "岭东省委", "ProvincialCommittee", NodeClient.top(PROVINCE_NODE));
        city = Trees.organizationOn(CITY_NODE, "青州市委", "MunicipalCommittee", province);
        cityBranch = Trees.organizationOn(CITY_NODE, "青州市直机关党支部", "Branch", city);
        county = Trees.organizationOn(COUNTY_NODE, "青山县委", "CountyCommittee", city);
        village = Trees.organizationOn(COUNTY_NODE, "东村党支部", "Branch", county);
        school = Trees.organizationOn(COUNTY_NODE, "青山县第一中学党支部", "Branch", county);
        register(PROVINCE_NODE, CITY_NODE);
        register(CITY_NODE, COUNTY_NODE);
    }

    static void register(String parent, String child) {
        HttpResponse<String> registered = NodeClient.as(NodeClient.tokenFor(null, "node-operator")).post(parent + "/federation/children",
                "application/json", "{\"base\": \"" + child + "\"}");
        assertEquals(201, registered.statusCode(), registered.body());
    }

    static NodeClient.As secretary(String organization) {
        return NodeClient.as(NodeClient.tokenFor(organization, "secretary", "organization-admin"));
    }

    static String nodeOf(String iri) {
        return iri.substring(0, iri.indexOf("/", iri.indexOf("/nodes/") + 7));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A member of {@code branch} at {@code stage} (FullMember or Activist), each with an ID number of their own; the IRI. */
    static String member(String branch, String name, String stage) {
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(BIRTHS.incrementAndGet() * 37L);
        String dates = stage.equals("Activist") ? "\"applicationDate\": \"2023-03-01\", \"activistDate\": \"2023-09-01\""
                : "\"applicationDate\": \"2005-03-01\", \"activistDate\": \"2005-09-01\", \"candidateDate\": \"2006-10-01\","
                        + " \"admissionDate\": \"2007-07-01\", \"fullMembershipDate\": \"2008-07-01\"";
        HttpResponse<String> created = secretary(branch).post(nodeOf(branch) + "/members", Fixtures.JSON_LD, """
                {"@context": "%s", "type": "Member", "name": "%s", "gender": "Female", "ethnicity": "汉族", "birthDate": "%s",
                 "nationalId": "%s", "stage": "%s", "branch": "%s", %s}"""
                .formatted(Fixtures.CONTEXT, name, birth, Fixtures.nationalId(birth, false), stage, branch, dates));
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    /** A course of {@code publisher}, for all members of its subtree, due on {@code due}; as stored. */
    static JsonObject publish(String publisher, String name, LocalDate due) {
        HttpResponse<String> created = secretary(publisher).post(nodeOf(publisher) + "/courses", Fixtures.JSON_LD, """
                {"@context": "%s", "type": "Course", "publishedBy": "%s", "name": "%s", "description": "在线学习，完成后参加测验。",
                 "materials": ["https://example.org/learning/video"], "expectedMinutes": 90, "dueDate": "%s"}"""
                .formatted(Fixtures.CONTEXT, publisher, name, due));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(NodeClient.json(created).getString("id"), created.headers().firstValue("Location").orElseThrow());
        return NodeClient.json(created);
    }

    /** The member records a study of {@code course}, themself; the record's IRI. */
    static String study(String member, String course, int minutes, boolean completed) {
        HttpResponse<String> created = NodeClient.as(NodeClient.memberToken(member)).post(nodeOf(member) + "/study-records", Fixtures.JSON_LD, """
                {"@context": "%s", "type": "StudyRecord", "learner": "%s", "course": "%s", "minutesStudied": %d%s}"""
                .formatted(Fixtures.CONTEXT, member, course, minutes,
                        completed ? ", \"completedAt\": \"" + OffsetDateTime.now(CHINA).minusMinutes(5) + "\", \"quizScore\": 88" : ""));
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    static JsonObject courses(String member) {
        HttpResponse<String> answer = NodeClient.as(NodeClient.memberToken(member))
                .get(nodeOf(member) + "/members/" + member.substring(member.lastIndexOf('/') + 1) + "/courses", "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
        return NodeClient.json(answer);
    }

    static Optional<JsonObject> entry(JsonObject list, String course) {
        return list.getJsonArray("courses").stream().map(JsonValue::asJsonObject).filter(c -> c.getString("id").equals(course)).findFirst();
    }

    @Test
    @DisplayName("LX-LEARN-2 LX-LEARN-8 LX-LEARN-9 LX-LEARN-14 a course published on the province node reaches a branch member on the county node, two nodes down, with her study status; LX-LEARN-10 LX-LEARN-12 she records her study once")
    void reachesAMemberTwoNodesDown() {
        String member = member(village, "王芳", "FullMember");
        String activist = member(village, "李想", "Activist");
        JsonObject course = publish(province, "学习贯彻党的二十届四中全会精神", LocalDate.now(CHINA).plusDays(30));
        assertEquals("Published", course.getString("courseState"));
        assertEquals(List.of(province), course.getJsonArray("targets").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());

        JsonObject list = courses(member);
        JsonObject entry = entry(list, course.getString("id")).orElseThrow(() -> new AssertionError("not in the course list: " + list));
        assertEquals("岭东省委", entry.getString("publisherName"));
        assertEquals(PROVINCE_NODE, entry.getString("node"));
        assertEquals("学习贯彻党的二十届四中全会精神", entry.getString("name"), "Chinese byte for byte");
        assertEquals("NotStarted", entry.getString("studyStatus"));
        assertTrue(list.getJsonObject("completeness").getBoolean("complete"), list.toString());
        assertEquals(3, list.getJsonObject("completeness").getJsonArray("nodes").size(), "the county, the city and the province answered");
        assertTrue(entry(courses(activist), course.getString("id")).isEmpty(), "LX-LEARN-8: an activist is not in the audience AllMembers");

        String record = study(member, course.getString("id"), 40, false);
        assertEquals("Started", entry(courses(member), course.getString("id")).orElseThrow().getString("studyStatus"));
        HttpResponse<String> again = NodeClient.as(NodeClient.memberToken(member)).post(COUNTY_NODE + "/study-records", Fixtures.JSON_LD, """
                {"@context": "%s", "type": "StudyRecord", "learner": "%s", "course": "%s", "minutesStudied": 50}"""
                .formatted(Fixtures.CONTEXT, member, course.getString("id")));
        assertEquals(409, again.statusCode(), "LX-LEARN-12: one record per member and course: " + again.body());
        assertEquals(record, again.headers().firstValue("Location").orElse(""));
        HttpResponse<String> notHers = NodeClient.as(NodeClient.memberToken(member)).post(COUNTY_NODE + "/study-records", Fixtures.JSON_LD, """
                {"@context": "%s", "type": "StudyRecord", "learner": "%s", "course": "%s", "minutesStudied": 50}"""
                .formatted(Fixtures.CONTEXT, activist, course.getString("id")));
        assertEquals(422, notHers.statusCode(), "LX-LEARN-11: a member records her own study only: " + notHers.body());
        assertTrue(notHers.body().contains("study-learner"), notHers.body());
    }

    @Test
    @DisplayName("LX-LEARN-16 LX-LEARN-20 the province's completion statistic of a course equals the ground truth the test computes from every node's members and study records, numbers only")
    void provinceStatisticIsTheGroundTruth() {
        JsonObject course = publish(province, "学习党章", LocalDate.now(CHINA).plusDays(10));
        String id = course.getString("id");
        String a = member(village, "张明", "FullMember");
        String b = member(school, "赵丽", "FullMember");
        member(school, "孙强", "FullMember");
        member(school, "周敏", "Activist");
        String c = member(cityBranch, "吴刚", "FullMember");
        study(a, id, 95, true);
        study(b, id, 30, false);
        study(c, id, 90, true);

        // The ground truth: every live member under the province, on every node, and their study records of the course.
        long members = 0;
        long assigned = 0;
        long completed = 0;
        long started = 0;
        for (String node : List.of(PROVINCE_NODE, CITY_NODE, COUNTY_NODE)) {
            NodeClient.As admin = NodeClient.as(NodeClient.tokenFor(province, "secretary", "organization-admin"));
            for (JsonObject m : items(admin, node + "/members?limit=500")) {
                members++;
                if (!List.of("FullMember", "ProbationaryMember").contains(m.getString("stage"))) {
                    continue;
                }
                assigned++;
                List<JsonObject> records = items(admin, node + "/study-records?learner=" + enc(m.getString("id")) + "&course=" + enc(id));
                completed += records.stream().filter(r -> r.containsKey("completedAt")).count();
                started += records.stream().filter(r -> !r.containsKey("completedAt")).count();
            }
        }
        HttpResponse<String> answer = secretary(province).get(PROVINCE_NODE + "/statistics/learning?organization=" + enc(province)
                + "&course=" + enc(id), "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject statistic = NodeClient.json(answer);
        assertTrue(statistic.getJsonObject("completeness").getBoolean("complete"), statistic.toString());
        assertEquals(members, statistic.getJsonNumber("members").longValue(), statistic.toString());
        assertEquals(assigned, statistic.getJsonNumber("assigned").longValue(), statistic.toString());
        assertEquals(completed, statistic.getJsonNumber("completed").longValue(), statistic.toString());
        assertEquals(started, statistic.getJsonNumber("started").longValue(), statistic.toString());
        assertEquals(assigned - completed - started, statistic.getJsonNumber("notStarted").longValue());
        assertEquals(0, statistic.getJsonNumber("overdue").longValue(), "due in ten days");
        assertTrue(completed >= 2 && started >= 1, "the test's own records are counted: " + statistic);
        assertFalse(answer.body().contains("/members/") || answer.body().contains("张明"), "LX-LEARN-20: numbers only: " + answer.body());
    }

    private static List<JsonObject> items(NodeClient.As as, String url) {
        HttpResponse<String> page = as.get(url, Fixtures.JSON_LD);
        assertEquals(200, page.statusCode(), page.body());
        List<JsonObject> items = new ArrayList<>();
        NodeClient.json(page).getJsonArray("items").forEach(v -> items.add(v.asJsonObject()));
        assertFalse(NodeClient.json(page).containsKey("next"), "one page holds them all");
        return items;
    }

    @Test
    @DisplayName("LX-LEARN-17 LX-LEARN-18 after a transfer the member's study history is at the new node, with the new member as learner")
    void historyMovesWithTheMember() {
        JsonObject course = publish(province, "学习新修订的《中国共产党纪律处分条例》", LocalDate.now(CHINA).plusDays(20));
        String member = member(school, "欧阳修远", "FullMember");
        study(member, course.getString("id"), 120, true);
        HttpResponse<String> before = NodeClient.as(NodeClient.memberToken(member)).get(COUNTY_NODE + "/study-records?learner=" + enc(member), Fixtures.JSON_LD);
        JsonObject studied = NodeClient.json(before).getJsonArray("items").getJsonObject(0);

        String to = Trees.organizationOn(ELSEWHERE, "白河县人民医院党支部", "Branch", NodeClient.top(ELSEWHERE));
        NodeClient.As countySecretary = secretary(county);
        HttpResponse<String> requested = countySecretary.post(COUNTY_NODE + "/transfers", Fixtures.JSON_LD, """
                {"@context": "%s", "type": "Transfer", "transferredMember": "%s", "toOrganization": "%s", "reason": "工作调动"}"""
                .formatted(Fixtures.CONTEXT, member, to));
        assertEquals(201, requested.statusCode(), requested.body());
        String transfer = requested.headers().firstValue("Location").orElseThrow();
        assertEquals(200, countySecretary.post(transfer + "/approve", "application/json", "").statusCode());
        String incoming = await("the offer at the receiving node", () -> NodeClient.json(NodeClient.get(ELSEWHERE + "/transfers?member=" + enc(member),
                Fixtures.JSON_LD)).getJsonArray("items").stream().map(v -> v.asJsonObject().getString("id")).findFirst());
        HttpResponse<String> accepted = NodeClient.post(incoming + "/accept", "application/json", "");
        assertEquals(200, accepted.statusCode(), accepted.body());
        String newMember = NodeClient.json(accepted).getString("newMember");
        await("the transfer Completed", () -> Optional.of(NodeClient.json(NodeClient.get(incoming, Fixtures.JSON_LD)))
                .filter(t -> t.getString("transferState").equals("Completed")));

        HttpResponse<String> moved = NodeClient.as(NodeClient.memberToken(newMember)).get(ELSEWHERE + "/study-records?learner=" + enc(newMember),
                Fixtures.JSON_LD);
        assertEquals(200, moved.statusCode(), moved.body());
        List<JsonObject> records = NodeClient.json(moved).getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(1, records.size(), "LX-LEARN-18: the study record moved: " + moved.body());
        JsonObject history = records.get(0);
        assertTrue(history.getString("id").startsWith(ELSEWHERE + "/study-records/"), history.toString());
        assertEquals(newMember, history.getString("learner"), "LX-LEARN-18: the new member is the learner");
        assertEquals(course.getString("id"), history.getString("course"), "the province's course, as it was");
        for (String key : List.of("minutesStudied", "quizScore")) {
            assertEquals(studied.get(key), history.get(key), key);
        }
        assertEquals(OffsetDateTime.parse(studied.getString("completedAt")).toInstant(), OffsetDateTime.parse(history.getString("completedAt")).toInstant());
    }

    @Test
    @DisplayName("LX-LEARN-1 the node description lists the Learning endpoints; LX-LEARN-3 LX-LEARN-4 LX-LEARN-5 refusals store nothing; LX-LEARN-6 the list by publisher; LX-LEARN-7 withdrawn, the course leaves the course list; LX-LEARN-13 LX-LEARN-19 hidden outside the subtree")
    void publishingRules() {
        JsonObject description = NodeClient.json(NodeClient.get(COUNTY_NODE + "/.well-known/lianxin", "application/json"));
        assertTrue(description.getJsonArray("conformanceClasses").contains(jakarta.json.Json.createValue("Learning")));
        List<String> rels = description.getJsonArray("endpoints").stream().map(e -> e.asJsonObject().getString("rel") + " " + e.asJsonObject().getString("href")).toList();
        assertTrue(rels.containsAll(List.of("courses " + COUNTY_NODE + "/courses", "course-inbound " + COUNTY_NODE + "/courses/inbound",
                "study-records " + COUNTY_NODE + "/study-records", "learning-statistics " + COUNTY_NODE + "/statistics/learning")), rels.toString());

        LocalDate due = LocalDate.now(CHINA).plusDays(5);
        String body = """
                {"@context": "%s", "type": "Course", "publishedBy": "%s", "name": "越级发布", "expectedMinutes": 30, "dueDate": "%s"}"""
                .formatted(Fixtures.CONTEXT, county, due);
        assertEquals(403, secretary(village).post(COUNTY_NODE + "/courses", Fixtures.JSON_LD, body).statusCode(), "LX-LEARN-3: a branch for its county");
        assertEquals(403, NodeClient.as(NodeClient.memberToken(COUNTY_NODE + "/members/x")).post(COUNTY_NODE + "/courses", Fixtures.JSON_LD, body)
                .statusCode(), "LX-LEARN-3: a member");
        HttpResponse<String> target = secretary(county).post(COUNTY_NODE + "/courses", Fixtures.JSON_LD,
                body.replace("\"dueDate\"", "\"targets\": [\"" + city + "\"], \"dueDate\""));
        assertEquals(422, target.statusCode(), target.body());
        assertTrue(target.body().contains("course-target"), "LX-LEARN-4: a target above the publisher, on another node: " + target.body());
        HttpResponse<String> late = secretary(county).post(COUNTY_NODE + "/courses", Fixtures.JSON_LD, body.replace(due.toString(), due.minusDays(10).toString()));
        assertTrue(late.statusCode() == 422 && late.body().contains("course-due-date"), "LX-LEARN-5: " + late.body());
        String list = COUNTY_NODE + "/courses?publishedBy=" + enc(county);
        assertEquals(0, NodeClient.json(secretary(county).get(list, Fixtures.JSON_LD)).getJsonArray("items").size(), "LX-LEARN-6: nothing stored");

        JsonObject course = publish(county, "学习县委全会精神", due);
        List<String> ids = NodeClient.json(secretary(county).get(list, Fixtures.JSON_LD)).getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
        assertEquals(List.of(course.getString("id")), ids, "LX-LEARN-6");
        assertEquals(404, secretary(village).get(course.getString("id"), Fixtures.JSON_LD).statusCode(), "LX-LEARN-19: not the branch's to read");
        String member = member(village, "钱丽", "FullMember");
        String record = study(member, course.getString("id"), 10, false);
        assertEquals(404, secretary(school).get(record, Fixtures.JSON_LD).statusCode(), "LX-LEARN-13: another branch does not see it");
        assertEquals(200, secretary(village).get(record, Fixtures.JSON_LD).statusCode(), "LX-LEARN-13: her branch does");
        assertEquals(200, secretary(county).post(course.getString("id") + "/withdraw", "application/json", "").statusCode());
        assertEquals(409, secretary(county).post(course.getString("id") + "/withdraw", "application/json", "").statusCode(), "LX-LEARN-7");
        assertTrue(entry(courses(member), course.getString("id")).isEmpty(), "LX-LEARN-7: a withdrawn course leaves the course list");
    }

    @Test
    @DisplayName("LX-LEARN-15 when the parent node cannot be asked the course list gives the local courses and says what is missing")
    void parentUnreachable() {
        String orphanNode = NodeClient.serverUrl() + "/nodes/learning-orphan";
        String orphanCounty = Trees.organizationOn(orphanNode, "孤县委", "CountyCommittee", city);
        String orphanBranch = Trees.organizationOn(orphanNode, "孤村党支部", "Branch", orphanCounty);
        register(CITY_NODE, orphanNode);
        String member = member(orphanBranch, "孙倩", "FullMember");
        JsonObject local = publish(orphanCounty, "本县课程", LocalDate.now(CHINA).plusDays(9));
        JsonObject above = publish(province, "全省课程", LocalDate.now(CHINA).plusDays(9));
        assertTrue(entry(courses(member), above.getString("id")).isPresent(), "reached from above while the city answers");
        HttpResponse<String> minted = NodeClient.post(NodeClient.serverUrl() + "/demo/tokens", "application/json",
                "{\"sub\": \"operator\", \"groups\": [\"node-operator\"], \"audience\": [\"" + CITY_NODE + "\"]}");
        String cityOnly = NodeClient.json(minted).getString("token");
        HttpResponse<String> removed = NodeClient.as(cityOnly).delete(CITY_NODE + "/federation/children?base=" + enc(orphanNode));
        assertTrue(removed.statusCode() == 204 || removed.statusCode() == 200, removed.body());
        JsonObject list = courses(member);
        assertTrue(entry(list, local.getString("id")).isPresent(), list.toString());
        assertTrue(entry(list, above.getString("id")).isEmpty(), list.toString());
        assertFalse(list.getJsonObject("completeness").getBoolean("complete"), list.toString());
    }

    static <T> T await(String what, java.util.function.Supplier<Optional<T>> probe) {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("waited 20 s for " + what);
    }
}
