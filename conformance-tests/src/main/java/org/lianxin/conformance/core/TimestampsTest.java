package org.lianxin.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.lianxin.conformance.core.Records.JSON_LD;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.json.JsonObject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** Table 3.6: the node sets created and modified, whatever the client sends. */
class TimestampsTest {

    /** How far the node's clock may be from the kit's. */
    private static final Duration SKEW = Duration.ofMinutes(10);

    private static Instant instant(JsonObject record, String key) {
        String value = record.getString(key, null);
        if (value == null) {
            return fail("no " + key + " in " + record);
        }
        assertTrue(value.matches(".*T.*(Z|[+-][0-9]{2}:[0-9]{2})$"), () -> key + " " + value + " is not an xsd:dateTime with a time zone offset");
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return fail(key + " " + value + " is not an xsd:dateTime: " + e.getMessage());
        }
    }

    private static void near(Instant value, Instant from, Instant to, String what) {
        assertTrue(!value.isBefore(from.minus(SKEW)) && !value.isAfter(to.plus(SKEW)),
                () -> what + " " + value + " is not the time of the write, between " + from + " and " + to);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("created is set at creation and kept; modified moves forward with every write and deletion; values sent are ignored")
    @Verifies(id = "LX-CORE-25", level = "MUST", of = "Core")
    @ValueSource(strings = {"member", "organization"})
    void createdAndModifiedAreTheNodes(String kind) throws InterruptedException {
        String branch = Records.sandbox().newBranch();
        String iri = kind.equals("member") ? Records.unusedMember() : Records.unusedOrganization();
        String body = Sandbox.withId(kind.equals("member") ? Records.sandbox().memberBody("冯刚", branch)
                : Sandbox.organizationBody("连心党支部", "Branch", branch), iri)
                .replaceFirst("\"type\": \"(Member|PartyOrganization)\"",
                        "\"type\": \"$1\", \"created\": \"2001-01-01T00:00:00Z\", \"modified\": \"2001-01-01T00:00:00Z\"");
        Instant start = Instant.now();
        Response put = Http.put(iri, JSON_LD, body);
        if (put.status() == 201) {
            Records.sandbox().track(iri);
        }
        assertEquals(201, put.status(), () -> "a valid record with created and modified answered " + put.status() + ": " + put.body());
        JsonObject first = Records.json(iri);
        Instant created = instant(first, "created");
        Instant modified = instant(first, "modified");
        near(created, start, Instant.now(), "created");
        near(modified, start, Instant.now(), "modified");
        assertTrue(!modified.isBefore(created), "modified " + modified + " is before created " + created);

        Thread.sleep(20);
        Http.put(iri, JSON_LD, body.replace("冯刚", "冯强").replace("连心党支部", "连心第二党支部")).expect(200);
        JsonObject second = Records.json(iri);
        assertEquals(first.getString("created"), second.getString("created", null), "a replacement changed created");
        Instant replaced = instant(second, "modified");
        assertTrue(replaced.isAfter(modified), "modified " + replaced + " after a replacement is not later than " + modified);

        Thread.sleep(20);
        Http.delete(iri).expect(204);
        Response gone = Records.read(iri, JSON_LD);
        assertEquals(410, gone.status(), () -> "the deleted record answered " + gone.status());
        JsonObject tombstone = gone.json();
        Instant deleted = instant(tombstone, "modified");
        assertTrue(deleted.isAfter(replaced), "modified " + deleted + " of the tombstone is not later than " + replaced);
    }
}
