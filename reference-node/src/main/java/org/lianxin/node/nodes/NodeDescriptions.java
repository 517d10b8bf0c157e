package org.lianxin.node.nodes;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.federation.Registrations;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;
import org.lianxin.spec.SpecResources;

/**
 * The node description (LX-CORE, served at {@code {base}/.well-known/lianxin}): what a client or a
 * superior node reads first to learn which spec version and conformance classes a node claims, which
 * organizations it is the source of, its place in the federation and where its endpoints are.
 */
public final class NodeDescriptions {

    public static final String PRODUCT = "Lianxin reference node";
    public static final String VENDOR = "Lianxin project";
    /** The conformance classes this node claims; grows as the node implements more of the spec. */
    public static final List<String> CLASSES = List.of("Core", "Federation", "Security", "Dues", "Transfer", "Pipeline", "OrgLife", "Tasks", "Feedback", "Rosters", "Learning", "Notices",
            "Service");

    private NodeDescriptions() {}

    /** The description of {@code node}, whose tokens come from {@code tokenIssuer}. */
    public static Graph describe(LogicalNode node, java.util.Optional<String> tokenIssuer) {
        Graph g = GraphFactory.createDefaultGraph();
        Node self = NodeFactory.createURI(node.base());
        g.add(self, RDF.type.asNode(), LX.NodeDescription.asNode());
        g.add(self, SchemaOrg.name.asNode(), NodeFactory.createLiteralString("Lianxin node " + node.id()));
        g.add(self, LX.specVersion.asNode(), NodeFactory.createLiteralString(SpecResources.VERSION));
        CLASSES.forEach(c -> g.add(self, LX.conformanceClass.asNode(), NodeFactory.createLiteralString(c)));
        g.add(self, LX.vendor.asNode(), NodeFactory.createLiteralString(VENDOR));
        g.add(self, LX.product.asNode(), NodeFactory.createLiteralString(PRODUCT));
        g.add(self, LX.productVersion.asNode(), NodeFactory.createLiteralString(productVersion()));
        authoritativeFor(node).forEach(o -> g.add(self, LX.authoritativeFor.asNode(), o));
        Registrations.State federation = Registrations.read(node);
        federation.parent().ifPresent(p -> g.add(self, LX.parentNode.asNode(), NodeFactory.createURI(p)));
        federation.children().forEach(c -> g.add(self, LX.childNode.asNode(), NodeFactory.createURI(c.base())));
        endpoint(g, self, "organizations", node.organizationsUrl());
        endpoint(g, self, "members", node.membersUrl());
        endpoint(g, self, "members-batch", node.membersUrl() + "/batch");
        endpoint(g, self, "context", node.base() + "/spec/context.jsonld");
        endpoint(g, self, "vocabulary", node.base() + "/spec/vocabulary.ttl");
        endpoint(g, self, "shapes", node.base() + "/spec/shapes.ttl");
        endpoint(g, self, "requirements", node.base() + "/spec/requirements.ttl");
        endpoint(g, self, "federation", node.base() + "/federation");
        endpoint(g, self, "member-statistics", node.base() + "/statistics/members");
        endpoint(g, self, "member-search", node.base() + "/search/members");
        // LX-SEC-56: Table 8.17
        endpoint(g, self, "member-lookup", node.membersUrl() + "/lookup");
        endpoint(g, self, "audit", node.base() + "/audit");
        tokenIssuer.ifPresent(issuer -> endpoint(g, self, "token-issuer", issuer));
        // LX-DUES-1: Table 9.2
        endpoint(g, self, "dues-rates", node.base() + "/dues/rates");
        endpoint(g, self, "dues-payments", node.base() + "/dues/payments");
        endpoint(g, self, "dues-accounts", node.base() + "/dues/accounts");
        endpoint(g, self, "dues-arrears", node.base() + "/dues/arrears");
        endpoint(g, self, "dues-statistics", node.base() + "/statistics/dues");
        // LX-TRANSFER-1
        endpoint(g, self, "transfers", node.base() + "/transfers");
        endpoint(g, self, "transfer-messages", node.base() + "/transfers/messages");
        // LX-PIPELINE-1
        endpoint(g, self, "development-due", node.base() + "/development/due");
        // LX-ORGLIFE-1
        endpoint(g, self, "activities", node.base() + "/activities");
        endpoint(g, self, "compliance-statistics", node.base() + "/statistics/compliance");
        // Tasks, Table 13.2
        endpoint(g, self, "tasks", node.base() + "/tasks");
        endpoint(g, self, "task-completions", node.base() + "/task-completions");
        endpoint(g, self, "task-inbound", node.base() + "/tasks/inbound");
        endpoint(g, self, "task-notices", node.base() + "/tasks/notices");
        endpoint(g, self, "task-statistics", node.base() + "/statistics/tasks");
        // Learning, Table 16.2
        endpoint(g, self, "courses", node.base() + "/courses");
        endpoint(g, self, "course-inbound", node.base() + "/courses/inbound");
        endpoint(g, self, "study-records", node.base() + "/study-records");
        endpoint(g, self, "learning-statistics", node.base() + "/statistics/learning");
        // Feedback, Table 14.2
        endpoint(g, self, "feedback", node.base() + "/feedback");
        endpoint(g, self, "feedback-messages", node.base() + "/feedback/messages");
        endpoint(g, self, "events", node.base() + "/events");
        // LX-NOTICE-1: Table 17.2
        endpoint(g, self, "notices", node.base() + "/notices");
        endpoint(g, self, "notice-inbound", node.base() + "/notices/inbound");
        endpoint(g, self, "notice-reach", node.base() + "/statistics/notice-reach");
        // Service, Table 18.2
        endpoint(g, self, "service-points", node.base() + "/service-points");
        endpoint(g, self, "service-requests", node.base() + "/service-requests");
        endpoint(g, self, "service-messages", node.base() + "/service-requests/messages");
        endpoint(g, self, "service-statistics", node.base() + "/statistics/service");
        return g;
    }

    /** The node's top organizations: those whose parent is not held by this node. */
    public static List<Node> authoritativeFor(LogicalNode node) {
        String query = """
                SELECT ?o WHERE {
                  GRAPH ?o { ?o a <https://w3id.org/lianxin/ns#PartyOrganization> }
                  FILTER NOT EXISTS { GRAPH ?o { ?o a <https://w3id.org/lianxin/ns#Tombstone> } }
                  OPTIONAL { GRAPH ?o { ?o <http://www.w3.org/ns/org#subOrganizationOf> ?parent } }
                  FILTER(!BOUND(?parent) || !STRSTARTS(STR(?parent), "%s/"))
                } ORDER BY ?o""".formatted(node.organizationsUrl());
        return node.store().derived("authoritative-for", tx -> tx.select(QueryFactory.create(query)).stream().map(b -> b.get(Var.alloc("o"))).toList());
    }

    private static void endpoint(Graph g, Node self, String rel, String href) {
        Node endpoint = NodeFactory.createBlankNode();
        g.add(self, LX.endpoint.asNode(), endpoint);
        g.add(endpoint, LX.relation.asNode(), NodeFactory.createLiteralString(rel));
        g.add(endpoint, LX.href.asNode(), NodeFactory.createURI(href));
    }

    private static String productVersion() {
        String version = NodeDescriptions.class.getPackage().getImplementationVersion();
        return version != null ? version : SpecResources.VERSION;
    }
}
