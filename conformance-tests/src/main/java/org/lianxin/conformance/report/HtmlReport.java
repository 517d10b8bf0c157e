package org.lianxin.conformance.report;

import java.util.List;

import org.lianxin.conformance.Untested;

/**
 * The run for a person: the verdict per conformance class, then per requirement its level, outcome
 * and tests, and for every failure the requests the test made and excerpts of the answers.
 */
public final class HtmlReport {

    private HtmlReport() {}

    public static String html(Summary summary, List<String> notCleanedUp) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Lianxin conformance: ")
                .append(esc(summary.node())).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;width:100%}")
                .append("td,th{border:1px solid #ccc;padding:.3em;vertical-align:top;text-align:left}")
                .append(".passed{background:#e6f4ea}.failed{background:#fce8e6}.cantTell{background:#fef7e0}")
                .append(".inapplicable,.untested{background:#f1f3f4}pre{white-space:pre-wrap;font-size:.85em;max-height:30em;overflow:auto}")
                .append("</style></head><body>\n");
        h.append("<h1>Lianxin conformance report（连心符合性测试报告）</h1>\n<p>Node <code>").append(esc(summary.node()))
                .append("</code>, ").append(esc(summary.at().toString())).append(". Claims ").append(esc(summary.claimed().toString()))
                .append("; tested ").append(esc(summary.tested().toString())).append(".</p>\n");
        h.append("<table><tr><th>Class</th><th>Verdict</th><th>Requirements</th></tr>\n");
        for (Summary.ClassVerdict c : summary.classes(Untested.BY_DESIGN.keySet())) {
            h.append("<tr><td><a href=\"#").append(esc(c.conformanceClass())).append("\">").append(esc(c.conformanceClass()))
                    .append("</a></td><td>").append(esc(c.conformance().words())).append(c.warnings() > 0 ? " (" + c.warnings() + " warnings)" : "")
                    .append("</td><td>").append(esc(c.counts().toString())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!notCleanedUp.isEmpty()) {
            h.append("<p><strong>Not cleaned up:</strong> ").append(esc(notCleanedUp.toString())).append("</p>\n");
        }
        for (String c : summary.verdicts().stream().map(v -> v.requirement().conformanceClass()).distinct().toList()) {
            h.append("<h2 id=\"").append(esc(c)).append("\">").append(esc(c)).append("</h2>\n<table>")
                    .append("<tr><th>Requirement</th><th>Level</th><th>Outcome</th><th>Text and tests</th></tr>\n");
            for (Verdict v : summary.verdicts().stream().filter(v -> v.requirement().conformanceClass().equals(c)).toList()) {
                h.append("<tr class=\"").append(v.outcome().earl()).append("\"><td id=\"").append(v.requirement().id()).append("\">")
                        .append(v.requirement().id()).append("</td><td>").append(esc(v.requirement().level())).append("</td><td>")
                        .append(v.outcome().earl()).append(v.warning() ? " (warning)" : "").append("</td><td>")
                        .append(esc(v.requirement().text()));
                if (!v.note().isEmpty()) {
                    h.append("<br><em>").append(esc(v.note())).append("</em>");
                }
                for (TestResult t : v.tests()) {
                    h.append("<br>").append(t.outcome() == Outcome.PASSED ? "✓ " : "✗ ").append("<code>").append(esc(t.test())).append("</code>");
                    if (t.outcome() != Outcome.PASSED) {
                        h.append(" — ").append(esc(t.message()));
                        for (Exchange e : t.evidence()) {
                            h.append("<details><summary>").append(esc(e.method() + " " + e.url() + " → " + e.status())).append("</summary><pre>")
                                    .append(esc(e.method() + " " + e.url() + "\n" + String.join("\n", e.requestHeaders())
                                            + (e.requestBody().isEmpty() ? "" : "\n\n" + e.requestBody())))
                                    .append("</pre><pre>").append(esc("HTTP " + e.status() + "\n" + String.join("\n", e.responseHeaders())
                                            + "\n\n" + e.responseBody())).append("</pre></details>");
                        }
                    }
                }
                h.append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
