package org.lianxin.node.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.Records;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * The demo's remote education (spec chapter 16): the provincial committee publishes one course to
 * its whole subtree, and the members of the county nodes, two levels down, have studied it — one
 * in three completed, one in three started — so that the course list and the completion statistic
 * of the README's tour show something.
 */
final class DemoLearning {

    static final String COURSE_ID = "demo-plenum";

    private DemoLearning() {}

    /** Publishes the course on the province node and writes the county members' study records. */
    static void load(Records records, LogicalNode province, List<LogicalNode> counties) {
        Node publisher = NodeFactory.createURI(province.organizationsUrl() + "/province");
        Node course = NodeFactory.createURI(province.base() + "/courses/" + COURSE_ID);
        Graph g = GraphFactory.createDefaultGraph();
        g.add(course, RDF.type.asNode(), LX.Course.asNode());
        g.add(course, LX.publishedBy.asNode(), publisher);
        g.add(course, LX.target.asNode(), publisher);
        g.add(course, SchemaOrg.name.asNode(), NodeFactory.createLiteralString("学习贯彻党的二十届四中全会精神"));
        g.add(course, SchemaOrg.description.asNode(), NodeFactory.createLiteralString("全省党员在线学习全会公报和辅导报告，完成后参加测验。"));
        g.add(course, LX.material.asNode(), NodeFactory.createURI("https://example.org/learning/plenum-2025/video"));
        g.add(course, LX.expectedMinutes.asNode(), integer(90));
        g.add(course, LX.audience.asNode(), LX.AllMembers.asNode());
        g.add(course, LX.dueDate.asNode(), NodeFactory.createLiteralDT(LocalDate.now(Lifecycle.CHINA).plusDays(60).toString(),
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate));
        g.add(course, LX.courseState.asNode(), LX.Published.asNode());
        g.add(course, LX.publishedAt.asNode(), Lifecycle.dateTime(Instant.now().minus(20, ChronoUnit.DAYS)));
        records.courses().putAll(province, List.of(new Record(course, g)), RecordGuard.TRUSTED);
        for (LogicalNode county : counties) {
            List<Record> studies = new ArrayList<>();
            int i = 0;
            for (Node member : members(county)) {
                int kind = i++ % 3; // 0 completed, 1 started, 2 not started
                if (kind == 2) {
                    continue;
                }
                Node iri = NodeFactory.createURI(county.base() + "/study-records/demo-" + member.getURI().substring(member.getURI().lastIndexOf('/') + 1));
                Graph s = GraphFactory.createDefaultGraph();
                s.add(iri, RDF.type.asNode(), LX.StudyRecord.asNode());
                s.add(iri, LX.learner.asNode(), member);
                s.add(iri, LX.course.asNode(), course);
                s.add(iri, LX.minutesStudied.asNode(), integer(kind == 0 ? 95 : 30));
                if (kind == 0) {
                    s.add(iri, LX.completedAt.asNode(), Lifecycle.dateTime(Instant.now().minus(1 + i % 10, ChronoUnit.DAYS)));
                    s.add(iri, LX.quizScore.asNode(), integer(80 + i % 21));
                }
                studies.add(new Record(iri, s));
            }
            for (int from = 0; from < studies.size(); from += 1_000) {
                records.studyRecords().putAll(county, List.copyOf(studies.subList(from, Math.min(studies.size(), from + 1_000))), RecordGuard.TRUSTED);
            }
        }
    }

    /** The members of the node assigned the course: probationary and full members (Table 16.4, AllMembers), by IRI. */
    private static List<Node> members(LogicalNode node) {
        String query = "SELECT ?m WHERE { GRAPH ?m { ?m a <" + LX.Member.getURI() + "> ; <" + LX.stage.getURI() + "> ?s } "
                + "FILTER (?s IN (<" + LX.ProbationaryMember.getURI() + ">, <" + LX.FullMember.getURI() + ">)) } ORDER BY ?m";
        return node.store().read(tx -> tx.select(QueryFactory.create(query)).stream().map(b -> b.get(Var.alloc("m"))).toList());
    }

    private static Node integer(int value) {
        return NodeFactory.createLiteralDT(Integer.toString(value), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
    }
}
