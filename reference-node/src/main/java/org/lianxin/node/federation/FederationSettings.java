package org.lianxin.node.federation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The federation's node configuration (MicroProfile Config, {@code lianxin.federation.*}). */
@ApplicationScoped
public class FederationSettings {

    /** Hosts (host or host:port) a node may call; nothing else is ever contacted (LX-FED allowlist). */
    @Inject
    @ConfigProperty(name = "lianxin.federation.allowed-hosts", defaultValue = "localhost,127.0.0.1")
    List<String> allowedHosts;

    @Inject
    @ConfigProperty(name = "lianxin.federation.deadline.default", defaultValue = "5000")
    long defaultDeadlineMillis;

    @Inject
    @ConfigProperty(name = "lianxin.federation.deadline.max", defaultValue = "60000")
    long maxDeadlineMillis;

    @Inject
    @ConfigProperty(name = "lianxin.federation.concurrency", defaultValue = "32")
    int concurrency;

    @Inject
    @ConfigProperty(name = "lianxin.federation.connect-timeout", defaultValue = "1000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "lianxin.federation.file")
    Optional<String> registrationsFile;

    public boolean allows(URI url) {
        if (url == null || url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
        return allowedHosts.stream().map(String::trim).map(h -> h.toLowerCase(Locale.ROOT))
                .anyMatch(h -> h.equals(host) || h.equals(host + ":" + port));
    }

    public Duration defaultDeadline() {
        return Duration.ofMillis(defaultDeadlineMillis);
    }

    public Duration maxDeadline() {
        return Duration.ofMillis(maxDeadlineMillis);
    }

    public int concurrency() {
        return concurrency;
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(connectTimeoutMillis);
    }

    public Optional<String> registrationsFile() {
        return registrationsFile;
    }
}
