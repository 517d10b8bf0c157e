package org.lianxin.node.learning;

import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * Study records (spec 16.6): what one member studied of one course, held by the member's node. It
 * lies where its learner lies: under the learner's branch, which {@link StudyGuard} looks up — the
 * record does not copy it, so that it follows the member to another branch of the node.
 */
public final class StudyRecordKind implements RecordKind {

    @Override
    public String segment() {
        return "study-records";
    }

    @Override
    public Node recordClass() {
        return LX.StudyRecord.asNode();
    }

    /** The record names no organization; its learner's branch decides, in {@link StudyGuard}. */
    @Override
    public Optional<Node> organizationOf(Graph record, Node iri) {
        return Optional.empty();
    }

    @Override
    public Node placement() {
        return LX.learner.asNode();
    }

    /** The learner's branch, from the learner's member record (a member record is its own graph). */
    @Override
    public String organizationPattern() {
        return "GRAPH ?r { ?r <" + LX.learner.getURI() + "> ?learner } GRAPH ?learner { ?learner <" + LX.branch.getURI() + "> ?scopeOrg }";
    }

    @Override
    public Optional<Node> memberOf(Graph record, Node iri) {
        return Lifecycle.value(record, iri, LX.learner.asNode());
    }

    @Override
    public Optional<String> aboutMember(Node member) {
        return Optional.of("{ GRAPH ?r { ?r <" + LX.learner.getURI() + "> " + NodeFmtLib.strNT(member) + " } }");
    }

    @Override
    public List<Node> keptInTombstone() {
        return List.of(LX.learner.asNode(), LX.course.asNode());
    }

    /** The rules that need the learner's course list are checked by {@link StudyRecords} before the write. */
    @Override
    public List<FieldError> check(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        return List.of();
    }
}
