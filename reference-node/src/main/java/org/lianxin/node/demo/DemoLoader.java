package org.lianxin.node.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lianxin.node.federation.StartupRegistrations.Registration;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.Records;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/**
 * Fills empty nodes with generated demo data ({@code lianxin.demo.members} members), through the
 * same bulk path, validation included, as any import. With one node, it holds the whole tree. With
 * the demo federation's nodes ({@link #FEDERATION}), each holds its own part: the province, each
 * city, each county with its primary committees, branches and members, and the registrations
 * between them are returned for the node to make.
 */
@ApplicationScoped
public class DemoLoader {

    /** The node ids of the demo federation: a province, 2 cities, 2 counties each. */
    public static final List<String> FEDERATION = List.of("province", "city-01", "city-02",
            "city-01-county-01", "city-01-county-02", "city-02-county-01", "city-02-county-02");

    private static final Logger LOG = Logger.getLogger(DemoLoader.class.getName());
    private static final int BATCH = 1_000;

    @Inject
    @ConfigProperty(name = "lianxin.demo.members")
    int members;

    @Inject
    Records records;

    /** Loads the demo into the nodes that are empty; the registrations the demo federation needs. */
    public List<Registration> load(Collection<LogicalNode> nodes) {
        if (members <= 0) {
            return List.of();
        }
        Map<String, LogicalNode> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        if (byId.keySet().containsAll(FEDERATION)) {
            return loadFederation(byId);
        }
        nodes.forEach(n -> {
            if (isEmpty(n)) {
                load(DemoTree.Spec.sized(n.base(), members), record -> n);
            }
        });
        return List.of();
    }

    private List<Registration> loadFederation(Map<String, LogicalNode> nodes) {
        if (FEDERATION.stream().map(nodes::get).allMatch(this::isEmpty)) {
            DemoTree.Spec sized = DemoTree.Spec.sized("http://demo.invalid/nodes/demo", members);
            DemoTree.Spec spec = new DemoTree.Spec(sized.base(), members, sized.seed(), 2, 2,
                    Math.max(2, sized.committeesPerCounty()), sized.branchesPerCommittee(), sized.referenceDate());
            load(spec, slug -> nodes.get(nodeOf(slug)));
        }
        List<Registration> registrations = new ArrayList<>();
        for (String id : FEDERATION) {
            if (!id.equals("province")) {
                String parent = id.contains("-county-") ? id.substring(0, id.indexOf("-county-")) : "province";
                registrations.add(new Registration(parent, nodes.get(id).base()));
            }
        }
        return registrations;
    }

    /** The demo federation node holding the organization with this slug. */
    private static String nodeOf(String slug) {
        if (slug.equals("province")) {
            return "province";
        }
        String[] parts = slug.split("-");
        return parts.length >= 4 && parts[2].equals("county") ? String.join("-", parts[0], parts[1], parts[2], parts[3]) : parts[0] + "-" + parts[1];
    }

    /** Generates {@code spec}'s tree and writes each record to the node {@code placement} picks by organization slug. */
    private void load(DemoTree.Spec spec, java.util.function.Function<String, LogicalNode> placement) {
        long started = System.nanoTime();
        String organizations = spec.base() + "/organizations/";
        String membersPrefix = spec.base() + "/members/";
        Map<LogicalNode, List<Record>> orgBatches = new LinkedHashMap<>();
        Map<LogicalNode, List<Record>> memberBatches = new LinkedHashMap<>();
        DemoTree.generate(spec, (iri, graph) -> {
            boolean member = graph.contains(iri, RDF.type.asNode(), LX.Member.asNode());
            String slug = member ? slugOf(graph, iri, organizations) : iri.getURI().substring(organizations.length());
            LogicalNode node = placement.apply(slug);
            Record record = moved(new Record(iri, graph), spec.base(), organizations, membersPrefix, placement);
            (member ? memberBatches : orgBatches).computeIfAbsent(node, n -> new ArrayList<>()).add(record);
            if (member && memberBatches.get(node).size() >= BATCH) {
                flush(orgBatches, memberBatches);
            }
        });
        flush(orgBatches, memberBatches);
        LOG.info(() -> "Demo data: " + spec.members() + " members loaded in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private static String slugOf(Graph member, Node iri, String organizations) {
        var branch = member.find(iri, LX.branch.asNode(), Node.ANY);
        return branch.hasNext() ? branch.next().getObject().getURI().substring(organizations.length()) : "province";
    }

    /** The record with every demo IRI rewritten to the node that holds the resource it names. */
    private static Record moved(Record record, String base, String organizations, String members,
                                java.util.function.Function<String, LogicalNode> placement) {
        Map<Node, Node> renamed = new java.util.HashMap<>();
        java.util.function.Function<Node, Node> rename = n -> {
            if (!n.isURI() || !n.getURI().startsWith(base + "/")) {
                return n;
            }
            return renamed.computeIfAbsent(n, x -> {
                String uri = x.getURI();
                if (uri.startsWith(organizations)) {
                    String slug = uri.substring(organizations.length());
                    return NodeFactory.createURI(placement.apply(slug).organizationsUrl() + "/" + slug);
                }
                return x; // members are renamed below, by their branch
            });
        };
        Graph graph = GraphFactory.createDefaultGraph();
        Node iri = record.iri();
        if (iri.getURI().startsWith(members)) {
            var branch = record.graph().find(iri, LX.branch.asNode(), Node.ANY);
            String slug = branch.hasNext() ? branch.next().getObject().getURI().substring(organizations.length()) : "province";
            renamed.put(iri, NodeFactory.createURI(placement.apply(slug).membersUrl() + "/" + iri.getURI().substring(members.length())));
        }
        for (Triple t : record.graph().find().toList()) {
            graph.add(Triple.create(rename.apply(t.getSubject()), t.getPredicate(), rename.apply(t.getObject())));
        }
        return new Record(rename.apply(iri), graph);
    }

    /** Organizations first, so that every member's branch exists when the member is written. */
    private void flush(Map<LogicalNode, List<Record>> organizations, Map<LogicalNode, List<Record>> people) {
        organizations.forEach((node, batch) -> write(records.organizations(), node, batch));
        people.forEach((node, batch) -> write(records.members(), node, batch));
    }

    private static void write(RecordCollection collection, LogicalNode node, List<Record> batch) {
        if (!batch.isEmpty()) {
            collection.putAll(node, List.copyOf(batch), RecordGuard.TRUSTED); // the node loading its own demo data
            batch.clear();
        }
    }

    private boolean isEmpty(LogicalNode node) {
        return records.organizations().list(node, RecordCollection.Selection.ALL, Optional.empty(), Optional.empty(), 1, RecordGuard.TRUSTED).items().isEmpty();
    }
}
