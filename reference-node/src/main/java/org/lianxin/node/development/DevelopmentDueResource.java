package org.lianxin.node.development;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.time.LocalDate;
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
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Access;

/** {@code {base}/development/due}: who under an organization is due for their next step, and who is overdue (spec 11.6). */
@Path("/nodes/{node}/development/due")
@RequestScoped
public class DevelopmentDueResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @PathParam("node")
    String nodeId;

    /** LX-PIPELINE-12, -13: the members under an organization whose next step is due on a day, and which are overdue. */
    @GET
    public Response due(@QueryParam("organization") List<String> organization, @QueryParam("on") String on) {
        LogicalNode node = nodes.node(nodeId);
        if (organization == null || organization.size() != 1) {
            throw ProblemException.badRequest("Give one organization (its IRI or its id on this node).");
        }
        LocalDate day = on == null ? LocalDate.now(Lifecycle.CHINA) : DevelopmentResource.parseDay(on, "on");
        List<Node> under = FederatedAnswers.organizations(node, records, organization, access.managed());
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (DevelopmentDue.Item item : DevelopmentDue.under(node, under, day)) {
            var json = JSON.createObjectBuilder().add("member", item.member().getURI()).add("name", item.name())
                    .add("stage", item.stage().getLocalName()).add("branch", item.branch().getURI())
                    .add("next", item.next().json()).add("dueFrom", item.dueFrom().toString());
            item.overdueFrom().ifPresentOrElse(o -> json.add("overdueFrom", o.toString()), () -> json.addNull("overdueFrom"));
            items.add(json.add("overdue", item.overdue(day)));
        }
        String answer = JSON.createObjectBuilder()
                .add("organizations", JSON.createArrayBuilder(under.stream().map(Node::getURI).toList()))
                .add("on", day.toString()).add("items", items).build().toString();
        return Response.ok(answer).type("application/json;charset=utf-8").build();
    }

}
