package org.lianxin.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

/**
 * The reach of a notice（到达情况, spec 17.8): how many party members of the subtrees it is for,
 * and how many of them read it, counted where the members are. Numbers, never people.
 *
 * @param notice        the notice
 * @param organizations its targets, or the organizations asked
 * @param roots         the node's roots (only from {@code /statistics/notice-reach})
 * @param scope         subtree or local (only from {@code /statistics/notice-reach})
 * @param intended      the party members counted
 * @param read          how many of them read it
 * @param ratio         {@code read / intended} to four decimals, 0 when no one is intended
 * @param completeness  which nodes answered
 */
public record NoticeReach(String notice, List<String> organizations, List<String> roots, Optional<String> scope, long intended, long read,
                          BigDecimal ratio, Completeness completeness) {

    static NoticeReach of(JsonObject json) {
        return new NoticeReach(JsonValues.string(json, "notice"), JsonValues.strings(json, "organizations"), JsonValues.strings(json, "roots"),
                JsonValues.optional(json, "scope"), JsonValues.count(json, "intended"), JsonValues.count(json, "read"),
                JsonValues.decimal(json, "ratio"), Completeness.of(json.getJsonObject("completeness")));
    }
}
