package org.lianxin.node.tasks;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.QueryContext;
import org.lianxin.node.federation.Registrations.Child;
import org.lianxin.node.federation.SubtreeFanOut;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.publications.FromAbove;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.ListFilter;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Access;
import org.lianxin.node.security.Caller;
import org.lianxin.node.security.CurrentCaller;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/**
 * {@code {base}/tasks}: the tasks this node's organizations issue (spec chapter 13), what they
 * have come to, and the two routes between nodes — the inbound query a child asks and the notice
 * a parent sends.
 */
@Path("/nodes/{node}/tasks")
@RequestScoped
public class TaskResource {

    private static final String ID = "{id: [A-Za-z0-9_-]{1,64}}";

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @Inject
    Tasks tasks;

    @Inject
    ReachingTasks reaching;

    @Inject
    FromAbove fromAbove;

    @Inject
    TaskNotices notices;

    @Inject
    FederationSettings settings;

    @Inject
    SubtreeFanOut subtree;

    @Inject
    CurrentCaller current;

    @PathParam("node")
    String nodeId;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    /** LX-TASK-2: issues a task. */
    @POST
    @Consumes("*/*")
    public Response issue(InputStream body) {
        LogicalNode node = node();
        Record stored = tasks.issue(node, records.taskEndpoints().input(node, body, headers), access, current.authorization());
        return records.taskEndpoints().written(node, stored, headers, 201);
    }

    /** LX-TASK-21: the tasks the caller may read, by state and issuer. */
    @GET
    public Response list(@QueryParam("state") String state, @QueryParam("issuedBy") String issuedBy) {
        ListFilter filter = new ListFilter().term(state, "state", LX.taskState, List.of("Open", "Answered", "Merged", "Cancelled"))
                .iri(issuedBy, "issuedBy", LX.issuedBy);
        return records.taskEndpoints().list(node(), "/tasks", filter.selection(), uri, headers, access);
    }

    @GET
    @Path(ID)
    public Response read(@PathParam("id") String id) {
        return records.taskEndpoints().read(node(), id, headers, access);
    }

    /** LX-TASK-20. */
    @POST
    @Path(ID + "/cancel")
    @Consumes("*/*")
    public Response cancel(@PathParam("id") String id) {
        LogicalNode node = node();
        Record seen = records.tasks().live(node, id, access);
        return records.taskEndpoints().written(node, tasks.cancel(node, seen, access), headers);
    }

    /** LX-TASK-11: the data request's statistic, now. */
    @GET
    @Path(ID + "/answer")
    public Response answer(@PathParam("id") String id) {
        LogicalNode node = node();
        Record task = records.tasks().live(node, id, access);
        return json(tasks.answerNow(node, task, current.authorization()).toString());
    }

    /** LX-TASK-17: which of the branches the task reaches have completed it, live over the subtree. */
    @GET
    @Path(ID + "/progress")
    public Response progress(@PathParam("id") String id, @QueryParam("partial") String partial) throws Exception {
        LogicalNode node = node();
        Record task = records.tasks().live(node, id, access);
        QueryContext context = QueryContext.of(headers, settings, node.base());
        List<Node> targets = task.graph().find(task.iri(), LX.target.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
        String key = Lifecycle.value(task.graph(), task.iri(), LX.taskKey.asNode()).map(Node::getLiteralLexicalForm).orElse("");
        SubtreeFanOut.Summed<Progress> progress = subtree.sum(node, targets, context, true,
                org.lianxin.node.federation.FederatedAnswers.flag(partial, "partial"),
                () -> Progress.local(node, targets, key), "/statistics/task-progress",
                "taskKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8), Progress::fromJson, Progress::plus, "not a task progress answer");
        return json(progress.value().toJson().add("task", task.iri().getURI()).add("taskKey", key)
                .add("organizations", JSON.createArrayBuilder(targets.stream().map(Node::getURI).toList()))
                .add("completeness", progress.completeness().toJson()).build().toString());
    }

    /** LX-TASK-12: a registered child asks, with its node credential, which tasks from here and above reach its roots. */
    @GET
    @Path("inbound")
    public Response inbound(@QueryParam("dueFrom") String dueFrom, @QueryParam("dueTo") String dueTo) {
        LogicalNode node = node();
        Caller caller = current.get().orElseThrow();
        Child child = fromAbove.callingChild(node, caller, "tasks");
        LocalDate today = LocalDate.now(Lifecycle.CHINA);
        LocalDate from = day(dueFrom, "dueFrom", today.minusDays(366));
        LocalDate to = day(dueTo, "dueTo", LocalDate.of(9999, 12, 31));
        FromAbove.Seen<TaskSummary> seen = reaching.of(node, from, to);
        var list = JSON.createArrayBuilder();
        reaching.forChild(node, child, seen).forEach(t -> list.add(t.toJson()));
        QueryContext context = QueryContext.of(headers, settings, node.base());
        return json(JSON.createObjectBuilder().add("tasks", list).add("completeness", seen.completeness(context.queryId()).toJson())
                .build().toString());
    }

    /** LX-TASK-22: the parent node tells of a new task. */
    @POST
    @Path("notices")
    @Consumes("*/*")
    public Response notice(String body) {
        notices.receive(node(), current.get().orElseThrow(), body);
        return Response.accepted().build();
    }

    static LocalDate day(String value, String name, LocalDate otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " is a day, yyyy-mm-dd.");
        }
    }

    static Response json(String body) {
        return Response.ok(body).type("application/json;charset=utf-8").build();
    }

    private LogicalNode node() {
        return nodes.node(nodeId);
    }
}
