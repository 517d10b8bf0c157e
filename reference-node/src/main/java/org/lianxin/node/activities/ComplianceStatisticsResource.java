package org.lianxin.node.activities;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Access;

/**
 * {@code {base}/statistics/compliance}: which organizations of a subtree held the organizational
 * life they owe in a year, up to a month (spec 12.5) — a federated query like the dues statistic:
 * this node's own part, and its in-scope children's, asked in parallel; only numbers and
 * organizations travel up, never people (LX-ORGLIFE-9).
 */
@Path("/nodes/{node}/statistics/compliance")
@RequestScoped
public class ComplianceStatisticsResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    OrgLifeSettings orgLife;

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

    @GET
    public Response compliance(@QueryParam("organization") List<String> organizations, @QueryParam("year") String year,
                               @QueryParam("through") String through, @QueryParam("scope") String scope,
                               @QueryParam("partial") String partial) throws Exception {
        LogicalNode node = nodes.node(nodeId);
        QueryContext context = QueryContext.of(headers, settings, node.base());
        int asked = year(year);
        YearMonth last = through(through, asked);
        boolean withChildren = FederatedAnswers.subtreeScope(scope);
        boolean allowPartial = FederatedAnswers.flag(partial, "partial");
        List<Node> roots = FederatedAnswers.organizations(node, records, organizations, access.managed()); // LX-ORGLIFE-10
        // LX-ORGLIFE-9: one request per in-scope child; the counts are added and the lists joined.
        SubtreeFanOut.Summed<Compliance> compliance = subtree.sum(node, roots, context, withChildren, allowPartial,
                () -> LocalCompliance.of(node, roots, asked, last, orgLife), "/statistics/compliance", "year=" + asked + "&through=" + last,
                Compliance::fromJson, Compliance::plus, "not a compliance statistics answer");
        String answer = compliance.value().toJson(roots, NodeDescriptions.authoritativeFor(node), asked, last, withChildren)
                .add("completeness", compliance.completeness().toJson()).build().toString();
        return Response.ok(answer).type("application/json;charset=utf-8").build();
    }

    private static int year(String year) {
        if (year == null || !year.matches("\\d{4}")) {
            throw ProblemException.badRequest("year is four digits, e.g. 2026.");
        }
        return Integer.parseInt(year);
    }

    /** LX-ORGLIFE-8: the last month counted — given, or the last month that has ended in China — within the year. */
    private static YearMonth through(String through, int year) {
        YearMonth last;
        try {
            last = through == null ? Lifecycle.lastMonthEnded() : YearMonth.parse(through);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("through is a month, yyyy-mm.");
        }
        if (last.getYear() > year) {
            return YearMonth.of(year, 12);
        }
        if (last.getYear() < year) {
            return YearMonth.of(year, 1).minusMonths(1); // a year not yet begun: nothing has ended
        }
        return last;
    }
}
