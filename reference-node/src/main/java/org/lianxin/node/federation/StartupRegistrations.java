package org.lianxin.node.federation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.jose4j.jwt.JwtClaims;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.security.Caller;
import org.lianxin.node.security.DemoIssuer;
import org.lianxin.node.security.SecuritySettings;

/**
 * Registrations a node is configured to make when it starts (the federation file, or the demo
 * federation). They run in the background and are retried for a while: a child in the same process,
 * or a child started just after its parent, may not be listening yet.
 */
@ApplicationScoped
public class StartupRegistrations {

    /** The node-operator token for registrations from the federation file; a secret, never logged. */
    @Inject
    @ConfigProperty(name = "lianxin.federation.token")
    Optional<String> federationToken;

    private static final Logger LOG = Logger.getLogger(StartupRegistrations.class.getName());
    private static final Duration RETRY_FOR = Duration.ofMinutes(2);

    /** One configured registration: a hosted node (by id) registers a child (by base URL). */
    public record Registration(String parent, String child) {}

    @Inject
    HostedNodes nodes;

    @Inject
    Federation federation;

    @Inject
    SecuritySettings security;

    @Inject
    DemoIssuer demoIssuer;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lianxin-startup-registrations");
        t.setDaemon(true);
        return t;
    });

    public void start(List<Registration> registrations) {
        if (!registrations.isEmpty()) {
            worker.submit(() -> run(new ArrayList<>(registrations)));
        }
    }

    private void run(List<Registration> pending) {
        long until = System.nanoTime() + RETRY_FOR.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < until && !Thread.currentThread().isInterrupted()) {
            pending.removeIf(this::tryRegister);
            if (!pending.isEmpty()) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
        pending.forEach(r -> LOG.warning(() -> "Federation: gave up registering " + r.child() + " under " + r.parent()));
    }

    /** True when done: registered now or before, or refused for good. */
    private boolean tryRegister(Registration registration) {
        LogicalNode parent;
        try {
            parent = nodes.node(registration.parent());
        } catch (ProblemException e) {
            LOG.warning(() -> "Federation: no hosted node " + registration.parent());
            return true;
        }
        String child = Federation.normalize(registration.child());
        String token = operatorToken(parent.base(), child);
        if (federation.state(parent).child(child).isPresent()) {
            federation.notifyChild(parent, child, token); // the child may have lost or never got its parent link
            return true;
        }
        try {
            federation.register(parent, child, token);
            federation.notifyChild(parent, child, token);
            LOG.info(() -> "Federation: " + child + " registered under " + parent.base());
            return true;
        } catch (ProblemException e) {
            boolean unreachable = e.problem().errors().stream().anyMatch(err -> err.rule().equals("child-unreachable"));
            if (!unreachable) {
                LOG.log(Level.WARNING, "Federation: " + child + " refused under " + parent.base() + ": " + e.getMessage());
            }
            return !unreachable;
        }
    }

    /**
     * The token a start-up registration runs with (spec 8.7): the node-operator token the operator
     * configured for it ({@code lianxin.federation.token}), or in demo mode one the demo issuer mints
     * for the child and every node of this process. Without either, the child refuses the registration and an operator
     * registers it instead.
     */
    private String operatorToken(String parent, String child) {
        if (federationToken.filter(t -> !t.isBlank()).isPresent()) {
            return "Bearer " + federationToken.get().trim();
        }
        if (!security.demo()) {
            return null;
        }
        JwtClaims claims = new JwtClaims();
        claims.setSubject("lianxin-startup");
        claims.setStringListClaim("groups", Caller.NODE_OPERATOR);
        // Every hosted node too: the checks of a registration ask the parent's own ancestors (LX-SEC-25).
        List<String> audience = new ArrayList<>(nodes.all().stream().map(LogicalNode::base).toList());
        audience.add(child);
        claims.setAudience(audience);
        claims.setExpirationTimeMinutesInTheFuture(5);
        return "Bearer " + demoIssuer.mint(claims);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
