package org.lianxin.node.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lianxin.node.demo.Career.Stage;
import org.lianxin.node.demo.PlannedOrganization.County;
import org.lianxin.node.demo.PlannedOrganization.WorkplaceKind;

/**
 * Writes the member records of one branch after another. The first members of each branch are
 * its committee (full members of long standing, with their posts as org:Membership nodes); the
 * rest are drawn from the stage mix.
 */
final class MemberRecords {

    private static final String[] OTHER_PROVINCES = {"河南省周口市", "山东省临沂市", "四川省南充市", "湖南省邵阳市",
            "安徽省阜阳市", "江西省赣州市", "湖北省黄冈市", "河北省保定市"};

    private final String base;
    private final LocalDate reference;
    private final SplittableRandom random;
    private final List<String> cities; // province + city, for native places
    private final long seed;
    private final PlaceNames streets;
    private CountyIdNumbers idNumbers;

    private PlannedOrganization branch;
    private Node branchIri;
    private int position;
    private Node[] posts;
    private LocalDate termStart;
    private boolean secretaryServedBefore;
    private String unitPlace;

    MemberRecords(String base, LocalDate reference, SplittableRandom random, List<String> cities, long seed) {
        this.base = base;
        this.seed = seed;
        this.reference = reference;
        this.random = random;
        this.cities = cities;
        this.streets = new PlaceNames(random);
    }

    /** Starts a branch of {@code size} members; the branches of one county come one after another. */
    void startBranch(PlannedOrganization branch, int size) {
        this.branch = branch;
        this.branchIri = Terms.iri(DemoTree.organizationIri(base, branch.slug()));
        this.position = 0;
        County place = branch.county();
        if (idNumbers == null || !idNumbers.regionCode().equals(place.regionCode())) {
            idNumbers = new CountyIdNumbers(place.regionCode()); // other counties' numbers differ in the region code
        }
        // 支部工作条例 (2018): a branch of 7 or more members elects a committee of 3 to 5; a smaller
        // branch has a secretary only.
        int committee = size >= 25 ? 5 : size >= 15 ? (random.nextBoolean() ? 5 : 3) : size >= 7 ? 3 : 1;
        posts = new Node[committee];
        posts[0] = Terms.SECRETARY;
        for (int i = 1; i < committee; i++) {
            posts[i] = i == 1 && committee == 5 ? Terms.DEPUTY_SECRETARY : Terms.COMMITTEE_MEMBER;
        }
        termStart = Dates.between(random, Dates.max(branch.founded(), reference.minusYears(5).plusDays(1)),
                reference.minusDays(30));
        secretaryServedBefore = committee > 1 && random.nextInt(10) < 3;
        String unitName = branch.name().replaceFirst("(第[一二三四五六七八九十]+)?党支部$", "");
        WorkplaceKind kind = branch.workplace().kind();
        unitPlace = kind == WorkplaceKind.VILLAGE || kind == WorkplaceKind.COMMUNITY
                ? place.locality() + unitName
                : place.locality() + (branch.workplace().town() == null ? "" : branch.workplace().town());
    }

    /** The record of the next member of the current branch. */
    Graph next(Node iri, String localId) {
        int at = position++;
        boolean committee = at < posts.length;
        // 3 or more full members form a branch: the first three are full members where the branch has three.
        Stage stage = at < Math.max(3, posts.length) ? Stage.FULL_MEMBER : Career.drawStage(random);
        Career career = Career.draw(random, stage, reference, committee);
        WorkplaceKind kind = branch.workplace().kind();

        int femalePercent = kind == WorkplaceKind.SCHOOL || kind == WorkplaceKind.HOSPITAL ? 60
                : kind == WorkplaceKind.VILLAGE ? 25 : 38;
        if (career.application().getYear() < 1990) {
            femalePercent = femalePercent * 6 / 10;
        }
        boolean male = random.nextInt(100) >= femalePercent;
        LocalDate birth = birthDate(career.application(), committee ? 57 : 95);
        int age = (int) ChronoUnit.YEARS.between(birth, reference);

        Graph g = GraphFactory.createDefaultGraph();
        g.add(iri, Terms.TYPE, Terms.MEMBER);
        g.add(iri, Terms.NAME, Terms.string(PersonNames.fullName(random, male, birth.getYear())));
        g.add(iri, Terms.GENDER, male ? Terms.MALE : Terms.FEMALE);
        g.add(iri, Terms.ETHNICITY, Terms.string(PersonNames.ethnicity(random)));
        g.add(iri, Terms.BIRTH_DATE, Terms.date(birth));
        g.add(iri, Terms.NATIONAL_ID, Terms.string(idNumbers.issue(random, birth, male).value()));
        g.add(iri, Terms.NATIVE_PLACE, Terms.string(nativePlace()));
        Education.draw(random, kind, birth.getYear(), age).addTo(g, iri);
        String place = branch.county().name() + (branch.workplace().town() == null ? "" : branch.workplace().town());
        Occupations.Job job = Occupations.draw(random, kind, branch.workplace().employer(), place, age);
        g.add(iri, Terms.OCCUPATION, Terms.string(job.occupation()));
        addIfPresent(g, iri, Terms.WORK_UNIT, job.workUnit());
        addIfPresent(g, iri, Terms.JOB_TITLE, job.post());
        if (random.nextInt(100) < 92) {
            g.add(iri, Terms.TELEPHONE, Terms.string(mobileNumber()));
        }
        if (random.nextInt(100) < 75) {
            g.add(iri, Terms.ADDRESS, Terms.string(homeAddress(kind)));
        }
        g.add(iri, Terms.STAGE, Terms.lx(stage.concept));
        if (stage.isPartyMember()) {
            g.add(iri, Terms.MEMBER_STATUS, committee ? Terms.NORMAL : status());
        }
        g.add(iri, Terms.BRANCH_OF_MEMBER, branchIri);
        addIfPresent(g, iri, Terms.APPLICATION_DATE, career.application());
        addIfPresent(g, iri, Terms.ACTIVIST_DATE, career.activist());
        addIfPresent(g, iri, Terms.CANDIDATE_DATE, career.candidate());
        addIfPresent(g, iri, Terms.ADMISSION_DATE, career.admission());
        addIfPresent(g, iri, Terms.FULL_MEMBERSHIP_DATE, career.fullMembership());
        if (stage.isPartyMember()) {
            // 中组发〔2008〕3号: party members pay dues, probationary members from their admission.
            DuesProfile.draw(localId, seed, job.occupation(), age).addTo(g, iri);
        }
        if (committee) {
            if (at == 0 && secretaryServedBefore) {
                // The secretary sat on the previous committee as an ordinary committee member.
                LocalDate start = Dates.max(Dates.max(termStart.minusYears(3), career.fullMembership()), branch.founded());
                LocalDate end = termStart.minusDays(1);
                if (!start.isAfter(end)) {
                    post(g, iri, localId + "post0", branchIri, Terms.COMMITTEE_MEMBER, start, end);
                }
            }
            post(g, iri, localId + "post" + (at + 1), branchIri, posts[at], termStart, null);
        }
        return g;
    }

