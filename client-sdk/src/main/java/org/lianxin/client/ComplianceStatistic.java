package org.lianxin.client;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Which organizations held the organizational life they owe in a year, up to a month (spec 12.5):
 * counts and organizations, never people.
 *
 * @param year                 the year asked
 * @param through              the last month counted
 * @param organizationsChecked the organizations that owe anything
 * @param compliant            of those, the ones that missed nothing
 * @param requirements         per activity type: owed, met and organizations missing
 * @param missing              each organization's missed periods of one activity type
 * @param completeness         which nodes answered
 */
public record ComplianceStatistic(int year, String through, long organizationsChecked, long compliant, List<Requirement> requirements,
                                  List<Missing> missing, Completeness completeness) {

    /** One requirement of Table 12.4 over the organizations counted. */
    public record Requirement(String activityType, String frequency, long required, long met, long organizationsMissing) {}

    /** The periods one organization missed of one activity type. */
    public record Missing(String organization, String name, String activityType, List<String> periods) {}

    static ComplianceStatistic of(JsonObject json) {
        return new ComplianceStatistic(json.getInt("year"), json.getString("through"), json.getJsonNumber("organizationsChecked").longValueExact(),
                json.getJsonNumber("compliant").longValueExact(),
                json.getJsonArray("requirements").stream().map(JsonValue::asJsonObject).map(r -> new Requirement(r.getString("activityType"),
                        r.getString("frequency"), r.getJsonNumber("required").longValueExact(), r.getJsonNumber("met").longValueExact(),
                        r.getJsonNumber("organizationsMissing").longValueExact())).toList(),
                json.getJsonArray("missing").stream().map(JsonValue::asJsonObject).map(m -> new Missing(m.getString("organization"),
                        m.getString("name"), m.getString("activityType"),
                        m.getJsonArray("periods").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList())).toList(),
                Completeness.of(json.getJsonObject("completeness")));
    }
}
