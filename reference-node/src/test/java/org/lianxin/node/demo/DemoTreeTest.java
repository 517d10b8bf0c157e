package org.lianxin.node.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lianxin.spec.NationalIdNumber;
import org.lianxin.spec.SpecResources;

/** The demo generator: deterministic, the right counts, a sound tree, and records the node accepts. */
class DemoTreeTest {

    private static final String BASE = "http://localhost:9080/nodes/demo";
    private static final DemoTree.Spec SPEC = DemoTree.Spec.sized(BASE, 3000);
    private static final LocalDate TODAY = SPEC.referenceDate();
    private static final Set<Node> BRANCH_TYPES = Set.of(Terms.BRANCH, Terms.JOINT_BRANCH);

    /** Every record of SPEC in the order generated. */
    private static final Map<Node, Graph> RECORDS = new LinkedHashMap<>();
    private static final List<Node> ORGANIZATIONS = new ArrayList<>();
    private static final List<Node> MEMBERS = new ArrayList<>();

    @BeforeAll
    static void generate() {
        DemoTree.generate(SPEC, (iri, record) -> {
            RECORDS.put(iri, record);
            (record.contains(iri, Terms.TYPE, Terms.MEMBER) ? MEMBERS : ORGANIZATIONS).add(iri);
        });
    }

    @Test
    void sameSpecGivesByteIdenticalNQuads() {
        DemoTree.Spec spec = DemoTree.Spec.sized(BASE, 400);
        assertEquals(nquads(DemoTree.generate(spec)), nquads(DemoTree.generate(spec)));
        List<Node> order1 = new ArrayList<>();
        List<Node> order2 = new ArrayList<>();
        DemoTree.generate(spec, (iri, g) -> order1.add(iri));
        DemoTree.generate(spec, (iri, g) -> order2.add(iri));
        assertEquals(order1, order2);
    }

    @Test
    void differentSeedGivesDifferentData() {
        DemoTree.Spec spec = DemoTree.Spec.sized(BASE, 400);
        assertNotEquals(nquads(DemoTree.generate(spec)), nquads(DemoTree.generate(spec.withSeed(7))));
    }

    @Test
    void exactCountsAndIris() {
        assertEquals(SPEC.members(), MEMBERS.size());
        for (int i = 0; i < MEMBERS.size(); i++) {
            assertEquals(BASE + "/members/" + DemoTree.memberId(i + 1), MEMBERS.get(i).getURI());
        }
        Pattern id = Pattern.compile("[A-Za-z0-9_-]{1,64}");
        for (Node org : ORGANIZATIONS) {
            String uri = org.getURI();
            assertTrue(uri.startsWith(BASE + "/organizations/"), uri);
            assertTrue(id.matcher(uri.substring((BASE + "/organizations/").length())).matches(), uri);
        }
        assertEquals(SPEC.branchCount(), ORGANIZATIONS.stream().filter(o -> BRANCH_TYPES.contains(orgType(o))).count());
    }

    @Test
    void everyRecordIsOneGraphAboutItsResource() {
        Set<Node> blankNodes = new HashSet<>();
        RECORDS.forEach((iri, record) -> {
            assertTrue(record.contains(iri, Terms.TYPE, Node.ANY), iri.getURI());
            assertFalse(record.contains(Node.ANY, Terms.iri("http://purl.org/dc/terms/created"), Node.ANY), "the node adds created");
            Set<Node> own = new HashSet<>();
            record.find().forEachRemaining(t -> {
                assertTrue(t.getSubject().equals(iri) || t.getSubject().isBlank(), "subject of " + t);
                if (t.getSubject().isBlank()) {
                    own.add(t.getSubject());
                }
            });
            own.forEach(b -> assertTrue(blankNodes.add(b), "blank node shared between records: " + b));
        });
    }

