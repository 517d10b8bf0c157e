package org.lianxin.node.dues;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.apache.jena.graph.Node;

/**
 * The numbers of a collection statistic (spec Table 9.14): what a node counts, what its children
 * add, and the rate, which is computed from the sums, never averaged (LX-DUES-22).
 */
public record DuesCollection(long members, long unassessed, BigDecimal expected, long paidMembers, BigDecimal paid) {

    public static final DuesCollection NONE = new DuesCollection(0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);

    public DuesCollection plus(DuesCollection other) {
        return new DuesCollection(members + other.members, unassessed + other.unassessed, expected.add(other.expected),
                paidMembers + other.paidMembers, paid.add(other.paid));
    }

    /** paid ÷ expected, half up to four digits; null when nothing is expected. */
    public String rate() {
        return expected.signum() == 0 ? null : paid.divide(expected, 4, RoundingMode.HALF_UP).toPlainString();
    }

    /** The answer of Table 9.14 without its completeness report: numbers and organization IRIs only (LX-DUES-23). */
    public JsonObjectBuilder toJson(List<Node> organizations, List<Node> roots, YearMonth month, boolean subtree) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("organizations", JSON.createArrayBuilder(organizations.stream().map(Node::getURI).toList()))
                .add("roots", JSON.createArrayBuilder(roots.stream().map(Node::getURI).toList()))
                .add("month", month.toString())
                .add("scope", subtree ? "subtree" : "local")
                .add("members", members)
                .add("unassessed", unassessed)
                .add("expected", Money.text(expected))
                .add("paidMembers", paidMembers)
                .add("paid", Money.text(paid));
        String rate = rate();
        return rate == null ? json.addNull("rate") : json.add("rate", rate);
    }

    /** The numbers of a child's answer, or null when it is not a collection statistic. */
    public static DuesCollection fromJson(JsonObject answer) {
        try {
            DuesCollection c = new DuesCollection(count(answer, "members"), count(answer, "unassessed"),
                    new BigDecimal(answer.getString("expected")), count(answer, "paidMembers"), new BigDecimal(answer.getString("paid")));
            return c.expected.signum() < 0 || c.paid.signum() < 0 ? null : c;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long count(JsonObject answer, String key) {
        long n = ((JsonNumber) answer.get(key)).longValueExact();
        if (n < 0) {
            throw new IllegalArgumentException(key);
        }
        return n;
    }
}
