package org.lianxin.conformance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.feedback.FeedbackKit.act;
import static org.lianxin.conformance.Callers.secretaryOf;
import static org.lianxin.conformance.Callers.memberToken;
import static org.lianxin.conformance.feedback.FeedbackKit.replied;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Current;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.fixtures.EventStream;

/** 18.7: the events of a request reach the resident who sent it, the point, the member assigned — and nobody else — without texts or contact. */
class EventsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    @DisplayName("LX-SERVICE-13 service-request, reply, feedback-state and assignment events to the resident, the point and the member assigned, none to another resident, none with a text or the contact")
    @Verifies(id = "LX-SERVICE-13", level = "MUST", of = "Service")
    void whoIsTold() {
        String street = Current.sandbox().newOrganization("光明街道党工委", "PrimaryCommittee");
        String point = ServiceKit.servicePoint("光明社区党委", "光明社区", "PrimaryCommittee", street);
        String grid = Current.sandbox().newOrganization("光明社区第一网格党支部", "Branch", point);
        String member = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("钱进", grid));
        String resident = ServiceKit.newResident();
        String text = "邻居装修噪音太大，协商无果。";
        try (EventStream mine = EventStream.open(base() + "/events", token(resident), null);
             EventStream theirs = EventStream.open(base() + "/events", token(ServiceKit.newResident()), null);
             EventStream ofPoint = EventStream.open(base() + "/events", token(secretaryOf(point)), null);
             EventStream ofStreet = EventStream.open(base() + "/events", token(secretaryOf(street)), null);
             EventStream ofMember = EventStream.open(base() + "/events", token(memberToken(member)), null)) {
            assertEquals(200, mine.status());
            String id = ServiceKit.sent(resident, ServiceKit.request("Dispute", "装修噪音", text, point, "")).getString("id");
            EventStream.Event arrived = ofPoint.expect("service-request", "message", id, WAIT);
            assertEquals(List.of(point, "Dispute"), List.of(arrived.data().getString("organization", ""), arrived.data().getString("serviceCategory", "")));
            mine.expect("service-request", "message", id, WAIT);
            assertEquals(200, act(id, "assignment", "{\"assignedTo\": \"" + member + "\"}", secretaryOf(point)).status());
            ofMember.expect("assignment", "message", id, WAIT);
            replied(id, "网格员今晚上门调解。", memberToken(member));
            mine.expect("reply", "message", id, WAIT);
            mine.expect("feedback-state", "message", id, WAIT);
            ofPoint.expect("reply", "message", id, WAIT);
            for (EventStream s : List.of(mine, ofPoint, ofMember)) {
                for (EventStream.Event e : s.events()) {
                    assertFalse(e.rawData().contains(text) || e.rawData().contains("网格员今晚") || ServiceKit.holdsContact(e.rawData()), e.rawData());
                }
            }
            assertTrue(theirs.mentioning(id).isEmpty(), "another resident is told nothing");
            assertTrue(ofStreet.mentioning(id).isEmpty(), "nor the committee above, which it has not reached");
        }
    }

    private static String token(String authorization) {
        return authorization.substring("Bearer ".length());
    }
}
