package org.lianxin.node.federation;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RiotException;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.federation.Registrations.State;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.security.TokenVerifier;
import org.lianxin.node.records.References;
import org.lianxin.spec.JsonLdContexts;
import org.lianxin.spec.LX;

/**
 * Registration of child nodes and of the parent (spec chapter 7): the handshake that accepts a
 * child only when every organization it claims hangs directly under an organization of this node.
 */
@ApplicationScoped
public class Federation {

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    FederationClient client;

    @Inject
    FederationSettings settings;

    public State state(LogicalNode node) {
        return Registrations.read(node);
    }

    /**
     * Registers {@code childBase} as a child of {@code node}. Checks, in order: a usable URL, the
     * allowlist (before any call), not this node, not a duplicate, not an ancestor (cycle), the
     * child's description, and its claims. Then stores the registration and tells the child.
     */
    public Child register(LogicalNode node, String childBase, String authorization) {
        String base = normalize(childBase);
        URI url = URI.create(base);
        if (!settings.allows(url)) {
            throw refused("host-not-allowed", "The child's host is not in this node's allowlist; no request was made.", "LX-FED-3");
        }
        if (base.equals(node.base())) {
            throw refused("federation-cycle", "A node cannot be its own child.", "LX-FED-6");
        }
        if (state(node).child(base).isPresent()) {
            throw ProblemException.conflict("The node is already a child of this node.",
                    List.of(new FieldError("base", "child-duplicate", "Already registered.", "LX-FED-5")));
        }
        requireAudience(base, authorization);
        if (ancestors(node, authorization).contains(base)) {
            throw refused("federation-cycle", "The node is an ancestor of this node; registering it would make a cycle.", "LX-FED-6");
        }
        Map<String, String> roots = checkedClaims(node, base, authorization);
        Child child = new Child(base, roots, Instant.now(), true, null);
        Registrations.update(node, state -> {
            if (state.child(base).isPresent()) {
                throw ProblemException.conflict("The node is already a child of this node.",
                        List.of(new FieldError("base", "child-duplicate", "Already registered.", "LX-FED-5")));
            }
            List<Child> children = new ArrayList<>(state.children());
            children.add(child);
            return new State(state.parent(), state.parentSince(), children);
        });
        return child;
    }

