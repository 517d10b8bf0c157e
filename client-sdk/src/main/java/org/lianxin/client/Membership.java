package org.lianxin.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A post a member holds or held in an organization (spec 5.6, org:Membership): 书记, 委员 …, with
 * the days it began and ended.
 *
 * @param organization the organization's IRI
 * @param post         the post, a concept of the vocabulary's post scheme, e.g. Secretary
 * @param startDate    the day the post began, if known
 * @param endDate      the day it ended; empty while it is held
 */
public record Membership(String organization, String post, Optional<LocalDate> startDate, Optional<LocalDate> endDate) {

    /** Whether the post is held on {@code day}. */
    public boolean heldOn(LocalDate day) {
        return startDate.map(s -> !s.isAfter(day)).orElse(true) && endDate.map(e -> !e.isBefore(day)).orElse(true);
    }

    /** The posts in a member record's {@code memberships}, as they come. */
    static List<Membership> of(JsonValue memberships) {
        if (!(memberships instanceof JsonArray list)) {
            return List.of();
        }
        return list.getValuesAs(JsonObject.class).stream().map(m -> {
            JsonObject during = m.get("memberDuring") instanceof JsonObject d ? d : JsonValue.EMPTY_JSON_OBJECT;
            return new Membership(m.getString("organization", ""), m.getString("post", ""), day(during, "startDate"), day(during, "endDate"));
        }).toList();
    }

    private static Optional<LocalDate> day(JsonObject json, String key) {
        return Optional.ofNullable(json.getString(key, null)).map(LocalDate::parse);
    }
}
