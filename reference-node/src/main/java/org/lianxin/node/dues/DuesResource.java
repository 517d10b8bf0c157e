package org.lianxin.node.dues;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.time.YearMonth;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.apache.jena.graph.Node;
import org.lianxin.node.federation.FederatedAnswers;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Access;
import org.lianxin.node.store.Record;

/**
 * {@code {base}/dues}: the rate table the node applies, a member's dues account, and the members
 * flagged for arrears under an organization (spec 9.4, 9.6). Accounts and arrears never leave the
 * node that holds the members: there is no federated form of them.
 */
@Path("/nodes/{node}/dues")
@RequestScoped
public class DuesResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    DuesRates rates;

    @Inject
    Access access;

    @PathParam("node")
    String nodeId;

    /** LX-DUES-4: the national rates with the node's policy amount for farmers. */
    @GET
    @Path("rates")
    public Response rates() {
        nodes.node(nodeId);
        return json(rates.toJson().toString());
    }

    /** LX-DUES-14: the account of a member the caller may read (the member themself, or a secretary above), else 404 (LX-DUES-25). */
    @GET
    @Path("accounts/{id: [A-Za-z0-9_-]{1,64}}")
    public Response account(@PathParam("id") String id, @QueryParam("to") String to) {
        LogicalNode node = nodes.node(nodeId);
        YearMonth last = DuesMonths.parse(to, "to").orElseGet(Lifecycle::lastMonthEnded);
        Record member = records.members().live(node, id, access);
        DuesAccount account = node.store().read(tx -> DuesAccounts.of(tx, member.iri(), member.graph(), last, rates));
        return json(account.toJson().toString());
    }

    /**
     * LX-DUES-17: the members under the organization with six or more consecutive unpaid months — a
     * flag for the branch to talk with them, never a change of their records (LX-DUES-18).
     */
    @GET
    @Path("arrears")
    public Response arrears(@QueryParam("organization") List<String> organization, @QueryParam("to") String to) {
        LogicalNode node = nodes.node(nodeId);
        YearMonth last = DuesMonths.parse(to, "to").orElseGet(Lifecycle::lastMonthEnded);
        if (organization == null || organization.size() != 1) {
            throw org.lianxin.node.problems.ProblemException.badRequest("Give one organization (its IRI or its id on this node).");
        }
        List<Node> under = FederatedAnswers.organizations(node, records, organization, access.managed()); // LX-DUES-26
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (DuesAccount account : DuesAccounts.under(node, under, last, rates)) {
            if (account.flagged()) {
                MemberDues m = account.member();
                items.add(JSON.createObjectBuilder().add("member", m.member().getURI()).add("name", m.name())
                        .add("branch", m.branch().map(Node::getURI).orElse(""))
                        .add("consecutiveUnpaid", account.consecutiveUnpaid()).add("since", account.since().toString()));
            }
        }
        return json(JSON.createObjectBuilder()
                .add("organizations", JSON.createArrayBuilder(under.stream().map(Node::getURI).toList()))
                .add("to", last.toString()).add("items", items).build().toString());
    }

    private static Response json(String body) {
        return Response.ok(body).type("application/json;charset=utf-8").build();
    }
}
