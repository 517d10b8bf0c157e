package org.lianxin.node.federation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.ORG;
import org.lianxin.node.federation.Completeness.NodeStatus;
import org.lianxin.node.federation.Completeness.Status;
import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.Records;

/** What every federated answer shares: its parameters, the check of a child's answer, and complete-or-error. */
public final class FederatedAnswers {

    private FederatedAnswers() {}

    public static boolean subtreeScope(String scope) {
        if (scope == null || scope.equals("subtree")) {
            return true;
        }
        if (scope.equals("local")) {
            return false;
        }
        throw ProblemException.badRequest("scope is local or subtree.");
    }

    public static boolean flag(String value, String name) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.badRequest(name + " is true or false.");
    }

    /** The organizations a query is about: live organizations of this node, by IRI or id (404/410 otherwise). */
    public static List<Node> organizations(LogicalNode node, Records records, List<String> given, RecordGuard guard) {
        if (given == null || given.isEmpty()) {
            throw ProblemException.badRequest("Give the organization (its IRI or its id on this node).");
        }
        List<Node> organizations = new ArrayList<>();
        for (String value : given) {
            String prefix = node.organizationsUrl() + "/";
            String id = value.startsWith(prefix) ? value.substring(prefix.length()) : value;
            if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
                throw ProblemException.notFound("The organization " + value);
            }
            Node organization = records.organizations().liveIri(node, id, guard);
            if (!organizations.contains(organization)) {
                organizations.add(organization);
            }
        }
        return organizations;
    }

    /** A call's outcome named by the child's base (a fan-out may call one child several times). */
    public static ChildCall renamed(ChildCall call, String base) {
        return new ChildCall(base, call.body(), call.status(), call.reason(), call.elapsedMs());
    }

    /**
     * A child's answer, if it may be merged: a JSON object with a completeness report whose roots
     * are all roots the child registered. A child that now claims other roots has its answer
     * rejected and its registration suspended (its claims changed); the status is added either way.
     */
    public static JsonObject checked(Federation federation, LogicalNode node, Child child, ChildCall call, List<NodeStatus> statuses) {
        JsonObject answer = call.json().orElse(null);
        if (answer == null || !(answer.get("completeness") instanceof JsonObject) || !(answer.get("roots") instanceof jakarta.json.JsonArray)) {
            statuses.add(new NodeStatus(child.base(), Status.FAILED, "not a valid answer", null, call.elapsedMs()));
            return null;
        }
        List<String> roots = answer.getJsonArray("roots").stream()
                .map(v -> v instanceof JsonString s ? s.getString() : "").toList();
        Set<String> registered = child.roots().keySet();
        if (!registered.containsAll(roots)) {
            federation.suspend(node, child.base(), "claims changed: it claims organizations it did not register");
            statuses.add(new NodeStatus(child.base(), Status.REJECTED,
                    "claims organizations outside its registered subtree; its answer was dropped", null, call.elapsedMs()));
            return null;
        }
        try {
            Completeness.nodesOfAnswer(answer);
        } catch (RuntimeException e) {
            statuses.add(new NodeStatus(child.base(), Status.FAILED, "not a valid completeness report", null, call.elapsedMs()));
            return null;
        }
        return answer;
    }

    /** One status per node; a node reported twice keeps its worst outcome. */
    public static List<NodeStatus> merge(List<NodeStatus> statuses) {
        Map<String, NodeStatus> byNode = new LinkedHashMap<>();
        for (NodeStatus s : statuses) {
            byNode.merge(s.node(), s, (a, b) -> a.status() == Status.ANSWERED ? b : a);
        }
        return new ArrayList<>(byNode.values());
    }

    /** Complete, or allowed to be partial, or a 424 problem listing every node that is missing. */
    public static void requireComplete(Completeness completeness, boolean allowPartial) {
        if (completeness.complete() || allowPartial) {
            return;
        }
        List<FieldError> missing = completeness.missing().stream()
                .map(n -> new FieldError(n.node(), n.status().json(), n.reason() == null ? n.status().json() : n.reason(), "LX-FED-29"))
                .toList();
        throw new ProblemException(Problem.of(424, missing.size() + " node(s) did not answer; ask with partial=true to take the rest.")
                .withErrors(missing).withCompleteness(completeness.toJson()));
    }

    /**
     * The sub-organization of one of {@code queryRoots}, on this node, under which a child's root
     * hangs (the child's root itself when it hangs directly under a query root).
     */
    public static String directlyUnder(LogicalNode node, String under, String childRoot, List<Node> queryRoots) {
        Node current = NodeFactory.createURI(under);
        if (queryRoots.contains(current)) {
            return childRoot;
        }
        for (int depth = 0; depth < 64; depth++) {
            Node here = current;
            Node parent = node.store().read(tx -> tx.get(here)).flatMap(g -> Lifecycle.value(g, here, ORG.subOrganizationOf.asNode())).orElse(null);
            if (parent == null) {
                return "";
            }
            if (queryRoots.contains(parent)) {
                return current.getURI();
            }
            current = parent;
        }
        return "";
    }

}
