package org.lianxin.node.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.lianxin.node.problems.Problem;

/** The verified caller of the current request, set by {@link BearerTokenFilter}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Optional<Caller> get() {
        return Optional.ofNullable(caller);
    }

    /** The Authorization header to relay to other nodes, or null. */
    public String authorization() {
        return caller == null ? null : caller.authorization();
    }

    /** A 403 problem unless the caller has {@code role}. */
    public void require(String role) {
        if (caller == null || !caller.has(role)) {
            throw Problem.of(403, "This needs the role " + role + ".").exception();
        }
    }
}
