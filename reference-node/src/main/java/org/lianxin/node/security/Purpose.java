package org.lianxin.node.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.lianxin.node.problems.ProblemException;

/** Why a caller reads a full record with personal data: the header {@code Lianxin-Purpose} (spec Table 8.10). */
public final class Purpose {

    /** The header in which a caller states its purpose. */
    public static final String HEADER = "Lianxin-Purpose";

    private Purpose() {}

    /** The purpose a caller states for a full read (Table 8.10): decoded, 1–200 characters, no controls; else a 400. */
    public static Optional<String> of(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Lianxin-Purpose is percent-encoded UTF-8 text.");
        }
        int length = decoded.codePointCount(0, decoded.length());
        if (length < 1 || length > 200 || decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || decoded.contains("\uFFFD")) {
            throw ProblemException.badRequest("Lianxin-Purpose is 1 to 200 characters of text, percent-encoded.");
        }
        return Optional.of(decoded);
    }
}
