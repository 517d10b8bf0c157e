package org.lianxin.node.statistics;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.lianxin.node.problems.ProblemException;

/** What a member statistic is grouped by (spec 7, subtree statistics). */
public enum Grouping {
    NONE("none"), STAGE("stage"), GENDER("gender"), ETHNICITY("ethnicity"), EDUCATION("education"),
    AGE_BAND("ageBand"), ORG_TYPE("orgType"), CHILD_ORGANIZATION("childOrganization");

    private final String name;

    Grouping(String name) {
        this.name = name;
    }

    public String parameter() {
        return name;
    }

    public static Grouping of(String parameter) {
        if (parameter == null || parameter.isEmpty()) {
            return NONE;
        }
        for (Grouping g : values()) {
            if (g.name.equals(parameter)) {
                return g;
            }
        }
        throw ProblemException.badRequest("groupBy is one of "
                + Arrays.stream(values()).map(Grouping::parameter).collect(Collectors.joining(", ")) + ".");
    }
}
