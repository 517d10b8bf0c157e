package org.lianxin.node.security;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.nodes.NodeDescriptions;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.spec.LX;

/**
 * Appends an audit entry (spec Table 8.13) for every request with a valid token that reads a full
 * member record, writes a record, or changes the federation, whatever its outcome: after the
 * answer is known, so that the entry says how it ended.
 */
@Provider
public class AuditFilter implements ContainerResponseFilter {

    @Inject
    HostedNodes nodes;

    @Inject
    CurrentCaller current;

    @Inject
    AuditLog log;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Optional<Caller> caller = current.get();
        List<String> path = List.of(request.getUriInfo().getPath().replaceAll("^/+", "").split("/"));
        if (caller.isEmpty() || path.size() < 3 || !path.get(0).equals("nodes")) {
            return;
        }
        LogicalNode node;
        try {
            node = nodes.node(path.get(1));
        } catch (ProblemException e) {
            return;
        }
        String method = request.getMethod();
        List<String> rest = path.size() == 5 && path.get(2).equals("dues") && path.get(3).equals("payments")
                ? List.of("dues/payments", path.get(4)) // a dues payment is a record like the others (LX-DUES-28)
                : path.subList(2, path.size());
        String action = current.auditAction().orElseGet(() -> action(method, rest, request, response.getStatus(), node));
        if (action == null) {
            return;
        }
        List<String> records = current.batchRecords().orElseGet(() -> records(node, rest, response));
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (String record : records.isEmpty() ? List.of("") : records) {
            Optional<String> iri = record.isEmpty() ? Optional.empty() : Optional.of(record);
            entries.add(new AuditLog.Entry(AuditLog.newId(), Instant.now(), caller.get().subject(), caller.get().actingFor(),
                    List.copyOf(caller.get().roles()), action, iri, organizations(node, rest, iri, caller.get(), action),
                    action.equals("read-full") || action.equals("export") || action.equals("service-read") ? Purpose.of(request.getHeaderString(Purpose.HEADER)) : Optional.empty(),
                    response.getStatus()));
        }
        log.append(node, entries); // one transaction, also for the thousand entries of a batch
    }

    /** The action of Table 8.13, or null for a request that is not audited. */
    private static String action(String method, List<String> rest, ContainerRequestContext request, int status, LogicalNode node) {
        String collection = rest.get(0);
        if (collection.equals("transfers") && method.equals("POST") && !rest.get(rest.size() - 1).equals("messages")) {
            return rest.size() == 1 ? "transfer-request" : rest.size() == 3 ? "transfer-" + rest.get(2) : null; // LX-TRANSFER-28
        }
        boolean records = collection.equals("members") || collection.equals("organizations") || collection.equals("dues/payments")
                || collection.equals("activities"); // LX-ORGLIFE-12
        if (records && rest.size() == 2 && method.equals("GET")) {
            return collection.equals("members") && request.getHeaderString(Purpose.HEADER) != null && status == 200 ? "read-full" : null;
        }
        if (records && rest.size() == 1 && method.equals("POST")) {
            return "create";
        }
        if (collection.equals("members") && rest.size() == 3 && rest.get(2).equals("development") && method.equals("POST")) {
            return "replace"; // a development step is a write of the member record (spec 11.7)
        }
        if (collection.equals("members") && rest.size() == 2 && rest.get(1).equals("batch") && method.equals("POST")) {
            return "create";
        }
        if (collection.equals("members") && rest.size() == 2 && rest.get(1).equals("lookup") && method.equals("POST")) {
            return "lookup";
        }
        if (records && rest.size() == 2 && method.equals("PUT")) {
            return status == 201 ? "create" : status == 200 ? "replace"
                    : node.store().read(tx -> tx.exists(NodeFactory.createURI(node.base() + "/" + collection + "/" + rest.get(1)))) ? "replace" : "create";
        }
        if (records && rest.size() == 2 && method.equals("DELETE")) {
            return "delete";
        }
        if (collection.equals("federation") && rest.size() == 2) {
            return switch (rest.get(1) + " " + method) {
                case "children POST" -> "register-child";
                case "children DELETE" -> "remove-child";
                case "parent PUT" -> "set-parent";
                case "parent DELETE" -> "clear-parent";
                default -> null;
            };
        }
        return null;
    }

    /** The records concerned: the new record of a POST, each record of a batch, else the request's IRI. */
    private static List<String> records(LogicalNode node, List<String> rest, ContainerResponseContext response) {
        if (rest.get(0).equals("federation")) {
            return List.of();
        }
        if (rest.size() == 2 && rest.get(1).equals("lookup")) {
            return List.of(); // nobody found: listed under the caller's organization
        }
        if (rest.size() == 1 || rest.get(1).equals("batch")) {
            URI location = response.getLocation();
            return location == null ? List.of() : List.of(location.toString());
        }
        return List.of(node.base() + "/" + rest.get(0) + "/" + rest.get(1));
    }

    /** Under which organizations the entry is listed (Table 8.13). */
    private List<String> organizations(LogicalNode node, List<String> rest, Optional<String> record, Caller caller, String action) {
        List<String> organizations = new ArrayList<>();
        boolean write = action.equals("create") || action.equals("replace") || action.equals("delete") || action.startsWith("transfer-");
        boolean batchRecord = rest.get(rest.size() - 1).equals("batch") && record.isPresent();
        boolean roster = action.equals("import") || action.equals("export"); // spec chapter 15: the organization imported into or exported
        if ((write || roster) && !current.placements().isEmpty() && !batchRecord) {
            organizations.addAll(current.placements()); // before and as the write would leave it, allowed or not
        } else if (rest.get(0).equals("federation")) {
            NodeDescriptions.authoritativeFor(node).forEach(r -> organizations.add(r.getURI()));
        } else if (record.isPresent() && rest.get(0).equals("organizations")) {
            organizations.add(record.get());
        } else if (record.isPresent()) {
            Node iri = NodeFactory.createURI(record.get());
            node.store().read(tx -> tx.get(iri)).flatMap((Graph g) -> Lifecycle.value(g, iri, LX.branch.asNode()))
                    .ifPresent(b -> organizations.add(b.getURI()));
        }
        if (organizations.isEmpty()) {
            caller.actingFor().ifPresentOrElse(organizations::add,
                    () -> NodeDescriptions.authoritativeFor(node).forEach(r -> organizations.add(r.getURI())));
        }
        return organizations;
    }
}
