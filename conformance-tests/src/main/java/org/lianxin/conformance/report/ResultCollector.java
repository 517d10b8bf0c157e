package org.lianxin.conformance.report;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.lianxin.conformance.Verifies;

/**
 * Turns the JUnit Platform's events into the kit's results: a test that succeeded passed, one whose
 * assumption did not hold (a token the kit has not, a node that did not let it set up) could not
 * tell, one whose assertion failed failed. A class whose setup failed makes each of its tests
 * cantTell, with the reason.
 */
public final class ResultCollector implements TestExecutionListener {

    private final List<TestResult> results = new ArrayList<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            Evidence.take(); // what came before belongs to no test
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            add(test, Outcome.CANT_TELL, "skipped: " + reason, List.of());
        } else {
            plan.getDescendants(test).stream().filter(TestIdentifier::isTest)
                    .forEach(t -> add(t, Outcome.CANT_TELL, "skipped: " + reason, List.of()));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        List<Exchange> evidence = test.isTest() ? Evidence.take() : List.of();
        String message = result.getThrowable().map(ResultCollector::message).orElse("");
        if (test.isTest()) {
            Outcome outcome = switch (result.getStatus()) {
                case SUCCESSFUL -> Outcome.PASSED;
                case ABORTED -> result.getThrowable().filter(t -> t instanceof org.lianxin.conformance.Inapplicable).isPresent()
                        ? Outcome.INAPPLICABLE : Outcome.CANT_TELL;
                case FAILED -> result.getThrowable().filter(t -> t instanceof AssertionError).isPresent()
                        ? Outcome.FAILED : Outcome.CANT_TELL;
            };
            add(test, outcome, outcome == Outcome.CANT_TELL && result.getStatus() == TestExecutionResult.Status.FAILED
                    ? "the test could not run to the end: " + message : message, outcome == Outcome.PASSED ? List.of() : evidence);
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            List<Exchange> setup = Evidence.take();
            for (TestIdentifier descendant : plan.getDescendants(test)) {
                if (descendant.isTest() && results.stream().noneMatch(r -> r.test().equals(name(descendant)))) {
                    add(descendant, Outcome.CANT_TELL, "setup failed: " + message, setup);
                }
            }
        }
    }

    public List<TestResult> results() {
        return List.copyOf(results);
    }

    private void add(TestIdentifier test, Outcome outcome, String message, List<Exchange> evidence) {
        List<String> ids = verifies(test).map(v -> Arrays.stream(v).map(Verifies::id).toList()).orElse(List.of());
        results.add(new TestResult(name(test), test.getDisplayName(), ids, outcome, message, evidence));
    }

    private String name(TestIdentifier test) {
        String name = test.getSource().filter(s -> s instanceof MethodSource).map(s -> (MethodSource) s)
                .map(m -> m.getClassName().replaceAll(".*\\.", "") + "." + m.getMethodName()).orElse(test.getDisplayName());
        return plan.getParent(test).filter(p -> p.getSource().filter(s -> s instanceof MethodSource).isPresent())
                .map(p -> name + " " + test.getDisplayName()).orElse(name);
    }

    /** The @Verifies of the test's method (for an invocation of a parameterized test, of its method). */
    private Optional<Verifies[]> verifies(TestIdentifier test) {
        Optional<MethodSource> source = test.getSource().filter(s -> s instanceof MethodSource).map(s -> (MethodSource) s);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        try {
            Class<?> type = Class.forName(source.get().getClassName());
            String parameters = source.get().getMethodParameterTypes();
            for (Method method : type.getDeclaredMethods()) {
                // The name and the parameters: a test may share its name with a helper (SendingNodeTest.receipt).
                if (method.getName().equals(source.get().getMethodName()) && Arrays.stream(method.getParameterTypes()).map(Class::getName)
                        .collect(java.util.stream.Collectors.joining(", ")).equals(parameters == null ? "" : parameters)) {
                    return Optional.of(method.getAnnotationsByType(Verifies.class));
                }
            }
        } catch (ClassNotFoundException e) {
            // not one of the kit's tests
        }
        return Optional.empty();
    }

    private static String message(Throwable t) {
        String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }
}
