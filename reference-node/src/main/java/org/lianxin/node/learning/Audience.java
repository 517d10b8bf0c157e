package org.lianxin.node.learning;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.ORG;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * Table 16.4: who a course is for, by the member's development stage (Table 5.8) and the posts they
 * hold (Table 5.10). An applicant is in no audience: not yet under cultivation (2014 rules, art. 13).
 */
public final class Audience {

    private Audience() {}

    /** The JSON values of Table 16.4, in its order. */
    public static final List<String> VALUES = List.of("AllMembers", "ProbationaryMembers", "Activists", "Secretaries");

    /** LX-LEARN-8: whether {@code member} belongs on {@code day} to one of {@code audiences} (none is AllMembers). */
    public static boolean includes(List<String> audiences, Graph member, Node iri, LocalDate day) {
        List<String> asked = audiences.isEmpty() ? List.of("AllMembers") : audiences;
        String stage = Lifecycle.value(member, iri, LX.stage.asNode()).filter(Node::isURI).map(Node::getLocalName).orElse("");
        return asked.stream().anyMatch(a -> switch (a) {
            case "AllMembers" -> Set.of("ProbationaryMember", "FullMember").contains(stage);
            case "ProbationaryMembers" -> stage.equals("ProbationaryMember");
            case "Activists" -> Set.of("Activist", "DevelopmentCandidate").contains(stage);
            case "Secretaries" -> secretary(member, iri, day);
            default -> false;
        });
    }

    /** A post Secretary or DeputySecretary held on {@code day}: started by then and not ended before it. */
    private static boolean secretary(Graph member, Node iri, LocalDate day) {
        for (Triple m : member.find(Node.ANY, ORG.member.asNode(), iri).toList()) {
            Node membership = m.getSubject();
            boolean post = member.contains(membership, ORG.role.asNode(), LX.Secretary.asNode())
                    || member.contains(membership, ORG.role.asNode(), LX.DeputySecretary.asNode());
            Node interval = Lifecycle.value(member, membership, ORG.memberDuring.asNode()).orElse(null);
            if (!post || interval == null) {
                continue;
            }
            boolean started = Lifecycle.value(member, interval, SchemaOrg.startDate.asNode())
                    .filter(d -> !LocalDate.parse(d.getLiteralLexicalForm()).isAfter(day)).isPresent();
            boolean ended = Lifecycle.value(member, interval, SchemaOrg.endDate.asNode())
                    .filter(d -> LocalDate.parse(d.getLiteralLexicalForm()).isBefore(day)).isPresent();
            if (started && !ended) {
                return true;
            }
        }
        return false;
    }
}
