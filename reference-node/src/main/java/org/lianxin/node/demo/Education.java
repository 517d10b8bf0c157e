package org.lianxin.node.demo;

import java.util.SplittableRandom;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.lianxin.node.demo.PlannedOrganization.WorkplaceKind;

/**
 * Highest education (an lx:EducationScheme concept) and degree of a demo member. Younger members
 * and those in offices, schools and hospitals are better educated than older and rural members.
 *
 * @param degree null when the member has none
 */
record Education(String level, String degree) {

    private static final Weighted<String> BORN_1980_OR_LATER = Weighted.pairs("Postgraduate", 10, "Undergraduate", 45,
            "JuniorCollege", 25, "SecondaryVocational", 8, "HighSchool", 8, "JuniorHighSchool", 4);
    private static final Weighted<String> BORN_1960_TO_1979 = Weighted.pairs("Postgraduate", 3, "Undergraduate", 25,
            "JuniorCollege", 30, "SecondaryVocational", 12, "HighSchool", 18, "JuniorHighSchool", 10, "PrimarySchoolOrBelow", 2);
    private static final Weighted<String> BORN_BEFORE_1960 = Weighted.pairs("Postgraduate", 1, "Undergraduate", 10,
            "JuniorCollege", 15, "SecondaryVocational", 10, "HighSchool", 25, "JuniorHighSchool", 25, "PrimarySchoolOrBelow", 14);
    private static final Weighted<String> RURAL = Weighted.pairs("Undergraduate", 8, "JuniorCollege", 15,
            "SecondaryVocational", 10, "HighSchool", 25, "JuniorHighSchool", 35, "PrimarySchoolOrBelow", 7);
    private static final Weighted<String> PROFESSIONAL = Weighted.pairs("Postgraduate", 15, "Undergraduate", 60,
            "JuniorCollege", 20, "SecondaryVocational", 5);

    static Education draw(SplittableRandom random, WorkplaceKind kind, int birthYear, int age) {
        boolean professional = age < 60 && (kind == WorkplaceKind.SCHOOL || kind == WorkplaceKind.HOSPITAL
                || kind == WorkplaceKind.GOVERNMENT_OFFICE || kind == WorkplaceKind.TOWN_OFFICE);
        Weighted<String> mix = professional ? PROFESSIONAL
                : birthYear < 1960 ? BORN_BEFORE_1960
                : kind == WorkplaceKind.VILLAGE ? RURAL
                : birthYear < 1980 ? BORN_1960_TO_1979 : BORN_1980_OR_LATER;
        String level = mix.draw(random);
        int r = random.nextInt(100);
        String degree = switch (level) {
            case "Postgraduate" -> r < 90 ? "硕士" : "博士";
            case "Undergraduate" -> r < 95 ? "学士" : null;
            default -> null;
        };
        return new Education(level, degree);
    }

    void addTo(Graph g, Node member) {
        g.add(member, Terms.EDUCATION, Terms.lx(level));
        if (degree != null) {
            g.add(member, Terms.DEGREE, Terms.string(degree));
        }
    }
}
