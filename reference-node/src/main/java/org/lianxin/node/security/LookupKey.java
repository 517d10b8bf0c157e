package org.lianxin.node.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The secret key of the keyed hash (HMAC-SHA256) under which a node finds members by their national
 * ID number (spec 8.8): the lookup index holds hashes, never numbers. Configured, or in demo mode
 * generated once and kept in the data directory.
 */
@ApplicationScoped
public class LookupKey {

    @Inject
    @ConfigProperty(name = "lianxin.security.lookup-key")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "lianxin.data.dir")
    String dataDirectory;

    @Inject
    SecuritySettings settings;

    private byte[] key;

    /** A key given directly (tests, tools). */
    public static LookupKey of(byte[] key) {
        LookupKey lookupKey = new LookupKey();
        lookupKey.key = key.clone();
        return lookupKey;
    }

    @PostConstruct
    void load() {
        if (configured.filter(k -> !k.isBlank()).isPresent()) {
            key = Base64.getDecoder().decode(configured.get().trim());
        } else if (settings.demo()) {
            key = demoKey(Path.of(dataDirectory, "lookup-key"));
        } else {
            throw new IllegalStateException("lianxin.security.lookup-key is not set: a node outside demo mode needs the key of its ID number index");
        }
        if (key.length < 32) {
            throw new IllegalStateException("lianxin.security.lookup-key must be at least 32 bytes (base64)");
        }
    }

    /** The keyed hash of a national ID number, hex. */
    public String hash(String nationalId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(nationalId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] demoKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.UTF_8).trim());
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(generated), StandardCharsets.UTF_8);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the lookup key in " + file, e);
        }
    }
}
