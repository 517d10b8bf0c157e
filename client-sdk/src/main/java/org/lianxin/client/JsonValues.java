package org.lianxin.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Lenient readers of the values a node writes: compact JSON-LD gives one value as a string, several as an array. */
final class JsonValues {

    private JsonValues() {}

    /** The strings under {@code key}: an array, one string, or none. */
    static List<String> strings(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value instanceof JsonArray array) {
            return array.stream().map(JsonValues::text).toList();
        }
        return List.of(text(value));
    }

    /** The keys of {@code json} a record does not type, with their values: what a newer node adds is kept. */
    static java.util.Map<String, JsonValue> other(JsonObject json, java.util.Set<String> typed) {
        java.util.Map<String, JsonValue> other = new java.util.LinkedHashMap<>();
        json.forEach((k, v) -> {
            if (!typed.contains(k)) {
                other.put(k, v);
            }
        });
        return java.util.Map.copyOf(other);
    }

    /** A whole number under {@code key}, if any: a JSON number or a string holding one. */
    static Optional<Integer> integer(JsonObject json, String key) {
        return Optional.ofNullable(decimal(json, key)).map(BigDecimal::intValueExact);
    }

    /** The string under {@code key}, if any. */
    static Optional<String> optional(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? Optional.empty() : Optional.of(text(value));
    }

    /** The string under {@code key}, or null. */
    static String string(JsonObject json, String key) {
        return optional(json, key).orElse(null);
    }

    /** The day under {@code key}, or null. */
    static LocalDate date(JsonObject json, String key) {
        return optional(json, key).map(LocalDate::parse).orElse(null);
    }

    /** A count: a JSON number, or a string holding one; 0 when absent. */
    static long count(JsonObject json, String key) {
        BigDecimal value = decimal(json, key);
        return value == null ? 0 : value.longValueExact();
    }

    /** A decimal: a JSON number or a string holding one (a node writes exact amounts as strings); null when absent. */
    static BigDecimal decimal(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonNumber number ? number.bigDecimalValue() : new BigDecimal(text(value));
    }

    /** A string value, a number's text, or the {@code @value} / {@code id} of an object. */
    static String text(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonObject o) {
            if (o.containsKey("@value")) {
                return text(o.get("@value"));
            }
            if (o.containsKey("id")) {
                return text(o.get("id"));
            }
        }
        return value.toString();
    }
}
