package org.lianxin.client;

import java.math.BigDecimal;

import jakarta.json.JsonObject;

/**
 * A dues payment as the node stored it (spec 9.5): what was paid, and what the node set — the
 * collecting branch, the assessment, and whether the amount matches it.
 */
public record DuesPayment(String id, String payer, String month, BigDecimal amount, String channel, String collectedBy,
                          BigDecimal assessedAmount, Boolean matchesAssessment) {

    static DuesPayment of(JsonObject json) {
        return new DuesPayment(json.getString("id"), json.getString("payer", null), json.getString("month", null),
                json.containsKey("amount") ? new BigDecimal(json.getString("amount")) : null, json.getString("channel", null),
                json.getString("collectedBy", null), json.containsKey("assessedAmount") ? new BigDecimal(json.getString("assessedAmount")) : null,
                json.containsKey("matchesAssessment") ? json.getBoolean("matchesAssessment") : null);
    }
}
