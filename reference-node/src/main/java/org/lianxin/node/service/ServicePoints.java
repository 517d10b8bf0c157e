package org.lianxin.node.service;

import static org.lianxin.node.rdf.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.References;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * The organizations of a node that serve residents (spec 18.2): those with a {@code serviceArea},
 * the community or village they serve. A resident finds where to send a request here.
 */
final class ServicePoints {

    private ServicePoints() {}

    /** LX-SERVICE-2: the node's live organizations with a serviceArea, by IRI: organization, name and serviceArea, nothing more. */
    static JsonObject of(LogicalNode node) {
        String query = """
                SELECT ?o ?name ?area WHERE {
                  GRAPH ?o { ?o <%s> ?area ; <http://schema.org/name> ?name }
                  FILTER NOT EXISTS { GRAPH ?o { ?o a <%s> } }
                } ORDER BY ?o""".formatted(LX.serviceArea.getURI(), LX.Tombstone.getURI());
        JsonArrayBuilder items = JSON.createArrayBuilder();
        node.store().read(tx -> tx.select(QueryFactory.create(query))).forEach(r -> items.add(JSON.createObjectBuilder()
                .add("organization", r.get(Var.alloc("o")).getURI())
                .add("name", r.get(Var.alloc("name")).getLiteralLexicalForm())
                .add("serviceArea", r.get(Var.alloc("area")).getLiteralLexicalForm())));
        return JSON.createObjectBuilder().add("items", items).build();
    }

    /** Whether {@code organization} is a live organization of the node with a serviceArea (LX-SERVICE-3). */
    static boolean isServicePoint(LogicalNode node, RecordTransaction tx, Node organization) {
        if (!node.holdsOrganization(organization) || !References.isLive(tx, organization)) {
            return false;
        }
        Graph record = tx.get(organization).orElseThrow();
        return Lifecycle.value(record, organization, LX.serviceArea.asNode()).isPresent();
    }
}
