package org.lianxin.node.tasks;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.QueryContext;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.Access;
import org.lianxin.node.store.Record;

/** {@code {base}/organizations/{id}/inbox}: one list of the tasks of every level that concern the organization (LX-TASK-13, -14). */
@Path("/nodes/{node}/organizations/{id: [A-Za-z0-9_-]{1,64}}/inbox")
@RequestScoped
public class InboxResource {

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @Inject
    Inbox inbox;

    @Inject
    FederationSettings settings;

    @PathParam("node")
    String nodeId;

    @PathParam("id")
    String id;

    @Context
    HttpHeaders headers;

    @GET
    public Response inbox() {
        LogicalNode node = nodes.node(nodeId);
        Record organization = records.organizations().live(node, id, access.managed()); // secretaries and admins over it (LX-TASK-19)
        Inbox.Listing listing = inbox.of(node, organization.iri());
        String queryId = QueryContext.of(headers, settings, node.base()).queryId();
        return TaskResource.json(Inbox.toJson(organization.iri(), listing, queryId).toString());
    }
}