    @Test
    void organizationsFormOneTreeWithOneRoot() {
        List<Node> levels = List.of(Terms.PROVINCIAL_COMMITTEE, Terms.MUNICIPAL_COMMITTEE, Terms.COUNTY_COMMITTEE,
                Terms.PRIMARY_COMMITTEE, Terms.GENERAL_BRANCH, Terms.BRANCH);
        List<Node> roots = new ArrayList<>();
        for (Node org : ORGANIZATIONS) {
            Graph g = RECORDS.get(org);
            assertTrue(g.contains(org, Terms.TYPE, Terms.ORGANIZATION));
            assertTrue(g.contains(org, Terms.TYPE, Terms.PARTY_ORGANIZATION));
            List<Node> parents = g.find(org, Terms.SUB_ORGANIZATION_OF, Node.ANY).mapWith(Triple::getObject).toList();
            assertTrue(parents.size() <= 1);
            if (parents.isEmpty()) {
                roots.add(org);
                continue;
            }
            Node parent = parents.get(0);
            assertTrue(ORGANIZATIONS.indexOf(parent) >= 0 && ORGANIZATIONS.indexOf(parent) < ORGANIZATIONS.indexOf(org),
                    "parent exists and comes first: " + org);
            int childLevel = levels.indexOf(orgType(org).equals(Terms.JOINT_BRANCH) ? Terms.BRANCH : orgType(org));
            assertTrue(childLevel > levels.indexOf(orgType(parent)), "child below parent: " + org);
        }
        assertEquals(List.of(Terms.iri(BASE + "/organizations/province")), roots);
        for (Node org : ORGANIZATIONS) { // no cycles: every path up ends at the root
            Node at = org;
            for (int steps = 0; !at.equals(roots.get(0)); steps++) {
                assertTrue(steps < levels.size(), "cycle above " + org);
                at = RECORDS.get(at).find(at, Terms.SUB_ORGANIZATION_OF, Node.ANY).next().getObject();
            }
        }
    }

    @Test
    void treeHasEveryLevelAGeneralBranchAndOneJointBranch() {
        Map<Node, Integer> byType = new HashMap<>();
        ORGANIZATIONS.forEach(o -> byType.merge(orgType(o), 1, Integer::sum));
        assertEquals(1, byType.get(Terms.PROVINCIAL_COMMITTEE));
        assertEquals(SPEC.cities(), byType.get(Terms.MUNICIPAL_COMMITTEE));
        assertEquals(SPEC.cities() * SPEC.countiesPerCity(), byType.get(Terms.COUNTY_COMMITTEE));
        assertEquals(SPEC.cities() * SPEC.countiesPerCity() * SPEC.committeesPerCounty(), byType.get(Terms.PRIMARY_COMMITTEE));
        assertEquals(1, byType.get(Terms.JOINT_BRANCH));
        assertTrue(byType.getOrDefault(Terms.GENERAL_BRANCH, 0) >= 1);
        for (Node general : ORGANIZATIONS.stream().filter(o -> orgType(o).equals(Terms.GENERAL_BRANCH)).toList()) {
            assertTrue(ORGANIZATIONS.stream().anyMatch(o -> RECORDS.get(o).contains(o, Terms.SUB_ORGANIZATION_OF, general)
                    && orgType(o).equals(Terms.BRANCH)), "general branch has branches: " + general);
        }
    }

    @Test
    void everyMemberIsInAnExistingBranchOfAtMostFiftyWithThreeFullMembers() {
        Map<Node, Integer> size = new HashMap<>();
        Map<Node, Integer> full = new HashMap<>();
        for (Node m : MEMBERS) {
            Node branch = value(m, Terms.BRANCH_OF_MEMBER);
            assertTrue(RECORDS.containsKey(branch) && BRANCH_TYPES.contains(orgType(branch)), "branch of " + m);
            size.merge(branch, 1, Integer::sum);
            if (Terms.lx("FullMember").equals(value(m, Terms.STAGE))) {
                full.merge(branch, 1, Integer::sum);
            }
        }
        size.forEach((branch, n) -> {
            assertTrue(n <= DemoTree.Spec.MAX_BRANCH_SIZE, "支部工作条例: at most 50 members, " + branch + " has " + n);
            assertTrue(full.getOrDefault(branch, 0) >= Math.min(3, n), "3 full members in " + branch);
        });
    }

