package org.lianxin.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A member record (spec chapter 5) as the node gave it — masked unless read with a purpose. The
 * keys of the vocabulary the SDK knows are typed; every other key, such as one a newer node adds,
 * is kept in {@link #other()}, never dropped.
 *
 * @param id     the member's IRI
 * @param name   姓名
 * @param gender Male or Female
 * @param stage  Applicant, Activist, DevelopmentCandidate, ProbationaryMember or FullMember
 * @param branch the IRI of the member's branch
 * @param other  the record's other keys, as JSON
 */
public record Member(String id, String name, String gender, String stage, String branch, Map<String, JsonValue> other) {

    private static final Set<String> TYPED = Set.of("@context", "id", "name", "gender", "stage", "branch");

    static Member of(JsonObject json) {
        Map<String, JsonValue> other = new LinkedHashMap<>();
        json.forEach((k, v) -> {
            if (!TYPED.contains(k)) {
                other.put(k, v);
            }
        });
        return new Member(json.getString("id"), json.getString("name", null), json.getString("gender", null),
                json.getString("stage", null), json.getString("branch", null), Map.copyOf(other));
    }

    /** The posts the member holds or held (spec 5.6), from the record's {@code memberships}. */
    public java.util.List<Membership> memberships() {
        return Membership.of(other.get("memberships"));
    }

    /** A key the SDK does not type, as a string when it is one. */
    public Optional<String> text(String key) {
        JsonValue v = other.get(key);
        return v instanceof jakarta.json.JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }
}
