package org.lianxin.node.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How a node runs service to the people ({@code lianxin.service.*}, spec 18.9). */
@ApplicationScoped
public class ServiceSettings {

    /** How soon a first answer counts as in time in the service statistic (LX-SERVICE-15); policy, one day by default. */
    @Inject
    @ConfigProperty(name = "lianxin.service.answer-within", defaultValue = "P1D")
    String answerWithin;

    public Duration answerWithin() {
        return Duration.parse(answerWithin);
    }

    /** The same as the operator wrote it, an ISO 8601 duration (P1D, not its PT24H). */
    public String answerWithinText() {
        answerWithin(); // a value that is no duration fails here, not in a statistic
        return answerWithin;
    }
}
