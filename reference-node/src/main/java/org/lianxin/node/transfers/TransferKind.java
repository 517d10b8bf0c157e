package org.lianxin.node.transfers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.records.References;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * Transfer records (spec chapter 10). Each node of a transfer keeps its own: the sending node's,
 * which a client creates, and the receiving node's, which the offer message creates. A record lies
 * under its local end — fromOrganization at the sending node, toOrganization at the receiving
 * node — and is about the member it moves, under the IRI of either node (Table 8.7, LX-TRANSFER-24).
 */
public final class TransferKind implements RecordKind {

    /** Matches {@code {base}/organizations/{id}}: how a node finds the receiving node (spec 3.1, 10.2). */
    static final String ORGANIZATION_IRI = References.ABSOLUTE_IRI + "/organizations/[A-Za-z0-9_-]{1,64}";

    @Override
    public String segment() {
        return "transfers";
    }

    @Override
    public Node recordClass() {
        return LX.Transfer.asNode();
    }

    @Override
    public Optional<Node> organizationOf(Graph record, Node iri) {
        String base = References.baseOf(iri);
        Optional<Node> to = Lifecycle.value(record, iri, LX.toOrganization.asNode());
        if (receiving(record, iri) && to.filter(o -> o.isURI() && o.getURI().startsWith(base + "/organizations/")).isPresent()) {
            return to; // the receiving node's record
        }
        return Lifecycle.value(record, iri, LX.fromOrganization.asNode());
    }

    @Override
    public Node placement() {
        return LX.fromOrganization.asNode();
    }

    @Override
    public String organizationPattern() {
        return "GRAPH ?r { ?r <" + LX.fromOrganization.getURI() + ">|<" + LX.toOrganization.getURI() + "> ?scopeOrg }";
    }

    /** The member may follow their own transfer, under their old IRI and, once moved, their new one (LX-TRANSFER-24). */
    @Override
    public Optional<Node> memberOf(Graph record, Node iri) {
        return Lifecycle.value(record, iri, LX.newMember.asNode()).or(() -> Lifecycle.value(record, iri, LX.transferredMember.asNode()));
    }

    /** LX-TRANSFER-24: under either IRI, the old one at the sending node or the new one. */
    @Override
    public boolean about(Graph record, Node iri, Node member) {
        return record.contains(iri, LX.transferredMember.asNode(), member) || record.contains(iri, LX.newMember.asNode(), member);
    }

    @Override
    public Optional<String> aboutMember(Node member) {
        String m = NodeFmtLib.strNT(member);
        return Optional.of("{ GRAPH ?r { ?r <" + LX.transferredMember.getURI() + ">|<" + LX.newMember.getURI() + "> " + m + " } }");
    }

    /** LX-TRANSFER-3, LX-TRANSFER-4: checked on the sending node's record as a client requests it. */
    @Override
    public List<FieldError> check(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        if (receiving(record, iri)) {
            return List.of(); // made by the node from an offer, whose values it checked (LX-TRANSFER-11)
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<Node> member = Lifecycle.value(record, iri, LX.transferredMember.asNode());
        Optional<Node> branch = member.flatMap(m -> References.liveMember(node, tx, m)).flatMap(g -> Lifecycle.value(g, member.get(), LX.branch.asNode()));
        if (branch.isEmpty()) {
            errors.add(unknownMember());
        }
        Optional<Node> to = Lifecycle.value(record, iri, LX.toOrganization.asNode());
        if (to.isEmpty() || !to.get().isURI() || !to.get().getURI().matches(ORGANIZATION_IRI) || to.equals(branch)) {
            errors.add(new FieldError("toOrganization", "transfer-destination",
                    "toOrganization is the IRI of another organization, {base}/organizations/{id} on its node.", "LX-TRANSFER-4"));
        }
        return errors;
    }

    /** LX-TRANSFER-3, also for a member the caller may not read: the answer does not tell which (spec 8.6). */
    public static FieldError unknownMember() {
        return new FieldError("transferredMember", "transfer-member", "transferredMember is not a member of this node that you may read.",
                "LX-TRANSFER-3");
    }

    /** LX-TRANSFER-5: one open transfer per member. TDB2 runs one write transaction at a time, so two requests cannot both pass. */
    @Override
    public List<FieldError> conflicts(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        if (receiving(record, iri)) {
            return List.of();
        }
        Optional<Node> member = Lifecycle.value(record, iri, LX.transferredMember.asNode());
        if (member.isPresent() && openTransfer(tx, member.get()).filter(other -> !other.equals(iri)).isPresent()) {
            return List.of(transferOpen());
        }
        return List.of();
    }

    /** LX-TRANSFER-5, LX-TRANSFER-26. */
    public static FieldError transferOpen() {
        return new FieldError("transferredMember", "transfer-open",
                "The member has a transfer that is not finished (Requested, Approved or Accepted).", "LX-TRANSFER-5");
    }

    /** The transfer of this node in an open state for {@code member}, found by index (LX-TRANSFER-5, LX-TRANSFER-26). */
    public static Optional<Node> openTransfer(RecordTransaction tx, Node member) {
        return tx.find(Node.ANY, Node.ANY, LX.transferredMember.asNode(), member).stream().map(Quad::getGraph)
                .filter(t -> tx.find(t, t, RDF.type.asNode(), LX.Transfer.asNode()).size() > 0)
                .filter(t -> tx.find(t, t, LX.transferState.asNode(), Node.ANY).stream()
                        .anyMatch(q -> TransferState.of(q.getObject()).map(TransferState::open).orElse(false)))
                .findFirst();
    }

    /** Whether the record is the receiving node's, made by an offer (it names the sending node's record). */
    static boolean receiving(Graph record, Node iri) {
        return Lifecycle.value(record, iri, LX.sendingTransfer.asNode()).isPresent();
    }

    /** Whether {@code member} is the newMember of a transfer this node accepted and has not yet completed (LX-TRANSFER-21). */
    public static boolean reservedFor(RecordTransaction tx, Node member) {
        return tx.find(Node.ANY, Node.ANY, LX.newMember.asNode(), member).stream().map(Quad::getGraph)
                .anyMatch(t -> tx.find(t, t, LX.transferState.asNode(), TransferState.ACCEPTED.iri()).size() > 0);
    }

}
