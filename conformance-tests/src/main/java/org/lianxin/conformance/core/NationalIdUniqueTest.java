package org.lianxin.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lianxin.conformance.core.Records.JSON_LD;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.Sandbox;

/** Section 5.4, LX-CORE-54: one live member record per national ID number on a node. */
class NationalIdUniqueTest {

    private static void conflict(Response response) {
        if (response.status() == 201) {
            response.header("Location").ifPresent(Records.sandbox()::track);
        }
        Records.assertProblem(response, 409, "conflict", "Conflict");
        Records.assertError(response, "nationalId", "national-id-unique", "LX-CORE-54");
    }

    @Test
    @DisplayName("a POST or PUT of a second member with the number of a live member gets 409, and is not written")
    @Verifies(id = "LX-CORE-54", level = "MUST", of = "Core")
    void secondMemberWithTheSameNumber() {
        String branch = Records.sandbox().newBranch();
        String first = Records.sandbox().memberBody("陈平", branch);
        Records.sandbox().newMemberFrom(first);
        List<String> before = Records.allIds(Records.members() + "?branch=" + Records.encode(branch));

        conflict(Http.post(Records.members(), JSON_LD, first.replace("陈平", "陈平安")));
        String iri = Records.unusedMember();
        Response put = Http.put(iri, JSON_LD, Sandbox.withId(first.replace("陈平", "陈平安"), iri));
        if (put.status() == 201) {
            Records.sandbox().track(iri);
        }
        conflict(put);
        String elsewhere = Records.sandbox().newBranch();
        conflict(Http.post(Records.members(), JSON_LD, first.replace(branch, elsewhere))); // the node, not the branch, is the scope
        assertEquals(before, Records.allIds(Records.members() + "?branch=" + Records.encode(branch)), "a conflicting member was written");
        assertEquals(404, Records.read(iri, JSON_LD).status(), "the conflicting PUT was stored");
    }

    @Test
    @DisplayName("a PUT that gives a member the number of another live member gets 409")
    @Verifies(id = "LX-CORE-54", level = "MUST", of = "Core")
    void replacementWithAnotherMembersNumber() {
        String branch = Records.sandbox().newBranch();
        String first = Records.sandbox().memberBody("陈平", branch);
        Records.sandbox().newMemberFrom(first);
        String second = Records.sandbox().newMember(branch);
        String number = first.replaceAll("(?s).*\"nationalId\": \"([0-9X]{18})\".*", "$1");
        String replacement = Sandbox.withId(Records.sandbox().memberBody("王芳", branch)
                .replaceFirst("\"nationalId\": \"[0-9X]{18}\"", "\"nationalId\": \"" + number + "\""), second);
        conflict(Http.put(second, JSON_LD, replacement));
    }
}
