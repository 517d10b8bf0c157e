package org.lianxin.client;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What a node says of itself at {@code {base}/.well-known/lianxin} (spec 2.2).
 *
 * @param id                 the node's base URL
 * @param specVersion        the version of the spec it implements
 * @param conformanceClasses the classes it claims: Core, Federation, Security, Dues, Transfer, ...
 * @param authoritativeFor   the IRIs of its top organizations
 * @param endpoints          its endpoints by relation, e.g. member-statistics
 */
public record NodeDescription(String id, String specVersion, List<String> conformanceClasses, List<String> authoritativeFor,
                              Map<String, String> endpoints) {

    static NodeDescription of(JsonObject json) {
        return new NodeDescription(json.getString("id"), json.getString("specVersion", ""), strings(json, "conformanceClasses"),
                strings(json, "authoritativeFor"), json.getJsonArray("endpoints") == null ? Map.of()
                        : json.getJsonArray("endpoints").stream().map(JsonValue::asJsonObject)
                        .collect(Collectors.toMap(e -> e.getString("rel"), e -> e.getString("href"), (a, b) -> a)));
    }

    private static List<String> strings(JsonObject json, String key) {
        return json.getJsonArray(key) == null ? List.of()
                : json.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /**
     * Whether the node claims a conformance class.
     *
     * @param conformanceClass e.g. Core, Federation, Security, Dues, Transfer, Pipeline, OrgLife, Tasks, Feedback
     * @return true when it is among {@link #conformanceClasses()}
     */
    public boolean claims(String conformanceClass) {
        return conformanceClasses.contains(conformanceClass);
    }
}
