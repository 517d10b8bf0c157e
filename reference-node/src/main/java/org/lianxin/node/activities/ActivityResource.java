package org.lianxin.node.activities;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordEndpoints;
import org.lianxin.node.records.RecordResource;
import org.lianxin.node.records.References;
import org.lianxin.spec.LX;

/** {@code {base}/activities}: the activities of organizational life held by the node's organizations (spec 12.3). */
@Path("/nodes/{node}/activities")
@RequestScoped
public class ActivityResource extends RecordResource {

    @Override
    protected RecordEndpoints endpoints() {
        return records.activityEndpoints();
    }

    /** LX-ORGLIFE-10: the readable activities, by organization, type and year. */
    @GET
    public Response list(@QueryParam("heldBy") String heldBy, @QueryParam("activityType") String type, @QueryParam("year") String year) {
        List<String> patterns = new ArrayList<>();
        if (heldBy != null) {
            if (!heldBy.matches(References.ABSOLUTE_IRI)) {
                throw ProblemException.badRequest("heldBy is the absolute IRI of an organization."); // LX-CORE-37
            }
            patterns.add("?r <" + LX.heldBy.getURI() + "> " + NodeFmtLib.strNT(NodeFactory.createURI(heldBy)) + " .");
        }
        if (type != null) {
            if (!type.matches("[A-Za-z]{1,40}")) {
                throw ProblemException.badRequest("activityType is a value of lx:ActivityTypeScheme, e.g. ThemedPartyDay.");
            }
            patterns.add("?r <" + LX.activityType.getURI() + "> <" + LX.NS + type + "> .");
        }
        if (year != null) {
            if (!year.matches("\\d{4}")) {
                throw ProblemException.badRequest("year is four digits, e.g. 2026.");
            }
            patterns.add("?r <http://schema.org/startDate> ?day FILTER(STRSTARTS(STR(?day), \"" + year + "-\"))");
        }
        String live = patterns.isEmpty() ? "" : "GRAPH ?r { " + String.join("\n", patterns) + " }";
        return endpoints().list(node(), "/activities", new RecordCollection.Selection(live, live), uri, headers, access);
    }
}
