package org.lianxin.client;

import java.util.Optional;

import jakarta.json.JsonObject;

/**
 * The answer of a data request (spec 13.7): the statistic of Table 13.5 over the task's targets'
 * subtrees, computed with {@code partial=true}, so it may be incomplete; its completeness report
 * says which nodes it comes from.
 *
 * @param statistic    MemberCountsByStage, DuesCollection or MeetingCompliance
 * @param json         the statistic's answer as the node wrote it
 * @param completeness which nodes answered
 */
public record TaskAnswer(String statistic, JsonObject json, Completeness completeness) {

    static TaskAnswer of(String statistic, JsonObject json) {
        if (statistic == null) { // the answer of GET {task}/answer: its keys say which statistic it is
            statistic = json.containsKey("groupBy") ? "MemberCountsByStage" : json.containsKey("month") ? "DuesCollection"
                    : json.containsKey("requirements") ? "MeetingCompliance" : null;
        }
        return new TaskAnswer(statistic, json, json.containsKey("completeness") ? Completeness.of(json.getJsonObject("completeness"))
                : new Completeness(null, false, java.util.List.of()));
    }

    /** Whether every node in scope answered. */
    public boolean complete() {
        return completeness.complete();
    }

    /** The member counts by stage, for a MemberCountsByStage request. */
    public Optional<MemberStatistics> memberStatistics() {
        return "MemberCountsByStage".equals(statistic) ? Optional.of(MemberStatistics.of(json)) : Optional.empty();
    }

    /** The dues collection, for a DuesCollection request. */
    public Optional<DuesCollection> duesCollection() {
        return "DuesCollection".equals(statistic) ? Optional.of(DuesCollection.of(json)) : Optional.empty();
    }

    /** The meeting compliance, for a MeetingCompliance request. */
    public Optional<ComplianceStatistic> compliance() {
        return "MeetingCompliance".equals(statistic) ? Optional.of(ComplianceStatistic.of(json)) : Optional.empty();
    }
}
