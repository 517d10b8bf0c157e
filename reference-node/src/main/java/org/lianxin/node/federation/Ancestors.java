package org.lianxin.node.federation;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.ORG;
import org.lianxin.node.federation.Completeness.NodeStatus;
import org.lianxin.node.federation.Completeness.Status;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.Records;
import org.lianxin.node.store.Record;
import org.lianxin.spec.ContextTerms;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * The line of an organization's superiors, nearest first, up to the root of the federation: the
 * ones on this node from its own records, the rest asked of the parent node, which asks its own.
 */
@ApplicationScoped
public class Ancestors {

    @Inject
    Records records;

    @Inject
    Federation federation;

    @Inject
    FanOut fanOut;

    @Inject
    QueriesInFlight inFlight;

    /**
     * The line above {@code id}. LX-SEC-27: for an organization the caller may read, or for the
     * superior of a registered child's root, whoever asks: a child node needs it to decide who may
     * read its records (LX-SEC-23). Otherwise 404, as for an organization that does not exist.
     */
    public JsonObject of(LogicalNode node, String id, QueryContext context, boolean allowPartial, RecordGuard guard) throws Exception {
        Node iri = records.organizations().iri(node, id);
        boolean aboveChild = federation.state(node).children().stream().anyMatch(c -> c.roots().containsValue(iri.getURI()));
        Record start = records.organizations().live(node, id, aboveChild ? RecordGuard.TRUSTED : guard);
        try (AutoCloseable running = inFlight.enter(node.base(), context)) {
            List<NodeStatus> statuses = new ArrayList<>();
            statuses.add(new NodeStatus(node.base(), Status.ANSWERED, null, Instant.now(), 0));
            JsonArrayBuilder ancestors = JSON.createArrayBuilder();
            Set<Node> seen = new HashSet<>();
            Optional<Node> parent = Lifecycle.value(start.graph(), start.iri(), ORG.subOrganizationOf.asNode());
            while (parent.isPresent() && node.holdsOrganization(parent.get()) && seen.add(parent.get())) {
                Node here = parent.get();
                Optional<Graph> record = node.store().read(tx -> tx.get(here));
                if (record.isEmpty()) {
                    break;
                }
                ancestors.add(summary(node.base(), here, record.get()));
                parent = Lifecycle.value(record.get(), here, ORG.subOrganizationOf.asNode());
            }
            if (parent.isPresent() && !node.holdsOrganization(parent.get())) {
                askParent(node, parent.get(), context, ancestors, statuses);
            }
            Completeness completeness = new Completeness(context.queryId(), Instant.now(), FederatedAnswers.merge(statuses));
            FederatedAnswers.requireComplete(completeness, allowPartial);
            return JSON.createObjectBuilder()
                    .add("organization", summary(node.base(), start.iri(), start.graph()))
                    .add("ancestors", ancestors)
                    .add("completeness", completeness.toJson())
                    .build();
        }
    }

    /** The top organization here hangs under {@code above}, which the parent node holds: it tells the rest. */
    private void askParent(LogicalNode node, Node above, QueryContext context, JsonArrayBuilder ancestors, List<NodeStatus> statuses) {
        Optional<String> parentBase = federation.state(node).parent();
        String prefix = parentBase.map(p -> p + "/organizations/").orElse(null);
        if (prefix == null || !above.getURI().startsWith(prefix)) {
            statuses.add(new NodeStatus(parentBase.orElse(above.getURI()), Status.FAILED,
                    "the superior organization is on a node that is not this node's registered parent", null, 0));
            return;
        }
        URI url = URI.create(above.getURI() + "/ancestors");
        ChildCall call = fanOut.get(Map.of(parentBase.get(), url), context).get(0);
        JsonObject answer = call.answered() ? call.json().orElse(null) : null;
        if (!call.answered() || answer == null || !(answer.get("ancestors") instanceof jakarta.json.JsonArray)
                || !(answer.get("organization") instanceof JsonObject)) {
            statuses.add(new NodeStatus(parentBase.get(), call.answered() ? Status.FAILED : call.status(),
                    call.answered() ? "not an ancestors answer" : call.reason(), null, call.elapsedMs()));
            return;
        }
        ancestors.add(answer.getJsonObject("organization"));
        for (JsonValue a : answer.getJsonArray("ancestors")) {
            ancestors.add(a);
        }
        try {
            statuses.addAll(Completeness.nodesOfAnswer(answer));
        } catch (RuntimeException e) {
            statuses.add(new NodeStatus(parentBase.get(), Status.FAILED, "not a valid completeness report", null, call.elapsedMs()));
        }
    }

    private static JsonObject summary(String nodeBase, Node iri, Graph record) {
        return JSON.createObjectBuilder()
                .add("id", iri.getURI())
                .add("name", Lifecycle.value(record, iri, SchemaOrg.name.asNode()).map(Node::getLiteralLexicalForm).orElse(""))
                .add("orgType", Lifecycle.value(record, iri, LX.organizationType.asNode())
                        .map(t -> ContextTerms.lianxin().compact(t.getURI())).orElse(""))
                .add("node", nodeBase)
                .build();
    }
}
