package org.lianxin.conformance.report;

import java.util.List;

/**
 * What one test of the kit found.
 *
 * @param test         the test's name, {@code Class.method} with its parameters for a parameterized one
 * @param description  what it checks, for a person
 * @param requirements the requirement IDs it checks
 * @param outcome      PASSED, FAILED or CANT_TELL
 * @param message      why it failed or could not tell; "" when it passed
 * @param evidence     the requests it made and the answers, for a failure
 */
public record TestResult(String test, String description, List<String> requirements, Outcome outcome, String message,
                         List<Exchange> evidence) {}
