package org.lianxin.node.feedback;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How a node runs feedback ({@code lianxin.feedback.*}, spec 14.9). */
@ApplicationScoped
public class FeedbackSettings {

    /** How long a message may stay Open, unanswered, before it is escalated one level up (LX-FEEDBACK-8). */
    @Inject
    @ConfigProperty(name = "lianxin.feedback.escalate-after", defaultValue = "P3D")
    String escalateAfter;

    /** How often the node looks for messages to escalate. */
    @Inject
    @ConfigProperty(name = "lianxin.feedback.check-every", defaultValue = "PT30S")
    String checkEvery;

    public Duration escalateAfter() {
        return Duration.parse(escalateAfter);
    }

    public Duration checkEvery() {
        Duration d = Duration.parse(checkEvery);
        return d.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : d;
    }
}
