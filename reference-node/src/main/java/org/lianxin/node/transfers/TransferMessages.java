package org.lianxin.node.transfers;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.JsonP;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.Records;
import org.lianxin.node.records.References;
import org.lianxin.node.security.Caller;
import org.lianxin.node.store.Record;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.node.validation.RecordValidator;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * The messages other nodes send about transfers (spec 10.5, Table 10.6), received at
 * {@code POST {base}/transfers/messages}. Each is applied in one write transaction that starts from
 * the stored state, so a message sent again is answered as the first time and changes nothing
 * (LX-TRANSFER-10): that is what makes the senders' retries safe.
 */
@ApplicationScoped
public class TransferMessages {

    /** The message types and who sends each (Table 10.6): the sending node (true) or the receiving node. */
    private static final List<String> FROM_SENDING_NODE = List.of("offer", "withdrawal");
    private static final List<String> FROM_RECEIVING_NODE = List.of("receipt", "rejection", "received");

    @Inject
    Records records;

    @Inject
    org.lianxin.node.security.CurrentCaller audit;

    /** Applies one message from the node {@code caller}; the answer of Table 10.6. */
    public Response receive(LogicalNode node, Caller caller, String idempotencyKey, String body) {
        // Table 10.10, in its order: the form of the message (400), then who sends it (403).
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw badMessage("A message has an Idempotency-Key header."); // LX-TRANSFER-14
        }
        JsonObject message = parse(body);
        String type = text(message, "type");
        Node transfer = iri(message, "transfer");
        if (FROM_SENDING_NODE.contains(type)) {
            Offer offer = type.equals("offer") ? Offer.of(message) : null;
            sentBy(caller, References.baseOf(transfer));
            return offer != null ? offer(node, transfer, offer, message) : withdrawal(node, transfer, message);
        }
        if (!FROM_RECEIVING_NODE.contains(type)) {
            throw badMessage("type is one of offer, receipt, rejection, withdrawal and received.");
        }
        Node receiving = iri(message, "receivingTransfer");
        Node newMember = type.equals("receipt") ? iri(message, "newMember") : null;
        String reason = type.equals("rejection") ? text(message, "reason") : null;
        sentBy(caller, References.baseOf(receiving));
        Graph sending = sendingRecord(node, transfer);
        boolean toSender = Lifecycle.value(sending, transfer, LX.toOrganization.asNode())
                .filter(o -> o.isURI() && o.getURI().startsWith(caller.subject() + "/organizations/")).isPresent();
        if (!toSender) {
            throw ProblemException.forbidden("The transfer is not to an organization of the calling node."); // LX-TRANSFER-13
        }
        return switch (type) {
            case "receipt" -> {
                // LX-TRANSFER-28: the member's full record leaves this node; listed under the sending organization.
                audit.audited("transfer-release");
                audit.concerns(List.of(transfer.getURI()));
                Lifecycle.value(sending, transfer, LX.fromOrganization.asNode()).ifPresent(o -> audit.placed(List.of(o.getURI())));
                yield receipt(node, transfer, receiving, newMember);
            }
            case "rejection" -> rejection(node, transfer, receiving, reason);
            default -> received(node, transfer);
        };
    }

    /** LX-TRANSFER-13: only a node, and only the one Table 10.6 names, sends a message. */
    private static void sentBy(Caller caller, String base) {
        if (!caller.has(Caller.NODE) || !Caller.Audience.normalized(caller.subject()).equals(base)) {
            throw ProblemException.forbidden("Only the node " + base + " sends this message, with a token of the role node.");
        }
    }

    /** The values of an offer (Table 10.8), each of its form, or a 400 (LX-TRANSFER-14). */
    private record Offer(Node member, Node from, Node to, String name, Node gender, Node stage, String letterNumber,
                         java.time.LocalDate letterIssued, java.time.LocalDate letterValidUntil, Optional<java.time.YearMonth> duesPaidThrough) {

        private static final List<String> GENDERS = List.of("Male", "Female");
        private static final List<String> STAGES = List.of("Applicant", "Activist", "DevelopmentCandidate", "ProbationaryMember", "FullMember");

        static Offer of(JsonObject message) {
            String gender = text(message, "gender");
            String stage = text(message, "stage");
            if (!GENDERS.contains(gender) || !STAGES.contains(stage)) {
                throw badMessage("gender is Male or Female; stage is one of " + String.join(", ", STAGES) + ".");
            }
            try {
                return new Offer(iri(message, "transferredMember"), iri(message, "fromOrganization"), iri(message, "toOrganization"),
                        text(message, "name"), NodeFactory.createURI(SchemaOrg.NS + gender), NodeFactory.createURI(LX.NS + stage),
                        text(message, "letterNumber"), java.time.LocalDate.parse(text(message, "letterIssued")),
                        java.time.LocalDate.parse(text(message, "letterValidUntil")),
                        optional(message, "duesPaidThrough").map(java.time.YearMonth::parse));
            } catch (java.time.format.DateTimeParseException e) {
                throw badMessage("letterIssued and letterValidUntil are days (yyyy-mm-dd), duesPaidThrough a month (yyyy-mm).");
            }
        }
    }

    /** LX-TRANSFER-9, -11: the receiving node's record of the transfer, in state Approved. */
    private Response offer(LogicalNode node, Node transfer, Offer offer, JsonObject message) {
        Node to = offer.to();
        Optional<Node> known = node.store().read(tx -> receivingRecordOf(tx, transfer));
        if (known.isPresent()) {
            return answer(200, JSON.createObjectBuilder().add("receivingTransfer", known.get().getURI()).build());
        }
        if (!node.holdsOrganization(to) || !node.store().read(tx -> References.isLive(tx, to))) {
            throw ProblemException.invalid("toOrganization", "transfer-destination",
                    "toOrganization is not an organization of this node.", "LX-TRANSFER-11");
        }
        RecordCollection transfers = records.transfers();
        Node iri = transfers.iri(node, RecordCollection.newId());
        Graph g = GraphFactory.createDefaultGraph();
        g.add(iri, RDF.type.asNode(), LX.Transfer.asNode());
        g.add(iri, LX.sendingTransfer.asNode(), transfer);
        g.add(iri, LX.transferredMember.asNode(), offer.member());
        g.add(iri, LX.fromOrganization.asNode(), offer.from());
        g.add(iri, LX.toOrganization.asNode(), to);
        g.add(iri, LX.transferState.asNode(), TransferState.APPROVED.iri());
        g.add(iri, SchemaOrg.name.asNode(), NodeFactory.createLiteralString(offer.name()));
        g.add(iri, SchemaOrg.gender.asNode(), offer.gender());
        g.add(iri, LX.stage.asNode(), offer.stage());
        g.add(iri, LX.letterNumber.asNode(), NodeFactory.createLiteralString(offer.letterNumber()));
        g.add(iri, LX.letterIssued.asNode(), NodeFactory.createLiteralDT(offer.letterIssued().toString(), XSDDatatype.XSDdate));
        g.add(iri, LX.letterValidUntil.asNode(), NodeFactory.createLiteralDT(offer.letterValidUntil().toString(), XSDDatatype.XSDdate));
        optional(message, "reason").ifPresent(r -> g.add(iri, LX.transferReason.asNode(), NodeFactory.createLiteralString(r)));
        offer.duesPaidThrough().ifPresent(m -> g.add(iri, LX.duesPaidThrough.asNode(),
                NodeFactory.createLiteralDT(m.toString(), XSDDatatype.XSDgYearMonth)));
        Record record = new Record(iri, g);
        RecordValidator.reject(transfers.validate(record)); // a value of the wrong form is a 422 with the shapes' report
        Node stored = node.store().write(tx -> {
            Optional<Node> meanwhile = receivingRecordOf(tx, transfer); // the same offer, sent twice at once
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            transfers.writeIn(node, tx, record);
            return iri;
        });
        return answer(stored.equals(iri) ? 201 : 200, JSON.createObjectBuilder().add("receivingTransfer", stored.getURI()).build());
    }

    /** LX-TRANSFER-23: the sending organization withdrew; the receiving node's record is Cancelled. */
    private Response withdrawal(LogicalNode node, Node transfer, JsonObject message) {
        Optional<String> reason = optional(message, "reason");
        node.store().write(tx -> {
            Node iri = receivingRecordOf(tx, transfer).orElseThrow(() -> ProblemException.notFound("The transfer " + transfer.getURI()));
            Graph before = tx.get(iri).orElseThrow();
            TransferState state = Transfers.stateOf(before, iri);
            if (state == TransferState.CANCELLED) {
                return null;
            }
            if (state != TransferState.APPROVED && state != TransferState.ACCEPTED) {
                throw Transfers.stateConflict("withdrawal", state);
            }
            Graph after = Lifecycle.withoutDates(before, iri);
            Lifecycle.set(after, iri, LX.transferState.asNode(), TransferState.CANCELLED.iri());
            reason.ifPresent(r -> Lifecycle.set(after, iri, LX.rejectionReason.asNode(), NodeFactory.createLiteralString(r)));
            return Transfers.store(tx, iri, before, after);
        });
        return answer(200, JSON.createObjectBuilder().add("transferState", TransferState.CANCELLED.json()).build());
    }

    /**
     * LX-TRANSFER-17, -19: the receipt (回执). In one transaction the member record becomes a
     * tombstone that points to its new IRI and the transfer is Completed; the answer is the package,
     * kept until the receiving node says it has stored it, so that a receipt sent again gets it again.
     */
    private Response receipt(LogicalNode node, Node transfer, Node receiving, Node newMember) {
        String nquads = node.store().write(tx -> {
            Graph before = tx.get(transfer).orElseThrow();
            TransferState state = Transfers.stateOf(before, transfer);
            if (state == TransferState.COMPLETED && Lifecycle.value(before, transfer, LX.newMember.asNode()).equals(Optional.of(newMember))) {
                return tx.find(TransferPackage.PACKAGES, transfer, TransferPackage.CONTENT, Node.ANY).stream()
                        .map(q -> q.getObject().getLiteralLexicalForm()).findFirst().orElse("");
            }
            if (state != TransferState.APPROVED) {
                throw Transfers.stateConflict("receipt", state, "LX-TRANSFER-19");
            }
            Node member = Lifecycle.value(before, transfer, LX.transferredMember.asNode()).orElseThrow();
            Graph record = References.liveMember(node, tx, member).orElseThrow(() -> Transfers.stateConflict("receipt", state));
            String content = TransferPackage.of(tx, member, record);
            Instant now = Lifecycle.writeTime(Optional.of(record), member);
            Graph tombstone = Lifecycle.tombstone(record, member, records.memberKind().keptInTombstone(), now);
            tombstone.add(member, DCTerms.isReplacedBy.asNode(), newMember); // Table 3.7
            tx.put(member, tombstone);
            records.memberKind().indexed(tx, member, Optional.empty());
            Graph after = Lifecycle.withoutDates(before, transfer);
            Lifecycle.set(after, transfer, LX.transferState.asNode(), TransferState.COMPLETED.iri());
            Lifecycle.set(after, transfer, LX.completedAt.asNode(), Lifecycle.dateTime(now));
            Lifecycle.set(after, transfer, LX.newMember.asNode(), newMember);
            Lifecycle.set(after, transfer, LX.receivingTransfer.asNode(), receiving);
            Transfers.store(tx, transfer, before, after);
            tx.add(TransferPackage.PACKAGES, transfer, TransferPackage.CONTENT, NodeFactory.createLiteralString(content));
            return content;
        });
        return Response.ok(nquads, TransferPackage.MEDIA_TYPE + ";charset=utf-8").build();
    }

    /** LX-TRANSFER-22: the receiving organization rejected; the member stays here. */
    private Response rejection(LogicalNode node, Node transfer, Node receiving, String reason) {
        node.store().write(tx -> {
            Graph before = tx.get(transfer).orElseThrow();
            TransferState state = Transfers.stateOf(before, transfer);
            if (state == TransferState.REJECTED) {
                return null;
            }
            if (state != TransferState.APPROVED) {
                throw Transfers.stateConflict("rejection", state);
            }
            Graph after = Lifecycle.withoutDates(before, transfer);
            Lifecycle.set(after, transfer, LX.transferState.asNode(), TransferState.REJECTED.iri());
            Lifecycle.set(after, transfer, LX.rejectionReason.asNode(), NodeFactory.createLiteralString(reason));
            Lifecycle.set(after, transfer, LX.receivingTransfer.asNode(), receiving); // Table 10.9; decidedAt is the receiving node's
            return Transfers.store(tx, transfer, before, after);
        });
        return answer(200, JSON.createObjectBuilder().add("transferState", TransferState.REJECTED.json()).build());
    }

    /** The receiving node has stored the package: this node keeps no copy of the member's data (spec 10.6). */
    private Response received(LogicalNode node, Node transfer) {
        node.store().write(tx -> {
            TransferState state = Transfers.stateOf(tx.get(transfer).orElseThrow(), transfer);
            if (state != TransferState.COMPLETED) {
                throw Transfers.stateConflict("received", state);
            }
            tx.remove(TransferPackage.PACKAGES, transfer, TransferPackage.CONTENT, Node.ANY);
            return null;
        });
        return answer(200, JsonValue.EMPTY_JSON_OBJECT);
    }

    /** The sending node's record {@code transfer}: a transfer of this node that it sent; else 404. */
    private Graph sendingRecord(LogicalNode node, Node transfer) {
        return node.store().read(tx -> tx.get(transfer))
                .filter(g -> transfer.getURI().startsWith(node.base() + "/transfers/"))
                .filter(g -> g.contains(transfer, RDF.type.asNode(), LX.Transfer.asNode()))
                .filter(g -> Lifecycle.value(g, transfer, LX.sendingTransfer.asNode()).isEmpty())
                .orElseThrow(() -> ProblemException.notFound("The transfer " + transfer.getURI()));
    }

    /** This node's record of the transfer whose sending record is {@code transfer}, found by index. */
    static Optional<Node> receivingRecordOf(RecordTransaction tx, Node transfer) {
        return tx.find(Node.ANY, Node.ANY, LX.sendingTransfer.asNode(), transfer).stream().map(Quad::getGraph).findFirst();
    }

    private static JsonObject parse(String body) {
        return JsonP.object(body).orElseThrow(() -> badMessage("The body is a JSON object."));
    }

    private static String text(JsonObject message, String key) {
        return optional(message, key).orElseThrow(() -> badMessage("The message has the key " + key + " (Table 10.6)."));
    }

    private static Optional<String> optional(JsonObject message, String key) {
        JsonValue value = message.get(key);
        return value instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }

    private static Node iri(JsonObject message, String key) {
        String value = text(message, key);
        if (!value.matches(References.ABSOLUTE_IRI)) {
            throw badMessage(key + " is an absolute http(s) IRI.");
        }
        return NodeFactory.createURI(value);
    }

    private static ProblemException badMessage(String detail) {
        return ProblemException.badRequest(detail + " (LX-TRANSFER-14)");
    }

    private static Response answer(int status, JsonObject body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }
}
