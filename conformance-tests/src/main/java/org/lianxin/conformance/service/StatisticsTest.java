package org.lianxin.conformance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.feedback.FeedbackKit.act;
import static org.lianxin.conformance.Callers.secretaryOf;
import static org.lianxin.conformance.feedback.FeedbackKit.replied;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Current;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** 18.8: the service statistic of a street committee with two service points, against the ground truth the kit made. */
class StatisticsTest {

    @Test
    @DisplayName("LX-SERVICE-14 received, answered, open, closed and ratings summed over the subtree, no request, resident or contact; LX-SERVICE-15 answered in time within the node's answer time; LX-SERVICE-16 404 outside the caller's subtree and to a resident")
    @Verifies(id = "LX-SERVICE-14", level = "MUST", of = "Service")
    @Verifies(id = "LX-SERVICE-15", level = "MUST", of = "Service")
    @Verifies(id = "LX-SERVICE-16", level = "MUST", of = "Service")
    void figures() {
        String street = Current.sandbox().newOrganization("统计街道党工委", "PrimaryCommittee");
        String east = ServiceKit.servicePoint("东社区党委", "东社区", "PrimaryCommittee", street);
        String west = ServiceKit.servicePoint("西社区党委", "西社区", "PrimaryCommittee", street);
        String resident = ServiceKit.newResident();
        String first = ServiceKit.asked(resident, east, "申请临时救助。").getString("id");
        String second = ServiceKit.asked(resident, west, "想找一份保洁工作。").getString("id");
        String third = ServiceKit.asked(resident, west, "看病报销怎么办？").getString("id");
        replied(first, "请携带材料到社区办理。", secretaryOf(east));
        replied(second, "街道招聘会下周举行。", secretaryOf(west));
        assertEquals(200, act(first, "rating", "{\"rating\": 4}", resident).status());
        assertEquals(200, act(second, "rating", "{\"rating\": 5}", resident).status());

        Response answer = Http.get(base() + "/statistics/service?organization=" + enc(street) + "&scope=subtree", "Accept", "application/json",
                "Authorization", secretaryOf(street));
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.mediaType().startsWith("application/json"), answer.mediaType());
        JsonObject s = answer.json();
        assertEquals(List.of(3L, 2L, 2L, 1L, 2L, 2L), List.of(n(s, "received"), n(s, "answered"), n(s, "answeredInTime"), n(s, "open"), n(s, "closed"),
                n(s, "rated")), answer.body());
        assertEquals("[0,0,0,1,1]", s.getJsonArray("ratings").toString().replace(" ", ""));
        assertEquals(4.5, s.getJsonNumber("meanRating").doubleValue(), 0.001);
        assertTrue(s.containsKey("completeness"), answer.body());
        for (String id : List.of(first, second, third)) {
            assertFalse(answer.body().contains(id), "no request IRI: " + answer.body());
        }
        assertFalse(ServiceKit.holdsContact(answer.body()) || answer.body().contains("urn:lianxin:resident"), answer.body());
        JsonObject west1 = Http.get(base() + "/statistics/service?organization=" + enc(west), "Accept", "application/json", "Authorization", secretaryOf(west)).json();
        assertEquals(List.of(2L, 1L), List.of(n(west1, "received"), n(west1, "answered")), west1.toString());

        assertEquals(404, Http.get(base() + "/statistics/service?organization=" + enc(street), "Accept", "application/json", "Authorization", secretaryOf(west))
                .status(), "the street lies above the west point");
        assertEquals(404, Http.get(base() + "/statistics/service?organization=" + enc(street), "Accept", "application/json", "Authorization", resident)
                .status(), "a resident");
        replied(third, "医保窗口在街道服务中心。", secretaryOf(west));
    }

    private static long n(JsonObject o, String key) {
        return o.getJsonNumber(key).longValue();
    }
}
