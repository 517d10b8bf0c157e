package org.lianxin.node.records;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.spec.LX;

/**
 * The properties a node manages itself on every record (spec Table 3.6): when it was created and
 * last modified, and the tombstone that replaces a deleted record (it answers 410 with itself
 * instead of vanishing).
 */
public final class Lifecycle {

    private Lifecycle() {}

    /** Days, months and years of the rules (letters, periods, the last month ended) are counted in China, whatever the server's zone. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The last month that has ended in China: what a statistic of months counts up to by default. */
    public static java.time.YearMonth lastMonthEnded() {
        return java.time.YearMonth.from(java.time.LocalDate.now(CHINA)).minusMonths(1);
    }

    /** The record without created and modified, to be changed and stamped again by {@link #stamped}. */
    public static Graph withoutDates(Graph record, Node iri) {
        Graph copy = GraphFactory.createDefaultGraph();
        record.find().filterDrop(t -> t.getSubject().equals(iri)
                && (t.getPredicate().equals(DCTerms.created.asNode()) || t.getPredicate().equals(DCTerms.modified.asNode())))
                .forEach(copy::add);
        return copy;
    }

    /** Gives {@code subject} the one value {@code value} of {@code property} in {@code record}. */
    public static void set(Graph record, Node subject, Node property, Node value) {
        record.find(subject, property, Node.ANY).toList().forEach(record::delete);
        record.add(subject, property, value);
    }

    /** Always with milliseconds and in UTC, e.g. 2026-11-27T03:04:05.060Z, so that values line up. */
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    /**
     * The instant an xsd:dateTime spells, for comparing times: TDB2 gives a time back in its
     * canonical form ({@code …01.5Z} for {@code …01.500Z}), whose text does not sort as the time does.
     * {@link Instant#MIN} for anything else.
     */
    public static Instant instant(String dateTime) {
        try {
            return java.time.OffsetDateTime.parse(dateTime).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.MIN;
        }
    }

    public static Node dateTime(Instant instant) {
        return NodeFactory.createLiteralDT(MILLIS.format(instant), XSDDatatype.XSDdateTime);
    }

    /**
     * The time of a write of a record last modified at {@code previous}: now, in milliseconds, and
     * always later than the previous write (LX-CORE-25), even within one millisecond.
     */
    public static Instant writeTime(Optional<Graph> before, Node iri) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Optional<Instant> previous = before.flatMap(b -> value(b, iri, DCTerms.modified.asNode()))
                .map(m -> Instant.parse(m.getLiteralLexicalForm()));
        return previous.filter(p -> !now.isAfter(p)).map(p -> p.plusMillis(1)).orElse(now);
    }

    /** {@code record} with created (kept from before, when there was a before) and modified set. */
    public static Graph stamped(Graph record, Node iri, Optional<Graph> before, Instant now) {
        Node created = before.flatMap(b -> value(b, iri, DCTerms.created.asNode())).orElse(dateTime(now));
        record.add(iri, DCTerms.created.asNode(), created);
        record.add(iri, DCTerms.modified.asNode(), dateTime(now));
        return record;
    }

    /** The tombstone of a deleted record: its types, its dates, the links {@code kept}, nothing else. */
    public static Graph tombstone(Graph before, Node iri, List<Node> kept, Instant now) {
        Graph tombstone = GraphFactory.createDefaultGraph();
        before.find(iri, RDF.type.asNode(), Node.ANY).forEach(tombstone::add);
        kept.forEach(p -> before.find(iri, p, Node.ANY).forEach(tombstone::add));
        tombstone.add(iri, RDF.type.asNode(), LX.Tombstone.asNode());
        value(before, iri, DCTerms.created.asNode()).ifPresent(c -> tombstone.add(iri, DCTerms.created.asNode(), c));
        tombstone.add(iri, DCTerms.modified.asNode(), dateTime(now));
        tombstone.add(iri, LX.deleted.asNode(), dateTime(now));
        return tombstone;
    }

    public static boolean isTombstone(Graph record, Node iri) {
        return record.contains(iri, RDF.type.asNode(), LX.Tombstone.asNode());
    }

    public static Optional<Node> value(Graph record, Node subject, Node property) {
        var found = record.find(subject, property, Node.ANY);
        return found.hasNext() ? Optional.of(found.next().getObject()) : Optional.empty();
    }
}
