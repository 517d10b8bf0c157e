package org.lianxin.node.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.client.FeedbackMessage;
import org.lianxin.client.LianxinClient;
import org.lianxin.client.Organization;
import org.lianxin.client.ProblemException;
import org.lianxin.client.ServicePoint;
import org.lianxin.client.ServiceRequest;
import org.lianxin.client.ServiceStatistic;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;
import org.lianxin.node.testing.Trees;

/**
 * {@code client.service()} and {@code client.statistics().service()} (spec chapter 18) against the
 * reference node's {@code sdk} node over HTTP: a community committee of the test's own, created
 * through the SDK as a service point, with a grid branch and its member below it.
 */
class SdkServiceIT {

    private static final String NODE = NodeClient.serverUrl() + "/nodes/sdk";
    private static final String TELEPHONE = "13987654321";
    private static String district;
    private static String community;
    private static String gridMember;

    @BeforeAll
    static void tree() {
        district = Trees.organizationOn(NODE, "和平区委", "CountyCommittee", NodeClient.top(NODE));
        LianxinClient districtAdmin = LianxinClient.builder(NODE).tokens(() -> NodeClient.tokenFor(district, "secretary", "organization-admin")).build();
        community = districtAdmin.organizations().put(Fixtures.uniqueId("community"),
                Organization.draft("和平社区党委", "PrimaryCommittee", district).serviceArea("和平社区")).id();
        String grid = Trees.organizationOn(NODE, "和平社区第一网格党支部", "Branch", community);
        gridMember = Trees.memberOn(NODE, "孙丽", grid);
    }

    private static LianxinClient acting(String organization) {
        return LianxinClient.builder(NODE).tokens(() -> NodeClient.tokenFor(organization, "secretary", "organization-admin")).build();
    }

    private static LianxinClient resident(String subject) {
        return LianxinClient.builder(NODE).tokens(() -> NodeClient.residentToken(subject)).build();
    }

    @Test
    @DisplayName("a resident's request to a service point is assigned to a grid member, answered by the member for the point, rated 5 and Closed; another is closed unanswered; the contact is masked unless read with a purpose (LX-SERVICE-4); the statistic counts 2 received, 1 answered in time, mean rating 5")
    void requestAssignAnswerRateCount() throws Exception {
        ServicePoint point = acting(district).service().points().stream().filter(p -> p.organization().equals(community)).findFirst().orElseThrow();
        assertEquals("和平社区", point.serviceArea());
        assertEquals("和平社区党委", point.name());

        LianxinClient resident = resident("resident-" + Fixtures.uniqueId("r"));
        LianxinClient committee = acting(community);
        String text = "我家老人八十五岁，想申请「助餐」服务。𠀀";
        ServiceRequest sent = resident.service().request("ElderlyCare", text, community, ServiceRequest.Contact.of("刘桂兰", TELEPHONE, "和平路12号"))
                .name("申请助餐").executeAsync().get();
        assertEquals("Open", sent.state());
        assertEquals(text, sent.text(), "character for character");
        assertEquals(Optional.of("申请助餐"), sent.name());
        assertTrue(sent.sender().orElseThrow().startsWith("urn:lianxin:resident:"));

        ServiceRequest masked = committee.service().read(sent.id());
        assertNotEquals(TELEPHONE, masked.contact().orElseThrow().telephone(), "masked without a purpose");
        assertEquals(TELEPHONE, committee.service().readFull(sent.id(), "上门登记").contact().orElseThrow().telephone());

        ServiceRequest assigned = committee.service().assign(sent.id(), gridMember);
        assertEquals(Optional.of(gridMember), assigned.assignedTo());
        ProblemException outside = assertThrows(ProblemException.class, () -> committee.service().assign(sent.id(), district));
        assertEquals(422, outside.status());
        assertEquals(List.of("LX-SERVICE-7"), outside.requirements());

        LianxinClient member = LianxinClient.builder(NODE).tokens(() -> NodeClient.memberToken(gridMember)).build();
        ServiceRequest answered = member.service().reply(sent.id(), "网格员明天上午上门登记。");
        assertEquals("Answered", answered.state());
        assertEquals(Optional.of(community), answered.lastReply().orElseThrow().repliedBy(), "the member answers for the point");
        ServiceRequest rated = resident.service().rate(sent.id(), 5, "很及时");
        assertEquals("Closed", rated.state());
        assertEquals(Optional.of(5), rated.rating());
        assertEquals(List.of("网格员明天上午上门登记。"), resident.service().read(sent.id()).replies().stream().map(FeedbackMessage.Reply::text).toList());

        ServiceRequest other = resident.service().request("Environment", "楼道灯坏了。", community, ServiceRequest.Contact.of("刘桂兰", TELEPHONE, null))
                .execute();
        assertEquals("Closed", resident.service().close(other.id()).state());
        assertEquals(List.of(sent.id(), other.id()), resident.service().list().state("Closed").stream().map(ServiceRequest::id).toList());
        assertEquals(404, assertThrows(ProblemException.class, () -> resident("someone-else").service().read(sent.id())).status());

        ServiceStatistic statistic = acting(district).service().statistic(district);
        assertEquals(2, statistic.received());
        assertEquals(1, statistic.answered());
        assertEquals(1, statistic.answeredInTime());
        assertEquals(2, statistic.closed());
        assertEquals(0, statistic.open());
        assertEquals(1, statistic.rated());
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L), statistic.ratings());
        assertEquals(1, statistic.ratedWith(5));
        assertEquals(0, new BigDecimal("5").compareTo(statistic.meanRating()));
        assertEquals("P1D", statistic.answerWithin());
        assertTrue(statistic.completeness().complete());
        assertEquals("local", acting(district).statistics().service().organization(community).execute().scope());
    }
}
