package org.lianxin.node.security;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.Readiness;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.problems.ProblemMapper;

/**
 * Closes the API by default (spec chapter 8): every request needs a valid bearer token whose
 * audience is the node it is sent to, except the node descriptions, the spec's files and, in demo
 * mode, the demo issuer. A bad token gets 401 problem+json and nothing else: no hint of which check
 * failed, and no other work done.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class.getName());

    @Inject
    HostedNodes nodes;

    @Inject
    TokenVerifier verifier;

    @Inject
    CurrentCaller current;

    @Inject
    @Readiness // the qualifier of health checks
    SecurityReadiness readiness;

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> path = List.of(request.getUriInfo().getPath().replaceAll("^/+", "").split("/"));
        if (isOpen(request.getMethod(), path)) {
            return;
        }
        if (path.size() < 2 || !path.get(0).equals("nodes")) {
            return; // no such route: JAX-RS answers 404
        }
        LogicalNode node;
        try {
            node = nodes.node(path.get(1));
        } catch (ProblemException unknownNode) {
            return; // 404 from the resource, as for any unknown node
        }
        if (readiness.problem().isPresent()) { // LX-SEC-15: not configured, so not open either
            request.abortWith(ProblemMapper.response(Problem.of(503, "The node is not configured to check tokens; see /health/ready.")));
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() < 8) {
            request.abortWith(unauthorized());
            return;
        }
        try {
            Caller caller = verifier.caller(authorization, node.base());
            current.set(caller);
        } catch (TokenVerifier.Invalid e) {
            LOG.log(Level.FINE, "token refused", e);
            request.abortWith(unauthorized());
        }
    }

    /** The spec's files a node serves to anybody (Table 8.3). */
    private static final java.util.Set<String> SPEC_FILES = java.util.Set.of("context.jsonld", "vocabulary.ttl", "shapes.ttl", "requirements.ttl");

    /**
     * The open routes of Table 8.3, exactly: the host listing, the node descriptions and the spec's
     * files, and the demo issuer outside every node. Any other path under a node, even one that
     * names nothing, needs a token (LX-SEC-2).
     */
    static boolean isOpen(String method, List<String> path) {
        if (path.get(0).equals("demo")) {
            return true; // not under a node; there only in demo mode (LX-SEC-53)
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        if (path.equals(List.of(".well-known", "lianxin"))) {
            return true;
        }
        return path.size() == 4 && path.get(0).equals("nodes")
                && (path.get(2).equals(".well-known") && path.get(3).equals("lianxin") || path.get(2).equals("spec") && SPEC_FILES.contains(path.get(3)));
    }

    private static Response unauthorized() {
        Response problem = ProblemMapper.response(Problem.of(401, "invalid token"));
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
