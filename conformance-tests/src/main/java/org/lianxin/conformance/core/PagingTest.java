package org.lianxin.conformance.core;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.core.Records.JSON_LD;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/** Section 3.10: pages, next links, limits, the order of creation, every record exactly once. */
class PagingTest {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel\\s*=\\s*\"?next\"?");
    private static String branch;
    private static final List<String> created = new ArrayList<>();

    @BeforeAll
    static void members() {
        branch = Records.sandbox().newBranch();
        for (int i = 0; i < 12; i++) {
            created.add(Records.sandbox().newMemberFrom(Records.sandbox().memberBody("成员" + i, branch)));
        }
    }

    private static String list(int limit) {
        return Records.members() + "?branch=" + Records.encode(branch) + "&limit=" + limit;
    }

    /** The URL of the Link header with rel="next", or null. */
    private static String linkNext(Response response) {
        for (String link : response.headers("Link")) {
            Matcher m = NEXT_LINK.matcher(link);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The ids read by following next from {@code url}, with the checks of every page. */
    private static List<String> read(String url, int limit, Runnable betweenPages) {
        List<String> seen = new ArrayList<>();
        String next = url;
        int pages = 0;
        while (next != null) {
            Response response = Http.get(next, "Accept", JSON_LD);
            assertEquals(200, response.status(), response.body());
            JsonObject page = response.json();
            List<String> ids = Records.itemIds(page);
            assertTrue(ids.size() <= limit, "a page of " + ids.size() + " items for limit=" + limit);
            seen.addAll(ids);
            next = page.get("next") instanceof JsonString s ? s.getString() : null;
            assertEquals(next, linkNext(response), "the next member and the Link header with rel=\"next\" differ");
            assertTrue(pages++ < 100, "the list does not end");
            if (next != null && betweenPages != null) {
                betweenPages.run();
            }
        }
        return seen;
    }

    @Test
    @DisplayName("a list answers 200 with a page: the node's @context, the request URL as id, type Page, items as a GET returns them")
    @Verifies(id = "LX-CORE-31", level = "MUST", of = "Core")
    void aListIsAPage() {
        String url = list(5);
        Response response = Http.get(url, "Accept", JSON_LD);
        assertEquals(200, response.status(), response.body());
        JsonObject page = response.json();
        assertEquals(Current.base() + "/spec/context.jsonld", page.getString("@context", null));
        assertEquals(url, page.getString("id", null), "the id of a page is the URL of the request");
        assertEquals(List.of("Page"), Records.strings(page.get("type")));
        assertEquals(created.subList(0, 5), Records.itemIds(page));
        for (JsonValue item : page.getJsonArray("items")) {
            String iri = item.asJsonObject().getString("id");
            String single = Http.get(iri, "Accept", JSON_LD).expect(200).body(); // as a GET of it returns it
            String asRecord = Json.createObjectBuilder(item.asJsonObject()).add("@context", page.getString("@context")).build().toString();
            assertTrue(Records.parse(asRecord, JSON_LD, iri).isIsomorphicWith(Records.parse(single, JSON_LD, iri)),
                    "the item differs from GET " + iri + ": " + item);
        }
    }

    @ParameterizedTest(name = "limit={0}")
    @DisplayName("every page but the last has next and a Link rel=next with that URL; the pages hold every record once, in order")
    @Verifies(id = "LX-CORE-32", level = "MUST", of = "Core")
    @Verifies(id = "LX-CORE-33", level = "MUST NOT", of = "Core")
    @Verifies(id = "LX-CORE-34", level = "MUST", of = "Core")
    @Verifies(id = "LX-CORE-35", level = "MUST", of = "Core")
    @ValueSource(ints = {1, 5, 12, 1000})
    void followingNextReadsTheWholeListInOrder(int limit) {
        List<String> seen = read(list(limit), limit, null);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "a record came twice: " + seen);
        assertEquals(new HashSet<>(created), new HashSet<>(seen), "the pages do not hold exactly the records of the list");
        assertEquals(created, seen, "the records are not in the order of their creation");
    }

    @Test
    @DisplayName("a page that is not the last has a next; the one after the last record has none")
    @Verifies(id = "LX-CORE-32", level = "MUST", of = "Core")
    void aPageBeforeTheEndHasNext() {
        JsonObject first = Http.get(list(5), "Accept", JSON_LD).expect(200).json();
        assertTrue(first.get("next") instanceof JsonString, "7 records remain after the first page of 5, but it has no next");
    }

    @Test
    @DisplayName("records created while the pages are read come exactly once, after the others")
    @Verifies(id = "LX-CORE-36", level = "MUST", of = "Core")
    @Verifies(id = "LX-CORE-35", level = "MUST", of = "Core")
    void recordsCreatedWhileReadingComeOnce() {
        String own = Records.sandbox().newBranch();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            expected.add(Records.sandbox().newMemberFrom(Records.sandbox().memberBody("旧成员" + i, own)));
        }
        int[] added = {0};
        List<String> seen = read(Records.members() + "?branch=" + Records.encode(own) + "&limit=2", 2, () -> {
            if (added[0]++ < 3) {
                expected.add(Records.sandbox().newMemberFrom(Records.sandbox().memberBody("新成员" + added[0], own)));
            }
        });
        assertEquals(seen.size(), new HashSet<>(seen).size(), "a record came twice: " + seen);
        assertEquals(expected, seen, "not every record, those created while reading included, came once in the order of creation");
    }

    @Test
    @DisplayName("the children of an organization are paged in the order of creation too")
    @Verifies(id = "LX-CORE-34", level = "MUST", of = "Core")
    @Verifies(id = "LX-CORE-35", level = "MUST", of = "Core")
    void childrenArePagedInOrder() {
        String committee = Records.sandbox().newOrganization("连心县委", "CountyCommittee");
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            branches.add(Records.sandbox().newOrganization("第" + i + "党支部", "Branch", committee));
        }
        assertEquals(branches, read(committee + "/children?limit=2", 2, null));
    }
}
