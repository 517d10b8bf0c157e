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
 * the nodes of a demo federation ({@link Federation}), each holds its own part: the province, each
 * city, each county with its primary committees, branches and members, and the registrations
 * between them are returned for the node to make.
 */
@ApplicationScoped
public class DemoLoader {

    /**
     * The shape of a demo federation: a province node, {@code cities} city nodes and {@code counties}
     * county nodes under each, with the node ids province, city-01, city-01-county-01, ... The demo
     * of bin/lianxin demo has 2 × 2; a province-sized one for the benchmark has 15 × 10.
     */
    public record Federation(int cities, int counties) {

        public static final Federation DEMO = new Federation(2, 2);

        public List<String> nodeIds() {
            List<String> ids = new ArrayList<>(List.of("province"));
            for (int c = 1; c <= cities; c++) {
                ids.add(city(c));
            }
            for (int c = 1; c <= cities; c++) {
                for (int k = 1; k <= counties; k++) {
                    ids.add(county(c, k));
                }
            }
            return ids;
        }

        /**
         * The generated tree of {@code members} spread over this federation: about 30 members a
         * branch, 8 branches a committee, as many committees in each county as that takes. Its
         * records have the base http://demo.invalid/nodes/demo; the loader moves each to its node.
         */
        public DemoTree.Spec spec(int members) {
            long branches = Math.max(1, (members + 29L) / 30);
            long countiesInAll = (long) cities * counties;
            int committees = (int) Math.max(2, Math.min(999, (branches + countiesInAll * 8 - 1) / (countiesInAll * 8)));
            return new DemoTree.Spec("http://demo.invalid/nodes/demo", members, DemoTree.Spec.DEFAULT_SEED,
                    cities, counties, committees, 8, DemoTree.Spec.DEFAULT_REFERENCE_DATE);
        }

        /** The largest federation the hosted node ids form, if they form one. */
        static java.util.Optional<Federation> of(java.util.Set<String> ids) {
            int cities = 0;
            while (ids.contains(city(cities + 1))) {
                cities++;
            }
            int counties = 0;
            while (ids.contains(county(1, counties + 1))) {
                counties++;
            }
            Federation federation = new Federation(cities, counties);
            return ids.contains("province") && cities > 0 && counties > 0 && ids.containsAll(federation.nodeIds())
                    ? java.util.Optional.of(federation) : java.util.Optional.empty();
        }

        /** The node that holds the organization with this slug (province, city-01, city-01-county-01-pc-01-...). */
        public static String nodeOf(String slug) {
            if (slug.equals("province")) {
                return "province";
            }
            String[] parts = slug.split("-");
            return parts.length >= 4 && parts[2].equals("county") ? String.join("-", parts[0], parts[1], parts[2], parts[3]) : parts[0] + "-" + parts[1];
        }

        private static String city(int c) {
            return "city-" + (c < 10 ? "0" : "") + c;
        }

        private static String county(int c, int k) {
            return city(c) + "-county-" + (k < 10 ? "0" : "") + k;
        }
    }

    private static final Logger LOG = Logger.getLogger(DemoLoader.class.getName());
    private static final int BATCH = 1_000;

    @Inject
    @ConfigProperty(name = "lianxin.demo.members")
    int members;

    @Inject
    @ConfigProperty(name = "lianxin.demo.dues-months", defaultValue = "0")
    int duesMonths;

    /** How many months of organizational life (spec chapter 12) the demo generates for its branches. */
    @Inject
    @ConfigProperty(name = "lianxin.demo.activity-months", defaultValue = "0")
    int activityMonths;

    private DemoActivities activities;

    @Inject
    Records records;

    @Inject
    org.lianxin.node.dues.DuesRates duesRates;

    @Inject
    org.lianxin.node.notices.Notices notices;

    /** The payments of the demo run being loaded; none when it generates no months of dues. */
    private DemoPayments payments;

