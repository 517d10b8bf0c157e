package org.lianxin.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A member's dues account (spec 9.6, Table 9.11): their category and monthly assessment, and the
 * twelve months up to {@code to} in which they were liable, each paid or unpaid.
 *
 * @param member            the member's IRI
 * @param category          their dues category, if they have one
 * @param assessment        their monthly assessment, empty when unassessed
 * @param liableFrom        the first month they owe dues (yyyy-mm), if they owe any
 * @param to                the last month of the account
 * @param months            the months they were liable, oldest first
 * @param unpaidMonths      how many of those are unpaid
 * @param consecutiveUnpaid the unpaid months back from {@code to} without a break
 * @param flagged           whether {@code consecutiveUnpaid} is 6 or more
 */
public record DuesAccount(String member, Optional<String> category, Optional<BigDecimal> assessment, Optional<String> liableFrom,
                          String to, List<Month> months, long unpaidMonths, long consecutiveUnpaid, boolean flagged) {

    /** One month of the account: what was assessed, what was paid, and whether it counts as paid. */
    public record Month(String month, Optional<BigDecimal> assessed, BigDecimal paid, boolean paidInFull) {}

    static DuesAccount of(JsonObject json) {
        List<Month> months = json.getJsonArray("months").getValuesAs(JsonObject.class).stream()
                .map(m -> new Month(m.getString("month"), decimal(m, "assessed"), new BigDecimal(m.getString("paid")),
                        m.getString("status").equals("paid")))
                .toList();
        return new DuesAccount(json.getString("member"), text(json, "category"), decimal(json, "assessment"), text(json, "liableFrom"),
                json.getString("to"), months, json.getJsonNumber("unpaidMonths").longValue(),
                json.getJsonNumber("consecutiveUnpaid").longValue(), json.getBoolean("flagged"));
    }

    private static Optional<String> text(JsonObject json, String key) {
        return json.get(key) == null || json.get(key) == JsonValue.NULL ? Optional.empty() : Optional.of(json.getString(key));
    }

    private static Optional<BigDecimal> decimal(JsonObject json, String key) {
        return text(json, key).map(BigDecimal::new);
    }
}
