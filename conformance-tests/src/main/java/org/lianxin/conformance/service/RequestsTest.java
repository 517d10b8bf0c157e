package org.lianxin.conformance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.Current.base;
import static org.lianxin.conformance.Current.enc;
import static org.lianxin.conformance.Callers.secretaryOf;
import static org.lianxin.conformance.Answers.assertRule;
import static org.lianxin.conformance.Answers.listed;
import static org.lianxin.conformance.Callers.memberToken;
import static org.lianxin.conformance.feedback.FeedbackKit.replied;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Current;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.feedback.FeedbackKit;

/**
 * 18.2 to 18.5 and 18.7: service points, a resident's request, its contact masked or in full,
 * who reads it, lists, the audit of organizations' reads and the texts as written.
 */
class RequestsTest {

    private static String street;
    private static String point;
    private static String plain;

    @BeforeAll
    static void points() {
        street = Current.sandbox().newOrganization("幸福街道党工委", "PrimaryCommittee");
        point = ServiceKit.servicePoint("幸福社区党委", "幸福社区", "PrimaryCommittee", street);
        plain = Current.sandbox().newOrganization("机关党支部", "Branch", street);
    }

    @Test
    @DisplayName("LX-SERVICE-1 the endpoints of Table 18.2; LX-SERVICE-2 the service points are the organizations with a serviceArea, with name and serviceArea, for a resident too")
    @Verifies(id = "LX-SERVICE-1", level = "MUST", of = "Service")
    @Verifies(id = "LX-SERVICE-2", level = "MUST", of = "Service")
    void servicePoints() {
        String endpoints = Http.get(base() + "/.well-known/lianxin", "Accept", "application/json").json().get("endpoints").toString();
        for (String rel : List.of("service-points", "service-requests", "service-messages", "service-statistics")) {
            String href = switch (rel) {
                case "service-points" -> "/service-points";
                case "service-requests" -> "/service-requests";
                case "service-messages" -> "/service-requests/messages";
                default -> "/statistics/service";
            };
            assertTrue(endpoints.contains("\"" + rel + "\"") && endpoints.contains("\"" + base() + href + "\""), rel + " " + href + ": " + endpoints);
        }
        Response points = Http.get(base() + "/service-points", "Accept", "application/json", "Authorization", ServiceKit.newResident());
        assertEquals(200, points.status(), points.body());
        assertTrue(points.mediaType().startsWith("application/json"), points.mediaType());
        List<JsonObject> items = points.json().getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
        JsonObject mine = items.stream().filter(i -> i.getString("organization", "").equals(point)).findFirst()
                .orElseThrow(() -> new AssertionError("the service point " + point + " is not listed: " + points.body()));
        assertEquals(List.of("幸福社区党委", "幸福社区"), List.of(mine.getString("name", ""), mine.getString("serviceArea", "")));
        assertFalse(items.stream().anyMatch(i -> i.getString("organization", "").equals(plain) || i.getString("organization", "").equals(street)),
                "an organization without serviceArea is no service point");
    }

    @Test
    @DisplayName("LX-SERVICE-3 a resident sends a request: 201, Location, sender, Open, sentAt; 403 to a member or a secretary; 422 service-contact, service-organization and for the shapes; LX-SERVICE-17 the texts as written")
    @Verifies(id = "LX-SERVICE-3", level = "MUST", of = "Service")
    @Verifies(id = "LX-SERVICE-17", level = "MUST", of = "Service")
    void sending() {
        String resident = ServiceKit.newResident();
        String name = "助餐　申请😊";
        String text = FeedbackKit.PHONE_TEXT;
        JsonObject request = ServiceKit.sent(resident, ServiceKit.request("ElderlyCare", name, text, point, ""));
        assertEquals("Open", request.getString("feedbackState", ""));
        OffsetDateTime.parse(request.getString("sentAt", ""));
        String sender = request.getString("sender", "");
        assertTrue(sender.matches("[a-z][a-z0-9+.-]*:.+"), "the resident's IRI as sender: " + request);
        assertEquals(sender, ServiceKit.asked(resident, point, "第二件事。").getString("sender", ""), "the same resident, the same sender");
        assertNotEquals(sender, ServiceKit.asked(ServiceKit.newResident(), point, "别人的事。").getString("sender", ""), "another resident, another sender");
        JsonObject full = ok(Http.get(request.getString("id"), "Accept", ServiceKit.JSON_LD, "Authorization", resident, "Lianxin-Purpose", "verify-contact"));
        assertEquals(List.of(name, text, ServiceKit.NAME, ServiceKit.ADDRESS), List.of(full.getString("name", ""), full.getString("text", ""),
                full.getJsonObject("contact").getString("name", ""), full.getJsonObject("contact").getString("address", "")));
        assertEquals("谢谢！😊𠀀", replied(request.getString("id"), "谢谢！😊𠀀", secretaryOf(point)).getJsonArray("replies").getJsonObject(0).getString("text"));

        String body = ServiceKit.request("ElderlyCare", "助餐", "申请助餐", point, "");
        assertEquals(403, ServiceKit.send(secretaryOf(point), body).status(), "a secretary sends no request");
        String member = Current.sandbox().newMemberFrom(Current.sandbox().memberBody("赵敏", plain));
        assertEquals(403, ServiceKit.send(memberToken(member), body).status(), "a member without the role resident sends no request");
        String withoutContact = body.replaceFirst(",\"contact\":\\{[^}]*\\}", "");
        assertRule(ServiceKit.send(resident, withoutContact), 422, "service-contact", "contact", "a request without contact");
        assertRule(ServiceKit.send(resident, ServiceKit.request("ElderlyCare", "助餐", "申请助餐", plain, "")), 422, "service-organization", "sentTo",
                "an organization without serviceArea");
        assertEquals(422, ServiceKit.send(resident, ServiceKit.request("Gossip", "闲聊", "闲聊", point, "")).status(), "a category not of Table 18.4");
        assertEquals(422, ServiceKit.send(resident, body.replace(ServiceKit.TELEPHONE, "call me")).status(), "a telephone not of Table 18.5");
        assertEquals(List.of(), listed(base() + "/service-requests?organization=" + enc(plain), secretaryOf(plain)), "nothing stored");
    }