    @Test
    void nationalIdsAreValidUniqueAndAgreeWithTheRecord() {
        Set<String> seen = new HashSet<>();
        for (Node m : MEMBERS) {
            String text = value(m, Terms.NATIONAL_ID).getLiteralLexicalForm();
            NationalIdNumber id = NationalIdNumber.parse(text);
            assertTrue(seen.add(text), "unique ID number");
            assertEquals(date(m, Terms.BIRTH_DATE), id.birthDate());
            assertEquals(value(m, Terms.GENDER).equals(Terms.MALE), id.male());
        }
    }

    @Test
    void everyoneIsEighteenOnApplication() {
        for (Node m : MEMBERS) {
            LocalDate birth = date(m, Terms.BIRTH_DATE);
            LocalDate application = date(m, Terms.APPLICATION_DATE);
            assertTrue(Period.between(birth, application).getYears() >= 18, "18 by the calendar: " + m);
            // The shapes' rule: same month and day 18 years on, compared as strings.
            String eighteenth = (birth.getYear() + 18) + birth.toString().substring(4);
            assertTrue(application.toString().compareTo(eighteenth) >= 0, "18 by the shapes: " + m);
        }
    }

    @Test
    void stageDatesArePresentInOrderAndBeforeTheReferenceDate() {
        List<Node> dates = List.of(Terms.APPLICATION_DATE, Terms.ACTIVIST_DATE, Terms.CANDIDATE_DATE,
                Terms.ADMISSION_DATE, Terms.FULL_MEMBERSHIP_DATE);
        List<String> stages = List.of("Applicant", "Activist", "DevelopmentCandidate", "ProbationaryMember", "FullMember");
        for (Node m : MEMBERS) {
            int stage = stages.indexOf(value(m, Terms.STAGE).getURI().substring(Terms.lx("").getURI().length()));
            LocalDate previous = date(m, Terms.BIRTH_DATE);
            for (int i = 0; i < dates.size(); i++) {
                if (i > stage) {
                    assertNull(value(m, dates.get(i)), "no later date for the stage: " + m);
                    continue;
                }
                LocalDate d = date(m, dates.get(i));
                assertTrue(previous.isBefore(d), "dates in order: " + m);
                previous = d;
            }
            assertTrue(previous.isBefore(TODAY), "in the past: " + m);
            if (stage == 4) { // 党章 第七条: probation is one year, extended by at most one more
                LocalDate admission = date(m, Terms.ADMISSION_DATE);
                assertTrue(List.of(admission.plusMonths(12), admission.plusMonths(18), admission.plusMonths(24))
                        .contains(date(m, Terms.FULL_MEMBERSHIP_DATE)), "probation of " + m);
            }
        }
    }

    @Test
    void mixOfStagesStatusesEthnicGroupsAndGendersIsRealistic() {
        Map<Node, Integer> stages = new HashMap<>();
        Map<Node, Integer> statuses = new HashMap<>();
        int han = 0;
        int women = 0;
        for (Node m : MEMBERS) {
            stages.merge(value(m, Terms.STAGE), 1, Integer::sum);
            Node status = value(m, Terms.MEMBER_STATUS);
            if (status != null) {
                statuses.merge(status, 1, Integer::sum);
            }
            String ethnicity = value(m, Terms.ETHNICITY).getLiteralLexicalForm();
            assertTrue(PersonNames.ETHNIC_GROUPS.contains(ethnicity), ethnicity);
            han += ethnicity.equals("汉族") ? 1 : 0;
            women += value(m, Terms.GENDER).equals(Terms.FEMALE) ? 1 : 0;
        }
        assertEquals(56, PersonNames.ETHNIC_GROUPS.size());
        assertEquals(5, stages.size(), "every stage occurs");
        assertTrue(stages.get(Terms.lx("FullMember")) > MEMBERS.size() * 0.7, "mostly full members");
        assertTrue(statuses.get(Terms.NORMAL) > MEMBERS.size() * 0.8, "mostly normal");
        assertTrue(statuses.containsKey(Terms.MOBILE_MEMBER) && statuses.containsKey(Terms.OUT_OF_CONTACT));
        assertTrue(han > MEMBERS.size() * 0.85 && han < MEMBERS.size() * 0.98, "Han share " + han);
        assertTrue(women > MEMBERS.size() * 0.2 && women < MEMBERS.size() * 0.5, "women " + women);
    }

