package org.lianxin.node.development;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.spec.LX;

/**
 * A member's development as their record states it: the stage, the dates of the stages (Table 5.3)
 * and the dated steps (spec 11.3), oldest first.
 */
public record Development(Node member, Optional<Node> stage, Optional<LocalDate> applicationDate, Optional<LocalDate> activistDate,
                          Optional<LocalDate> candidateDate, Optional<LocalDate> admissionDate, Optional<LocalDate> fullMembershipDate,
                          List<Step> steps) {

    public static Development of(Graph record, Node member) {
        List<Step> steps = new ArrayList<>();
        record.find(member, LX.developmentStep.asNode(), Node.ANY).mapWith(Triple::getObject).forEach(s -> step(record, s).ifPresent(steps::add));
        steps.sort(Comparator.comparing(Step::date).thenComparing(Step::type));
        return new Development(member, Lifecycle.value(record, member, LX.stage.asNode()),
                date(record, member, LX.applicationDate.asNode()), date(record, member, LX.activistDate.asNode()),
                date(record, member, LX.candidateDate.asNode()), date(record, member, LX.admissionDate.asNode()),
                date(record, member, LX.fullMembershipDate.asNode()), List.copyOf(steps));
    }

    private static Optional<Step> step(Graph record, Node node) {
        Optional<Step.Type> type = Lifecycle.value(record, node, LX.stepType.asNode()).flatMap(Step.Type::of);
        Optional<LocalDate> date = date(record, node, LX.stepDate.asNode());
        if (type.isEmpty() || date.isEmpty()) {
            return Optional.empty(); // the shapes report it
        }
        List<Node> sponsors = record.find(node, LX.sponsor.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
        Optional<BigDecimal> hours = Lifecycle.value(record, node, LX.trainingHours.asNode()).flatMap(Development::decimal);
        Optional<Integer> months = Lifecycle.value(record, node, LX.extensionMonths.asNode()).flatMap(Development::decimal)
                .map(BigDecimal::intValue);
        return Optional.of(new Step(type.get(), date.get(), sponsors, hours, months));
    }

    public List<Step> steps(Step.Type type) {
        return steps.stream().filter(s -> s.type() == type).toList();
    }

    public Optional<Step> last(Step.Type type) {
        List<Step> of = steps(type);
        return of.isEmpty() ? Optional.empty() : Optional.of(of.get(of.size() - 1));
    }

    public boolean in(Node stageIri) {
        return stage.filter(stageIri::equals).isPresent();
    }

    /** The months the probation is extended by (at most one extension counts). */
    public int extensionMonths() {
        return steps(Step.Type.PROBATION_EXTENSION).stream().findFirst().flatMap(Step::months).orElse(0);
    }

    /** The last day of the probation: a year from the admission, plus the extension (党章 第七条). */
    public Optional<LocalDate> probationEnd() {
        return admissionDate.map(a -> Periods.monthsAfter(a, 12L + extensionMonths()));
    }

    private static Optional<LocalDate> date(Graph record, Node subject, Node property) {
        return Lifecycle.value(record, subject, property).filter(Node::isLiteral).flatMap(d -> {
            try {
                return Optional.of(LocalDate.parse(d.getLiteralLexicalForm()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<BigDecimal> decimal(Node literal) {
        try {
            return Optional.of(new BigDecimal(literal.getLiteralLexicalForm()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
