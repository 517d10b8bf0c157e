package org.lianxin.conformance.core;

import org.lianxin.conformance.Current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lianxin.conformance.core.Records.JSON_LD;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.Http;
import org.lianxin.conformance.Kit;
import org.lianxin.conformance.Response;
import org.lianxin.conformance.Verifies;

/**
 * Chapter 2: authoritativeFor names the node's local roots. Other clients may write to the node
 * while the kit reads it, so a difference is checked again before it counts.
 */
class AuthoritativeForTest {

    /** Headers of a caller who reads every organization: on a node with Security, a node-operator (Table 8.7). */
    private static String[] reader() {
        return Records.security() ? new String[] {"Authorization", "Bearer " + Kit.current().tokens().operator()} : new String[0];
    }

    private static List<String> authoritativeFor() {
        JsonObject description = Http.get(Current.base() + "/.well-known/lianxin", "Accept", JSON_LD).expect(200).json();
        return Records.strings(description.get("authoritativeFor"));
    }

    private static boolean isLocalOrganization(String iri) {
        return iri.startsWith(Records.organizations() + "/") && iri.substring(Records.organizations().length() + 1).matches("[A-Za-z0-9_-]{1,64}");
    }

    /** The superior of a live organization, "" for none; null when it is not live. */
    private static String superior(String iri) {
        String[] headers = reader();
        String[] all = new String[headers.length + 2];
        all[0] = "Accept";
        all[1] = JSON_LD;
        System.arraycopy(headers, 0, all, 2, headers.length);
        Response read = Http.get(iri, all);
        return read.status() == 200 ? read.json().getString("subOrganizationOf", "") : null;
    }

    private static boolean isRoot(String superior) {
        return superior != null && (superior.isEmpty() || !isLocalOrganization(superior));
    }

    @Test
    @DisplayName("authoritativeFor lists the kit's root organization and none of the organizations below it")
    @Verifies(id = "LX-CORE-5", level = "MUST", of = "Core")
    void rootsNotTheirSubOrganizations() {
        String committee = Kit.current().sandbox().newOrganization("连心县委", "CountyCommittee");
        String branch = Kit.current().sandbox().newOrganization("连心县第一中学党支部", "Branch", committee);
        List<String> roots = authoritativeFor();
        assertFalse(roots.contains(committee), "a sub-organization of a local organization is no root: " + committee);
        assertFalse(roots.contains(branch), "a sub-organization of a local organization is no root: " + branch);
        String top = Kit.current().sandbox().organization();
        if (isRoot(superior(top))) {
            assertTrue(roots.contains(top), "the live organization " + top + " has no local superior, yet authoritativeFor is " + roots);
        }
    }

    @Test
    @DisplayName("authoritativeFor lists exactly the live organizations whose superior is absent or not local")
    @Verifies(id = "LX-CORE-5", level = "MUST", of = "Core")
    void exactlyTheLocalRoots() {
        List<String> before = authoritativeFor();
        Set<String> roots = new HashSet<>();
        for (JsonObject page : Records.allPages(Records.organizations() + "?limit=1000", reader())) {
            for (JsonValue item : page.getJsonArray("items")) {
                JsonObject org = item.asJsonObject();
                if (isRoot(org.getString("subOrganizationOf", ""))) {
                    roots.add(org.getString("id"));
                }
            }
        }
        List<String> after = authoritativeFor();
        for (String root : roots) {
            if (!before.contains(root) && !after.contains(root) && isRoot(superior(root))) { // still a live root: ask again
                assertTrue(authoritativeFor().contains(root), "the live root organization " + root + " is not in authoritativeFor " + after);
            }
        }
        for (String listed : after) {
            assertTrue(isLocalOrganization(listed), "authoritativeFor lists " + listed + ", which is no local organization IRI");
            if (!roots.contains(listed)) { // not a root when the list was read: check it now
                String superior = superior(listed);
                assertTrue(superior != null || !authoritativeFor().contains(listed), "authoritativeFor lists " + listed + ", which is not live");
                assertTrue(superior == null || isRoot(superior) || !authoritativeFor().contains(listed),
                        "authoritativeFor lists " + listed + ", whose superior " + superior + " is a local organization");
            }
        }
        assertEquals(new HashSet<>(after).size(), after.size(), "authoritativeFor lists an organization twice: " + after);
    }
}
