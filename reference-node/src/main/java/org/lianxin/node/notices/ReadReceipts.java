package org.lianxin.node.notices;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * Read receipts (spec 17.7): kept by the member's node, at most one per member and notice
 * (LX-NOTICE-10). The receipt's graph is named by the member and the notice, so that a second read
 * finds the first under the one writer and stores nothing.
 */
final class ReadReceipts {

    /** A member's receipt for a notice; {@code first} when this read stored it. */
    record Receipt(Node reader, Node notice, String readAt, boolean first) {

        JsonObject toJson() {
            return JSON.createObjectBuilder().add("reader", reader.getURI()).add("notice", notice.getURI()).add("readAt", readAt).build();
        }
    }

    private ReadReceipts() {}

    /** LX-NOTICE-10: the member's receipt for the notice, stored now when there was none. */
    static Receipt read(LogicalNode node, Node member, Node notice) {
        Node iri = iri(node, member, notice);
        boolean first = node.store().write(tx -> {
            if (tx.exists(iri)) {
                return false;
            }
            Graph receipt = GraphFactory.createDefaultGraph();
            receipt.add(iri, RDF.type.asNode(), LX.ReadReceipt.asNode());
            receipt.add(iri, LX.reader.asNode(), member);
            receipt.add(iri, LX.notice.asNode(), notice);
            receipt.add(iri, LX.readAt.asNode(), Lifecycle.dateTime(Instant.now()));
            tx.put(iri, receipt);
            return true;
        });
        // As the store gives it back: the time in its canonical form, the same on every later read.
        String readAt = node.store().read(tx -> tx.get(iri)).flatMap(g -> Lifecycle.value(g, iri, LX.readAt.asNode()))
                .map(Node::getLiteralLexicalForm).orElseThrow();
        return new Receipt(member, notice, readAt, first);
    }

    /** The notices {@code member} has read, each with its readAt. */
    static Map<String, String> of(RecordTransaction tx, Node member) {
        Map<String, String> read = new HashMap<>();
        for (Quad q : tx.find(Node.ANY, Node.ANY, LX.reader.asNode(), member)) {
            Node receipt = q.getGraph();
            Optional<Graph> g = tx.get(receipt);
            Optional<Node> notice = g.flatMap(r -> Lifecycle.value(r, receipt, LX.notice.asNode()));
            Optional<Node> at = g.flatMap(r -> Lifecycle.value(r, receipt, LX.readAt.asNode()));
            if (notice.isPresent() && at.isPresent()) {
                read.put(notice.get().getURI(), at.get().getLiteralLexicalForm());
            }
        }
        return read;
    }

    private static Node iri(LogicalNode node, Node member, Node notice) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((member.getURI() + "\n" + notice.getURI()).getBytes(StandardCharsets.UTF_8));
            return NodeFactory.createURI(node.base() + "/read-receipts/" + HexFormat.of().formatHex(hash, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
