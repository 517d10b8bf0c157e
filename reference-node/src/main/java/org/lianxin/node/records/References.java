package org.lianxin.node.records;

import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/** Links between records on one node. */
public final class References {

    private References() {}

    /** An absolute http(s) IRI as a query parameter, a claim or a JSON value must give it (LX-CORE-37). */
    public static final String ABSOLUTE_IRI = "https?://[^\\s<>\"{}|^`\\\\]+";

    /** Whether {@code iri} names a live (not deleted) record in {@code tx}. */
    public static boolean isLive(RecordTransaction tx, Node iri) {
        return tx.get(iri).map(g -> !Lifecycle.isTombstone(g, iri)).orElse(false);
    }

    /**
     * LX-CORE-26: a link to an organization of this node must name a live organization. A link to an
     * organization of another node is not checked here (the Federation class checks those).
     */
    public static Optional<FieldError> checkLocalOrganization(LogicalNode node, RecordTransaction tx, Node target, String field) {
        if (!target.isURI() || !node.holdsOrganization(target) || isLive(tx, target)) {
            return Optional.empty();
        }
        return Optional.of(missingOrganization(field));
    }

    /** LX-CORE-26, also for an organization the caller may not see: the answer does not tell which (spec 8.6). */
    public static FieldError missingOrganization(String field) {
        return new FieldError(field, "local-reference",
                "The organization this links to does not exist on this node, or was deleted.", "LX-CORE-26");
    }

    /** The live member record {@code member} of this node. */
    public static Optional<Graph> liveMember(LogicalNode node, RecordTransaction tx, Node member) {
        if (!member.isURI() || !member.getURI().startsWith(node.membersUrl() + "/")) {
            return Optional.empty();
        }
        return tx.get(member).filter(g -> g.contains(member, RDF.type.asNode(), LX.Member.asNode()))
                .filter(g -> !Lifecycle.isTombstone(g, member));
    }

    /** The base URL of the node of a record or organization IRI: all before {@code /transfers/}, {@code /organizations/}, ... */
    public static String baseOf(Node iri) {
        String s = iri.getURI();
        int slash = s.lastIndexOf('/');
        int before = slash > 0 ? s.lastIndexOf('/', slash - 1) : -1;
        return before > 0 ? s.substring(0, before) : s;
    }
}
