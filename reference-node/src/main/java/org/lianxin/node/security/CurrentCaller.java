package org.lianxin.node.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.lianxin.node.problems.ProblemException;

/** The verified caller of the current request, set by {@link BearerTokenFilter}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;
    private java.util.List<String> batchRecords;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Optional<Caller> get() {
        return Optional.ofNullable(caller);
    }

    /** The records this request concerned (a batch's new records, a lookup's member), for the audit log, one entry each. */
    public void concerns(java.util.List<String> records) {
        this.batchRecords = java.util.List.copyOf(records);
    }

    public java.util.Optional<java.util.List<String>> batchRecords() {
        return java.util.Optional.ofNullable(batchRecords);
    }

    private final java.util.Set<String> placements = new java.util.LinkedHashSet<>();

    /** The organizations the records this request writes lie under, before and after (for the audit log, Table 8.13). */
    public void placed(java.util.List<String> organizations) {
        placements.addAll(organizations);
    }

    public java.util.List<String> placements() {
        return java.util.List.copyOf(placements);
    }

    private String auditAction;

    /** The action of Table 8.13 this request took, when its route alone does not say it (a transfer message, spec 10.9). */
    public void audited(String action) {
        this.auditAction = action;
    }

    public java.util.Optional<String> auditAction() {
        return java.util.Optional.ofNullable(auditAction);
    }

    /** The Authorization header to relay to other nodes, or null. */
    public String authorization() {
        return caller == null ? null : caller.authorization();
    }

    /** A 403 problem unless the caller has {@code role}. */
    public void require(String role) {
        if (caller == null || !caller.has(role)) {
            throw ProblemException.forbidden("This needs the role " + role + ".");
        }
    }
}
