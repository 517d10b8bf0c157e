package org.lianxin.node.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * Demo data: the party organizations of an invented province and their members, as records in the
 * form DESIGN.md gives them (one named graph per record, named by the record's IRI), without the
 * server-managed dcterms:created/modified.
 *
 * <p>Deterministic: the same {@link Spec} gives the same records in the same order, with fixed
 * blank-node labels, so the N-Quads are byte-identical. All dates are before
 * {@link Spec#referenceDate()}, not before the day the generator runs.
 *
 * <p>Shape: province → cities → counties (the first of each city a district) → primary committees
 * (township, education bureau, hospital, enterprise, government bureaus) → branches. The first
 * primary committee of the tree has the one joint branch (if it has 2+ branches) and a general
 * branch over its last branches (if it has 4+); other committees with 6+ branches have a general
 * branch three times in ten. Members hold their organizational relationship in a branch or the
 * joint branch, at most {@value Spec#MAX_BRANCH_SIZE} per branch, and the first three of each are
 * full members.
 */
public final class DemoTree {

    private DemoTree() {}

    /**
     * What to generate.
     *
     * @param base          the node base IRI without trailing slash, e.g. http://localhost:9080/nodes/demo
     * @param members       exact number of member records
     * @param seed          the random seed; same spec, same output
     * @param referenceDate "today" for the demo: every date in the data is before it
     */
    public record Spec(String base, int members, long seed, int cities, int countiesPerCity,
            int committeesPerCounty, int branchesPerCommittee, LocalDate referenceDate) {

        public static final LocalDate DEFAULT_REFERENCE_DATE = LocalDate.of(2026, 11, 1);
        public static final long DEFAULT_SEED = 20261101L;
        /** 支部工作条例 (2018): a branch generally has no more than 50 members. */
        public static final int MAX_BRANCH_SIZE = 50;
        /** Enough for a province of 5 million members at about 30 a branch. */
        public static final int MAX_BRANCHES = 1_000_000;

        public Spec {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(referenceDate, "referenceDate");
            if (referenceDate.getYear() < 2000) {
                throw new IllegalArgumentException("referenceDate must be in 2000 or later (the tree's founding dates need the room)");
            }
            base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            if (!base.startsWith("http://") && !base.startsWith("https://")) {
                throw new IllegalArgumentException("base must be an http(s) IRI");
            }
            // Region codes give two digits to cities (01–70) and counties (02, 21–79).
            check(cities, 1, 70, "cities");
            check(countiesPerCity, 1, 59, "countiesPerCity");
            check(committeesPerCounty, 1, 999, "committeesPerCounty");
            check(branchesPerCommittee, 1, 998, "branchesPerCommittee");
            if (members < 0) {
                throw new IllegalArgumentException("members must not be negative");
            }
            long branches = (long) cities * countiesPerCity * committeesPerCounty * branchesPerCommittee;
            if (branches > MAX_BRANCHES) {
                throw new IllegalArgumentException("at most " + MAX_BRANCHES + " branches (the organizations are held in memory)");
            }
            if (members > MAX_BRANCH_SIZE * branches) {
                throw new IllegalArgumentException("more members than the branches can hold at " + MAX_BRANCH_SIZE + " each");
            }
        }

        /**
         * A tree of realistic proportions for {@code members}: about 30 members a branch, up to 8
         * branches a committee, 10 committees a county, 8 counties a city and 15 cities, after which
         * committees and then branches per committee grow.
         */
        public static Spec sized(String base, int members) {
            long needed = Math.max(4, (members + 29L) / 30);
            int k = 1;
            int c = 1;
            int p = 1;
            int b = 4;
            while ((long) k * c * p * b < needed) {
                if (b < 8) {
                    b++;
                } else if (p < 10) {
                    p++;
                } else if (c < 8) {
                    c++;
                } else if (k < 15) {
                    k++;
                } else if (p < 40) {
                    p++;
                } else {
                    b++;
                }
            }
            return new Spec(base, members, DEFAULT_SEED, k, c, p, b, DEFAULT_REFERENCE_DATE);
        }

        public Spec withSeed(long newSeed) {
            return new Spec(base, members, newSeed, cities, countiesPerCity, committeesPerCounty, branchesPerCommittee, referenceDate);
        }

        public Spec withReferenceDate(LocalDate date) {
            return new Spec(base, members, seed, cities, countiesPerCity, committeesPerCounty, branchesPerCommittee, date);
        }

        /** Organizations that hold members (branches and the joint branch). */
        public int branchCount() {
            return cities * countiesPerCity * committeesPerCounty * branchesPerCommittee;
        }

        private static void check(int value, int min, int max, String name) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be within " + min + ".." + max);
            }
        }
    }

    /**
     * All records in one in-memory dataset: one named graph per organization and member. The
     * dataset links the record graphs instead of copying them (DatasetGraphFactory.createGeneral),
     * which is more than ten times faster than copying into a TIM dataset; copy it into a store to keep it.
     */
    public static DatasetGraph generate(Spec spec) {
        DatasetGraph dataset = DatasetGraphFactory.createGeneral();
        generate(spec, dataset::addGraph);
        return dataset;
    }

    /**
     * Streams the records to {@code recordSink} as (record IRI, record graph): first every
     * organization, parents before children, then the members m000001, m000002, … branch by
     * branch. Only the organizations are held in memory, so any number of members can be streamed.
     */
    public static void generate(Spec spec, BiConsumer<Node, Graph> recordSink) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom layoutRandom = root.split();
        SplittableRandom sizeRandom = root.split();
        SplittableRandom memberRandom = root.split();

        List<PlannedOrganization> organizations = TreeLayout.plan(spec, layoutRandom);
        List<PlannedOrganization> branches = new ArrayList<>();
        List<String> cities = new ArrayList<>();
        for (PlannedOrganization o : organizations) {
            recordSink.accept(Terms.iri(organizationIri(spec.base(), o.slug())), o.record(spec.base()));
            if (o.holdsMembers()) {
                branches.add(o);
            }
            if (o.type().equals(Terms.COUNTY_COMMITTEE) && !cities.contains(o.county().province() + o.county().city())) {
                cities.add(o.county().province() + o.county().city());
            }
        }

        int[] sizes = branchSizes(spec.members(), branches.size(), sizeRandom);
        MemberRecords members = new MemberRecords(spec.base(), spec.referenceDate(), memberRandom, cities, spec.seed());
        int number = 0;
        for (int i = 0; i < branches.size(); i++) {
            members.startBranch(branches.get(i), sizes[i]);
            for (int j = 0; j < sizes[i]; j++) {
                String id = memberId(++number);
                Node iri = Terms.iri(spec.base() + "/members/" + id);
                recordSink.accept(iri, members.next(iri, id));
            }
        }
    }

    /** {base}/organizations/{slug}. */
    public static String organizationIri(String base, String slug) {
        return base + "/organizations/" + slug;
    }

    /** The id of the n-th member (from 1): m000001. */
    public static String memberId(int n) {
        return n < 1_000_000 ? "m" + String.valueOf(1_000_000 + n).substring(1) : "m" + n;
    }

    /**
     * Branch sizes that vary (0.4 to 1.6 times the mean) and add up to {@code members} exactly,
     * none above {@value Spec#MAX_BRANCH_SIZE}.
     */
    static int[] branchSizes(int members, int branches, SplittableRandom random) {
        double[] weights = new double[branches];
        double sum = 0;
        for (int i = 0; i < branches; i++) {
            weights[i] = 0.4 + 1.2 * random.nextDouble();
            sum += weights[i];
        }
        int[] sizes = new int[branches];
        int assigned = 0;
        for (int i = 0; i < branches; i++) {
            sizes[i] = Math.min(Spec.MAX_BRANCH_SIZE, (int) (members * weights[i] / sum));
            assigned += sizes[i];
        }
        for (int i = 0; assigned < members; i = (i + 1) % branches) { // Spec guarantees room
            if (sizes[i] < Spec.MAX_BRANCH_SIZE) {
                sizes[i]++;
                assigned++;
            }
        }
        return sizes;
    }
}