    @Test
    void branchCommitteesFollowTheBranchRules() {
        Map<Node, List<Node>> currentPosts = new HashMap<>();
        for (Node m : MEMBERS) {
            Graph g = RECORDS.get(m);
            for (Node membership : g.find(Node.ANY, Terms.ORG_MEMBER, m).mapWith(Triple::getSubject).toList()) {
                assertTrue(membership.isBlank());
                assertTrue(g.contains(membership, Terms.TYPE, Terms.MEMBERSHIP));
                assertEquals(value(m, Terms.BRANCH_OF_MEMBER), g.find(membership, Terms.ORG_ORGANIZATION, Node.ANY).next().getObject());
                Node role = g.find(membership, Terms.ROLE, Node.ANY).next().getObject();
                Node interval = g.find(membership, Terms.MEMBER_DURING, Node.ANY).next().getObject();
                assertTrue(g.contains(interval, Terms.TYPE, Terms.INTERVAL));
                LocalDate start = LocalDate.parse(g.find(interval, Terms.START_DATE, Node.ANY).next().getObject().getLiteralLexicalForm());
                assertEquals(Terms.lx("FullMember"), value(m, Terms.STAGE), "only full members hold posts");
                assertFalse(start.isBefore(date(m, Terms.FULL_MEMBERSHIP_DATE)), "post after full membership: " + m);
                assertTrue(start.isBefore(TODAY));
                var end = g.find(interval, Terms.END_DATE, Node.ANY);
                if (end.hasNext()) {
                    assertFalse(LocalDate.parse(end.next().getObject().getLiteralLexicalForm()).isBefore(start));
                } else {
                    currentPosts.computeIfAbsent(value(m, Terms.BRANCH_OF_MEMBER), b -> new ArrayList<>()).add(role);
                }
            }
        }
        for (Node branch : ORGANIZATIONS.stream().filter(o -> BRANCH_TYPES.contains(orgType(o))).toList()) {
            List<Node> posts = currentPosts.getOrDefault(branch, List.of());
            assertEquals(1, posts.stream().filter(Terms.SECRETARY::equals).count(), "one secretary in " + branch);
            assertTrue(posts.size() == 1 || posts.size() == 3 || posts.size() == 5, "committee of 3 to 5 in " + branch);
        }
    }

    @Test
    void fieldsStayWithinTheirPatternsAndLengths() {
        Pattern phone = Pattern.compile("^1[3-9][0-9]{9}$");
        Pattern unitCode = Pattern.compile("^[0-9A-Z]{1,32}$");
        for (Node m : MEMBERS) {
            assertTrue(value(m, Terms.NAME).getLiteralLexicalForm().length() <= 50);
            Node tel = value(m, Terms.TELEPHONE);
            assertTrue(tel == null || phone.matcher(tel.getLiteralLexicalForm()).matches());
            Node address = value(m, Terms.ADDRESS);
            assertTrue(address == null || address.getLiteralLexicalForm().length() <= 200);
        }
        for (Node o : ORGANIZATIONS) {
            assertTrue(value(o, Terms.NAME).getLiteralLexicalForm().length() <= 100);
            assertTrue(unitCode.matcher(value(o, Terms.UNIT_CODE).getLiteralLexicalForm()).matches());
            assertTrue(date(o, Terms.FOUNDING_DATE).isBefore(TODAY));
        }
    }

    @Test
    void sizedPicksRealisticShapes() {
        for (int members : new int[] {0, 1, 10, 2000, 100_000, 5_000_000}) {
            DemoTree.Spec spec = DemoTree.Spec.sized(BASE, members);
            assertTrue(spec.branchesPerCommittee() >= 4, "room for a general and a joint branch");
            assertTrue(members <= 30L * spec.branchCount(), "at most about 30 a branch: " + spec);
            assertTrue(members < 120 || members >= 15L * spec.branchCount(), "at least about 15 a branch: " + spec);
        }
        DemoTree.Spec province = DemoTree.Spec.sized(BASE, 5_000_000);
        assertEquals(15, province.cities());
        assertEquals(120, province.cities() * province.countiesPerCity(), "a province of about 150 counties");
    }