    @Test
    @DisplayName("LX-SERVICE-4 the contact's telephone and address are masked without a purpose, in lists too, and in full with one, not cached")
    @Verifies(id = "LX-SERVICE-4", level = "MUST", of = "Service")
    void contactMasked() {
        String id = ServiceKit.asked(ServiceKit.newResident(), point, "小区路灯坏了。").getString("id");
        JsonObject masked = ok(Http.get(id, "Accept", ServiceKit.JSON_LD, "Authorization", secretaryOf(point))).getJsonObject("contact");
        assertEquals("139****5678", masked.getString("telephone", ""), "Table 8.9: a mobile's first 3 and last 4 digits");
        assertEquals("幸福路12号…", masked.getString("address", ""), "Table 8.9: an address's first 6 characters and an ellipsis");
        String page = Http.get(base() + "/service-requests?organization=" + enc(point), "Accept", ServiceKit.JSON_LD, "Authorization", secretaryOf(point)).body();
        assertFalse(page.contains(ServiceKit.TELEPHONE) || page.contains(ServiceKit.ADDRESS), "a list is masked: " + page);
        Response full = Http.get(id, "Accept", ServiceKit.JSON_LD, "Authorization", secretaryOf(point), "Lianxin-Purpose", "home-visit");
        assertEquals(200, full.status(), full.body());
        assertEquals(List.of(ServiceKit.TELEPHONE, ServiceKit.ADDRESS), List.of(full.json().getJsonObject("contact").getString("telephone", ""),
                full.json().getJsonObject("contact").getString("address", "")));
        assertTrue(full.header("Cache-Control").orElse("").contains("no-store"), "Cache-Control: " + full.header("Cache-Control"));
        replied(id, "已报修。", secretaryOf(point));
    }

    @Test
    @DisplayName("LX-SERVICE-5 a request is read by its resident and its addressees only; LX-SERVICE-11 lists hold exactly what the caller may read; LX-SERVICE-12 an organization's reads are audited as service-read")
    @Verifies(id = "LX-SERVICE-5", level = "MUST", of = "Service")
    @Verifies(id = "LX-SERVICE-11", level = "MUST", of = "Service")
    @Verifies(id = "LX-SERVICE-12", level = "MUST", of = "Service")
    void onlyThoseAddressed() {
        String resident = ServiceKit.newResident();
        String id = ServiceKit.asked(resident, point, "楼道堆放杂物。").getString("id");
        assertEquals(200, FeedbackKit.read(id, resident).status(), "the resident");
        assertEquals(200, FeedbackKit.read(id, secretaryOf(point)).status(), "the service point");
        assertEquals(404, FeedbackKit.read(id, ServiceKit.newResident()).status(), "another resident");
        assertEquals(404, FeedbackKit.read(id, secretaryOf(street)).status(), "the committee above, before any escalation");
        assertEquals(404, FeedbackKit.read(id, secretaryOf(plain)).status(), "another organization");
        assertEquals(404, FeedbackKit.reply(id, "插话", ServiceKit.newResident()).status(), "an action by another resident");
        assertTrue(listed(base() + "/service-requests?state=Open", resident).contains(id), "the resident's list");
        assertEquals(List.of(), listed(base() + "/service-requests", ServiceKit.newResident()), "a new resident's list is empty");
        assertTrue(listed(base() + "/service-requests?state=Open&organization=" + enc(point), secretaryOf(point)).contains(id));
        assertFalse(listed(base() + "/service-requests?state=Closed&organization=" + enc(point), secretaryOf(point)).contains(id), "by state");
        replied(id, "已清理。", secretaryOf(point));

        Response audit = Http.get(base() + "/audit?organization=" + enc(point), "Accept", "application/json", "Authorization", secretaryOf(point));
        assertEquals(200, audit.status(), audit.body());
        assertTrue(audit.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> e.getString("action", "").equals("service-read") && e.toString().contains(id)), "a service-read of " + id + ": " + audit.body());
    }

    private static JsonObject ok(Response answer) {
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }
}
