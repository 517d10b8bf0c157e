package org.lianxin.node.nodes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when every hosted node's store answers a read (MicroProfile Health, {@code /health/ready}). */
@Readiness
@ApplicationScoped
public class NodeHealth implements HealthCheck {

    @Inject
    HostedNodes nodes;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("lianxin-nodes").up();
        for (LogicalNode node : nodes.all()) {
            try {
                node.store().read(tx -> tx.exists(node.organizationIri("health")));
                response.withData(node.id(), "up");
            } catch (RuntimeException e) {
                response.withData(node.id(), "store unreadable").down();
            }
        }
        return response.build();
    }
}
