package org.lianxin.node.activities;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.apache.jena.graph.Node;

/**
 * Meeting compliance over organizations (spec 12.5, Table 12.6): per requirement, how many
 * organization-periods were owed and met and how many organizations missed one, and which
 * organizations missed which periods — organizations only, never people (LX-ORGLIFE-9).
 *
 * @param checked   the organizations that owe anything
 * @param compliant of those, the ones that missed nothing
 * @param totals    per activity type (JSON value): required, met and organizations missing
 * @param missing   each organization's missed periods of one requirement
 */
public record Compliance(long checked, long compliant, Map<String, Totals> totals, List<Missing> missing) {

    /** The numbers of one requirement. */
    public record Totals(String frequency, long required, long met, long organizationsMissing) {
        Totals plus(Totals other) {
            return new Totals(frequency, required + other.required, met + other.met, organizationsMissing + other.organizationsMissing);
        }
    }

    /** One organization's missed periods of one requirement. */
    public record Missing(String organization, String name, String activityType, List<String> periods) {}

    public Compliance plus(Compliance other) {
        Map<String, Totals> sum = new LinkedHashMap<>(totals);
        other.totals.forEach((type, t) -> sum.merge(type, t, Totals::plus));
        List<Missing> all = new ArrayList<>(missing);
        all.addAll(other.missing);
        return new Compliance(checked + other.checked, compliant + other.compliant, sum, all);
    }

    public JsonObjectBuilder toJson(List<Node> organizations, List<Node> roots, int year, YearMonth through, boolean subtree) {
        JsonArrayBuilder requirements = JSON.createArrayBuilder();
        totals.forEach((type, t) -> requirements.add(JSON.createObjectBuilder().add("activityType", type).add("frequency", t.frequency)
                .add("required", t.required).add("met", t.met).add("organizationsMissing", t.organizationsMissing)));
        JsonArrayBuilder missed = JSON.createArrayBuilder();
        missing.forEach(m -> missed.add(JSON.createObjectBuilder().add("organization", m.organization).add("name", m.name)
                .add("activityType", m.activityType).add("periods", JSON.createArrayBuilder(m.periods))));
        return JSON.createObjectBuilder()
                .add("organizations", JSON.createArrayBuilder(organizations.stream().map(Node::getURI).toList()))
                .add("roots", JSON.createArrayBuilder(roots.stream().map(Node::getURI).toList()))
                .add("year", year)
                .add("through", through.toString())
                .add("scope", subtree ? "subtree" : "local")
                .add("organizationsChecked", checked)
                .add("compliant", compliant)
                .add("requirements", requirements)
                .add("missing", missed);
    }

    /** A child's answer, or null when it is not a compliance statistic. */
    public static Compliance fromJson(JsonObject answer) {
        try {
            Map<String, Totals> totals = new LinkedHashMap<>();
            for (JsonValue v : answer.getJsonArray("requirements")) {
                JsonObject r = v.asJsonObject();
                totals.put(r.getString("activityType"), new Totals(r.getString("frequency"), count(r, "required"), count(r, "met"),
                        count(r, "organizationsMissing")));
            }
            List<Missing> missing = new ArrayList<>();
            for (JsonValue v : answer.getJsonArray("missing")) {
                JsonObject m = v.asJsonObject();
                missing.add(new Missing(m.getString("organization"), m.getString("name"), m.getString("activityType"),
                        m.getJsonArray("periods").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList()));
            }
            return new Compliance(count(answer, "organizationsChecked"), count(answer, "compliant"), totals, missing);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long count(JsonObject json, String key) {
        long n = ((JsonNumber) json.get(key)).longValueExact();
        if (n < 0) {
            throw new IllegalArgumentException(key);
        }
        return n;
    }
}
