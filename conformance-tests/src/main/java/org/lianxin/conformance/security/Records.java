package org.lianxin.conformance.security;

import static org.lianxin.conformance.Current.base;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.fixtures.Sandbox;
import org.lianxin.conformance.fixtures.Tokens;

/** Small things the Security tests share: callers' tokens, IRIs never used, reads with a token, pages of lists. */
final class Records {

    static final String JSON_LD = "application/ld+json";
    static final List<String> ADMIN = Tokens.ADMIN_ROLES;

    private Records() {}


    /** The claims of the kit's administrator of the test organization, for the kit's own changes. */
    static jakarta.json.JsonObjectBuilder adminClaims() {
        return Json.createObjectBuilder().add("sub", "lianxin-kit").add("groups", groups(ADMIN))
                .add("actingFor", Kit.current().sandbox().organization());
    }

    static String mint(jakarta.json.JsonObjectBuilder claims) {
        return Kit.current().tokens().mint(claims.build());
    }

    static JsonArrayBuilder groups(List<String> roles) {
        JsonArrayBuilder groups = Json.createArrayBuilder();
        roles.forEach(groups::add);
        return groups;
    }

    static JsonArrayBuilder strings(String... values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String v : values) {
            array.add(v);
        }
        return array;
    }

    /** An organization-admin and secretary of {@code organization}. */
    static String adminOf(String organization) {
        return Kit.current().tokens().actingFor(organization, ADMIN.toArray(String[]::new));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** An IRI of {@code kind} (organizations, members) that no write has created. */
    static String never(String kind) {
        return base() + "/" + kind + "/" + Sandbox.uniqueId("never");
    }

    static Response get(String url, String token, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "Accept";
        all[1] = JSON_LD;
        all[2] = "Authorization";
        all[3] = bearer(token);
        System.arraycopy(headers, 0, all, 4, headers.length);
        return Http.get(url, all);
    }

    static Response getJson(String url, String token, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "Accept";
        all[1] = "application/json";
        all[2] = "Authorization";
        all[3] = bearer(token);
        System.arraycopy(headers, 0, all, 4, headers.length);
        return Http.get(url, all);
    }

    static Response delete(String url, String token) {
        return Http.delete(url, "Authorization", bearer(token));
    }

    static Response post(String url, String token, String contentType, String body) {
        return Http.post(url, contentType, body, "Authorization", bearer(token));
    }

    static Response put(String url, String token, String body) {
        return Http.put(url, JSON_LD, body, "Authorization", bearer(token));
    }

    /** Every item of a list, following next links (at most 30 pages). */
    static List<JsonObject> items(String url, String token) {
        List<JsonObject> items = new ArrayList<>();
        String next = url;
        for (int page = 0; next != null && page < 30; page++) {
            Response answer = get(next, token);
            assertEquals(200, answer.status(), () -> "the list " + url + " answers " + answer.status() + ": " + answer.body());
            JsonObject json = answer.json();
            json.getJsonArray("items").stream().map(JsonValue::asJsonObject).forEach(items::add);
            next = json.getString("next", null);
        }
        return items;
    }

    static List<String> ids(List<JsonObject> items) {
        return items.stream().map(i -> i.getString("id", "")).toList();
    }


    /** Whether {@code text} holds 6 or more consecutive characters of {@code secret}. */
    static boolean containsRun(String text, String secret) {
        for (int i = 0; i + 6 <= secret.length(); i++) {
            if (text.contains(secret.substring(i, i + 6))) {
                return true;
            }
        }
        return false;
    }
}
