package org.lianxin.node.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which demo federation the hosted node ids form, and which of its nodes holds an organization. */
class DemoFederationTest {

    @Test
    @DisplayName("the hosted ids form the largest complete federation they contain: the demo's 2 × 2, a province's 15 × 10")
    void federationOfTheHostedIds() {
        assertEquals(List.of("province", "city-01", "city-02", "city-01-county-01", "city-01-county-02", "city-02-county-01", "city-02-county-02"),
                DemoLoader.Federation.DEMO.nodeIds());
        assertEquals(Optional.of(DemoLoader.Federation.DEMO), DemoLoader.Federation.of(new HashSet<>(DemoLoader.Federation.DEMO.nodeIds())));
        List<String> province = new DemoLoader.Federation(15, 10).nodeIds();
        assertEquals(166, province.size(), "1 + 15 + 150 nodes");
        assertEquals(Optional.of(new DemoLoader.Federation(15, 10)), DemoLoader.Federation.of(new HashSet<>(province)));
        Set<String> missingACounty = new HashSet<>(province);
        missingACounty.remove("city-15-county-10");
        assertEquals(Optional.empty(), DemoLoader.Federation.of(missingACounty), "incomplete: no federation, each node gets its own demo");
        assertEquals(Optional.empty(), DemoLoader.Federation.of(Set.of("demo")));
    }

    @Test
    @DisplayName("an organization is held by the node of its county, city or the province, by its slug")
    void nodeOfASlug() {
        assertEquals("province", DemoLoader.Federation.nodeOf("province"));
        assertEquals("city-12", DemoLoader.Federation.nodeOf("city-12"));
        assertEquals("city-12-county-07", DemoLoader.Federation.nodeOf("city-12-county-07"));
        assertEquals("city-12-county-07", DemoLoader.Federation.nodeOf("city-12-county-07-pc-28-branch-08"));
    }
}