    /** Loads the demo into the nodes that are empty; the registrations the demo federation needs. */
    public List<Registration> load(Collection<LogicalNode> nodes) {
        if (members <= 0) {
            return List.of();
        }
        Map<String, LogicalNode> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        java.util.Optional<Federation> federation = Federation.of(byId.keySet());
        if (federation.isPresent()) {
            return loadFederation(byId, federation.get());
        }
        nodes.forEach(n -> {
            if (isEmpty(n)) {
                load(DemoTree.Spec.sized(n.base(), members), record -> n);
            }
        });
        return List.of();
    }

    private List<Registration> loadFederation(Map<String, LogicalNode> nodes, Federation federation) {
        List<String> ids = federation.nodeIds();
        if (ids.stream().map(nodes::get).allMatch(this::isEmpty)) {
            load(federation.spec(members), slug -> nodes.get(Federation.nodeOf(slug)));
            DemoLearning.load(records, nodes.get("province"), ids.stream().filter(id -> id.contains("-county-")).map(nodes::get).toList());
            DemoNotices.publish(notices, nodes);
        }
        List<Registration> registrations = new ArrayList<>();
        for (String id : ids) {
            if (!id.equals("province")) {
                String parent = id.contains("-county-") ? id.substring(0, id.indexOf("-county-")) : "province";
                registrations.add(new Registration(parent, nodes.get(id).base()));
            }
        }
        return registrations;
    }

    /** Generates {@code spec}'s tree and writes each record to the node {@code placement} picks by organization slug. */
    private void load(DemoTree.Spec spec, java.util.function.Function<String, LogicalNode> placement) {
        long started = System.nanoTime();
        payments = new DemoPayments(duesRates, records.paymentKind(), spec.referenceDate(), duesMonths, spec.seed());
        activities = new DemoActivities(spec.referenceDate(), activityMonths, spec.seed());
        String organizations = spec.base() + "/organizations/";
        String membersPrefix = spec.base() + "/members/";
        Map<LogicalNode, List<Record>> orgBatches = new LinkedHashMap<>();
        Map<LogicalNode, List<Record>> memberBatches = new LinkedHashMap<>();
        DemoTree.generate(spec, (iri, graph) -> {
            boolean member = graph.contains(iri, RDF.type.asNode(), LX.Member.asNode());
            LogicalNode node = placement.apply(placingSlug(iri, graph, spec.base()));
            Record record = moved(new Record(iri, graph), spec.base(), organizations, membersPrefix, placement);
            (member ? memberBatches : orgBatches).computeIfAbsent(node, n -> new ArrayList<>()).add(record);
            if (member && memberBatches.get(node).size() >= BATCH) {
                flush(orgBatches, memberBatches);
            }
        });
        flush(orgBatches, memberBatches);
        LOG.info(() -> "Demo data: " + spec.members() + " members loaded in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /**
     * The slug of the organization whose node holds this generated record ({@code base} is the
     * spec's): an organization's own, a member's branch's. The benchmark places its Fuseki copy by it.
     */
    public static String placingSlug(Node iri, Graph record, String base) {
        String organizations = base + "/organizations/";
        if (!record.contains(iri, RDF.type.asNode(), LX.Member.asNode())) {
            return iri.getURI().substring(organizations.length());
        }
        var branch = record.find(iri, LX.branch.asNode(), Node.ANY);
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
        organizations.forEach((node, batch) -> {
            List<Record> held = new ArrayList<>();
            batch.forEach(organization -> held.addAll(activities.of(node.base(), organization)));
            write(records.organizations(), node, batch);
            for (int from = 0; from < held.size(); from += BATCH) {
                write(records.activities(), node, new ArrayList<>(held.subList(from, Math.min(held.size(), from + BATCH))));
            }
        });
        people.forEach((node, batch) -> {
            // Each member's dues payments after the member: a payment's payer must exist (LX-DUES-10).
            List<Record> paid = new ArrayList<>();
            batch.forEach(member -> paid.addAll(payments.of(node.base(), member)));
            write(records.members(), node, batch);
            for (int from = 0; from < paid.size(); from += BATCH) {
                write(records.payments(), node, new ArrayList<>(paid.subList(from, Math.min(paid.size(), from + BATCH))));
            }
        });
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
