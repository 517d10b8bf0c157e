package org.lianxin.node.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.lianxin.node.nodes.LogicalNode;

/**
 * The token a node calls another node with when no user's request is in flight — the messages of a
 * transfer, which may be delivered days later (spec chapter 10): the role {@code node} and, as
 * {@code sub}, the calling node's base URL. In production the federation's issuer grants it (an
 * OAuth client-credentials grant) and the operator's token agent keeps it fresh in a file; in demo
 * mode the node mints it at its own demo issuer, which every node of a demo federation trusts.
 */
@ApplicationScoped
public class NodeCredentials {

    private static final long LIFETIME_SECONDS = 300;

    @Inject
    SecuritySettings settings;

    @Inject
    DemoIssuer demo;

    /** A file holding the node's current token (production). */
    @Inject
    @ConfigProperty(name = "lianxin.federation.node-token-file")
    Optional<String> tokenFile;

    /** The Authorization header for a call from {@code node} to the node at {@code targetBase}; empty when the node has no credential. */
    public Optional<String> authorization(LogicalNode node, String targetBase) {
        Optional<Path> file = tokenFile.filter(f -> !f.isBlank()).map(Path::of);
        if (file.isPresent()) {
            try {
                return Optional.of("Bearer " + Files.readString(file.get(), StandardCharsets.UTF_8).trim()); // read on every use: the agent renews it
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        if (!settings.demo()) {
            return Optional.empty();
        }
        JwtClaims claims = new JwtClaims();
        claims.setSubject(node.base());
        claims.setAudience(List.of(Caller.Audience.normalized(targetBase)));
        claims.setStringListClaim("groups", List.of(Caller.NODE));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(LIFETIME_SECONDS / 60f);
        return Optional.of("Bearer " + demo.mint(claims));
    }
}