    /** Tells the child who its parent is; false when the child did not take it. */
    public boolean notifyChild(LogicalNode node, String childBase, String authorization) {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(childBase + "/federation/parent"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.createObjectBuilder().add("base", node.base()).build().toString()));
        return client.call(childBase, put, HANDSHAKE_TIMEOUT, authorization).answered();
    }

    public void unregister(LogicalNode node, String childBase, String authorization) {
        String base = normalize(childBase);
        Registrations.update(node, state -> {
            if (state.child(base).isEmpty()) {
                throw ProblemException.notFound("The child " + base);
            }
            List<Child> children = new ArrayList<>(state.children());
            children.removeIf(c -> c.base().equals(base));
            return new State(state.parent(), state.parentSince(), children);
        });
        client.send(base, HttpRequest.newBuilder(URI.create(base + "/federation/parent")).DELETE(), HANDSHAKE_TIMEOUT, authorization);
    }

    /** Accepts {@code parentBase} as this node's parent once the parent lists this node as its child. */
    public void acceptParent(LogicalNode node, String parentBase, String authorization) {
        String base = normalize(parentBase);
        if (!settings.allows(URI.create(base))) {
            throw refused("host-not-allowed", "The parent's host is not in this node's allowlist; no request was made.", "LX-FED-3");
        }
        requireAudience(base, authorization);
        ChildCall call = client.call(base, HttpRequest.newBuilder(URI.create(base + "/federation"))
                .header("Accept", "application/json").GET(), HANDSHAKE_TIMEOUT, authorization);
        boolean confirmed = call.json()
                .map(j -> j.getJsonArray("children").stream()
                        .anyMatch(c -> node.base().equals(c.asJsonObject().getString("base", ""))))
                .orElse(false);
        if (!confirmed) {
            throw refused("parent-not-confirmed", "The parent does not list this node as its child.", "LX-FED-12");
        }
        Registrations.update(node, state -> new State(Optional.of(base), Optional.of(Instant.now()), state.children()));
    }

    /**
     * Forgets the parent (spec 7.3). Who may do so is for the Security class: until then any caller
     * can, so a node that is not behind access control can be cut off from its line of superiors.
     */
    public void clearParent(LogicalNode node) {
        Registrations.update(node, state -> new State(Optional.empty(), Optional.empty(), state.children()));
    }

    /** Marks a child suspended: its claims changed to reach outside this node's subtree. */
    public void suspend(LogicalNode node, String childBase, String reason) {
        Registrations.update(node, state -> new State(state.parent(), state.parentSince(),
                state.children().stream().map(c -> c.base().equals(childBase) ? c.suspended(reason) : c).toList()));
    }

    /** LX-SEC-25: a check that needs a request to a node the caller's token is not for is refused, not skipped. */
    private static void requireAudience(String base, String authorization) {
        if (authorization != null && !TokenVerifier.audienceOf(authorization).contains(base)) {
            throw notInAudience();
        }
    }

    private static ProblemException notInAudience() {
        return ProblemException.forbidden("The check needs a request to a node your token is not for (its aud).");
    }

    /** The bases of this node's ancestors, nearest first, read up the chain of parents. */
    List<String> ancestors(LogicalNode node, String authorization) {
        List<String> chain = new ArrayList<>();
        Optional<String> next = state(node).parent();
        Set<String> seen = new HashSet<>();
        while (next.isPresent() && seen.add(next.get()) && chain.size() < QueryContext.DEFAULT_HOPS) {
            String parent = next.get();
            chain.add(parent);
            ChildCall call = client.call(parent, HttpRequest.newBuilder(URI.create(parent + "/federation"))
                    .header("Accept", "application/json").GET(), HANDSHAKE_TIMEOUT, authorization);
            if (call.notAuthorized()) {
                throw notInAudience();
            }
            next = call.json().map(j -> j.get("parent")).filter(p -> p.getValueType() == jakarta.json.JsonValue.ValueType.OBJECT)
                    .map(p -> p.asJsonObject().getString("base", null));
        }
        return chain;
    }

    /**
     * The child's roots, each checked to hang directly under a live organization of this node:
     * read from the child's own description and organization records, over HTTP.
     */
    private Map<String, String> checkedClaims(LogicalNode node, String base, String authorization) {
        Graph description = rdf(base, base + "/.well-known/lianxin", "child-unreachable", "LX-FED-7", authorization);
        Node self = NodeFactory.createURI(base);
        if (!description.contains(self, RDF.type.asNode(), LX.NodeDescription.asNode())) {
            throw refused("child-unreachable", "The URL does not serve the description of a node with that base URL.", "LX-FED-7");
        }
        Map<String, String> roots = new LinkedHashMap<>();
        for (Node root : description.find(self, LX.authoritativeFor.asNode(), Node.ANY).mapWith(Triple::getObject).toList()) {
            if (!root.isURI() || !root.getURI().startsWith(base + "/organizations/")) {
                throw refused("claims-outside", "The child claims an organization that is not its own.", "LX-FED-8");
            }
            Graph record = rdf(base, root.getURI(), "claims-outside", "LX-FED-8", authorization);
            Optional<Node> parent = org.lianxin.node.records.Lifecycle.value(record, root, ORG.subOrganizationOf.asNode());
            boolean under = parent.isPresent() && node.holdsOrganization(parent.get())
                    && node.store().read(tx -> References.isLive(tx, parent.get()));
            if (!under) {
                throw refused("claims-outside", "An organization the child claims does not hang directly under an organization of this node.", "LX-FED-8");
            }
            roots.put(root.getURI(), parent.get().getURI());
        }
        return roots;
    }

    /** GET a JSON-LD document of another node as RDF (its context is never fetched). */
    private Graph rdf(String node, String url, String rule, String requirement, String authorization) {
        ChildCall call = client.call(node, HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/ld+json").GET(), HANDSHAKE_TIMEOUT, authorization);
        if (!call.answered()) {
            throw refused(rule, "The child could not be read: " + call.reason() + ".", requirement);
        }
        try {
            return JsonLdContexts.parse(new ByteArrayInputStream(call.body().getBytes(StandardCharsets.UTF_8)), url);
        } catch (RiotException | IllegalArgumentException e) {
            throw refused(rule, "The child's answer is not JSON-LD with the Lianxin context.", requirement);
        }
    }

    static String normalize(String base) {
        if (base == null || base.isBlank()) {
            throw ProblemException.badRequest("Give the node's base URL as \"base\".");
        }
        String trimmed = base.trim().replaceAll("/+$", "");
        try {
            URI url = URI.create(trimmed);
            boolean http = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
            if (!http || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The base URL is an absolute http(s) URL without query or fragment.");
        }
        return trimmed;
    }

    private static ProblemException refused(String rule, String message, String requirement) {
        return ProblemException.invalid("base", rule, message, requirement);
    }
}
