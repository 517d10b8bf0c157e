package org.lianxin.node.members;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.ORG;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.records.References;
import org.lianxin.node.security.LookupKey;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.transfers.TransferKind;
import org.lianxin.node.development.Development;
import org.lianxin.node.development.DevelopmentRules;
import org.lianxin.spec.LX;
import org.lianxin.spec.NationalIdNumber;
import org.lianxin.spec.SchemaOrg;

/** Members: party members and those on the way to membership, each in one branch of this node. */
public final class MemberKind implements RecordKind {

    /** The lookup index (spec 8.8): keyed hashes of ID numbers → members; never a number. */
    public static final Node LOOKUP = NodeFactory.createURI("urn:lianxin:lookup");
    private static final Node HOLDER = NodeFactory.createURI("urn:lianxin:lookup#member");

    private final LookupKey key;

    public MemberKind(LookupKey key) {
        this.key = key;
    }

    @Override
    public String segment() {
        return "members";
    }

    @Override
    public Node recordClass() {
        return LX.Member.asNode();
    }

    @Override
    public Graph masked(Graph record, Node iri) {
        return Masking.masked(record, iri);
    }

    @Override
    public boolean personal() {
        return true;
    }

    @Override
    public Node placement() {
        return LX.branch.asNode();
    }

    /** A member may read their own record (Table 8.7). */
    @Override
    public Optional<Node> memberOf(Graph record, Node iri) {
        return Optional.of(iri);
    }

    @Override
    public Optional<String> aboutMember(Node member) {
        return Optional.of("{ VALUES ?r { " + NodeFmtLib.strNT(member) + " } }");
    }

    @Override
    public List<Node> keptInTombstone() {
        return List.of(LX.branch.asNode());
    }

    @Override
    public List<FieldError> check(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        List<FieldError> errors = new ArrayList<>();
        Lifecycle.value(record, iri, LX.nationalIdNumber.asNode())
                .filter(Node::isLiteral)
                .ifPresent(id -> checkNationalId(id.getLiteralLexicalForm(), record, iri, errors));
        Lifecycle.value(record, iri, LX.branch.asNode()).ifPresent(branch -> {
            if (!branch.isURI() || !node.holdsOrganization(branch)) {
                // LX-CORE-58: the node holding a member's record is the node of the member's branch.
                errors.add(new FieldError("branch", "branch-local",
                        "The branch must be an organization of this node.", "LX-CORE-58"));
            } else {
                References.checkLocalOrganization(node, tx, branch, "branch").ifPresent(errors::add);
            }
        });
        record.find(Node.ANY, ORG.organization.asNode(), Node.ANY).forEach(t ->
                References.checkLocalOrganization(node, tx, t.getObject(), "memberships.organization").ifPresent(errors::add));
        // Spec 11.4: the time rules between the stages, for what this write changes.
        Optional<Development> before = tx.get(iri).filter(g -> !Lifecycle.isTombstone(g, iri)).map(g -> Development.of(g, iri));
        errors.addAll(DevelopmentRules.check(before, Development.of(record, iri), sponsor -> fullMember(node, tx, sponsor)));
        return errors;
    }

    /**
     * LX-CORE-54: one ID number, one member on a node; found through the keyed-hash index.
     * LX-TRANSFER-26: a member whose transfer is under way stays in their branch.
     */
    @Override
    public List<FieldError> conflicts(LogicalNode node, RecordTransaction tx, Node iri, Graph record) {
        if (TransferKind.reservedFor(tx, iri)) {
            return List.of(new FieldError("", "transfer-open",
                    "This IRI is kept for a member arriving by transfer; the record comes with the package.", "LX-TRANSFER-21"));
        }
        Optional<Node> branchBefore = tx.find(iri, iri, LX.branch.asNode(), Node.ANY).stream().map(Quad::getObject).findFirst();
        if (branchBefore.isPresent() && !branchBefore.equals(Lifecycle.value(record, iri, LX.branch.asNode()))
                && TransferKind.openTransfer(tx, iri).isPresent()) {
            return List.of(transferOpen());
        }
        Optional<Node> id = Lifecycle.value(record, iri, LX.nationalIdNumber.asNode());
        if (id.isEmpty() || find(tx, id.get().getLiteralLexicalForm()).filter(other -> !other.equals(iri)).isEmpty()) {
            return List.of();
        }
        return List.of(new FieldError("nationalId", "national-id-unique",
                "Another member on this node has the same ID number.", "LX-CORE-54"));
    }

