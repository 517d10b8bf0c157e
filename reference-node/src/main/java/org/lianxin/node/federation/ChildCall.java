package org.lianxin.node.federation;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.io.StringReader;
import java.util.Optional;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import org.lianxin.node.federation.Completeness.Status;

/**
 * The outcome of one call to another node: its 200 answer, or why there is none.
 *
 * @param node      the base URL of the node called
 * @param body      the body of a 200 answer, or null
 * @param status    ANSWERED when there is an answer; else what went wrong
 * @param reason    for a person, when there is no answer; never the other node's body
 * @param elapsedMs how long the call took
 */
public record ChildCall(String node, String body, Status status, String reason, long elapsedMs) {

    /** The reason when the other node refused the caller's token, or was not sent it (LX-SEC-30). */
    public static final String NOT_AUTHORIZED = "not authorized";

    /** Whether the other node refused the caller, or the token was not for it: says nothing of the node (LX-SEC-31). */
    public boolean notAuthorized() {
        return NOT_AUTHORIZED.equals(reason);
    }

    public boolean answered() {
        return status == Status.ANSWERED;
    }

    /** The answer as a JSON object, if it is one. */
    public Optional<JsonObject> json() {
        if (body == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.createReader(new StringReader(body)).readObject());
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
