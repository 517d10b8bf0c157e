package org.lianxin.node.tasks;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How a node estimates the work a task costs a branch ({@code lianxin.tasks.hours.*}, spec 13.12). */
@ApplicationScoped
public class TaskSettings {

    /** Hours a branch spends on one data request filled in by hand: the forms, the counting, the checks. */
    @Inject
    @ConfigProperty(name = "lianxin.tasks.hours.data-request", defaultValue = "2")
    BigDecimal dataRequest;

    /** Hours a branch spends on one action request: preparing, holding and reporting it. */
    @Inject
    @ConfigProperty(name = "lianxin.tasks.hours.action-request", defaultValue = "4")
    BigDecimal actionRequest;

    /** The estimate for one request of {@code taskKind} (DataRequest or ActionRequest). */
    public BigDecimal of(String taskKind) {
        return (taskKind.equals("ActionRequest") ? actionRequest : dataRequest).max(BigDecimal.ZERO);
    }
}
