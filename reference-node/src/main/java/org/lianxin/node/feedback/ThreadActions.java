package org.lianxin.node.feedback;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.JsonP;
import org.lianxin.node.store.Record;

/**
 * The actions of Table 14.6 on a thread of any kind, as routes answer them: the body read as plain
 * JSON (a body that is no JSON object is a 400), the record the caller may see (else 404), the
 * action, and the record as stored in the media type the request asks for.
 */
@ApplicationScoped
public class ThreadActions {

    @Inject
    Feedback feedback;

    /** {@code POST {record}/replies}, {"text": "..."} (LX-FEEDBACK-4). */
    public Response reply(ThreadKind kind, LogicalNode node, FeedbackGuard guard, String id, String body, HttpHeaders headers) {
        Record seen = kind.collection().get(node, id, guard);
        String text = object(body).get("text") instanceof JsonString s ? s.getString() : null;
        return kind.endpoints().written(node, feedback.reply(kind, node, seen, guard, text), headers);
    }

    /** {@code POST {record}/rating}, {"rating": 1..5, "comment": "..."} (LX-FEEDBACK-5). */
    public Response rate(ThreadKind kind, LogicalNode node, FeedbackGuard guard, String id, String body, HttpHeaders headers) {
        Record seen = kind.collection().get(node, id, guard);
        JsonObject json = object(body);
        if (!(json.get("rating") instanceof JsonNumber rating) || !rating.isIntegral()) {
            throw ProblemException.invalid("rating", "feedback-rating", "rating is a whole number, 1 to 5.", kind.requirement("LX-FEEDBACK-5"));
        }
        Optional<String> comment = json.get("comment") instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
        return kind.endpoints().written(node, feedback.rate(kind, node, seen, guard, rating.intValue(), comment), headers);
    }

    /** {@code POST {record}/close}, without body (LX-FEEDBACK-6). */
    public Response close(ThreadKind kind, LogicalNode node, FeedbackGuard guard, String id, HttpHeaders headers) {
        Record seen = kind.collection().get(node, id, guard);
        return kind.endpoints().written(node, feedback.close(kind, node, seen, guard), headers);
    }

    private static JsonObject object(String body) {
        return JsonP.object(body).orElseThrow(() -> ProblemException.badRequest("The body is a JSON object."));
    }
}
