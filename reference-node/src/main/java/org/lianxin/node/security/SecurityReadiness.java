package org.lianxin.node.security;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * LX-SEC-15: a node outside demo mode without its issuer, its issuer's keys or its lookup key does
 * not run open, nor closed to everybody: it reports itself not ready, says why in its log at start
 * and in {@code /health/ready}, and answers every closed route 503.
 */
@Readiness
@ApplicationScoped
public class SecurityReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(SecurityReadiness.class.getName());

    @Inject
    TokenVerifier verifier;

    @Inject
    LookupKey lookupKey;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        problem().ifPresent(why -> LOG.severe("Lianxin will not serve its records: " + why));
    }

    /** Set once the issuer, keys and lookup key are in place: configuration does not go away while the node runs. */
    private volatile boolean configured;

    /** Why the node cannot check tokens or find members, if it cannot. Asked with every closed request. */
    public Optional<String> problem() {
        if (configured) {
            return Optional.empty();
        }
        try {
            verifier.issuer();
            lookupKey.hash("");
            configured = true;
            return Optional.empty();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (!(cause instanceof IllegalStateException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return Optional.of(cause.getMessage());
        }
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = problem();
        return HealthCheckResponse.named("lianxin-security").status(problem.isEmpty())
                .withData("configuration", problem.orElse("issuer, keys and lookup key in place")).build();
    }
}
