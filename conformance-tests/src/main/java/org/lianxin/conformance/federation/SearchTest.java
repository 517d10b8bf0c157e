package org.lianxin.conformance.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Verifies;
import org.lianxin.conformance.probes.ProbeNode;

/**
 * 7.10: subtree member search, paged across the node's own members and two probe children (each
 * answers one full member, whatever the filters), against the members the kit wrote.
 */
class SearchTest extends FederationSupport {

    private static final int LIMIT = 2;

    /** The pages from {@code first} on, each checked against Table 7.20 and LX-FED-46; their items in order. */
    private List<JsonObject> pages(String first) {
        List<String> roots = Http.get(base() + "/.well-known/lianxin", "Accept", "application/ld+json").expect(200).json()
                .getJsonArray("authoritativeFor").getValuesAs(JsonString::getString);
        List<JsonObject> items = new ArrayList<>();
        String url = first;
        for (int pages = 0; url != null; pages++) {
            assertTrue(pages < 20, "more than 20 pages: " + items);
            Timed page = query(url);
            assertEquals(200, page.status(), page.body());
            assertEquals("application/json", page.response().mediaType());
            JsonObject json = page.json();
            assertEquals("Page", json.getString("type", ""), json.toString());
            assertEquals(roots, json.getJsonArray("roots").getValuesAs(JsonString::getString), "roots as in authoritativeFor");
            assertTrue(json.getJsonObject("completeness").getBoolean("complete"), json.toString());
            List<JsonObject> found = json.getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
            assertTrue(found.size() <= LIMIT, "more than limit=" + LIMIT + " items: " + found);
            for (JsonObject item : found) {
                assertEquals(Set.of("id", "name", "stage", "branch", "node"), item.keySet(), item.toString());
            }
            items.addAll(found);
            String next = json.containsKey("next") ? json.getString("next") : null;
            List<String> links = page.response().headers("Link").stream().filter(l -> l.matches("(?s).*rel=\"?next\"?.*")).toList();
            if (next == null) {
                assertEquals(List.of(), links, "a Link rel=next without a next member");
            } else {
                assertEquals(1, links.size(), "a next member needs a Link header with rel=\"next\": " + page.response().headers());
                assertTrue(links.get(0).contains("<" + next + ">"), links + " and next " + next);
            }
            url = next;
        }
        return items;
    }

    private static String summary(String id, String name, String stage, String branch, String node) {
        return String.join("|", id, name, stage, branch, node);
    }

    private static List<String> summaries(List<JsonObject> items) {
        return items.stream().map(i -> summary(i.getString("id"), i.getString("name"), i.getString("stage"), i.getString("branch"),
                i.getString("node"))).toList();
    }

    @Test
    @DisplayName("following next from the first page gives every match once, the node's own in creation order, then each child's by base URL")
    @Verifies(id = "LX-FED-42", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-43", level = "MUST NOT", of = "Federation")
    @Verifies(id = "LX-FED-44", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-45", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-46", level = "MUST", of = "Federation")
    void pagesGiveEveryMatchOnceInOrder() {
        String committee = sandbox().newOrganization("查询市委", "MunicipalCommittee");
        String branch = sandbox().newOrganization("查询市委机关党支部", "Branch", committee);
        String county = sandbox().newOrganization("查询县委", "CountyCommittee", committee);
        String other = sandbox().newOrganization("查询县第一中学党支部", "Branch", county);
        List<String> expected = new ArrayList<>();
        String[][] members = {{"王一", branch, "FullMember"}, {"李二", other, "FullMember"}, {"王三", other, "FullMember"},
            {"王四", branch, "ProbationaryMember"}, {"王五", branch, "FullMember"}, {"王六", other, "FullMember"}};
        for (String[] m : members) {
            String iri = sandbox().newMemberFrom(memberBody(m[0], m[1], m[2], false, "汉族", null, 40));
            if (m[0].startsWith("王") && m[2].equals("FullMember")) {
                expected.add(summary(iri, m[0], m[2], m[1], base()));
            }
        }
        List<ProbeNode> probes = new ArrayList<>(List.of(registered(probe(county)), registered(probe(committee))));
        probes.sort(Comparator.comparing(ProbeNode::base));
        for (ProbeNode p : probes) {
            expected.add(summary(p.base() + "/members/p1", "探针", "FullMember", p.root(), p.base()));
        }

        List<JsonObject> items = pages(base() + "/search/members?organization=" + encode(committee) + "&namePrefix=" + encode("王")
                + "&stage=FullMember&limit=" + LIMIT);
        assertEquals(expected, summaries(items), "every match once, in the order of a search (7.10)");
    }

    @Test
    @DisplayName("a search by exact name in one branch gives one page with that member only, without next or Link")
    @Verifies(id = "LX-FED-42", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-44", level = "MUST", of = "Federation")
    @Verifies(id = "LX-FED-46", level = "MUST", of = "Federation")
    void anExactNameInOneBranch() {
        String committee = sandbox().newOrganization("查询市委", "MunicipalCommittee");
        String branch = sandbox().newOrganization("查询市委机关党支部", "Branch", committee);
        registered(probe(committee)); // above the branch: not in scope
        sandbox().newMemberFrom(memberBody("王三丰", branch, "FullMember", true, "汉族", null, 40));
        String wanted = sandbox().newMemberFrom(memberBody("王三", branch, "Activist", true, "汉族", null, 30));
        sandbox().newMemberFrom(memberBody("王三三", branch, "FullMember", true, "汉族", null, 30));
        List<JsonObject> items = pages(base() + "/search/members?organization=" + encode(branch) + "&name=" + encode("王三")
                + "&limit=" + LIMIT);
        assertEquals(List.of(summary(wanted, "王三", "Activist", branch, base())), summaries(items));
    }
}
