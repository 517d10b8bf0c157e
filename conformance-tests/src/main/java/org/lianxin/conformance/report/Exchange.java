package org.lianxin.conformance.report;

import java.util.List;

/**
 * One HTTP request of a test and the node's answer, kept as evidence for the report. Bodies are
 * excerpts; the Authorization header is never kept, only whether there was one.
 *
 * @param method          e.g. GET
 * @param url             the request URL
 * @param requestHeaders  "Name: value" lines, Authorization redacted
 * @param requestBody     an excerpt of the request body, or ""
 * @param status          the status of the answer, or 0 when there was none
 * @param responseHeaders "Name: value" lines of the answer
 * @param responseBody    an excerpt of the answer's body, or why there was no answer
 */
public record Exchange(String method, String url, List<String> requestHeaders, String requestBody, int status,
                       List<String> responseHeaders, String responseBody) {

    /** How much of a body the report keeps. */
    public static final int EXCERPT = 2000;

    public static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT) + "\n… (" + body.length() + " characters)";
    }
}
