package org.lianxin.client;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Member counts over organizations and, with scope subtree, every node below (spec 7.9): numbers
 * only, with the completeness report that says which nodes they come from.
 *
 * @param organizations the organizations asked about
 * @param groupBy       the grouping: none, stage, gender, ...
 * @param scope         local or subtree
 * @param total         the sum of the groups
 * @param groups        one count per key of the grouping
 * @param completeness  which nodes answered
 */
public record MemberStatistics(List<String> organizations, String groupBy, String scope, long total, List<Group> groups,
                               Completeness completeness) {

    /** One group: its key (a stage, a gender, an organization IRI, ...) and its count. */
    public record Group(String key, long count) {}

    static MemberStatistics of(JsonObject json) {
        return new MemberStatistics(json.getJsonArray("organizations").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                json.getString("groupBy"), json.getString("scope"), json.getJsonNumber("total").longValueExact(),
                json.getJsonArray("groups").stream().map(JsonValue::asJsonObject)
                        .map(g -> new Group(g.getString("key"), g.getJsonNumber("count").longValueExact())).toList(),
                Completeness.of(json.getJsonObject("completeness")));
    }
}
