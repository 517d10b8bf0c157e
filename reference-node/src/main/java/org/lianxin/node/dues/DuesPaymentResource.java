package org.lianxin.node.dues;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.Records;
import org.lianxin.node.records.References;
import org.lianxin.node.security.Access;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/**
 * {@code {base}/dues/payments}: dues payments, recorded once under the payment ID the client gives
 * them (spec 9.5). A payment is written with PUT only — a retried request names the same payment —
 * and never changed or deleted afterwards.
 */
@Path("/nodes/{node}/dues/payments")
@RequestScoped
public class DuesPaymentResource {

    private static final String ID = "{id: [A-Za-z0-9_-]{1,64}}";

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @PathParam("node")
    String nodeId;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    /** LX-DUES-13: the readable payments (LX-DUES-25), filtered by member and month. */
    @GET
    public Response list(@QueryParam("member") String member, @QueryParam("month") String month) {
        List<String> patterns = new ArrayList<>();
        if (member != null) {
            if (!member.matches(References.ABSOLUTE_IRI)) {
                throw ProblemException.badRequest("member is the absolute IRI of a member."); // Table 9.8, LX-CORE-37
            }
            patterns.add("?r <" + LX.payer.getURI() + "> " + NodeFmtLib.strNT(NodeFactory.createURI(member)) + " .");
        }
        DuesMonths.parse(month, "month").ifPresent(m ->
                patterns.add("?r <" + LX.month.getURI() + "> ?month FILTER(STR(?month) = \"" + m + "\")"));
        String live = patterns.isEmpty() ? "" : "GRAPH ?r { " + String.join("\n", patterns) + " }";
        return records.paymentEndpoints().list(node(), "/dues/payments", new RecordCollection.Selection(live, live), uri, headers, access);
    }

    @GET
    @Path(ID)
    public Response read(@PathParam("id") String id) {
        return records.paymentEndpoints().read(node(), id, headers, access);
    }

    /** LX-DUES-7: 201 for a new payment; the same one again 200 and nothing written (LX-DUES-11). */
    @PUT
    @Path(ID)
    @Consumes("*/*")
    public Response record(@PathParam("id") String id, InputStream body) {
        LogicalNode node = node();
        return records.paymentEndpoints().replace(node, id, body, headers, access, input -> completed(node, input));
    }

    /**
     * The payment with what the node derives from its payer, when the caller may read the payer; a
     * payer it may not read is answered as one that does not exist (LX-DUES-10, spec 8.6).
     */
    private Record completed(LogicalNode node, Record input) {
        Optional<Node> payer = Lifecycle.value(input.graph(), input.iri(), LX.payer.asNode()).filter(Node::isURI)
                .filter(p -> p.getURI().startsWith(node.membersUrl() + "/"));
        Optional<Graph> member = payer.flatMap(p -> node.store().read(tx -> tx.get(p)
                .filter(g -> g.contains(p, org.apache.jena.vocabulary.RDF.type.asNode(), LX.Member.asNode()))
                .filter(g -> !Lifecycle.isTombstone(g, p))
                .filter(g -> access.readable(node, tx, records.memberKind(), p, g))));
        return new Record(input.iri(), records.paymentKind().completed(input.graph(), input.iri(), member));
    }

    private LogicalNode node() {
        return nodes.node(nodeId);
    }
}