    /**
     * Age at application 18 or more (党章 第一条; 发展党员工作细则 (2014) 第五条), mostly young. The
     * birth date is at least one day before the 18th birthday would allow, so that the check holds
     * both by calendar arithmetic and by the shapes' string comparison (which moves 29 February to
     * 1 March). Committee members are of working age ({@code maxAge} 57), others at most about 95.
     */
    private LocalDate birthDate(LocalDate application, int maxAge) {
        int yearsSinceApplication = (int) ChronoUnit.YEARS.between(application, reference);
        int ageAtApplication = 18 + (int) Math.min(22, Math.abs(random.nextGaussian()) * 6);
        ageAtApplication = Math.min(ageAtApplication, Math.max(18, maxAge - yearsSinceApplication));
        return application.minusYears(ageAtApplication).minusDays(1 + random.nextInt(364));
    }

    private String nativePlace() {
        int r = random.nextInt(100);
        if (r < 50) {
            return branch.county().province() + branch.county().city();
        }
        return r < 80 ? cities.get(random.nextInt(cities.size())) : OTHER_PROVINCES[random.nextInt(OTHER_PROVINCES.length)];
    }

    private String mobileNumber() {
        String second = "33333335555588888779964"; // 13x, 15x and 18x are the most common
        StringBuilder number = new StringBuilder("1").append(second.charAt(random.nextInt(second.length())));
        for (int i = 0; i < 9; i++) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        return number.toString();
    }

    private String homeAddress(WorkplaceKind kind) {
        if (kind == WorkplaceKind.VILLAGE) {
            return unitPlace + (1 + random.nextInt(12)) + "组";
        }
        String building = (1 + random.nextInt(20)) + "栋" + (1 + random.nextInt(4)) + "单元"
                + (1 + random.nextInt(18)) + "0" + (1 + random.nextInt(4)) + "室";
        return kind == WorkplaceKind.COMMUNITY ? unitPlace + building : streets.streetAddress(unitPlace) + building;
    }

    /** 流动党员 (working away from the branch) are a few percent; 失联党员 fewer. */
    private Node status() {
        int r = random.nextInt(100);
        return r < 3 ? Terms.MOBILE_MEMBER : r < 4 ? Terms.OUT_OF_CONTACT : Terms.NORMAL;
    }

    /**
     * An org:Membership with its time:Interval, both blank nodes with labels fixed by the member id
     * (e.g. m000001post1, m000001post1during): unique in the dataset and the same on every run.
     */
    private static void post(Graph g, Node member, String label, Node organization, Node role, LocalDate start, LocalDate end) {
        Node membership = NodeFactory.createBlankNode(label);
        Node interval = NodeFactory.createBlankNode(label + "during");
        g.add(membership, Terms.TYPE, Terms.MEMBERSHIP);
        g.add(membership, Terms.ORG_MEMBER, member);
        g.add(membership, Terms.ORG_ORGANIZATION, organization);
        g.add(membership, Terms.ROLE, role);
        g.add(membership, Terms.MEMBER_DURING, interval);
        g.add(interval, Terms.TYPE, Terms.INTERVAL);
        g.add(interval, Terms.START_DATE, Terms.date(start));
        if (end != null) {
            g.add(interval, Terms.END_DATE, Terms.date(end));
        }
    }

    private static void addIfPresent(Graph g, Node s, Node p, Object value) {
        if (value instanceof String text) {
            g.add(s, p, Terms.string(text));
        } else if (value instanceof LocalDate date) {
            g.add(s, p, Terms.date(date));
        }
    }
}
