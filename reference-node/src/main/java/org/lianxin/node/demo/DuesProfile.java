package org.lianxin.node.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.lianxin.spec.LX;

/**
 * A demo party member's dues category and base (spec 9.3), drawn from a random stream of the
 * member's own, seeded by its id, so that adding dues changed none of the other generated values.
 * Retired members by their occupation, farmers by theirs, a few students, unemployed members and
 * members on the minimum living allowance; the others employed, with pay spread over all four
 * brackets and a few bases exactly on a bracket's upper bound.
 */
record DuesProfile(String category, BigDecimal base) {

    private static final BigDecimal[] BOUNDS = {new BigDecimal("3000.00"), new BigDecimal("5000.00"), new BigDecimal("10000.00")};

    static DuesProfile draw(String memberId, long seed, String occupation, int age) {
        SplittableRandom random = new SplittableRandom(seed ^ (memberId.hashCode() * 0x9E3779B97F4A7C15L));
        int r = random.nextInt(100);
        if (occupation.equals(Occupations.RETIRED)) {
            return new DuesProfile("Retired", yuan(1800 + random.nextInt(7200), random));
        }
        if (occupation.equals(Occupations.FARMER)) {
            return new DuesProfile("Farmer", null);
        }
        if (age <= 26 && r < 8) {
            return new DuesProfile("Student", null);
        }
        if (r < 3) {
            return new DuesProfile("Unemployed", null);
        }
        if (r < 4) {
            return new DuesProfile("MinimumLivingAllowance", null);
        }
        if (r < 6) {
            return new DuesProfile("Employed", BOUNDS[random.nextInt(BOUNDS.length)]);
        }
        // Monthly pay after tax, skewed: most between 3,000 and 9,000 yuan, a few above 10,000.
        double pay = Math.exp(8.55 + 0.45 * random.nextGaussian());
        return new DuesProfile("Employed", yuan((int) Math.max(1500, Math.min(60000, pay)), random));
    }

    void addTo(Graph g, Node member) {
        g.add(member, LX.duesCategory.asNode(), NodeFactory.createURI(LX.NS + category));
        if (base != null) {
            g.add(member, LX.duesBase.asNode(), NodeFactory.createLiteralDT(base.toPlainString(), XSDDatatype.XSDdecimal));
        }
    }

    private static BigDecimal yuan(int whole, SplittableRandom random) {
        return BigDecimal.valueOf(whole * 100L + random.nextInt(100), 2).setScale(2, RoundingMode.UNNECESSARY);
    }
}