    @Test
    void specRejectsMoreMembersThanBranchesHold() {
        LocalDate today = DemoTree.Spec.DEFAULT_REFERENCE_DATE;
        assertThrows(IllegalArgumentException.class, () -> new DemoTree.Spec(BASE, 201, 1, 1, 1, 1, 4, today));
        assertEquals(200, new DemoTree.Spec(BASE, 200, 1, 1, 1, 1, 4, today).members());
        assertThrows(IllegalArgumentException.class, () -> new DemoTree.Spec(BASE, 0, 1, 70, 59, 999, 998, today));
        assertThrows(IllegalArgumentException.class, () -> new DemoTree.Spec(BASE, 0, 1, 1, 1, 1, 4, LocalDate.of(1999, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new DemoTree.Spec("urn:x", 0, 1, 1, 1, 1, 4, today));
        assertEquals(BASE, new DemoTree.Spec(BASE + "/", 0, 1, 1, 1, 1, 4, today).base());
    }

    @Test
    void treeWithoutMembersIsJustOrganizations() {
        List<Node> records = new ArrayList<>();
        DemoTree.generate(DemoTree.Spec.sized(BASE, 0), (iri, g) -> records.add(iri));
        assertFalse(records.isEmpty());
        assertTrue(records.stream().allMatch(iri -> iri.getURI().startsWith(BASE + "/organizations/")));
    }

    @Test
    void datasetHasOneNamedGraphPerRecord() {
        DemoTree.Spec spec = DemoTree.Spec.sized(BASE, 300);
        DatasetGraph dataset = DemoTree.generate(spec);
        Map<Node, Graph> streamed = new LinkedHashMap<>();
        DemoTree.generate(spec, streamed::put);
        assertTrue(dataset.getDefaultGraph().isEmpty());
        List<Node> names = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(names::add);
        assertEquals(streamed.size(), names.size());
        streamed.forEach((name, record) -> assertTrue(record.isIsomorphicWith(dataset.getGraph(name)), name.getURI()));
    }

    @Test
    void streamsAHundredThousandMembersInSeconds() {
        DemoTree.Spec spec = DemoTree.Spec.sized(BASE, 100_000);
        long started = System.nanoTime();
        int[] members = {0};
        DemoTree.generate(spec, (iri, record) -> members[0] += record.contains(iri, Terms.TYPE, Terms.MEMBER) ? 1 : 0);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("DemoTree: " + spec.members() + " members streamed in " + millis + " ms");
        assertEquals(100_000, members[0]);
        assertTrue(millis < 60_000, "took " + millis + " ms");
    }

    /** Every organization and every tenth member, validated against the spec's shapes as the node would. */
    @Test
    void sampleConformsToTheShapes() {
        Graph shapes = SpecResources.shapesGraph();
        Graph sample = GraphFactory.createDefaultGraph();
        ORGANIZATIONS.forEach(o -> RECORDS.get(o).find().forEachRemaining(sample::add));
        for (int i = 0; i < MEMBERS.size(); i += 10) {
            RECORDS.get(MEMBERS.get(i)).find().forEachRemaining(sample::add);
        }
        ValidationReport report = ShaclValidator.get().validate(shapes, sample);
        if (!report.conforms()) {
            ShLib.printReport(report);
        }
        assertTrue(report.conforms(), "demo records conform to spec/shapes");

        // The shapes do bite: the same sample with one bad telephone number does not conform.
        Node member = MEMBERS.get(0);
        sample.remove(member, Terms.TELEPHONE, Node.ANY);
        sample.add(member, Terms.TELEPHONE, Terms.string("12345"));
        assertFalse(ShaclValidator.get().validate(shapes, sample).conforms());
    }

    private static String nquads(DatasetGraph dataset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, dataset, Lang.NQUADS);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Node orgType(Node org) {
        return value(org, Terms.ORGANIZATION_TYPE);
    }

    private static Node value(Node subject, Node property) {
        var found = RECORDS.get(subject).find(subject, property, Node.ANY);
        return found.hasNext() ? found.next().getObject() : null;
    }

    private static LocalDate date(Node subject, Node property) {
        return LocalDate.parse(value(subject, property).getLiteralLexicalForm());
    }
}
