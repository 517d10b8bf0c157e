package org.lianxin.node.transfers;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How a node runs transfers ({@code lianxin.transfer.*}, spec 10.10). */
@ApplicationScoped
public class TransferSettings {

    /** Letter validity in days (*policy*): the receiving organization accepts up to letterIssued plus this. */
    @Inject
    @ConfigProperty(name = "lianxin.transfer.letter-valid-days", defaultValue = "90")
    int letterValidDays;

    /** The longest wait between two attempts to deliver a message, in seconds; attempts start 1 s apart and double. */
    @Inject
    @ConfigProperty(name = "lianxin.transfer.retry-max", defaultValue = "60")
    int retryMaxSeconds;

    public int letterValidDays() {
        return Math.max(1, letterValidDays);
    }

    /** The wait before attempt {@code attempt + 1}: 1 s, 2 s, 4 s ... up to the maximum. */
    public Duration backoff(int attempt) {
        long seconds = 1L << Math.min(attempt, 16);
        return Duration.ofSeconds(Math.min(seconds, Math.max(1, retryMaxSeconds)));
    }
}
