package org.lianxin.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.core.Records.JSON_LD;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** Chapter 6: a batch of members is stored whole or not at all; 1,000 records fit in one. */
class BatchTest {

    private static final String STRIP = "\"@context\": \"" + Sandbox.CONTEXT + "\",";

    /** {@code n} valid members of {@code branch} in one JSON-LD body; {@code change} may alter record i. */
    private static String batch(String branch, int n, java.util.function.BiFunction<Integer, String, String> change) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(change.apply(i, Records.sandbox().memberBody("批量" + i, branch).replace(STRIP, "")));
        }
        return "{\"@context\": \"" + Sandbox.CONTEXT + "\", \"@graph\": [" + String.join(",\n", records) + "]}";
    }

    /** The members of the branch, each tracked for clean-up. */
    private static List<String> stored(String branch) {
        List<String> ids = Records.allIds(Records.members() + "?limit=1000&branch=" + Records.encode(branch));
        ids.forEach(Records.sandbox()::track);
        return ids;
    }

    private static void storedWhole(String branch, Response response, int n) {
        List<String> ids = stored(branch);
        assertEquals(200, response.status(), () -> "status " + response.status() + " where 200 was required: " + response.body());
        assertEquals("application/json", response.mediaType(), "the answer to a batch is plain JSON");
        JsonObject body = response.json();
        assertTrue(body.get("created") instanceof jakarta.json.JsonNumber c && c.intValue() == n, "created is not " + n + ": " + body);
        assertEquals(n, ids.size(), "the member list of the branch after the batch");
    }

    @Test
    @DisplayName("a batch of valid members answers 200 with created, and stores every one")
    @Verifies(id = "LX-CORE-60", level = "MUST", of = "Core")
    void validBatchIsStored() {
        String branch = Records.sandbox().newBranch();
        Response response = Http.post(Records.members() + "/batch", JSON_LD, batch(branch, 3, (i, m) -> m));
        storedWhole(branch, response, 3);
        List<String> names = Records.allPages(Records.members() + "?branch=" + Records.encode(branch)).stream()
                .flatMap(p -> p.getJsonArray("items").stream()).map(v -> v.asJsonObject().getString("name", "")).sorted().toList();
        assertEquals(List.of("批量0", "批量1", "批量2"), names, "the names of the members stored");
    }

    @Test
    @DisplayName("a batch of valid members who hold posts (memberships) answers 200 and stores every one")
    @Verifies(id = "LX-CORE-60", level = "MUST", of = "Core")
    void validBatchWithMembershipsIsStored() {
        String branch = Records.sandbox().newBranch();
        Response response = Http.post(Records.members() + "/batch", JSON_LD, batch(branch, 2, (i, m) -> m.replace("\"type\": \"Member\"",
                "\"type\": \"Member\", \"memberships\": [{\"type\": \"Membership\", \"organization\": \"" + branch + "\", \"post\": \""
                        + (i == 0 ? "Secretary" : "CommitteeMember") + "\", \"memberDuring\": {\"type\": \"Interval\", \"startDate\": \"2020-01-06\"}}]")));
        storedWhole(branch, response, 2);
    }

    @Test
    @DisplayName("a batch of 1,000 valid members is accepted and stored")
    @Verifies(id = "LX-CORE-62", level = "MUST", of = "Core")
    void thousandMembers() {
        String branch = Records.sandbox().newBranch();
        Response response = Http.post(Records.members() + "/batch", JSON_LD, batch(branch, 1000, (i, m) -> m));
        storedWhole(branch, response, 1000);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @DisplayName("a batch with one record that a single POST would reject is rejected with the status of Table 6.1, and stores nothing")
    @Verifies(id = "LX-CORE-61", level = "MUST", of = "Core")
    @CsvSource({"record 13 has no name,422", "record 13 has an unknown stage,422", "records 4 and 13 share a national ID,409",
            "record 13 has the national ID of a live member,409", "records 4 and 13 share a national ID and record 7 has no name,422",
            "the body is not well-formed,400", "its @context is remote,400"})
    void oneBadRecordRejectsTheBatch(String fault, int status) {
        String branch = Records.sandbox().newBranch();
        String live = Records.sandbox().memberBody("在册党员", Records.sandbox().newBranch());
        Records.sandbox().newMemberFrom(live);
        String liveNumber = number(live);
        String[] shared = {null};
        String body = batch(branch, 20, (i, m) -> {
            if (i == 4) {
                shared[0] = number(m);
            }
            boolean sharing = fault.startsWith("records 4 and 13") && i == 13;
            String changed = sharing ? m.replace(number(m), shared[0]) : m;
            if (i == 13 && fault.contains("live member")) {
                changed = m.replace(number(m), liveNumber);
            }
            if ((i == 13 && fault.contains("13 has no name")) || (i == 7 && fault.contains("7 has no name"))) {
                changed = changed.replace("\"name\": \"批量" + i + "\",", "");
            }
            return i == 13 && fault.contains("unknown stage") ? changed.replace("\"stage\": \"FullMember\"", "\"stage\": \"Chairman\"") : changed;
        });
        UnaryOperator<String> spoil = switch (fault) {
            case "the body is not well-formed" -> b -> b.substring(0, b.length() - 3);
            case "its @context is remote" -> b -> b.replaceFirst(java.util.regex.Pattern.quote(Sandbox.CONTEXT), "http://192.0.2.1:9/context.jsonld");
            default -> b -> b;
        };
        Response response = Http.post(Records.members() + "/batch", JSON_LD, spoil.apply(body));
        List<String> ids = stored(branch);
        assertEquals(status, response.status(), () -> "status " + response.status() + " where " + status + " was required: " + response.body());
        assertEquals(List.of(), ids, "the rejected batch stored records");
    }

    private static String number(String member) {
        return member.replaceAll("(?s).*\"nationalId\": \"([0-9X]{18})\".*", "$1");
    }

    @Test
    @DisplayName("a batch of 1,001 records may be refused with 413 Content too large, storing nothing")
    @Verifies(id = "LX-CORE-63", level = "MAY", of = "Core")
    @Verifies(id = "LX-CORE-19", level = "MUST", of = "Core")
    void overThousandMayBe413() {
        String branch = Records.sandbox().newBranch();
        Response response = Http.post(Records.members() + "/batch", JSON_LD, batch(branch, 1001, (i, m) -> m));
        List<String> ids = stored(branch);
        Assumptions.assumeTrue(response.status() != 200, "the node accepts batches of more than 1,000 records");
        Records.assertProblem(response, 413, "too-large", "Content too large");
        assertEquals(List.of(), ids, "the refused batch stored records");
    }
}
