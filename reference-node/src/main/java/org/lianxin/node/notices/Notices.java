package org.lianxin.node.notices;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.RecordInput;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.Records;
import org.lianxin.node.store.Record;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * Publishing and withdrawing a notice (spec 17.4): who may publish is who may issue a task; the
 * node sets the time, and a notice without targets is for its publisher's subtree.
 */
@ApplicationScoped
public class Notices {

    /** What a client states of a notice; everything else is the node's to set (Table 17.3). */
    private static final List<Node> STATED = List.of(RDF.type.asNode(), LX.publishedBy.asNode(), LX.target.asNode(),
            SchemaOrg.name.asNode(), SchemaOrg.text.asNode(), LX.attachment.asNode());

    /** How far back a feed and an inbound answer look (17.5, 17.6). */
    static final java.time.Duration WINDOW = java.time.Duration.ofDays(366);

    @Inject
    Records records;

    /** This node's notices without withdrawnAt, published in the last 366 days, newest first (17.5). */
    public static List<NoticeSummary> local(LogicalNode node) {
        String query = "SELECT ?n WHERE { GRAPH ?n { ?n a <" + LX.Notice.getURI() + "> ; <" + LX.publishedAt.getURI() + "> ?at "
                + "FILTER NOT EXISTS { ?n <" + LX.withdrawnAt.getURI() + "> ?w } } }";
        List<NoticeSummary> all = node.store().derived("notices", tx -> {
            List<NoticeSummary> notices = new java.util.ArrayList<>();
            for (var row : tx.select(org.apache.jena.query.QueryFactory.create(query))) {
                Node n = row.get(org.apache.jena.sparql.core.Var.alloc("n"));
                Graph g = tx.get(n).orElseThrow();
                Node publisher = Lifecycle.value(g, n, LX.publishedBy.asNode()).orElse(n);
                String name = tx.get(publisher).flatMap(o -> Lifecycle.value(o, publisher, SchemaOrg.name.asNode()))
                        .map(Node::getLiteralLexicalForm).orElse("");
                notices.add(NoticeSummary.of(n, g, node.base(), name));
            }
            notices.sort(NoticeSummary.NEWEST_FIRST);
            return List.copyOf(notices);
        });
        Instant since = Instant.now().minus(WINDOW);
        return all.stream().filter(n -> !n.instant().isBefore(since)).toList();
    }

    /** LX-NOTICE-2..4: a new notice, as stored. */
    public Record publish(LogicalNode node, Record input, RecordGuard guard) {
        RecordCollection notices = records.notices();
        Node iri = input.iri();
        Graph notice = RecordInput.stated(input, STATED);
        RecordValidator.reject(notices.validate(new Record(iri, notice)));
        if (!guard.writes(notices.kind())) {
            throw ProblemException.forbidden("Only a secretary or organization admin publishes notices."); // LX-NOTICE-3
        }
        Node publisher = Lifecycle.value(notice, iri, LX.publishedBy.asNode()).orElseThrow();
        if (!notice.contains(iri, LX.target.asNode(), Node.ANY)) {
            notice.add(iri, LX.target.asNode(), publisher); // LX-NOTICE-2: no targets is the publisher's subtree
        }
        notice.add(iri, LX.publishedAt.asNode(), Lifecycle.dateTime(Instant.now()));
        Graph stored = node.store().write(tx -> {
            guard.writing(notices.kind(), iri, Optional.empty(), Optional.of(notice));
            List<FieldError> errors = notices.kind().check(node, tx, iri, notice);
            boolean publisherKnown = errors.stream().noneMatch(e -> NoticeKind.PUBLISHER_RULE.equals(e.rule()));
            if (publisherKnown && !guard.writable(node, tx, notices.kind(), iri, notice)) {
                throw ProblemException.forbidden("Only a secretary or organization admin over the publishing organization publishes its notices.");
            }
            return notices.writeIn(node, tx, new Record(iri, notice));
        });
        return Records.asStored(node, iri, stored);
    }

    /** LX-NOTICE-6: the publisher withdraws the notice; it leaves every feed. */
    public Record withdraw(LogicalNode node, Record seen, RecordGuard guard) {
        Node iri = seen.iri();
        RecordCollection notices = records.notices();
        if (!node.store().read(tx -> guard.writable(node, tx, notices.kind(), iri, seen.graph()))) {
            throw ProblemException.forbidden("Only a secretary or organization admin over the publishing organization withdraws its notices.");
        }
        Graph stored = node.store().write(tx -> {
            Graph before = tx.get(iri).orElseThrow();
            guard.writing(notices.kind(), iri, Optional.of(before), Optional.of(before));
            if (before.contains(iri, LX.withdrawnAt.asNode(), Node.ANY)) {
                throw ProblemException.conflict("The notice is withdrawn already.",
                        List.of(new FieldError("withdrawnAt", "notice-withdrawn", "A withdrawn notice cannot be withdrawn again.", "LX-NOTICE-6")));
            }
            Graph after = Lifecycle.withoutDates(before, iri);
            Instant now = Lifecycle.writeTime(Optional.of(before), iri);
            Lifecycle.set(after, iri, LX.withdrawnAt.asNode(), Lifecycle.dateTime(now));
            Graph g = Lifecycle.stamped(after, iri, Optional.of(before), now);
            tx.put(iri, g);
            return g;
        });
        return Records.asStored(node, iri, stored);
    }
}
