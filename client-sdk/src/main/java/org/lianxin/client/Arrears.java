package org.lianxin.client;

import java.util.List;

import jakarta.json.JsonObject;

/**
 * The members of an organization flagged for six or more consecutive unpaid months (spec 9.6,
 * Table 9.12): the list a branch secretary follows up, never a statistic.
 *
 * @param organizations the organization asked about, as a full IRI
 * @param to            the last month counted
 * @param members       the flagged members, in the order of their IRIs
 */
public record Arrears(List<String> organizations, String to, List<Member> members) {

    /** A flagged member: who, in which branch, how many months unpaid since when. */
    public record Member(String member, String name, String branch, long consecutiveUnpaid, String since) {}

    static Arrears of(JsonObject json) {
        return new Arrears(JsonValues.strings(json, "organizations"), json.getString("to"),
                json.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .map(i -> new Member(i.getString("member"), i.getString("name", ""), i.getString("branch"),
                                i.getJsonNumber("consecutiveUnpaid").longValue(), i.getString("since")))
                        .toList());
    }
}
