package org.lianxin.node.dues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * What a member record says about the member's dues (spec 9.3, 9.4): the category, the base, the
 * branch, and from which month the member owes dues.
 *
 * @param liableFrom the month of admission of a probationary or full member; empty for the others
 */
public record MemberDues(Node member, String name, Optional<Node> branch, Optional<String> category, Optional<BigDecimal> base,
                         Optional<YearMonth> liableFrom) {

    public static MemberDues of(Graph record, Node iri) {
        Optional<Node> stage = Lifecycle.value(record, iri, LX.stage.asNode());
        boolean partyMember = stage.map(s -> s.equals(LX.ProbationaryMember.asNode()) || s.equals(LX.FullMember.asNode())).orElse(false);
        // 中组发〔2008〕3号: probationary members pay from the day the branch admits them, so the month
        // of admission counts (LX-DUES-6); applicants, activists and candidates owe nothing.
        Optional<YearMonth> liableFrom = partyMember
                ? Lifecycle.value(record, iri, LX.admissionDate.asNode()).map(d -> YearMonth.from(LocalDate.parse(d.getLiteralLexicalForm())))
                : Optional.empty();
        return new MemberDues(iri,
                Lifecycle.value(record, iri, SchemaOrg.name.asNode()).map(Node::getLiteralLexicalForm).orElse(""),
                Lifecycle.value(record, iri, LX.branch.asNode()),
                Lifecycle.value(record, iri, LX.duesCategory.asNode()).filter(Node::isURI).map(c -> c.getURI().substring(LX.NS.length())),
                Lifecycle.value(record, iri, LX.duesBase.asNode()).filter(Node::isLiteral).map(Money::of),
                liableFrom);
    }

    /** LX-DUES-6: a probationary or full member owes dues from the month of admission on. */
    public boolean liableIn(YearMonth month) {
        return liableFrom.map(from -> !month.isBefore(from)).orElse(false);
    }

    /** The monthly assessment (LX-DUES-5); empty when the member is unassessed. */
    public Optional<BigDecimal> assessment(DuesRates rates) {
        return category.flatMap(c -> rates.assess(c, base));
    }
}
