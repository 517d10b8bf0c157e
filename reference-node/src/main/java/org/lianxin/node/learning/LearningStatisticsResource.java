package org.lianxin.node.learning;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.apache.jena.graph.Node;
import org.lianxin.node.federation.FederatedAnswers;
import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.QueryContext;
import org.lianxin.node.federation.SubtreeFanOut;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.nodes.NodeDescriptions;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Records;
import org.lianxin.node.records.References;
import org.lianxin.node.security.Access;

/**
 * {@code {base}/statistics/learning}: how the members of a subtree studied one course, or the
 * courses due in a period (spec 16.8) — counted where the members are, summed up the tree like the
 * dues collection; only numbers travel (LX-LEARN-20).
 */
@Path("/nodes/{node}/statistics/learning")
@RequestScoped
public class LearningStatisticsResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Courses courses;

    @Inject
    FederationSettings settings;

    @Inject
    SubtreeFanOut subtree;

    @Inject
    Access access;

    @Context
    HttpHeaders headers;

    @PathParam("node")
    String nodeId;

    /** LX-LEARN-16, -19. */
    @GET
    public Response completion(@QueryParam("organization") List<String> organizations, @QueryParam("course") String course,
                               @QueryParam("period") String period, @QueryParam("scope") String scope,
                               @QueryParam("partial") String partial) throws Exception {
        LogicalNode node = nodes.node(nodeId);
        if ((course == null) == (period == null)) {
            throw ProblemException.badRequest("Give either course (a course IRI) or period (yyyy or yyyy-mm), not both.");
        }
        if (course != null && !course.matches(References.ABSOLUTE_IRI)) {
            throw ProblemException.badRequest("course is an absolute IRI.");
        }
        LocalDate[] days = course != null ? new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)} : period(period);
        QueryContext context = QueryContext.of(headers, settings, node.base());
        boolean withChildren = FederatedAnswers.subtreeScope(scope);
        boolean allowPartial = FederatedAnswers.flag(partial, "partial");
        List<Node> roots = FederatedAnswers.organizations(node, records, organizations, access.managed()); // LX-LEARN-19
        List<CourseSummary> considered = courses.seen(node, days[0], days[1]).items().stream()
                .filter(c -> course == null || c.id().getURI().equals(course)).toList();
        String parameter = course != null ? "course=" + URLEncoder.encode(course, StandardCharsets.UTF_8) : "period=" + period;
        SubtreeFanOut.Summed<Completion> completion = subtree.sum(node, roots, context, withChildren, allowPartial,
                () -> Completion.local(node, roots, considered), "/statistics/learning", parameter,
                Completion::fromJson, Completion::plus, "not a learning statistics answer");
        var answer = completion.value().toJson()
                .add("organizations", org.lianxin.node.rdf.JsonP.JSON.createArrayBuilder(roots.stream().map(Node::getURI).toList()))
                .add("roots", org.lianxin.node.rdf.JsonP.JSON.createArrayBuilder(NodeDescriptions.authoritativeFor(node).stream().map(Node::getURI).toList()))
                .add(course != null ? "course" : "period", course != null ? course : period)
                .add("scope", withChildren ? "subtree" : "local")
                .add("completeness", completion.completeness().toJson());
        return Response.ok(answer.build().toString()).type("application/json;charset=utf-8").build();
    }

    /** The first and last day of {@code yyyy} or {@code yyyy-mm}; 400 otherwise. */
    private static LocalDate[] period(String period) {
        if (period.matches("\\d{4}")) {
            int year = Integer.parseInt(period);
            return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
        }
        if (period.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            YearMonth month = YearMonth.parse(period);
            return new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
        }
        throw ProblemException.badRequest("period is a year, yyyy, or a month, yyyy-mm.");
    }
}
