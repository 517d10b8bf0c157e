package org.lianxin.node.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.lianxin.node.problems.ProblemException;

/**
 * Where a list continues: after the record with this sequence number. Sent to clients as an opaque
 * token; they must not build one themselves.
 *
 * @param position the sequence number of the last record of the previous page
 */
public record Cursor(long position) {

    private static final String PREFIX = "after:";

    public String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or a 400 problem when it is not one of ours. */
    public static Optional<Cursor> parse(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long position = Long.parseLong(text.substring(PREFIX.length()));
                if (position >= 0) {
                    return Optional.of(new Cursor(position));
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw ProblemException.badRequest("The cursor is not one this node issued.");
    }
}
