package org.lianxin.node.development;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * Who is due for their next step, and who is overdue (spec 11.6, Table 11.5): the list a branch
 * secretary works from instead of counting months by hand.
 */
public final class DevelopmentDue {

    /**
     * One member's next step.
     *
     * @param overdueFrom the first day the step is late, when a rule sets a limit
     */
    public record Item(Node member, String name, Node stage, Node branch, Step.Type next, LocalDate dueFrom, Optional<LocalDate> overdueFrom) {
        public boolean overdue(LocalDate on) {
            return overdueFrom.filter(o -> !on.isBefore(o)).isPresent();
        }
    }

    private DevelopmentDue() {}

    /** The next step of {@code d}, if a rule makes one due by a date (Table 11.5). */
    public static Optional<Item> next(Graph record, Node member) {
        Development d = Development.of(record, member);
        String name = Lifecycle.value(record, member, SchemaOrg.name.asNode()).map(Node::getLiteralLexicalForm).orElse("");
        Node stage = d.stage().orElse(null);
        Node branch = Lifecycle.value(record, member, LX.branch.asNode()).orElse(null);
        if (d.in(LX.Applicant.asNode()) && d.steps(Step.Type.TALK).isEmpty() && d.applicationDate().isPresent()) {
            LocalDate applied = d.applicationDate().get(); // 细则 第七条: a talk within a month
            return Optional.of(new Item(member, name, stage, branch, Step.Type.TALK, applied, Optional.of(Periods.monthsAfter(applied, 1).plusDays(1))));
        }
        if (d.in(LX.Activist.asNode()) && d.activistDate().isPresent()) { // 细则 第十二条: a year of cultivation
            return Optional.of(new Item(member, name, stage, branch, Step.Type.CANDIDATE_DESIGNATION, Periods.yearsAfter(d.activistDate().get(), 1), Optional.empty()));
        }
        if (d.in(LX.DevelopmentCandidate.asNode())) {
            Optional<Step> vote = d.last(Step.Type.ADMISSION_VOTE);
            if (vote.isPresent()) { // 细则 第二十七条: approved within three months
                return Optional.of(new Item(member, name, stage, branch, Step.Type.ADMISSION_APPROVAL, vote.get().date(),
                        Optional.of(Periods.monthsAfter(vote.get().date(), 3).plusDays(1))));
            }
            return Optional.empty();
        }
        if (d.in(LX.ProbationaryMember.asNode()) && d.probationEnd().isPresent()) {
            LocalDate end = d.probationEnd().get();
            Optional<Step> vote = d.last(Step.Type.CONFIRMATION_VOTE).filter(v -> !v.date().isBefore(end));
            if (vote.isPresent()) { // 细则 第三十三条
                return Optional.of(new Item(member, name, stage, branch, Step.Type.CONFIRMATION_APPROVAL, vote.get().date(),
                        Optional.of(Periods.monthsAfter(vote.get().date(), 3).plusDays(1))));
            }
            return Optional.of(new Item(member, name, stage, branch, Step.Type.CONFIRMATION_VOTE, end, Optional.empty()));
        }
        return Optional.empty();
    }

    /** The members under {@code organizations} on this node whose next step is due on {@code on}, the longest due first. */
    public static List<Item> under(LogicalNode node, List<Node> organizations, LocalDate on) {
        String values = organizations.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        String query = """
                SELECT DISTINCT ?m WHERE {
                  VALUES ?q { %s }
                  GRAPH <urn:x-arq:UnionGraph> { ?b <http://www.w3.org/ns/org#subOrganizationOf>* ?q }
                  GRAPH ?m { ?m a <%s> ; <%s> ?b ; <%s> ?stage }
                  FILTER (?stage != <%s>)
                  FILTER NOT EXISTS { GRAPH ?m { ?m a <%s> } }
                }""".formatted(values, LX.Member.getURI(), LX.branch.getURI(), LX.stage.getURI(), LX.FullMember.getURI(), LX.Tombstone.getURI());
        return node.store().read(tx -> {
            List<Item> items = new ArrayList<>();
            for (var row : tx.select(QueryFactory.create(query))) {
                Node m = row.get(Var.alloc("m"));
                tx.get(m).flatMap(g -> next(g, m)).filter(i -> !i.dueFrom().isAfter(on)).ifPresent(items::add);
            }
            items.sort(Comparator.comparing(Item::dueFrom).thenComparing(i -> i.member().getURI()));
            return items;
        });
    }
}
