package org.lianxin.node.nodes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.Readiness;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lianxin.node.demo.DemoLoader;
import org.lianxin.node.federation.FederationSettings;
import org.lianxin.node.federation.RegistrationsFile;
import org.lianxin.node.federation.StartupRegistrations;
import org.lianxin.node.federation.StartupRegistrations.Registration;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.records.Records;
import org.lianxin.node.security.SecurityReadiness;
import org.lianxin.node.store.Tdb2RecordStore;

/**
 * The logical nodes this process hosts, each with its own TDB2 dataset in
 * {@code {lianxin.data.dir}/{id}}. Opened when the application starts, released when it stops.
 */
@ApplicationScoped
public class HostedNodes {

    private static final Logger LOG = Logger.getLogger(HostedNodes.class.getName());

    @Inject
    @ConfigProperty(name = "lianxin.nodes")
    List<String> ids;

    @Inject
    @ConfigProperty(name = "lianxin.data.dir")
    String dataDirectory;

    @Inject
    @ConfigProperty(name = "lianxin.public.url")
    String publicUrl;

    @Inject
    DemoLoader demo;

    @Inject
    Records records;

    @Inject
    FederationSettings settings;

    @Inject
    StartupRegistrations startup;

    @Inject
    org.lianxin.node.transfers.TransferCourier courier;

    @Inject
    org.lianxin.node.feedback.FeedbackCourier feedback;

    @Inject
    @Readiness // the qualifier of health checks
    SecurityReadiness security;

    private final Map<String, LogicalNode> nodes = new LinkedHashMap<>();
    private String origin;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        records.representations(); // built now: a broken spec file fails the start, not the first request
        origin = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        for (String id : ids) {
            if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("lianxin.nodes: not a node id: " + id);
            }
            Path directory = Path.of(dataDirectory, id).toAbsolutePath();
            LogicalNode node = new LogicalNode(id, origin + "/nodes/" + id, Tdb2RecordStore.open(directory));
            nodes.put(id, node);
            if (security.problem().isEmpty()) { // without its lookup key a node serves no member anyway (LX-SEC-15)
                records.memberKind().indexIfMissing(node);
            }
            LOG.info(() -> "Lianxin node " + node.base() + " on " + directory);
        }
        List<Registration> registrations = new ArrayList<>(demo.load(nodes.values()));
        registrations.addAll(RegistrationsFile.read(settings.registrationsFile()));
        startup.start(registrations);
        courier.resume(nodes.values()); // messages of transfers due before a restart (LX-TRANSFER-8)
        feedback.resume(nodes.values()); // escalations and replies owed to other nodes (LX-FEEDBACK-9, -11)
    }

    /** The node with {@code id}, or a 404 problem. */
    public LogicalNode node(String id) {
        LogicalNode node = nodes.get(id);
        if (node == null) {
            throw ProblemException.notFound("The node '" + id + "'");
        }
        return node;
    }

    /** The public URL of this host, without a trailing slash; node base URLs are below it. */
    public String origin() {
        return origin;
    }

    public Collection<LogicalNode> all() {
        return nodes.values();
    }

    @PreDestroy
    void stop() {
        for (LogicalNode node : nodes.values()) {
            try {
                node.store().close();
            } catch (RuntimeException | LinkageError e) {
                // one store that cannot close must not leave the others' datasets locked
                LOG.log(java.util.logging.Level.WARNING, "cannot close the store of " + node.base(), e);
            }
        }
        nodes.clear();
    }
}
