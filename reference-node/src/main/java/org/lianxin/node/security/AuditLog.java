package org.lianxin.node.security;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.paging.Cursor;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.store.StoreIndex;

/**
 * A node's append-only audit log (spec 8.9): who did what with which record, acting for which
 * organization, why and with what outcome. Entries are kept in the node's store apart from the
 * records, one graph each, in the order they were appended; no route changes or removes one, and
 * the node drops an entry only once it is older than the retention period.
 */
@ApplicationScoped
public class AuditLog {

    /** One audit entry (Table 8.12). */
    public record Entry(String id, Instant at, String actor, Optional<String> actingFor, List<String> roles, String action,
                        Optional<String> record, List<String> organizations, Optional<String> purpose, int outcome) {

        public JsonObject toJson() {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("id", id).add("at", Lifecycle.dateTime(at).getLiteralLexicalForm())
                    .add("actor", actor);
            actingFor.ifPresent(a -> json.add("actingFor", a));
            json.add("roles", JSON.createArrayBuilder(roles)).add("action", action);
            record.ifPresent(r -> json.add("record", r));
            json.add("organizations", JSON.createArrayBuilder(organizations));
            purpose.ifPresent(p -> json.add("purpose", p));
            return json.add("outcome", outcome).build();
        }
    }

    private static final String NS = "urn:lianxin:audit#";
    private static final Node ENTRY = NodeFactory.createURI(NS + "Entry");
    private static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    private static final Node ENTRY_JSON = NodeFactory.createURI(NS + "json");
    private static final Node AT = NodeFactory.createURI(NS + "at");

    /** How long entries are kept; 6 months unless configured (Cybersecurity Law art. 21: logs for at least 6 months). */
    @Inject
    @ConfigProperty(name = "lianxin.audit.retention", defaultValue = "P6M")
    String retention;

    /** Appends entries in one write transaction, in their order. */
    public void append(LogicalNode node, List<Entry> entries) {
        node.store().write(tx -> {
            for (Entry entry : entries) {
                Node name = NodeFactory.createURI("urn:lianxin:audit:" + entry.id());
                Graph g = GraphFactory.createDefaultGraph();
                g.add(name, TYPE, ENTRY);
                g.add(name, AT, Lifecycle.dateTime(entry.at()));
                g.add(name, ENTRY_JSON, NodeFactory.createLiteralString(entry.toJson().toString()));
                tx.put(name, g);
            }
            return null;
        });
        if (purged.getOrDefault(node.base(), Instant.EPOCH).isBefore(Instant.now().minus(PURGE_EVERY))) {
            purge(node);
        }
    }

    /**
     * Drops the entries older than the retention period, never younger ones (LX-SEC-52): personal
     * data in the log is kept as long as the law asks, and no longer (PIPL art. 19).
     */
    public int purge(LogicalNode node) {
        purged.put(node.base(), Instant.now());
        String sparql = "SELECT ?e WHERE { GRAPH ?e { ?e a <" + ENTRY.getURI() + "> ; <" + AT.getURI() + "> ?at "
                + "FILTER(?at < " + NodeFmtLib.strNT(Lifecycle.dateTime(oldestKept())) + ") } }";
        return node.store().write(tx -> {
            List<Binding> old = tx.select(QueryFactory.create(sparql));
            old.forEach(row -> tx.drop(row.get(Var.alloc("e"))));
            return old.size();
        });
    }

    /** When each node's log was last purged: at most once an hour, on an append. */
    private final java.util.Map<String, Instant> purged = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.time.Duration PURGE_EVERY = java.time.Duration.ofHours(1);

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The entries after {@code after}, in append order, with the sequence number of each. */
    public List<Listed> after(LogicalNode node, Optional<Cursor> after, int max) {
        String sparql = "SELECT ?e ?seq ?json WHERE { GRAPH <" + StoreIndex.GRAPH.getURI() + "> { ?e <" + StoreIndex.SEQUENCE.getURI()
                + "> ?seq FILTER(?seq > " + after.map(Cursor::position).orElse(0L) + ") } GRAPH ?e { ?e a <" + ENTRY.getURI()
                + "> ; <" + ENTRY_JSON.getURI() + "> ?json ; <" + AT.getURI() + "> ?at FILTER(?at >= "
                + NodeFmtLib.strNT(Lifecycle.dateTime(oldestKept())) + ") } } ORDER BY ?seq LIMIT " + max;
        List<Listed> listed = new ArrayList<>();
        for (Binding row : node.store().read(tx -> tx.select(QueryFactory.create(sparql)))) {
            listed.add(new Listed(((Number) row.get(Var.alloc("seq")).getLiteralValue()).longValue(),
                    JSON.createReader(new java.io.StringReader(row.get(Var.alloc("json")).getLiteralLexicalForm())).readObject()));
        }
        return listed;
    }

    /** An entry as listed, with its place in the log. */
    public record Listed(long sequence, JsonObject entry) {}

    /** Entries before this instant are past the retention period (and are not listed). */
    Instant oldestKept() {
        return Instant.now().atOffset(ZoneOffset.UTC).minus(Period.parse(retention)).toInstant();
    }
}
