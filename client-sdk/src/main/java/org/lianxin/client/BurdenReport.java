package org.lianxin.client;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

/**
 * The burden report of a subtree for a period（减负报表, spec 13.11): over the branches counted, how
 * many requests reached them, how many were merged or answered by the data, how many were left to
 * people, and the hours that cost and saved. Counts and hours, never people.
 *
 * @param organizations  the organizations asked about
 * @param period         {@code yyyy} or {@code yyyy-mm}: the requests due in it
 * @param scope          local or subtree
 * @param branches       the branches counted
 * @param received       the requests that reached them
 * @param merged         the requests beyond the first of each task key
 * @param answeredByData the keys of data requests without asked fields
 * @param leftToPeople   the other keys
 * @param hoursAsked     what the requests would have cost, each sent and filled in
 * @param hoursLeft      what the keys left to people cost
 * @param hoursSaved     {@code hoursAsked − hoursLeft}
 * @param byKind         the same counts for DataRequest and for ActionRequest
 * @param completeness   which nodes answered
 */
public record BurdenReport(List<String> organizations, String period, String scope, long branches, long received, long merged,
                           long answeredByData, long leftToPeople, BigDecimal hoursAsked, BigDecimal hoursLeft, BigDecimal hoursSaved,
                           Map<String, Counts> byKind, Completeness completeness) {

    /** The counts of one kind of request; {@code received = merged + answeredByData + leftToPeople}. */
    public record Counts(long received, long merged, long answeredByData, long leftToPeople) {

        static Counts of(JsonObject json) {
            return new Counts(JsonValues.count(json, "received"), JsonValues.count(json, "merged"), JsonValues.count(json, "answeredByData"),
                    JsonValues.count(json, "leftToPeople"));
        }
    }

    static BurdenReport of(JsonObject json) {
        Map<String, Counts> byKind = new LinkedHashMap<>();
        JsonObject kinds = json.getJsonObject("byKind");
        if (kinds != null) {
            kinds.forEach((kind, counts) -> byKind.put(kind, Counts.of(counts.asJsonObject())));
        }
        return new BurdenReport(JsonValues.strings(json, "organizations"), JsonValues.string(json, "period"), JsonValues.string(json, "scope"),
                JsonValues.count(json, "branches"), JsonValues.count(json, "received"), JsonValues.count(json, "merged"),
                JsonValues.count(json, "answeredByData"), JsonValues.count(json, "leftToPeople"), JsonValues.decimal(json, "hoursAsked"),
                JsonValues.decimal(json, "hoursLeft"), JsonValues.decimal(json, "hoursSaved"), Map.copyOf(byKind),
                Completeness.of(json.getJsonObject("completeness")));
    }

    /** The counts of data requests. */
    public Counts dataRequests() {
        return byKind.getOrDefault("DataRequest", new Counts(0, 0, 0, 0));
    }

    /** The counts of action requests. */
    public Counts actionRequests() {
        return byKind.getOrDefault("ActionRequest", new Counts(0, 0, 0, 0));
    }
}
