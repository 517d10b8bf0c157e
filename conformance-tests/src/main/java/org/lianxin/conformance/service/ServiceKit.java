package org.lianxin.conformance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.lianxin.conformance.Current;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.feedback.FeedbackKit;
import org.lianxin.conformance.fixtures.Sandbox;

/**
 * What the Service tests share (spec chapter 18): residents and their tokens, service points in the
 * sandbox, requests as residents send them. A request is a thread like a feedback message: the
 * actions, reads, lists and waits are those of {@link FeedbackKit}, on the request's IRI.
 */
final class ServiceKit {

    static final String JSON_LD = FeedbackKit.JSON_LD;
    /** The resident's contact in the kit's requests: a telephone and an address that must never leave the node. */
    static final String NAME = "刘桂兰";
    static final String TELEPHONE = "13912345678";
    static final String ADDRESS = "幸福路12号3栋2单元401室";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private ServiceKit() {}

    /** A resident: a token of the role resident whose sub is {@code subject}, new to this run, as an Authorization value. */
    static String resident(String subject) {
        return TOKENS.computeIfAbsent(subject, s -> "Bearer " + Kit.current().tokens().resident(s));
    }

    /** A resident new to this run. */
    static String newResident() {
        return resident(Sandbox.uniqueId("resident"));
    }

    /** A service point in the sandbox: an organization with a serviceArea under {@code parent}; its IRI. */
    static String servicePoint(String name, String area, String orgType, String parent) {
        String iri = base() + "/organizations/" + Sandbox.uniqueId("kit-point");
        String body = Sandbox.withId(Sandbox.organizationBody(name, orgType, parent), iri).replaceFirst("\\}\\s*$", ", \"serviceArea\": \"" + area + "\"}");
        Response put = Http.put(iri, JSON_LD, body);
        assertEquals(201, put.status(), () -> "the kit could not create a service point (an organization with serviceArea, 18.2): " + put.body());
        return Current.sandbox().track(iri);
    }

    /** A request body; {@code extra} is added as it is. */
    static String request(String category, String name, String text, String sentTo, String extra) {
        JsonObject body = Json.createObjectBuilder().add("@context", Sandbox.CONTEXT).add("type", "ServiceRequest").add("serviceCategory", category)
                .add("name", name).add("text", text).add("sentTo", sentTo)
                .add("contact", Json.createObjectBuilder().add("name", NAME).add("telephone", TELEPHONE).add("address", ADDRESS)).build();
        String json = body.toString();
        return json.substring(0, json.length() - 1) + extra + "}";
    }

    static Response send(String authorization, String body) {
        return Http.post(base() + "/service-requests", JSON_LD, body, "Accept", JSON_LD, "Authorization", authorization);
    }

    /** A request that must be stored (201 with Location); the request as stored. */
    static JsonObject sent(String resident, String body) {
        Response created = send(resident, body);
        assertEquals(201, created.status(), () -> "POST /service-requests of a valid request by a resident: " + created.body());
        JsonObject record = created.json();
        assertEquals(record.getString("id", ""), created.header("Location").orElse(""), "the Location is the IRI of the new request");
        assertTrue(record.getString("id", "").startsWith(base() + "/service-requests/"), record.toString());
        return record;
    }

    /** A request of {@code resident} to {@code point} with the text given. */
    static JsonObject asked(String resident, String point, String text) {
        return sent(resident, request("ElderlyCare", "助餐服务", text, point, ""));
    }

    /** Whether {@code text} holds any value of the kit's contact, full or in part. */
    static boolean holdsContact(String text) {
        return text.contains(NAME) || text.contains(TELEPHONE) || text.contains("****" + TELEPHONE.substring(7)) || text.contains("幸福路12号");
    }
}