    /** Whether a sponsor held by this node is a full member; empty for one held by another node (LX-PIPELINE-4). */
    private static Optional<Boolean> fullMember(LogicalNode node, RecordTransaction tx, Node sponsor) {
        if (!sponsor.isURI() || !sponsor.getURI().startsWith(node.membersUrl() + "/")) {
            return Optional.empty();
        }
        return Optional.of(tx.find(sponsor, sponsor, LX.stage.asNode(), LX.FullMember.asNode()).size() > 0
                && tx.find(sponsor, sponsor, org.apache.jena.vocabulary.RDF.type.asNode(), LX.Tombstone.asNode()).isEmpty());
    }

    /** LX-TRANSFER-26: not deleted while a transfer moves them. */
    @Override
    public void checkDelete(LogicalNode node, RecordTransaction tx, Node iri) {
        if (TransferKind.openTransfer(tx, iri).isPresent()) {
            throw ProblemException.conflict("The member has a transfer under way; finish or cancel it first.", List.of(transferOpen()));
        }
    }

    private static FieldError transferOpen() {
        return new FieldError("branch", "transfer-open", "The member has a transfer that is not finished (Requested, Approved or Accepted).",
                "LX-TRANSFER-26");
    }

    /** The live member with this ID number, through the keyed-hash index. */
    public Optional<Node> find(RecordTransaction tx, String nationalId) {
        return tx.find(LOOKUP, hashNode(nationalId), HOLDER, Node.ANY).stream().map(Quad::getObject).findFirst();
    }

    @Override
    public void indexed(RecordTransaction tx, Node iri, Optional<Graph> stored) {
        tx.remove(LOOKUP, Node.ANY, HOLDER, iri);
        stored.flatMap(g -> Lifecycle.value(g, iri, LX.nationalIdNumber.asNode())).filter(Node::isLiteral)
                .ifPresent(id -> tx.add(LOOKUP, hashNode(id.getLiteralLexicalForm()), HOLDER, iri));
    }

    /**
     * Builds the lookup index of a store that has members but no index yet (a store written before
     * the index existed), in one transaction.
     */
    public void indexIfMissing(LogicalNode node) {
        String any = "SELECT ?s WHERE { GRAPH " + NodeFmtLib.strNT(LOOKUP) + " { ?s ?p ?o } } LIMIT 1";
        String members = "SELECT ?m ?id WHERE { GRAPH ?m { ?m " + NodeFmtLib.strNT(LX.nationalIdNumber.asNode()) + " ?id } "
                + "FILTER NOT EXISTS { GRAPH ?m { ?m a " + NodeFmtLib.strNT(LX.Tombstone.asNode()) + " } } }";
        node.store().write(tx -> {
            if (tx.select(QueryFactory.create(any)).isEmpty()) {
                for (var row : tx.select(QueryFactory.create(members))) {
                    tx.add(LOOKUP, hashNode(row.get(Var.alloc("id")).getLiteralLexicalForm()), HOLDER,
                            row.get(Var.alloc("m")));
                }
            }
            return null;
        });
    }

    private Node hashNode(String nationalId) {
        return NodeFactory.createURI("urn:lianxin:hash:" + key.hash(nationalId));
    }

    /**
     * GB 11643-1999: the check character (ISO 7064 MOD 11-2), which SHACL cannot compute (LX-CORE-51),
     * and the birth date (LX-CORE-52) and sex (LX-CORE-53) the number encodes, which must agree with
     * the record. A number in the wrong format is left to the shapes' pattern.
     */
    private static void checkNationalId(String text, Graph record, Node iri, List<FieldError> errors) {
        NationalIdNumber id;
        try {
            id = NationalIdNumber.parse(text);
        } catch (NationalIdNumber.Invalid e) {
            switch (e.rule()) {
                case "national-id-check-digit" -> errors.add(new FieldError("nationalId", e.rule(), e.getMessage(), "LX-CORE-51"));
                case "national-id-birth-date" -> errors.add(new FieldError("nationalId", e.rule(), e.getMessage(), "LX-CORE-52"));
                default -> { } // the format: reported by the shapes (LX-CORE-48)
            }
            return;
        }
        Lifecycle.value(record, iri, SchemaOrg.birthDate.asNode())
                .filter(b -> b.isLiteral() && !id.birthDate().toString().equals(b.getLiteralLexicalForm()))
                .ifPresent(b -> errors.add(new FieldError("nationalId", "national-id-birth-date",
                        "Characters 7–14 of the ID number are not the birth date.", "LX-CORE-52")));
        Lifecycle.value(record, iri, SchemaOrg.gender.asNode())
                .filter(g -> !g.equals(id.male() ? SchemaOrg.Male.asNode() : SchemaOrg.Female.asNode()))
                .ifPresent(g -> errors.add(new FieldError("nationalId", "national-id-gender",
                        "Character 17 of the ID number (odd for men, even for women) does not match the gender.", "LX-CORE-53")));
    }
}
