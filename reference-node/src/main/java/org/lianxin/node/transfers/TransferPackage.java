package org.lianxin.node.transfers;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.store.Record;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * The package (spec 10.6): the member's records as the sending node stores them, one named graph
 * per record, in N-Quads — the member record with all its values (stages and their dates, posts,
 * dues category), each of the member's dues payments and each of their study records (spec 16.9).
 * Nothing is typed again at the receiving node (LX-TRANSFER-18, LX-TRANSFER-20, LX-LEARN-17, -18).
 */
public final class TransferPackage {

    public static final String MEDIA_TYPE = "application/n-quads";

    /** Where the sending node keeps each package until the receiving node says it has it (the received message). */
    static final Node PACKAGES = org.apache.jena.graph.NodeFactory.createURI("urn:lianxin:transfer-packages");
    static final Node CONTENT = org.apache.jena.graph.NodeFactory.createURI("urn:lianxin:transfer-packages#content");

    private TransferPackage() {}

    /** The package of {@code member} (its record {@code record}, read in {@code tx}), as N-Quads. */
    static String of(RecordTransaction tx, Node member, Graph record) {
        DatasetGraph dataset = DatasetGraphFactory.create();
        record.find().forEach(t -> dataset.add(member, t.getSubject(), t.getPredicate(), t.getObject()));
        withRecords(tx, dataset, member, LX.payer.asNode(), LX.DuesPayment.asNode());
        withRecords(tx, dataset, member, LX.learner.asNode(), LX.StudyRecord.asNode()); // LX-LEARN-17: the history of study
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, dataset, Lang.NQUADS);
        return out.toString();
    }

    /** Adds to {@code dataset} each live record of class {@code type} whose {@code link} is {@code member}, as stored. */
    private static void withRecords(RecordTransaction tx, DatasetGraph dataset, Node member, Node link, Node type) {
        tx.find(Node.ANY, Node.ANY, link, member).stream().map(Quad::getGraph).distinct()
                .filter(r -> tx.find(r, r, RDF.type.asNode(), type).size() > 0 && tx.find(r, r, RDF.type.asNode(), LX.Tombstone.asNode()).isEmpty())
                .forEach(r -> tx.get(r).ifPresent(g -> g.find().forEach(t -> dataset.add(r, t.getSubject(), t.getPredicate(), t.getObject()))));
    }

    /** The records of a package as the receiving node stores them: the member first, then its payments and study records. */
    public record Unpacked(Record member, List<Record> payments, List<Record> studyRecords) {}

    /**
     * Unpacks {@code nquads} for the receiving node: the graph named {@code oldMember} becomes the
     * member record {@code newMember} in {@code branch}, every other value kept; each payment graph
     * becomes a payment of {@code newMember} under an id of this node derived from the old IRI, so
     * that unpacking twice gives the same records. Empty when the package has no such member.
     */
    static Optional<Unpacked> unpack(String nquads, Node oldMember, Node newMember, Node branch, String nodeBase) {
        DatasetGraph dataset = DatasetGraphFactory.create();
        try {
            RDFParser.fromString(nquads, Lang.NQUADS).parse(dataset);
        } catch (RiotException e) {
            return Optional.empty();
        }
        if (!dataset.containsGraph(oldMember)) {
            return Optional.empty();
        }
        Graph member = renamed(dataset.getGraph(oldMember), oldMember, newMember);
        member.find(newMember, LX.branch.asNode(), Node.ANY).toList().forEach(member::delete);
        member.add(newMember, LX.branch.asNode(), branch);
        return Optional.of(new Unpacked(new Record(newMember, member), moved(dataset, LX.DuesPayment.asNode(), nodeBase + "/dues/payments", oldMember, newMember),
                moved(dataset, LX.StudyRecord.asNode(), nodeBase + "/study-records", oldMember, newMember)));
    }

    /** Each graph of the package holding a record of class {@code type}, renamed under {@code url} and for {@code newMember}. */
    private static List<Record> moved(DatasetGraph dataset, Node type, String url, Node oldMember, Node newMember) {
        List<Record> moved = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(name -> {
            if (!name.equals(oldMember) && name.isURI() && dataset.getGraph(name).contains(name, RDF.type.asNode(), type)) {
                Node iri = org.apache.jena.graph.NodeFactory.createURI(url + "/moved-" + shortHash(name.getURI()));
                moved.add(new Record(iri, renamed(renamed(dataset.getGraph(name), name, iri), oldMember, newMember)));
            }
        });
        return moved;
    }

    /** The graph with {@code from} replaced by {@code to} wherever it occurs, and without the dates the storing node sets. */
    private static Graph renamed(Graph graph, Node from, Node to) {
        Graph renamed = GraphFactory.createDefaultGraph();
        graph.find().forEach(t -> {
            Node s = t.getSubject().equals(from) ? to : t.getSubject();
            Node o = t.getObject().equals(from) ? to : t.getObject();
            boolean dates = s.equals(to) && (t.getPredicate().equals(DCTerms.created.asNode()) || t.getPredicate().equals(DCTerms.modified.asNode()));
            if (!dates) {
                renamed.add(Triple.create(s, t.getPredicate(), o));
            }
        });
        return renamed;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
