package org.lianxin.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.core.Records.JSON_LD;
import static org.lianxin.conformance.core.Records.TURTLE;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;
import org.lianxin.conformance.probes.ProbeNode;

/** Sections 3.3 to 3.5: the media types of writes, remote contexts, unknown keys, malformed bodies. */
class RequestBodiesTest {

    private static String branch;

    @BeforeAll
    static void branch() {
        branch = Records.sandbox().newBranch();
    }

    /** Sends a body to a route: POST members, POST organizations, POST batch, or PUT of a new member or organization. */
    private static Response write(String route, String contentType, String body) {
        String member = Records.sandbox().memberBody("张伟", branch);
        String organization = Sandbox.organizationBody("连心党支部", "Branch", branch);
        String target;
        String json;
        String method = "POST";
        switch (route) {
            case "POST /members" -> { target = Records.members(); json = member; }
            case "POST /organizations" -> { target = Records.organizations(); json = organization; }
            case "POST /members/batch" -> { target = Records.members() + "/batch"; json = "{\"@context\": \"" + Sandbox.CONTEXT + "\", \"@graph\": [" + member + "]}"; }
            case "PUT /members/{id}" -> { target = Records.unusedMember(); json = Sandbox.withId(member, target); method = "PUT"; }
            default -> { target = Records.unusedOrganization(); json = Sandbox.withId(organization, target); method = "PUT"; }
        }
        String sent = body == null ? json : body;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
                .method(method, HttpRequest.BodyPublishers.ofString(sent, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        Response response = Http.send(request);
        if (response.status() == 201) { // a write that should have failed: clean it up
            Records.sandbox().track(method.equals("PUT") ? target : response.header("Location").orElse(target));
        }
        return response;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @DisplayName("a POST or PUT in another media type than JSON-LD or Turtle, or without one, gets 415")
    @Verifies(id = "LX-CORE-12", level = "MUST", of = "Core")
    @CsvSource({"POST /members,application/json", "POST /members,application/n-triples", "POST /members,application/rdf+xml",
            "POST /members,text/plain", "POST /members,(none)", "POST /organizations,application/json",
            "POST /members/batch,application/json", "PUT /members/{id},application/json", "PUT /members/{id},(none)",
            "PUT /organizations/{id},application/n-triples", "PUT /organizations/{id},application/x-www-form-urlencoded"})
    void otherMediaTypesAre415(String route, String contentType) {
        Response response = write(route, contentType.equals("(none)") ? null : contentType, null);
        assertEquals(415, response.status(), () -> "status " + response.status() + " where 415 was required: " + response.body());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @DisplayName("a body whose @context refers to another remote document gets 400, and the node does not fetch it")
    @Verifies(id = "LX-CORE-15", level = "MUST", of = "Core")
    @CsvSource(delimiter = '|', value = {
            "POST /members|\"REMOTE\"",
            "POST /members|[\"https://w3id.org/lianxin/context.jsonld\", \"REMOTE\"]",
            "POST /members|[\"https://w3id.org/lianxin/context.jsonld\", {\"@import\": \"REMOTE\"}]",
            "PUT /organizations/{id}|\"REMOTE\"",
            "POST /members/batch|\"REMOTE\""})
    void remoteContextsAreRefusedUnfetched(String route, String context) throws InterruptedException {
        try (ProbeNode probe = new ProbeNode(Records.sandbox().organization(), "127.0.0.1", Kit.current().config().probeHost(), 0)) {
            String remote = probe.base() + "/contexts/" + Sandbox.uniqueId("ctx") + ".jsonld";
            String member = Records.sandbox().memberBody("张伟", branch);
            String body = switch (route) {
                case "POST /members" -> member;
                case "POST /members/batch" -> "{\"@context\": \"" + Sandbox.CONTEXT + "\", \"@graph\": [" + member.replaceFirst("\"@context\": \"[^\"]*\",", "") + "]}";
                default -> Sandbox.organizationBody("连心党支部", "Branch", branch);
            };
            if (route.startsWith("PUT")) {
                String iri = Records.unusedOrganization();
                body = Sandbox.withId(body, iri);
                Response put = Http.put(iri, JSON_LD, body.replace("\"" + Sandbox.CONTEXT + "\"", context.replace("REMOTE", remote)));
                assertEquals(400, put.status(), () -> "status " + put.status() + " where 400 was required: " + put.body());
            } else {
                String target = route.endsWith("batch") ? Records.members() + "/batch" : Records.members();
                Response post = Http.post(target, JSON_LD, body.replaceFirst("\"" + java.util.regex.Pattern.quote(Sandbox.CONTEXT) + "\"",
                        java.util.regex.Matcher.quoteReplacement(context.replace("REMOTE", remote))));
                post.header("Location").filter(l -> post.status() == 201).ifPresent(Records.sandbox()::track);
                assertEquals(400, post.status(), () -> "status " + post.status() + " where 400 was required: " + post.body());
            }
            Thread.sleep(300);
            assertTrue(probe.requests().isEmpty(), () -> "the node fetched the remote context: " + probe.requests());
        }
    }

    @Test
    @DisplayName("a body that names another node's copy of the context is accepted: it is a Lianxin context reference")
    @Verifies(id = "LX-CORE-11", level = "MUST", of = "Core")
    void anotherNodesContextIsALianxinReference() {
        String body = Records.sandbox().memberBody("张伟", branch).replace(Sandbox.CONTEXT, "http://192.0.2.1:9/nodes/other/spec/context.jsonld");
        Response post = Http.post(Records.members(), JSON_LD, body);
        post.header("Location").filter(l -> post.status() == 201).ifPresent(Records.sandbox()::track);
        assertEquals(201, post.status(), () -> "status " + post.status() + " where 201 was required: " + post.body());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @DisplayName("a JSON key that is no keyword, term or IRI gets 422 with the rule unknown-term, not silently dropped")
    @Verifies(id = "LX-CORE-16", level = "MUST", of = "Core")
    @CsvSource(delimiter = '|', value = {
            "POST /members|nationalID|\"ethnicity\": \"汉族\"",
            "POST /members|telphone|\"ethnicity\": \"汉族\"",
            "PUT /organizations/{id}|orgtype|\"name\": \"连心党支部\""})
    void unknownKeysAre422(String route, String key, String after) {
        String body = route.startsWith("PUT") ? null : Records.sandbox().memberBody("张伟", branch);
        Response response;
        if (body == null) {
            String iri = Records.unusedOrganization();
            String org = Sandbox.withId(Sandbox.organizationBody("连心党支部", "Branch", branch), iri);
            response = Http.put(iri, JSON_LD, org.replace(after, after + ", \"" + key + "\": \"x\""));
            if (response.status() == 201) {
                Records.sandbox().track(iri);
            }
        } else {
            response = write(route, JSON_LD, body.replace(after, after + ", \"" + key + "\": \"13800000000\""));
        }
        Records.assertRejected(response, key, "unknown-term", "LX-CORE-16");
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @DisplayName("a body that is not well-formed, or on which JSON-LD 1.1 expansion fails, gets 400")
    @Verifies(id = "LX-CORE-17", level = "MUST", of = "Core")
    @CsvSource(delimiter = '|', value = {
            "POST /members|application/ld+json|{\"name\": ",
            "POST /members|application/ld+json|[1, 2",
            "POST /members|text/turtle|<a> <b> .",
            "POST /members|text/turtle|@prefix lx: <https://w3id.org/lianxin/ns#> . [] a lx:Member ; lx:stage",
            "POST /members|application/ld+json|{\"@context\": {\"name\": {\"@id\": 5}}, \"name\": \"x\"}",
            "POST /members|application/ld+json|{\"@context\": \"https://w3id.org/lianxin/context.jsonld\", \"@id\": 5, \"type\": \"Member\"}",
            "POST /members|application/ld+json|{\"@context\": [\"https://w3id.org/lianxin/context.jsonld\", {\"name\": \"http://example.org/n\"}], \"type\": \"Member\", \"name\": \"x\"}",
            "PUT /organizations/{id}|application/ld+json|{\"@context\": \"https://w3id.org/lianxin/context.jsonld\", \"name\": ",
            "PUT /members/{id}|text/turtle|<> a <https://w3id.org/lianxin/ns#Member> ; <http://schema.org/name> \"x",
            "POST /members/batch|application/ld+json|{\"@graph\": [{]}"})
    void malformedBodiesAre400(String route, String contentType, String body) {
        Response response = write(route, contentType, body);
        assertEquals(400, response.status(), () -> "status " + response.status() + " where 400 was required: " + response.body());
    }

    @Test
    @DisplayName("a POST in Turtle to the batch route is accepted")
    @Verifies(id = "LX-CORE-11", level = "MUST", of = "Core")
    void batchInTurtle() {
        String batchBranch = Records.sandbox().newBranch();
        Response response = Http.post(Records.members() + "/batch", TURTLE,
                RdfFormatsTest.memberTurtle("[]", "巴特尔", batchBranch, RdfFormatsTest.femaleIdBornOnLeapDay()));
        if (response.status() == 200) {
            Records.allIds(Records.members() + "?branch=" + Records.encode(batchBranch)).forEach(Records.sandbox()::track);
        }
        assertEquals(200, response.status(), () -> "status " + response.status() + " where 200 was required: " + response.body());
    }
}
