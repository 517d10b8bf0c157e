package org.lianxin.client;

import java.math.BigDecimal;

import jakarta.json.JsonObject;

/**
 * The dues collection of a month over organizations and, with scope subtree, every node below (spec
 * 9.7). Amounts are exact decimal yuan, as the node writes them.
 *
 * @param month        the month, e.g. 2026-10
 * @param members      the members liable that month
 * @param expected     the dues assessed
 * @param paid         the dues paid
 * @param rate         paid ÷ expected to four digits, null when nothing is expected
 * @param completeness which nodes answered
 */
public record DuesCollection(String month, long members, BigDecimal expected, BigDecimal paid, BigDecimal rate, Completeness completeness) {

    static DuesCollection of(JsonObject json) {
        return new DuesCollection(json.getString("month"), json.getJsonNumber("members").longValueExact(),
                new BigDecimal(json.getString("expected")), new BigDecimal(json.getString("paid")),
                json.isNull("rate") ? null : new BigDecimal(json.getString("rate")), Completeness.of(json.getJsonObject("completeness")));
    }
}
