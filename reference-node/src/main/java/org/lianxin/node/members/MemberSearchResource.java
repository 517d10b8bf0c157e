package org.lianxin.node.members;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.lianxin.node.federation.ChildCall;
import org.lianxin.node.federation.Completeness;
import org.lianxin.node.federation.Completeness.NodeStatus;
import org.lianxin.node.federation.Completeness.Status;
import org.lianxin.node.federation.FanOut;
import org.lianxin.node.federation.FederatedAnswers;
import org.lianxin.node.federation.Federation;
import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.QueriesInFlight;
import org.lianxin.node.federation.QueryContext;
import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.federation.SubtreeScope;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.nodes.NodeDescriptions;
import org.lianxin.node.paging.Cursor;
import org.lianxin.node.paging.PageSize;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.RecordEndpoints;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Access;
import org.lianxin.node.store.Record;
import org.lianxin.spec.ContextTerms;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * {@code {base}/search/members}: members found by name or stage over the subtree of organizations,
 * as minimal records (never an ID number, phone, address or birth date). Pages run through this
 * node's matches in creation order, then through each child's, in the order of their base URLs;
 * the cursor says where in that sequence the next page starts.
 */
@Path("/nodes/{node}/search/members")
@RequestScoped
public class MemberSearchResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Federation federation;

    @Inject
    FederationSettings settings;

    @Inject
    FanOut fanOut;

    @Inject
    QueriesInFlight inFlight;

    @Inject
    Access access;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @PathParam("node")
    String nodeId;

    /** Where a page starts: in segment {@code segment} (0 = this node, i = the i-th child in scope), after {@code inner}. */
    record Position(int segment, String inner) {

        String token() {
            String text = segment + ":" + (inner == null ? "" : inner);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Position parse(String token) {
            if (token == null || token.isEmpty()) {
                return new Position(0, null);
            }
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int colon = text.indexOf(':');
                int segment = Integer.parseInt(text.substring(0, colon));
                String inner = text.substring(colon + 1);
                if (segment >= 0) {
                    return new Position(segment, inner.isEmpty() ? null : inner);
                }
            } catch (RuntimeException e) {
                // the problem below
            }
            throw ProblemException.badRequest("The cursor is not one this node issued.");
        }
    }

    @GET
    public Response search(@QueryParam("organization") List<String> organizations, @QueryParam("name") String name,
                           @QueryParam("namePrefix") String namePrefix, @QueryParam("stage") String stage,
                           @QueryParam("scope") String scope, @QueryParam("limit") String limit,
                           @QueryParam("cursor") String cursor, @QueryParam("partial") String partial) throws Exception {
        LogicalNode node = nodes.node(nodeId);
        QueryContext context = QueryContext.of(headers, settings, node.base());
        boolean subtree = FederatedAnswers.subtreeScope(scope);
        boolean allowPartial = FederatedAnswers.flag(partial, "partial");
        List<Node> roots = FederatedAnswers.organizations(node, records, organizations, access.managed()); // LX-SEC-26
        String filters = filters(name, namePrefix, stage);
        int pageSize = PageSize.of(limit, 50, 1000);
        Position position = Position.parse(cursor);
        try (AutoCloseable running = inFlight.enter(node.base(), context)) {
            List<Map.Entry<Child, List<Node>>> children = subtree
                    ? SubtreeScope.childrenIn(federation.state(node).children(), SubtreeScope.localSubtree(node, roots)).entrySet().stream()
                            .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Child::base))).toList()
                    : List.of();
            List<JsonObject> items = new ArrayList<>();
            List<NodeStatus> statuses = new ArrayList<>();
            Position next = null;
            int segment = position.segment();
            String inner = position.inner();
            // Every child's part of the page is asked at once; the answers are then taken in order.
            Map<Integer, ChildCall> asked = prefetch(children, segment, inner, name, namePrefix, stage, pageSize, context);
            while (items.size() < pageSize && segment <= children.size()) {
                int wanted = pageSize - items.size();
                Optional<String> more;
                if (segment == 0) {
                    more = local(node, roots, filters, inner, wanted, items);
                    statuses.add(new NodeStatus(node.base(), Status.ANSWERED, null, Instant.now(), 0));
                } else {
                    Map.Entry<Child, List<Node>> child = children.get(segment - 1);
                    more = child(child.getKey(), child.getValue(), name, namePrefix, stage, inner, wanted, context, items, statuses,
                            Optional.ofNullable(asked.get(segment)));
                }
                if (more.isPresent()) {
                    next = new Position(segment, more.get());
                    break;
                }
                segment++;
                inner = null;
            }
            if (next == null && segment <= children.size()) {
                // The page filled up exactly at the end of a segment: a next page only if a later one has matches (LX-FED-46).
                next = firstNonEmpty(node, roots, filters, name, namePrefix, stage, segment, children, context, statuses);
            }
            Completeness completeness = new Completeness(context.queryId(), Instant.now(), FederatedAnswers.merge(statuses));
            FederatedAnswers.requireComplete(completeness, allowPartial);
            JsonArrayBuilder list = JSON.createArrayBuilder();
            items.forEach(list::add);
            JsonObjectBuilder page = JSON.createObjectBuilder()
                    .add("type", "Page")
                    .add("roots", JSON.createArrayBuilder(NodeDescriptions.authoritativeFor(node).stream().map(Node::getURI).toList()))
                    .add("items", list)
                    .add("completeness", completeness.toJson());
            Response.ResponseBuilder response = Response.ok().type("application/json;charset=utf-8");
            if (next != null) {
                String nextUrl = RecordEndpoints.pageUrl(node.base() + "/search/members", uri.getRequestUri().getRawQuery(), next.token());
                page.add("next", nextUrl);
                response.link(nextUrl, "next");
            }
            return response.entity(page.build().toString()).build();
        }
    }

    /** The position of the first segment from {@code from} on that has a match, or null. */
    private Position firstNonEmpty(LogicalNode node, List<Node> roots, String filters, String name, String namePrefix, String stage,
                                   int from, List<Map.Entry<Child, List<Node>>> children, QueryContext context, List<NodeStatus> statuses) {
        for (int segment = from; segment <= children.size(); segment++) {
            List<JsonObject> probe = new ArrayList<>();
            if (segment == 0) {
                local(node, roots, filters, null, 1, probe);
            } else {
                Map.Entry<Child, List<Node>> child = children.get(segment - 1);
                child(child.getKey(), child.getValue(), name, namePrefix, stage, null, 1, context, probe, new ArrayList<>());
            }
            if (!probe.isEmpty()) {
                return new Position(segment, null);
            }
        }
        return null;
    }

    /** This node's matches after {@code inner}; the inner cursor when more remain. */
    private Optional<String> local(LogicalNode node, List<Node> roots, String filters, String inner, int wanted, List<JsonObject> items) {
        // The filters select first (an exact name is an index lookup), then the branch is checked
        // against the subtree, known once per write; not a path walked for every member (issue 6).
        String subtree = SubtreeScope.localSubtree(node, roots).stream().sorted().map(o -> NodeFmtLib.strNT(NodeFactory.createURI(o))).collect(Collectors.joining(", "));
        String live = "{ SELECT DISTINCT ?r WHERE { GRAPH ?r { ?r <" + LX.branch.getURI() + "> ?b " + filters + " } "
                + "FILTER(?b IN (" + subtree + ")) } }";
        RecordCollection.Page page = records.members().list(node, new RecordCollection.Selection(live, ""),
                Optional.empty(), Optional.ofNullable(inner).flatMap(Cursor::parse), wanted,
                RecordGuard.TRUSTED); // the roots were checked against the caller's subtree (LX-SEC-26)
        page.items().forEach(r -> items.add(summary(node.base(), r)));
        return page.next().map(Cursor::token);
    }

    /** A child's matches after {@code inner}; its cursor when it has more. A failed child is reported. */
    private Optional<String> child(Child child, List<Node> roots, String name, String namePrefix, String stage, String inner,
                                   int wanted, QueryContext context, List<JsonObject> items, List<NodeStatus> statuses) {
        return child(child, roots, name, namePrefix, stage, inner, wanted, context, items, statuses, Optional.empty());
    }

    /**
     * A child's matches after {@code inner}; its cursor when it has more. An answer asked in advance
     * is taken when it holds no more than {@code wanted} items (its cursor then follows its last);
     * otherwise the child is asked again for exactly {@code wanted}.
     */
    private Optional<String> child(Child child, List<Node> roots, String name, String namePrefix, String stage, String inner,
                                   int wanted, QueryContext context, List<JsonObject> items, List<NodeStatus> statuses,
                                   Optional<ChildCall> asked) {
        if (!child.active()) {
            statuses.add(new NodeStatus(child.base(), Status.REJECTED, "registration suspended: " + child.reason(), null, 0));
            return Optional.empty();
        }
        ChildCall call = asked.filter(c -> c.json().map(a -> a.containsKey("items") ? a.getJsonArray("items").size() <= wanted : true).orElse(true))
                .orElseGet(() -> fanOut.get(Map.of(child.base(), searchUrl(child, roots, name, namePrefix, stage, inner, wanted)), context).get(0));
        JsonObject answer = call.answered() ? FederatedAnswers.checked(federation, nodes.node(nodeId), child, call, statuses) : null;
        if (!call.answered()) {
            statuses.add(new NodeStatus(child.base(), call.status(), call.reason(), null, call.elapsedMs()));
            return Optional.empty();
        }
        if (answer == null) {
            return Optional.empty();
        }
        List<JsonObject> found = new ArrayList<>();
        List<NodeStatus> reported = Completeness.nodesOfAnswer(answer);
        java.util.Set<String> reportedNodes = new java.util.HashSet<>();
        reported.forEach(n -> reportedNodes.add(n.node()));
        LogicalNode self = nodes.node(nodeId);
        java.util.Set<String> foreign = new java.util.HashSet<>();
        foreign.add(self.base());
        federation.state(self).children().stream().map(Child::base).filter(b -> !b.equals(child.base())).forEach(foreign::add);
        for (JsonValue v : answer.getJsonArray("items")) {
            JsonObject item = v.asJsonObject();
            if (!outsideChild(item, reportedNodes) && !foreign.contains(item.getString("node", ""))) {
                found.add(minimal(item));
            } else {
                statuses.add(new NodeStatus(child.base(), Status.REJECTED, "answer about members outside its subtree", null, call.elapsedMs()));
                return Optional.empty();
            }
        }
        items.addAll(found.subList(0, Math.min(found.size(), wanted)));
        statuses.addAll(reported);
        return answer.containsKey("next") ? cursorOf(answer.getString("next")) : Optional.empty();
    }

    /** The search a child is asked: its roots under the query's organizations, the same filters, {@code limit} items after {@code inner}. */
    private static URI searchUrl(Child child, List<Node> roots, String name, String namePrefix, String stage, String inner, int limit) {
        StringBuilder query = new StringBuilder();
        roots.forEach(r -> query.append("organization=").append(encode(r.getURI())).append('&'));
        append(query, "name", name);
        append(query, "namePrefix", namePrefix);
        append(query, "stage", stage);
        append(query, "cursor", inner);
        query.append("scope=subtree&limit=").append(limit).append("&partial=true");
        return URI.create(child.base() + "/search/members?" + query);
    }

    /** The children's answers from {@code from} on, asked in parallel (the first after {@code inner}), by segment. */
    private Map<Integer, ChildCall> prefetch(List<Map.Entry<Child, List<Node>>> children, int from, String inner, String name,
                                             String namePrefix, String stage, int limit, QueryContext context) {
        Map<String, URI> calls = new java.util.LinkedHashMap<>(); // each child once: one query id may not reach a node twice at once
        List<Integer> segments = new ArrayList<>();
        for (int segment = Math.max(1, from); segment <= children.size(); segment++) {
            Child child = children.get(segment - 1).getKey();
            if (child.active()) {
                calls.put(child.base(), searchUrl(child, children.get(segment - 1).getValue(), name, namePrefix, stage, segment == from ? inner : null, limit));
                segments.add(segment);
            }
        }
        Map<Integer, ChildCall> asked = new java.util.HashMap<>();
        List<ChildCall> answers = calls.isEmpty() ? List.of() : fanOut.get(calls, context);
        for (int i = 0; i < answers.size(); i++) {
            asked.put(segments.get(i), answers.get(i));
        }
        return asked;
    }

    /** A member of a child's answer must be held by a node of that child's report. */
    private static boolean outsideChild(JsonObject item, java.util.Set<String> reportedNodes) {
        String node = item.getString("node", "");
        return !reportedNodes.contains(node) || !item.getString("id", "").startsWith(node + "/members/") || !item.getString("branch", "").startsWith(node + "/organizations/");
    }

    /** Only the minimal fields pass, whatever a child sent. */
    private static JsonObject minimal(JsonObject item) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        for (String key : List.of("id", "name", "stage", "branch", "node")) {
            json.add(key, item.getString(key, ""));
        }
        return json.build();
    }

    private static JsonObject summary(String nodeBase, Record r) {
        return JSON.createObjectBuilder()
                .add("id", r.iri().getURI())
                .add("name", Lifecycle.value(r.graph(), r.iri(), SchemaOrg.name.asNode()).map(Node::getLiteralLexicalForm).orElse(""))
                .add("stage", Lifecycle.value(r.graph(), r.iri(), LX.stage.asNode()).map(s -> ContextTerms.lianxin().compact(s.getURI())).orElse(""))
                .add("branch", Lifecycle.value(r.graph(), r.iri(), LX.branch.asNode()).map(Node::getURI).orElse(""))
                .add("node", nodeBase)
                .build();
    }

    private static String filters(String name, String namePrefix, String stage) {
        if (name == null && namePrefix == null && stage == null) {
            throw ProblemException.badRequest("Search by name, namePrefix or stage.");
        }
        for (String text : new String[] {name, namePrefix}) {
            if (text != null && (text.isEmpty() || text.length() > 50)) {
                throw ProblemException.badRequest("name and namePrefix have 1 to 50 characters.");
            }
        }
        StringBuilder f = new StringBuilder();
        if (name != null) {
            f.append(" . ?r <").append(SchemaOrg.name.getURI()).append("> ").append(NodeFmtLib.strNT(NodeFactory.createLiteralString(name)));
        }
        if (namePrefix != null) {
            f.append(" . ?r <").append(SchemaOrg.name.getURI()).append("> ?name FILTER(STRSTARTS(?name, ")
                    .append(NodeFmtLib.strNT(NodeFactory.createLiteralString(namePrefix))).append("))");
        }
        if (stage != null) {
            if (!stage.matches("Applicant|Activist|DevelopmentCandidate|ProbationaryMember|FullMember")) {
                throw ProblemException.badRequest("stage is Applicant, Activist, DevelopmentCandidate, ProbationaryMember or FullMember.");
            }
            f.append(" . ?r <").append(LX.stage.getURI()).append("> <").append(LX.NS).append(stage).append('>');
        }
        return f.toString();
    }


    private static Optional<String> cursorOf(String nextUrl) {
        int at = nextUrl.indexOf("cursor=");
        if (at < 0) {
            return Optional.empty();
        }
        String rest = nextUrl.substring(at + "cursor=".length());
        int amp = rest.indexOf('&');
        return Optional.of(java.net.URLDecoder.decode(amp < 0 ? rest : rest.substring(0, amp), StandardCharsets.UTF_8));
    }

    private static void append(StringBuilder query, String key, String value) {
        if (value != null) {
            query.append(key).append('=').append(encode(value)).append('&');
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
