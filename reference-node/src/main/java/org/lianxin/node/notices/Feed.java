package org.lianxin.node.notices;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.apache.jena.graph.Node;
import org.lianxin.node.problems.ProblemException;

/**
 * A member's feed (spec 17.6, LX-NOTICE-9): the notices of every level that reach the member's
 * branch, newest first, a page at a time, each with the member's read state. A page starts after
 * the last item of the page before, by time and id, so that a notice published meanwhile does not
 * shift the pages still to come.
 *
 * @param items  the notices of this page
 * @param unread the notices of the whole feed without a receipt
 * @param next   where the next page starts, when there is one
 */
record Feed(List<NoticeSummary> items, Map<String, String> readAt, long unread, Optional<String> next) {

    /** The page of {@code limit} items after {@code cursor} among {@code reaching} (newest first). */
    static Feed page(List<NoticeSummary> reaching, Map<String, String> readAt, Optional<String> cursor, int limit) {
        List<NoticeSummary> sorted = reaching.stream().sorted(NoticeSummary.NEWEST_FIRST).toList();
        long unread = sorted.stream().filter(n -> !readAt.containsKey(n.id().getURI())).count();
        List<NoticeSummary> after = cursor.map(Feed::position)
                .map(p -> sorted.stream().filter(n -> NoticeSummary.NEWEST_FIRST.compare(n, p) > 0).toList()).orElse(sorted);
        List<NoticeSummary> page = after.stream().limit(limit).toList();
        Optional<String> next = after.size() > limit ? Optional.of(cursorOf(page.get(page.size() - 1))) : Optional.empty();
        return new Feed(page, readAt, unread, next);
    }

    /** The answer of Table 17.7; {@code nextUrl} is the URL of the next page when there is one. */
    JsonObject toJson(Node member, Optional<String> nextUrl, JsonObject completeness) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (NoticeSummary n : items) {
            JsonObjectBuilder item = n.fields();
            Optional.ofNullable(readAt.get(n.id().getURI())).ifPresent(at -> item.add("readAt", at));
            list.add(item);
        }
        JsonObjectBuilder json = JSON.createObjectBuilder().add("member", member.getURI()).add("items", list).add("unread", unread);
        nextUrl.ifPresent(u -> json.add("next", u));
        return json.add("completeness", completeness).build();
    }

    private static String cursorOf(NoticeSummary last) {
        String position = last.instant() + "\n" + last.id().getURI();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The item a cursor names, as a summary to compare with; 400 for a cursor the node did not give. */
    private static NoticeSummary position(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
            Instant at = Instant.parse(parts[0]);
            return new NoticeSummary(org.apache.jena.graph.NodeFactory.createURI(parts[1]), "", org.apache.jena.graph.NodeFactory.createURI(parts[1]),
                    "", "", "", List.of(), at.toString(), List.of(), List.of());
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor is taken from a next URL of the feed.");
        }
    }
}
