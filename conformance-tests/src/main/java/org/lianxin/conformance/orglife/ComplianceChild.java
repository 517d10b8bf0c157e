package org.lianxin.conformance.orglife;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.lianxin.conformance.federation.StubNode;

/**
 * A stand-in child node for the federated compliance statistic (LX-ORGLIFE-9): it speaks the
 * child's side of registration (description, root organization, parent notification) and answers
 * {@code GET /statistics/compliance} with a valid answer of Table 12.6 about its one root, as for
 * two branches through June — two organizations checked, one compliant; 12 themed party days owed
 * and 10 held, one organization missing March and May; everything else met — or with 500 when told
 * to fail. It is a {@link StubNode} playing a child whose root {@code {base}/organizations/root}
 * hangs under the parent organization it was given; the stub records the requests it received.
 */
final class ComplianceChild implements AutoCloseable {

    static final String VILLAGE_NAME = "桩村党支部";

    private final StubNode stub;
    private volatile boolean failing;

    ComplianceChild(String parentOrganization, String bindAddress, String host) {
        stub = new StubNode(bindAddress, host, 0).asChild(parentOrganization);
        stub.on("GET", "/federation", c -> StubNode.Reply.json(stub.federation(null, List.of())));
        stub.on("GET", "/statistics/compliance", c -> failing
                ? new StubNode.Reply(500, "application/problem+json", "{\"status\": 500, \"title\": \"child failure\"}")
                : StubNode.Reply.json(compliance(c)));
    }

    String base() {
        return stub.base();
    }

    String root() {
        return stub.organization("root");
    }

    /** The child's branch that missed periods. */
    String village() {
        return stub.organization("village");
    }

    ComplianceChild failing(boolean failing) {
        this.failing = failing;
        return this;
    }

    List<StubNode.Call> requests(String path) {
        return stub.calls("GET", path);
    }

    @Override
    public void close() {
        stub.close();
    }

    /** required, met, organizationsMissing of each requirement of Table 12.4 in the child's answer. */
    static final long[][] COUNTS = {{4, 4, 0}, {0, 0, 0}, {0, 0, 0}, {4, 4, 0}, {12, 10, 1}, {0, 0, 0}, {0, 0, 0}};

    private JsonObject compliance(StubNode.Call request) {
        String year = parameter(request.query(), "year");
        String through = parameter(request.query(), "through");
        JsonArrayBuilder requirements = Json.createArrayBuilder();
        String[] frequencies = {"Quarterly", "Monthly", "Monthly", "Quarterly", "Monthly", "Yearly", "Yearly"};
        for (int i = 0; i < OrgLifeKit.REQUIREMENTS.size(); i++) {
            requirements.add(Json.createObjectBuilder().add("activityType", OrgLifeKit.REQUIREMENTS.get(i)).add("frequency", frequencies[i])
                    .add("required", COUNTS[i][0]).add("met", COUNTS[i][1]).add("organizationsMissing", COUNTS[i][2]));
        }
        return Json.createObjectBuilder()
                .add("organizations", Json.createArrayBuilder().add(root()))
                .add("roots", Json.createArrayBuilder().add(root()))
                .add("year", year == null ? 0 : Integer.parseInt(year))
                .add("through", through == null ? "" : through)
                .add("scope", "subtree")
                .add("organizationsChecked", 2)
                .add("compliant", 1)
                .add("requirements", requirements)
                .add("missing", Json.createArrayBuilder().add(Json.createObjectBuilder().add("organization", village()).add("name", VILLAGE_NAME)
                        .add("activityType", "ThemedPartyDay").add("periods", Json.createArrayBuilder().add(year + "-03").add(year + "-05"))))
                .add("completeness", stub.completeness(request))
                .build();
    }

    static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
