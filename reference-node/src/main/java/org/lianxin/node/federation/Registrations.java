package org.lianxin.node.federation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lianxin.node.nodes.LogicalNode;

/**
 * A node's place in the federation, kept in its own store (graph {@code urn:lianxin:federation},
 * apart from its records) so that it survives a restart: its parent, and its registered children
 * with the roots each claimed and the organization of this node each root hangs under.
 */
public final class Registrations {

    /** A registered child node. {@code roots} maps each root IRI to its parent organization on this node. */
    public record Child(String base, Map<String, String> roots, Instant registered, boolean active, String reason) {

        Child suspended(String why) {
            return new Child(base, roots, registered, false, why);
        }
    }

    /** The whole state of one node. */
    public record State(Optional<String> parent, Optional<Instant> parentSince, List<Child> children) {

        public Optional<Child> child(String base) {
            return children.stream().filter(c -> c.base().equals(base)).findFirst();
        }
    }

    private static final Node GRAPH = NodeFactory.createURI("urn:lianxin:federation");
    private static final String NS = "urn:lianxin:federation#";
    private static final Node SELF = NodeFactory.createURI(NS + "self");
    private static final Node PARENT = NodeFactory.createURI(NS + "parent");
    private static final Node SINCE = NodeFactory.createURI(NS + "since");
    private static final Node CHILD = NodeFactory.createURI(NS + "child");
    private static final Node ROOT = NodeFactory.createURI(NS + "root");
    private static final Node UNDER = NodeFactory.createURI(NS + "under");
    private static final Node REGISTERED = NodeFactory.createURI(NS + "registered");
    private static final Node SUSPENDED = NodeFactory.createURI(NS + "suspended");

    private Registrations() {}

    /** Kept until the node's next write: every federated query and every access check across nodes reads it. */
    public static State read(LogicalNode node) {
        return node.store().derived("federation-registrations", tx -> tx.get(GRAPH).map(Registrations::fromGraph)
                .orElse(new State(Optional.empty(), Optional.empty(), List.of())));
    }

    /** Changes the state in one write transaction; {@code change} may throw to abort. */
    public static State update(LogicalNode node, java.util.function.UnaryOperator<State> change) {
        return node.store().write(tx -> {
            State before = tx.get(GRAPH).map(Registrations::fromGraph).orElse(new State(Optional.empty(), Optional.empty(), List.of()));
            State after = change.apply(before);
            tx.put(GRAPH, toGraph(after));
            return after;
        });
    }

    private static State fromGraph(Graph g) {
        Optional<String> parent = value(g, SELF, PARENT).map(Node::getURI);
        Optional<Instant> since = value(g, SELF, SINCE).map(n -> Instant.parse(n.getLiteralLexicalForm()));
        List<Child> children = new ArrayList<>();
        g.find(SELF, CHILD, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .sorted(java.util.Comparator.comparing(Node::getURI))
                .forEach(c -> {
                    Map<String, String> roots = new LinkedHashMap<>();
                    g.find(c, ROOT, Node.ANY).mapWith(Triple::getObject).toList().stream()
                            .sorted(java.util.Comparator.comparing(Node::getURI))
                            .forEach(r -> roots.put(r.getURI(), value(g, r, UNDER).map(Node::getURI).orElse("")));
                    Instant registered = Instant.parse(value(g, c, REGISTERED).orElseThrow().getLiteralLexicalForm());
                    Optional<String> suspended = value(g, c, SUSPENDED).map(Node::getLiteralLexicalForm);
                    children.add(new Child(c.getURI(), roots, registered, suspended.isEmpty(), suspended.orElse(null)));
                });
        return new State(parent, since, List.copyOf(children)); // shared while kept: not to be changed
    }

    private static Graph toGraph(State state) {
        Graph g = GraphFactory.createDefaultGraph();
        state.parent().ifPresent(p -> g.add(SELF, PARENT, NodeFactory.createURI(p)));
        state.parentSince().ifPresent(s -> g.add(SELF, SINCE, NodeFactory.createLiteralDT(s.toString(), XSDDatatype.XSDdateTime)));
        for (Child child : state.children()) {
            Node c = NodeFactory.createURI(child.base());
            g.add(SELF, CHILD, c);
            g.add(c, REGISTERED, NodeFactory.createLiteralDT(child.registered().toString(), XSDDatatype.XSDdateTime));
            if (!child.active()) {
                g.add(c, SUSPENDED, NodeFactory.createLiteralString(child.reason() == null ? "suspended" : child.reason()));
            }
            child.roots().forEach((root, under) -> {
                Node r = NodeFactory.createURI(root);
                g.add(c, ROOT, r);
                g.add(r, UNDER, NodeFactory.createURI(under));
            });
        }
        return g;
    }

    private static Optional<Node> value(Graph g, Node s, Node p) {
        var found = g.find(s, p, Node.ANY);
        return found.hasNext() ? Optional.of(found.next().getObject()) : Optional.empty();
    }
}
