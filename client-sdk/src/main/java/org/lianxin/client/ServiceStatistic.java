package org.lianxin.client;

import java.math.BigDecimal;
import java.util.List;

import jakarta.json.JsonObject;

/**
 * How the requests sent to the organizations of subtrees were served（服务统计, spec 18.8): numbers,
 * never a request, a resident or a contact.
 *
 * @param organizations  the organizations asked about
 * @param roots          the node's roots
 * @param scope          local or subtree
 * @param answerWithin   the node's answer time, an ISO 8601 duration such as {@code P1D}
 * @param received       the requests sent to an organization of the subtrees
 * @param answered       those with a reply of an organization
 * @param answeredInTime those first answered within the answer time
 * @param open           those not Closed
 * @param closed         those Closed
 * @param rated          those rated
 * @param ratings        how many were rated 1, 2, 3, 4 and 5
 * @param meanRating     the mean rating to two decimals, null when none was rated
 * @param completeness   which nodes answered
 */
public record ServiceStatistic(List<String> organizations, List<String> roots, String scope, String answerWithin, long received, long answered,
                               long answeredInTime, long open, long closed, long rated, List<Long> ratings, BigDecimal meanRating,
                               Completeness completeness) {

    static ServiceStatistic of(JsonObject json) {
        List<Long> ratings = json.getJsonArray("ratings").stream().map(JsonValues::text).map(Long::valueOf).toList();
        return new ServiceStatistic(JsonValues.strings(json, "organizations"), JsonValues.strings(json, "roots"), JsonValues.string(json, "scope"),
                JsonValues.string(json, "answerWithin"), JsonValues.count(json, "received"), JsonValues.count(json, "answered"),
                JsonValues.count(json, "answeredInTime"), JsonValues.count(json, "open"), JsonValues.count(json, "closed"),
                JsonValues.count(json, "rated"), ratings, JsonValues.decimal(json, "meanRating"), Completeness.of(json.getJsonObject("completeness")));
    }

    /** How many were rated {@code stars}, 1 to 5. */
    public long ratedWith(int stars) {
        return ratings.get(stars - 1);
    }
}
