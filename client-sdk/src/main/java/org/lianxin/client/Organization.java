package org.lianxin.client;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * A party organization record (spec chapter 4) as the node gave it. The keys of the vocabulary the
 * SDK knows are typed; every other key, such as one a newer node adds, is kept in {@link #other()},
 * never dropped. A record in a list with {@code modifiedSince} may be a tombstone: then
 * {@link #deleted()} is present and the typed keys are mostly absent.
 *
 * @param id                the organization's IRI, {@code {base}/organizations/{id}}
 * @param name              its name（组织名称）
 * @param orgType           its type, e.g. ProvincialCommittee, CountyCommittee, PrimaryCommittee, GeneralBranch, Branch
 * @param subOrganizationOf the IRI of its superior organization, on this node or another; empty for a root
 * @param foundingDate      the day it was founded, if known
 * @param address           its postal address, if given
 * @param unitCode          its organization code, if given
 * @param description       its description, if given
 * @param created           when the node created the record (set by the node)
 * @param modified          when the node last changed the record (set by the node)
 * @param other             the record's other keys, as JSON
 */
public record Organization(String id, String name, String orgType, Optional<String> subOrganizationOf, Optional<LocalDate> foundingDate,
                           Optional<String> address, Optional<String> unitCode, Optional<String> description, Optional<String> created,
                           Optional<String> modified, Map<String, JsonValue> other) {

    private static final Set<String> TYPED = Set.of("@context", "id", "name", "orgType", "subOrganizationOf", "foundingDate",
            "address", "unitCode", "description", "created", "modified");

    static Organization of(JsonObject json) {
        Map<String, JsonValue> other = new LinkedHashMap<>();
        json.forEach((k, v) -> {
            if (!TYPED.contains(k)) {
                other.put(k, v);
            }
        });
        return new Organization(json.getString("id"), JsonValues.string(json, "name"), JsonValues.string(json, "orgType"),
                JsonValues.optional(json, "subOrganizationOf"), JsonValues.optional(json, "foundingDate").map(LocalDate::parse),
                JsonValues.optional(json, "address"), JsonValues.optional(json, "unitCode"), JsonValues.optional(json, "description"),
                JsonValues.optional(json, "created"), JsonValues.optional(json, "modified"), Map.copyOf(other));
    }

    /** The record's types, e.g. Organization and PartyOrganization; Tombstone too for a deleted one. */
    public List<String> types() {
        JsonValue type = other.get("type");
        if (type == null) {
            return List.of();
        }
        return JsonValues.strings(Json.createObjectBuilder().add("type", type).build(), "type");
    }

    /** When it was deleted, for a tombstone (spec 3.9). */
    public Optional<String> deleted() {
        return text("deleted");
    }

    /** A key the SDK does not type, as a string when it is one. */
    public Optional<String> text(String key) {
        JsonValue v = other.get(key);
        return v instanceof jakarta.json.JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    /**
     * A new organization record to write with {@link LianxinClient.Organizations#create(Draft)} or
     * {@link LianxinClient.Organizations#put(String, Draft)}: a name, a type and, unless it is a root,
     * its superior.
     *
     * @param name              its name, 1 to 100 characters
     * @param orgType           its type (spec Table 4.3)
     * @param subOrganizationOf its superior's IRI, or null for a root
     * @return a draft to which the optional keys can be added
     */
    public static Draft draft(String name, String orgType, String subOrganizationOf) {
        return new Draft(name, orgType, subOrganizationOf);
    }

    /** An organization record to send: the required keys, and the optional ones as set. */
    public static final class Draft {
        private final JsonObjectBuilder body = Json.createObjectBuilder();

        private Draft(String name, String orgType, String subOrganizationOf) {
            body.add("@context", "https://w3id.org/lianxin/context.jsonld")
                    .add("type", Json.createArrayBuilder().add("Organization").add("PartyOrganization"))
                    .add("name", Objects.requireNonNull(name, "name")).add("orgType", Objects.requireNonNull(orgType, "orgType"));
            if (subOrganizationOf != null) {
                body.add("subOrganizationOf", subOrganizationOf);
            }
        }

        /**
         * The day it was founded, not after today.
         *
         * @param day the founding day
         * @return this draft
         */
        public Draft foundingDate(LocalDate day) {
            body.add("foundingDate", day.toString());
            return this;
        }

        /**
         * Its postal address, at most 200 characters.
         *
         * @param address the address
         * @return this draft
         */
        public Draft address(String address) {
            body.add("address", address);
            return this;
        }

        /**
         * Its organization code: digits and capital letters, at most 32.
         *
         * @param unitCode the code
         * @return this draft
         */
        public Draft unitCode(String unitCode) {
            body.add("unitCode", unitCode);
            return this;
        }

        /**
         * Its description, at most 2,000 characters.
         *
         * @param description the description
         * @return this draft
         */
        public Draft description(String description) {
            body.add("description", description);
            return this;
        }

        /**
         * The community or village it serves, 1 to 100 characters: it is then a service point (spec 18.2, class Service).
         *
         * @param serviceArea the area served
         * @return this draft
         */
        public Draft serviceArea(String serviceArea) {
            body.add("serviceArea", serviceArea);
            return this;
        }

        /** The JSON-LD body, without id (POST) or with {@code id} (PUT). */
        JsonObject json(String id) {
            JsonObject built = body.build();
            body.addAll(Json.createObjectBuilder(built)); // build() empties the builder: keep the draft reusable
            return id == null ? built : Json.createObjectBuilder(built).add("id", id).build();
        }
    }
}
