package org.lianxin.node.dues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.node.dues.DuesSupport.enc;
import static org.lianxin.node.dues.DuesSupport.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.testing.Fixtures;
import org.lianxin.node.testing.NodeClient;

/**
 * The collection statistic across a province node and a county node over HTTP, against the ground
 * truth the test computes itself from the members and payments it wrote.
 */
class DuesFederationIT {

    private static final String PROVINCE_NODE = NodeClient.serverUrl() + "/nodes/dues-province";
    private static final String COUNTY_NODE = NodeClient.serverUrl() + "/nodes/dues-county";
    private static final String MONTH = "2026-09";

    /** One member the test wrote: where, its assessment, what it paid for MONTH (null: nothing). */
    record Written(String node, BigDecimal assessment, BigDecimal paid) {}

    private static final List<Written> WRITTEN = new ArrayList<>();
    private static String province;

    @BeforeAll
    static void federation() {
        NodeClient.As admin = NodeClient.as(NodeClient.token(PROVINCE_NODE));
        province = org(PROVINCE_NODE, "岭东省委", "ProvincialCommittee", NodeClient.top(PROVINCE_NODE));
        String organs = org(PROVINCE_NODE, "省直机关党支部", "Branch", province);
        String county = org(COUNTY_NODE, "青山县委", "CountyCommittee", province);
        String village = org(COUNTY_NODE, "东村党支部", "Branch", county);
        String school = org(COUNTY_NODE, "青山县第一中学党支部", "Branch", county);

        member(PROVINCE_NODE, organs, "Employed", "12000.00", "240.00", "240.00");
        member(PROVINCE_NODE, organs, "Employed", "3000.00", "15.00", null);
        member(PROVINCE_NODE, organs, "Retired", "6000.00", "60.00", "100.00");
        member(COUNTY_NODE, village, "Farmer", null, "0.20", "0.20");
        member(COUNTY_NODE, village, "Farmer", null, "0.20", null);
        member(COUNTY_NODE, village, "MinimumLivingAllowance", null, "0.20", "0.20");
        member(COUNTY_NODE, school, "Employed", "5000.01", "75.00", "75.00");
        member(COUNTY_NODE, school, "Employed", "10000.00", "150.00", "150.00");
        member(COUNTY_NODE, school, "Student", null, "0.20", null);

        HttpResponse<String> registered = admin.post(PROVINCE_NODE + "/federation/children", "application/json",
                "{\"base\": \"" + COUNTY_NODE + "\"}");
        assertEquals(201, registered.statusCode(), registered.body());
    }

    private static String org(String node, String name, String type, String parent) {
        String iri = node + "/organizations/" + Fixtures.uniqueId("dues");
        HttpResponse<String> put = NodeClient.as(NodeClient.tokenFor(parent, "secretary"))
                .put(iri, Fixtures.JSON_LD, Fixtures.withId(Fixtures.organization(name, type, parent), iri));
        assertEquals(201, put.statusCode(), put.body());
        return iri;
    }

    private static void member(String node, String branch, String category, String base, String assessment, String paid) {
        NodeClient.As secretary = NodeClient.as(NodeClient.tokenFor(branch, "secretary"));
        String member = DuesSupport.member(secretary, node, branch, "党员", category, base);
        if (paid != null) {
            HttpResponse<String> payment = DuesSupport.pay(secretary, node, member, MONTH, paid);
            assertEquals(201, payment.statusCode(), payment.body());
        }
        WRITTEN.add(new Written(node, new BigDecimal(assessment), paid == null ? null : new BigDecimal(paid)));
    }

    private static JsonObject statistic(String scope) {
        return json(NodeClient.as(NodeClient.token(PROVINCE_NODE)).get(PROVINCE_NODE + "/statistics/dues?organization=" + enc(province)
                + "&month=" + MONTH + "&scope=" + scope, "application/json"), 200);
    }

    @Test
    @DisplayName("LX-DUES-20 LX-DUES-21 LX-DUES-22 LX-DUES-24 the province's collection rate over its subtree equals the ground truth, from the county node's sums")
    void subtreeCollectionEqualsTheGroundTruth() {
        JsonObject answer = statistic("subtree");
        BigDecimal expected = WRITTEN.stream().map(Written::assessment).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paid = WRITTEN.stream().map(Written::paid).filter(p -> p != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(WRITTEN.size(), answer.getInt("members"));
        assertEquals(0, answer.getInt("unassessed"));
        assertEquals(expected.setScale(2).toPlainString(), answer.getString("expected"));
        assertEquals(paid.setScale(2).toPlainString(), answer.getString("paid"));
        assertEquals(WRITTEN.stream().filter(w -> w.paid() != null).count(), answer.getInt("paidMembers"));
        assertEquals(paid.divide(expected, 4, RoundingMode.HALF_UP).toPlainString(), answer.getString("rate"));
        JsonObject completeness = answer.getJsonObject("completeness");
        assertTrue(completeness.getBoolean("complete"));
        assertEquals(Set.of(PROVINCE_NODE, COUNTY_NODE), new HashSet<>(completeness.getJsonArray("nodes").stream()
                .map(n -> n.asJsonObject().getString("node")).toList()));
    }

    @Test
    @DisplayName("LX-DUES-21 LX-DUES-22 scope=local counts the province node's own members, and the rate is of its own sums")
    void localScopeCountsTheNodeOnly() {
        JsonObject answer = statistic("local");
        List<Written> own = WRITTEN.stream().filter(w -> w.node().equals(PROVINCE_NODE)).toList();
        BigDecimal expected = own.stream().map(Written::assessment).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paid = own.stream().map(Written::paid).filter(p -> p != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(own.size(), answer.getInt("members"));
        assertEquals(expected.setScale(2).toPlainString(), answer.getString("expected"));
        assertEquals(paid.divide(expected, 4, RoundingMode.HALF_UP).toPlainString(), answer.getString("rate"));
        assertEquals(1, answer.getJsonObject("completeness").getJsonArray("nodes").size());
    }
}
