package org.lianxin.node.tasks;

import java.text.Normalizer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The equivalence key of a task (spec 13.5, LX-TASK-7): two requests with equal keys ask the same
 * thing. Normative, so that a node compares keys that other nodes computed: lines joined by a line
 * feed — for a data request its kind, the statistic, the period and each asked field; for an action
 * request its kind, the activity type, the topic and the month of its due date.
 */
public final class TaskKey {

    private TaskKey() {}

    public static String dataRequest(Optional<String> statistic, Optional<String> period, List<String> askedFields) {
        List<String> lines = new ArrayList<>(List.of("DataRequest", statistic.orElse(""), period.orElse("")));
        TreeSet<String> fields = new TreeSet<>(); // code point order: the same on every node, whatever its locale
        askedFields.forEach(f -> fields.add(normalized(f)));
        lines.addAll(fields);
        return String.join("\n", lines);
    }

    public static String actionRequest(String activityType, String topic, YearMonth dueMonth) {
        return String.join("\n", "ActionRequest", activityType, normalized(topic), dueMonth.toString());
    }

    /** Unicode NFKC, every run of white space one space, trimmed, lower case: 「 主题党日　学习 」 and 「主题党日 学习」 are one topic. */
    public static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("(?U)\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
